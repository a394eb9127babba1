"""People on a body: person names and posts as lists print them, role-labelled lists, several
people in one string, and composition sentences (组长由…担任)."""
