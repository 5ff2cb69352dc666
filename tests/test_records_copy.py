"""`records copy --to`: a case log moved (to PostgreSQL, to another file, or from
PostgreSQL back to a file) keeps every case, field and number, the channel register, the
contacts, the web app's accounts with their log, and the attachments with their withdrawals;
a target that holds anything is refused unless --append, which refuses a case number or user
name it holds; the result is checked on both sides; a copy that is refused or killed leaves
the target as it was."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from test_channels import channel
from test_records_store import case

from gk_respond.records.account_log import recent
from gk_respond.records.attachments import Evidence, attach, attachments, content, withdraw
from gk_respond.records.channels import Channels
from gk_respond.records.contacts import Contact, Contacts
from gk_respond.records.store import NoCaseLog, Store
from gk_respond.records.users import Users

HOSTILE = "Skatten höjs!\n\x1b[31m åäö \u202e'; DROP TABLE cases;-- 100% _\\ <b>&amp;"
PASSWORD = "ett långt lösenord"
EVIDENCE = b"%PDF-1.4\n\x00\xff binary \x00 evidence\n"


def filled_source(path: str, *, nul: str = "") -> list[dict]:
    """A log with cases in two years, one followed up in every field and holding two
    attachments (one withdrawn), a channel, a contact and two accounts (one disabled), all
    with hostile text; ``nul`` puts a NUL (which only a file can keep) in the last case's
    ``"comment"`` or in the withdrawal's ``"reason"``."""
    with Store(path) as store:
        store.save(case(comment_text=HOSTILE), now=datetime(2025, 5, 1, tzinfo=UTC))
        first = store.save(case(author="Eve <script>", url="https://x.example/1?a='b'"))
        store.save(
            case(outcome="remove", comment_text="100% ;-- 'x'" + "\x00" * (nul == "comment"))
        )

        def follow_up(found) -> None:
            found.ticked = [0, 2]
            found.notes = "2026-11-20 Anna: polisanmält " + HOSTILE
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
        at = "2026-11-20T11:00:00+00:00"
        files = [
            Evidence("a", "skärm'; --.pdf", "application/pdf", EVIDENCE, sha(EVIDENCE)),
            Evidence("b", "\u202eexe.png", "image/png", b"\x89PNG x", sha(b"\x89PNG x")),
        ]
        attach(store, first.number, files, "anna", at)
        withdraw(
            store, first.number, 2, "fel fil: " + HOSTILE + "\x00" * (nul == "reason"), "anna", at
        )
        Channels(store).add(channel())
        Contacts(store).add(
            Contact(id="sakerhet", role="säkerhetssamordnare", name="Örjan <b>Öst</b>",
                    email="orjan@gullspang.se", phone="0551-360 00")
        )  # fmt: skip
        Users(store).add("anna.öst", "informationsansvarig", PASSWORD, by="admin")
        Users(store).add("bo", "kommunikatör", PASSWORD, by="anna.öst")
        Users(store).disable("bo", by="anna.öst")
        return [dataclasses.asdict(c) for c in store.cases()]


def sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def everything(location: str) -> dict[str, object]:
    """What a log holds, every table, as a user can read it back."""
    with Store(location, readonly=True) as store:
        numbers = [c.number for c in store.cases()]
        files = {
            (n, a.number): (a, content(store, n, a.number)[1])
            for n in numbers
            for a in attachments(store, n)
        }
        hashes = store.query("SELECT name, password_hash FROM users ORDER BY name")
        return {
            "cases": [dataclasses.asdict(c) for c in store.cases()],
            "channels": Channels(store).all(),
            "contacts": Contacts(store).all(),
            "users": Users(store).all(),
            "hashes": [tuple(row) for row in hashes],
            "events": [dataclasses.replace(e) for e in recent(store)],
            "attachments": files,
            "counters": sorted(tuple(r) for r in store.query("SELECT * FROM case_counters")),
            "warnings": store.warnings,
        }


COPIED = (
    "copied 3 cases, 1 channel, 1 contact, 2 accounts (3 account events) and 2 attachments "
    "(1 withdrawn) from {source} to {target}; the counts and every comment's and attachment's "
    "SHA-256 match on both sides"
)


def test_copy_keeps_every_case_field_number_channel_account_and_file(gk, tmp_path, case_log):
    source = str(tmp_path / "source.db")
    cases = filled_source(source)
    result = gk("records", "copy", "--db", source, "--to", case_log)
    assert result.returncode == 0, result.stderr
    with Store(case_log) as target:
        where = target.path
    assert result.stderr == "gk-respond: " + COPIED.format(source=source, target=where) + "\n"
    assert everything(case_log) == everything(source)
    assert everything(case_log)["cases"] == cases and len(cases) == 3
    with Store(case_log) as target:
        assert [c.id for c in Channels(target).all()] == ["kommunen-facebook"]
        # the accounts sign in with their passwords; the disabled one stays disabled
        assert Users(target).verify("anna.öst", PASSWORD) is not None
        assert Users(target).get("bo").disabled_at is not None
        # numbering goes on after the copied numbers, per year
        assert target.save(case()).number == f"{datetime.now().year}-0003"
        assert target.save(case(), now=datetime(2025, 6, 1, tzinfo=UTC)).number == "2025-0002"
        # and so do the attachments of a copied case and the account log
        number = f"{datetime.now().year}-0001"  # the followed-up one
        again = Evidence("c", "ny.txt", "text/plain", b"ny", sha(b"ny"))
        assert attach(target, number, [again], "bo", "2026-11-22T00:00:00+00:00")[1][0].number == 3
        Users(target).add("cia", "kommunikatör", PASSWORD, by="anna.öst")
        assert recent(target)[0].account == "cia"
    listed = json.loads(gk("records", "list", "--db", case_log, "--format", "json").stdout)
    assert len(listed) == 5


def test_copy_from_either_backend_to_a_file_and_back(gk, tmp_path, case_log):
    """PostgreSQL (or a file) to a file, and that file to a new log on the same backend."""
    filled_source(case_log)
    to_file = str(tmp_path / "copy.db")
    out = gk("records", "copy", "--db", case_log, "--to", to_file)
    assert out.returncode == 0, out.stderr
    assert "copied 3 cases, 1 channel, 1 contact, 2 accounts" in out.stderr
    assert everything(to_file) == everything(case_log)
    assert os.stat(to_file).st_mode & 0o777 == 0o600  # personal data: the owner's only
    index = () if case_log.startswith("postgresql:") else ("case_search",)  # a file's index
    with Store(case_log) as store:  # emptied behind the store's back: its index too
        for table in ("attachment_withdrawals", "attachments", "cases", "channels", "contacts",
                      "users", "account_events", "case_counters", *index):  # fmt: skip
            with store.transaction() as db:
                db.execute(f"DELETE FROM {table}")
    back = gk("records", "copy", "--db", to_file, "--to", case_log)
    assert back.returncode == 0, back.stderr
    assert everything(case_log) == everything(to_file)


def test_a_target_that_holds_cases_is_refused_unless_append_and_clashes_always(
    gk, tmp_path, case_log
):
    source = str(tmp_path / "source.db")
    filled_source(source)
    with Store(case_log) as target:
        held = target.save(case(), now=datetime(2020, 1, 1, tzinfo=UTC)).number
    refused = gk("records", "copy", "--db", source, "--to", case_log)
    assert refused.returncode == 4
    assert "already holds 1 case" in refused.stderr and "nothing was copied" in refused.stderr
    appended = gk("records", "copy", "--db", source, "--to", case_log, "--append")
    assert appended.returncode == 0, appended.stderr
    with Store(case_log, readonly=True) as target:
        assert len(target.cases()) == 4 and target.get(held) is not None
    again = gk("records", "copy", "--db", source, "--to", case_log, "--append")
    assert again.returncode == 4 and "already holds case 2025-0001" in again.stderr
    with Store(case_log, readonly=True) as target:
        assert len(target.cases()) == 4  # nothing half-copied


def counts(location: str) -> dict[str, int]:
    tables = ("cases", "channels", "contacts", "users", "account_events", "attachments",
              "attachment_withdrawals")  # fmt: skip
    with Store(location, readonly=True) as store:
        return {t: store.query(f"SELECT COUNT(*) FROM {t}")[0][0] for t in tables}


def test_append_refuses_a_user_name_held_and_a_contact_held_with_other_data(gk, tmp_path, case_log):
    source = str(tmp_path / "source.db")
    filled_source(source)
    with Store(case_log) as target:
        Users(target).add("anna.öst", "kommunikatör", "ett annat lösenord", by="it")
    held = counts(case_log)
    plain = gk("records", "copy", "--db", source, "--to", case_log)
    assert plain.returncode == 4
    assert plain.stderr.endswith(
        ": already holds 1 account and 1 account event; nothing was copied (--append adds "
        "to them, renumbering nothing)\n"
    )
    refused = gk("records", "copy", "--db", source, "--to", case_log, "--append")
    assert refused.returncode == 4
    assert refused.stderr.endswith(": already holds the account anna.öst; nothing was copied\n")
    assert counts(case_log) == held  # nothing half-copied
    with Store(case_log) as target:
        Users(target).remove("anna.öst", by="it")
        Contacts(target).add(
            Contact(id="sakerhet", role="säkerhetssamordnare", name="Någon annan",
                    email="x@gullspang.se", phone="0551-1")
        )  # fmt: skip
    differs = gk("records", "copy", "--db", source, "--to", case_log, "--append")
    assert differs.returncode == 4
    assert differs.stderr.endswith(
        ": already holds contact sakerhet with other data; nothing was copied\n"
    )
    with Store(case_log) as target:
        Contacts(target).remove("sakerhet")
        Contacts(target).add(Contacts(Store(source, readonly=True)).get("sakerhet"))
    appended = gk("records", "copy", "--db", source, "--to", case_log, "--append")
    assert appended.returncode == 0, appended.stderr
    assert "copied 3 cases, 1 channel, 0 contacts, 2 accounts (3 account events)" in (
        appended.stderr
    )  # the identical contact is left as it was
    assert counts(case_log)["account_events"] == 2 + 3  # the target's own log goes on
    assert everything(case_log)["users"] == everything(source)["users"]


@pytest.mark.parametrize(
    ("nul", "named"),
    [
        ("comment", "case {year}-0002 holds the character U+0000 (NUL) in comment_text"),
        (
            "reason",
            "the withdrawal of attachment {year}-0001/2 holds the character U+0000 (NUL) in reason",
        ),
    ],
)
def test_a_nul_is_named_and_nothing_goes_to_postgresql(gk, tmp_path, postgres_log, nul, named):
    source = str(tmp_path / "source.db")
    filled_source(source, nul=nul)
    result = gk("records", "copy", "--db", source, "--to", postgres_log)
    assert result.returncode == 4
    year = datetime.now().year
    assert result.stderr == (
        f"gk-respond: error: {source}: {named.format(year=year)}, which PostgreSQL cannot "
        "keep; nothing was copied (keep it in the file)\n"
    )
    with pytest.raises(NoCaseLog):  # refused before the target was even made a log
        Store(postgres_log, readonly=True)
    to_file = gk("records", "copy", "--db", source, "--to", str(tmp_path / "copy.db"))
    assert to_file.returncode == 0, to_file.stderr  # a file keeps it
    assert everything(str(tmp_path / "copy.db")) == everything(source)


def test_the_copy_speaks_swedish(gk_sv, tmp_path):
    source, target = str(tmp_path / "source.db"), str(tmp_path / "target.db")
    filled_source(source)
    done = gk_sv("records", "copy", "--db", source, "--to", target)
    assert done.returncode == 0, done.stderr
    assert done.stderr == (
        f"gk-respond: kopierade 3 ärenden, 1 kanal, 1 kontakt, 2 konton (3 "
        f"kontohändelser) och 2 bilagor (1 återkallad) från {source} till {target}; antalen "
        "och varje kommentars och bilagas SHA-256 stämmer på båda sidor\n"
    )
    held = gk_sv("records", "copy", "--db", source, "--to", target)
    assert held.returncode == 4
    assert held.stderr == (
        f"gk-respond: fel: {target}: innehåller redan 3 ärenden, 1 kanal, 1 kontakt, 2 "
        "konton, 3 kontohändelser, 2 bilagor och 1 återkallelse av en bilaga; inget kopierades "
        "(--append lägger till, utan att numrera om något)\n"
    )
    clash = gk_sv("records", "copy", "--db", source, "--to", target, "--append")
    year = datetime.now().year
    assert clash.stderr == (
        f"gk-respond: fel: {target}: innehåller redan ärende 2025-0001, {year}-0001, "
        f"{year}-0002; inget kopierades\n"
    )
    same = gk_sv("records", "copy", "--db", source, "--to", source)
    assert same.stderr == (
        f"gk-respond: fel: {source}: är ärendeloggen som kopieras; ange en annan --to\n"
    )


KILLED_COPY = """
import sys
from gk_respond.records.copy import copy_log
from gk_respond.records.store import NoCaseLog, Store
with Store(sys.argv[1]) as source:
    copy_log(source, sys.argv[2])
"""


def test_a_copy_killed_midway_leaves_the_target_as_it_was(tmp_path, postgres_log):
    """The copy is held (by a lock on the attachments) after it has written the cases in
    its transaction, killed there with SIGKILL: the target holds nothing of it."""
    import psycopg
    from backends import server

    source = str(tmp_path / "source.db")
    filled_source(source)
    Store(postgres_log).close()  # an empty log, its tables made
    schema = postgres_log.rsplit("%3D", 1)[1]
    with psycopg.connect(server(), autocommit=True) as admin:
        admin.execute("BEGIN")
        admin.execute(f"LOCK TABLE {schema}.attachments IN SHARE MODE")  # no insert passes
        copier = subprocess.Popen([sys.executable, "-c", KILLED_COPY, source, postgres_log])
        waiting = None
        for _ in range(100_000):  # until the copy waits for the lock, mid-transaction
            waiting = admin.execute(
                "SELECT pid FROM pg_locks WHERE NOT granted AND relation = %s::regclass",
                (f"{schema}.attachments",),
            ).fetchone()
            if waiting or copier.poll() is not None:
                break
            admin.execute("SELECT pg_sleep(0.01)")
        assert waiting, copier.returncode
        cases_written = admin.execute(
            "SELECT COUNT(*) FROM pg_locks WHERE pid = %s AND relation = %s::regclass",
            (waiting[0], f"{schema}.cases"),
        ).fetchone()[0]
        assert cases_written  # it has written the cases (their rows lock the table)
        os.kill(copier.pid, signal.SIGKILL)
        copier.wait()
        admin.execute("COMMIT")  # the lock goes: the server finds its client gone
        for _ in range(100_000):
            gone = admin.execute(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = %s", (waiting[0],)
            ).fetchone()[0]
            if not gone:
                break
            admin.execute("SELECT pg_sleep(0.01)")
        assert not gone
    assert set(counts(postgres_log).values()) == {0}
    with Store(postgres_log) as target:
        assert target.query("SELECT COUNT(*) FROM case_counters")[0][0] == 0
    # and the copy can be made again, whole
    again = copy_log_in_process(source, postgres_log)
    assert again.cases == 3
    assert everything(postgres_log) == everything(source)


def copy_log_in_process(source: str, target: str):
    from gk_respond.records.copy import copy_log

    with Store(source) as store:
        return copy_log(store, target)


def test_a_damaged_attachment_is_named_and_nothing_is_copied(gk, tmp_path):
    import sqlite3

    source, target = str(tmp_path / "source.db"), str(tmp_path / "target.db")
    filled_source(source)
    with sqlite3.connect(source) as connection:  # a bit changed on the disk, say
        connection.execute("UPDATE attachments SET content = X'00' WHERE seq = 1")
    result = gk("records", "copy", "--db", source, "--to", target)
    assert result.returncode == 4
    assert result.stderr == (
        f"gk-respond: error: {source}: attachment {datetime.now().year}-0001/1 is damaged "
        "(its content's SHA-256 is not the one stored); nothing was copied — restore it from "
        "a backup first\n"
    )
    assert not os.path.exists(target)


def test_a_save_to_the_source_while_it_is_copied_is_neither_copied_nor_a_mismatch(
    tmp_path, case_log, monkeypatch
):
    """Every read of the source is in one snapshot: a case saved to it (through another
    store, as another user would) after the cases were copied and before the copy is
    compared with it is not in the copy, and the comparison, of the same snapshot, passes;
    the save itself is kept. Read apart, the comparison would have seen one case more."""
    from gk_respond.records import copy, copy_tables

    source = str(tmp_path / "source.db")
    cases = filled_source(source)
    written = copy_tables.write

    def write_then_save(db, store, tables):
        written(db, store, tables)
        with Store(source) as other:
            other.save(case(comment_text="Sparat under kopieringen"))

    monkeypatch.setattr(copy_tables, "write", write_then_save)
    with Store(source) as store:
        copied = copy.copy_log(store, case_log)
    assert copied.cases == 3
    with Store(case_log, readonly=True) as target:
        assert [dataclasses.asdict(c) for c in target.cases()] == cases
    with Store(source, readonly=True) as store:
        assert store.count() == 4
