"""What is kept, no UI: the case log (`store`: `Store`, `Case`, `CaseFilter`; `new`: a Case
from a finished triage; `followup`: ticks, notes, closing), the channel register kept in the
same file (`channels`; `channel_files`: its text, public list and backup files), and cases
for people and files (`view`, `export`, `stats`)."""
