"""The Textual front end. It renders the core's state and holds no flowchart logic."""
