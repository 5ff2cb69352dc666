"""The Textual front end: the triage app (`app`: `GkRespondApp`) and the training app
(`training`: `TrainingApp`), their screens (`screens/`), widgets and key bindings. It renders
the core's state and holds no flowchart logic; nothing outside it imports Textual."""
