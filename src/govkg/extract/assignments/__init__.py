"""Assignments: agencies named lead (牵头), responsible (责任) or cooperating (配合) unit of a task,
from brackets closing a task, labelled statements and role columns of tables."""
