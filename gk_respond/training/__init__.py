"""Training mode, without any UI: scenario files (schema, loading, checking), choosing a
session's scenarios, and grading what a trainee answered."""
