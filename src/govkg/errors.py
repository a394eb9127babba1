"""The error types govkg raises at its boundaries; ``str(err)`` is always a one-line reason.

A stage catches what it can explain and turns it into one of these; the CLI and the API print
the message, never a traceback.
"""
from __future__ import annotations


class UnreadableFile(Exception):
    """A file that cannot be read as gazette text; ``str(err)`` is the one-line reason."""


class StoreError(Exception):
    """A store could not be reached, refused credentials, or failed a load; one-line message."""


class QueryLimit(StoreError):
    """A query stopped at a limit of ``govkg.store.limits`` (time or rows); the store is free again."""


class QueryTimeout(QueryLimit):
    """A query that ran longer than its time limit."""


class TooManyRows(QueryLimit):
    """A query that returned more rows than its row cap."""


class QueryError(ValueError):
    """A malformed query file, an unknown query, or bad parameters; one-line message."""


class UnknownLabel(ValueError):
    """A node label that the schema does not define."""


class IncompleteBuild(Exception):
    """A build folder that is not a finished build (no manifest, or a file that does not match it)."""


class BuildRefused(Exception):
    """A build that must not replace the folder it would write (not a build folder, empty, failed); one line."""


class ClusterError(Exception):
    """A cluster that cannot be reached or that lost the work; one-line message."""


class Busy(Exception):
    """Another build or load holds the lock on the same folder or store; one-line message."""


class JudgementError(ValueError):
    """A review judgement that is malformed or names nothing it can judge; one-line message."""


__all__ = ["JudgementError", "UnreadableFile", "StoreError", "QueryLimit", "QueryTimeout", "TooManyRows", "QueryError", "UnknownLabel", "IncompleteBuild", "BuildRefused", "Busy", "ClusterError"]
