"""`records copy --to`: a case log moved (to PostgreSQL, or to another file) keeps every
case, field and number and the channel register; a target that holds cases is refused
unless --append, which refuses a number it holds; the result is checked on both sides."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

from test_channels import channel
from test_records_store import case

from gk_respond.records.channels import Channels
from gk_respond.records.store import Store


def filled_source(path: str) -> list[dict]:
    """A log with cases in two years, one followed up in every field, and a channel."""
    with Store(path) as store:
        store.save(
            case(comment_text="Skatten höjs!\n\x1b[31m åäö"), now=datetime(2025, 5, 1, tzinfo=UTC)
        )
        first = store.save(case(author="Eve", url="https://x.example/1"))
        store.save(case(outcome="remove", comment_text="100% ;-- 'x'"))

        def follow_up(found) -> None:
            found.ticked = [0, 2]
            found.notes = "2026-11-20 Anna: polisanmält"
            found.history.append(
                {
                    "at": "2026-11-20T10:00:00+00:00",
                    "event": "answer",
                    "question": "prohibited",
                    "answer": "ja",
                }
            )
            found.removed_at = "2026-11-20T10:00:00+00:00"
            found.copy_kept, found.diarium_number = "W:/kopia.pdf", "KS 2026/1"
            found.forwarded_to, found.closed_at = (
                "säkerhetssamordnaren",
                "2026-11-21T08:00:00+00:00",
            )
            found.reply_text = "Tack för ditt inlägg."

        store.update(first.number, follow_up)
        Channels(store).add(channel())
        return [dataclasses.asdict(c) for c in store.cases()]


def test_copy_keeps_every_case_field_number_and_channel_and_checks_them(gk, tmp_path, case_log):
    source = str(tmp_path / "source.db")
    cases = filled_source(source)
    result = gk("records", "copy", "--db", source, "--to", case_log)
    assert result.returncode == 0, result.stderr
    assert "copied 3 cases and 1 channels" in result.stderr
    assert "SHA-256 match on both sides" in result.stderr
    with Store(case_log) as target:
        assert [dataclasses.asdict(c) for c in target.cases()] == cases
        assert [c.id for c in Channels(target).all()] == ["kommunen-facebook"]
        # numbering goes on after the copied numbers, per year
        assert target.save(case()).number == f"{datetime.now().year}-0003"
        assert target.save(case(), now=datetime(2025, 6, 1, tzinfo=UTC)).number == "2025-0002"
    listed = json.loads(gk("records", "list", "--db", case_log, "--format", "json").stdout)
    assert len(listed) == 5


def test_a_target_that_holds_cases_is_refused_unless_append_and_clashes_always(
    gk, tmp_path, case_log
):
    source = str(tmp_path / "source.db")
    filled_source(source)
    with Store(case_log) as target:
        held = target.save(case(), now=datetime(2020, 1, 1, tzinfo=UTC)).number
    refused = gk("records", "copy", "--db", source, "--to", case_log)
    assert refused.returncode == 4
    assert "already holds 1 cases" in refused.stderr and "nothing was copied" in refused.stderr
    appended = gk("records", "copy", "--db", source, "--to", case_log, "--append")
    assert appended.returncode == 0, appended.stderr
    with Store(case_log, readonly=True) as target:
        assert len(target.cases()) == 4 and target.get(held) is not None
    again = gk("records", "copy", "--db", source, "--to", case_log, "--append")
    assert again.returncode == 4 and "already holds case 2025-0001" in again.stderr
    with Store(case_log, readonly=True) as target:
        assert len(target.cases()) == 4  # nothing half-copied
