"""The domain core: the flowchart file, its checks and its engine. No UI."""
