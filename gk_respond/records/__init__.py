"""Records: the case log (and later the channel register). No UI."""
