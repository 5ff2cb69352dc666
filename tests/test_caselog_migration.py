"""A case log written by the releases before deadlines and the audit trail (schema 4, made
by gk-respond at commit b7fe4ff, and schema 5, at 29cd92a, each with its own CLI: saves,
follow-up, a closed case; the schema-5 one with a registered channel) migrates and keeps
every case: its answers, follow-up fields, notes and the old history entries, which stay
readable; and the channel register is kept."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from conftest import DATA

RELEASES = {"4": DATA / "caselog-schema4-release.db", "5": DATA / "caselog-schema5-release.db"}


@pytest.mark.parametrize("schema", sorted(RELEASES))
def test_a_log_from_the_current_release_migrates_and_keeps_every_case(gk, tmp_path, schema):
    release = RELEASES[schema]
    db = tmp_path / "cases.db"
    shutil.copyfile(release, db)
    db.chmod(0o600)
    with sqlite3.connect(release) as old:
        old.row_factory = sqlite3.Row
        before = {row["number"]: dict(row) for row in old.execute("SELECT * FROM cases")}
        (version,) = old.execute("SELECT value FROM gk_respond_meta").fetchone()
    assert version == schema and len(before) == 3

    listed = gk("records", "list", "--format", "json", "--db", str(db))
    assert listed.returncode == 0, listed.stderr
    cases = {case["number"]: case for case in json.loads(listed.stdout)}
    assert set(cases) == set(before)
    for number, row in before.items():
        case = cases[number]
        for column in ("created_at", "handler", "comment_text", "comment_sha256", "outcome",
                       "notes", "removed_at", "copy_kept", "diarium_number", "forwarded_to",
                       "closed_at", "url", "platform", "reply_text"):  # fmt: skip
            assert case[column] == row[column], (number, column)
        assert case["history"] == json.loads(row["history_json"])  # old entries, as they were
        assert case["ticked"] == json.loads(row["ticked_json"])
        assert case["due_at"] is None  # saved before deadlines: none is made up afterwards
        shown = gk("records", "show", number, "--db", str(db), "--lang", "sv")
        assert shown.returncode == 0 and "svarade" in shown.stdout  # old entries readable
    with sqlite3.connect(db) as new:
        (version,) = new.execute("SELECT value FROM gk_respond_meta WHERE key='schema'").fetchone()
    assert int(version) > int(schema)
    if schema == "5":  # the register as it was, and the case it answered for
        channels = gk("channels", "list", "--format", "json", "--db", str(db))
        assert [c["id"] for c in json.loads(channels.stdout)] == ["kommunen-facebook"]
        first = cases["2026-0001"]["history"]
        assert first[-1]["event"] == "register" and first[-1]["channel"] == "kommunen-facebook"

    # and the migrated cases can be followed up, in the history, as any other
    closed = next(n for n, row in before.items() if row["closed_at"])
    assert gk("records", "update", closed, "--note", "x", "--db", str(db)).returncode == 2
    done = gk("records", "update", closed, "--reopen", "--db", str(db), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["history"][-1]["kind"] == "reopened"
