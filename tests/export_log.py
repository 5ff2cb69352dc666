"""A fixed case log for the export pins: the same cases, numbers and times every run, put in
through the store's own API (``insert_cases``), with what an export must carry through as it
is: å, ä, ö, a formula-like comment, line breaks, a bidi control, closed and open cases,
history, ticks and findings."""

from __future__ import annotations

from gk_respond.records.store import Case, Store, insert_cases

NOW = "2026-11-20T12:00:00+01:00"  # GK_RESPOND_NOW for the due labels in Markdown
OUTCOMES = ("remove", "correct", "leave", "report")
COMMENTS = (
    "Snöröjningen på Storgatan är en skandal! Åk hem, kommunalråd.",
    '=HYPERLINK("http://x.example";"klicka")',
    "Två rader:\nförsta\nandra",
    "Varför stängs badhuset i juli? \u202eabc",
    "+46 70 123 45 67 ringer ingen tillbaka?",
)


def fixed_cases(count: int = 12) -> list[Case]:
    cases = []
    for n in range(count):
        closed = n % 3 == 0
        cases.append(
            Case(
                handler=("Anna Åberg", "Bo Ek", "Cecilia Öst")[n % 3],
                lang="sv",
                flowchart_version="2026.3",
                flowchart_sha256="f" * 64,
                comment_text=f"{COMMENTS[n % len(COMMENTS)]} ({n})",
                comment_sha256=f"{n:064x}",
                outcome=OUTCOMES[n % len(OUTCOMES)],
                path=[("prohibited", "ja" if n % 2 else "nej"), ("owns_channel", "ja")],
                platform=("facebook", "instagram", "")[n % 3],
                url=f"https://www.facebook.com/gullspang/posts/{1000 + n}",
                author=f"Skribent {n}",
                found="2026-11-01 08:00",
                history=[{"at": "2026-11-01T09:00:00+00:00", "by": "Anna Åberg", "kind": "saved"}],
                ticked=[0] if closed else [],
                notes="- anteckning med *stjärnor*" if n % 4 == 1 else "",
                removed_at="2026-11-02T10:00:00+00:00" if closed else None,
                copy_kept="W:/Kommunikation/kopia.pdf" if closed else None,
                diarium_number="KS 2026/12" if n % 5 == 0 else None,
                closed_at="2026-11-03T10:00:00+00:00" if closed else None,
                reply_text="Tack för ditt inlägg." if n % 2 else "",
                due_at="2026-11-02T09:00:00+00:00" if not closed else None,
                number=f"2026-{n + 1:04d}",
                created_at=f"2026-11-01T{8 + n % 10:02d}:{n % 60:02d}:00+00:00",
            )
        )
    return cases


def fill(location: str, cases: list[Case]) -> None:
    """``cases`` into the log at ``location`` (created), their numbers given."""
    with Store(location) as store, store.transaction() as db:
        insert_cases(db, cases)
