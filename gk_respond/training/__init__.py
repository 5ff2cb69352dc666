"""Training, no UI: scenario files (`schema`: `Scenario`, `Loaded`; `load`: read and check
them; `check`: against the flowchart, and `expected_path`), choosing a session's scenarios
(`session`) and grading what a trainee answered (`grade`)."""
