"""The case log's errors, for the store and both of its backends."""


class StoreError(Exception):
    """A case log that cannot be used; the message says why, and the file is left alone."""


class NoCaseLog(StoreError):
    """There is no case log at the path: reading never creates one."""
