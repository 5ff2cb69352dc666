"""What is kept, no UI: the case log (`store`: `Store`, `Case`, `CaseFilter`; `new`: a Case
from a finished triage; `followup`: ticks, notes, closing), the channel register kept in the
same file (`channels`; `channel_files`: its text, public list and backup files;
`checklist`: the account checklist), the contacts for the roles the guidance names
(`contacts`, read lean by `contact_rows`), the web app's accounts (`users`), and cases for
people and files (`view`, `export`, `stats`)."""
