"""One module a screen; each imports its widgets only when it is shown."""
