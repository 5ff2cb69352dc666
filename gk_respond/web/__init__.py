"""The web front end (``gk-respond serve``): FastAPI and Jinja2 pages over the same core as
the CLI and the TUI. Imported only by ``serve``; the non-interactive path never loads it."""
