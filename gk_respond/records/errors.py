"""The case log's errors, for the store and both of its backends."""


class StoreError(Exception):
    """A case log that cannot be used; the message says why, and the file is left alone.
    ``str()`` gives it in English; `text` is the message as raised (a `messages.Text` for
    one the catalogue has, so that the command line, the TUI and the web show it in their
    language with `messages.shown`)."""

    @property
    def text(self) -> str:
        first = self.args[0] if self.args else ""
        return first if isinstance(first, str) else str(self)


class NoCaseLog(StoreError):
    """There is no case log at the path: reading never creates one."""
