"""Backups keep the evidence: the documented backup commands (docs/running.md) copy the
attachments too (they are in the same database), and a restored backup gives back every
attachment with its hash. And a case log written before there were attachments is migrated
with every case kept."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys

import pytest
from conftest import ROOT
from old_logs import downgrade
from test_evidence_cli import PNG, write


@pytest.fixture
def gk(gk_sv):
    """Under a Swedish locale: the messages Swedish users get."""
    return gk_sv


def documented_backups() -> list[str]:
    """The backup command lines in the docs (docs/running.md), as written there."""
    text = (ROOT / "docs" / "running.md").read_text(encoding="utf-8")
    block = text.split("## Backups", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.startswith("(umask 077")]


def a_log_with_evidence(gk, folder) -> tuple[str, dict[tuple[str, int], str]]:
    """Two cases with attachments (one withdrawn); the sha256 of each attached file."""
    db = str(folder / "cases.db")
    hashes: dict[tuple[str, int], str] = {}
    for index in range(2):
        saved = gk("--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", db,
                   "--comment", f"kommentar {index} åäö", "--format", "json")  # fmt: skip
        number = json.loads(saved.stdout)["case"]
        files = [
            write(folder / f"bild{index}.png", PNG + bytes([index])),
            write(folder / f"stor{index}.bin", os.urandom(300_000 + index)),
            write(folder / f"mejl{index}.eml", f"From: a@b.se\n\nhej {index}\n".encode()),
        ]
        result = gk("records", "attach", number, *files, "--db", db, "--format", "json")
        assert result.returncode == 0, result.stderr
        for attachment, path in zip(json.loads(result.stdout), files, strict=True):
            with open(path, "rb") as handle:
                hashes[number, attachment["number"]] = hashlib.sha256(handle.read()).hexdigest()
    withdrawn = gk("records", "withdraw", number, "2", "--reason", "fel fil", "--db", db)
    assert withdrawn.returncode == 0, withdrawn.stderr
    return db, hashes


@pytest.mark.parametrize("which", ["sqlite3", "python3"])
def test_a_restored_backup_gives_back_every_attachment_with_its_hash(gk, tmp_path, which):
    (command,) = [line for line in documented_backups() if f" {which} " in line]
    if which == "sqlite3" and not shutil.which("sqlite3"):
        pytest.skip("the sqlite3 program is not installed")
    live = tmp_path / "live"
    live.mkdir()
    db, hashes = a_log_with_evidence(gk, live)
    listed = {
        number: gk("records", "attachments", number, "--db", db, "--format", "json").stdout
        for number in {number for number, _ in hashes}
    }
    # the command as the docs have it, run where the case log is
    command = command.replace("~/.local/share/gk-respond/cases.db", "cases.db")
    command = command.replace("python3 -c", f"{sys.executable} -c")
    command = command.replace("cases-$(date +%F).db", "copy.db")
    subprocess.run(["sh", "-c", command], cwd=live, check=True)
    backup = live / "copy.db"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600  # umask 077: private, as the log
    # the log is lost; the backup is put back in its place (nothing running)
    restored = tmp_path / "restored"
    restored.mkdir()
    shutil.copy(backup, restored / "cases.db")
    shutil.rmtree(live)
    db = str(restored / "cases.db")
    for number, before in listed.items():
        after = gk("records", "attachments", number, "--db", db, "--format", "json").stdout
        assert after == before  # names, types, sizes, who, when, the withdrawal
    out = tmp_path / "out"
    out.mkdir()
    for (number, k), sha in hashes.items():
        path = out / f"{number}-{k}"
        result = gk("records", "attachment", number, str(k), "--output", str(path), "--db", db)
        assert result.returncode == 0, result.stderr
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sha
    assert len(hashes) == 6


def test_damaged_evidence_is_never_handed_out(gk, tmp_path):
    db, hashes = a_log_with_evidence(gk, tmp_path)
    (number, k), _sha = next(iter(hashes.items()))
    with sqlite3.connect(db) as connection:  # damage from outside gk-respond
        connection.execute(
            "UPDATE attachments SET content = ? WHERE case_number = ? AND seq = ?",
            (b"something else", number, k),
        )
    out = tmp_path / "ut"
    result = gk("records", "attachment", number, str(k), "--output", str(out), "--db", db)
    assert result.returncode == 4
    assert "är skadad i ärendeloggen (sha256 stämmer inte)" in result.stderr
    assert not out.exists()


def test_a_log_from_before_attachments_is_migrated_with_every_case_kept(gk, tmp_path):
    """A log as the release before this one wrote it (schema 4: no attachments tables)."""
    db = str(tmp_path / "cases.db")
    numbers = []
    for index in range(3):
        saved = gk("--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", db,
                   "--comment", f"nummer {index}", "--format", "json")  # fmt: skip
        numbers.append(json.loads(saved.stdout)["case"])
    noted = gk("records", "update", numbers[0], "--note", "en anteckning", "--close", "--db", db)
    assert noted.returncode == 0, noted.stderr
    downgrade(db, 4)  # as gk-respond with schema 4 left it
    before = gk("records", "export", "--format", "json", "--db", db)
    assert before.returncode == 0, before.stderr
    attached = gk("records", "attach", numbers[1], write(tmp_path / "a.png", PNG), "--db", db)
    assert attached.returncode == 0, attached.stderr  # migrated on the first write
    after = json.loads(gk("records", "export", "--format", "json", "--db", db).stdout)
    old = json.loads(before.stdout)
    assert [c["number"] for c in after] == [c["number"] for c in old]
    for then, now in zip(old, after, strict=True):
        if then["number"] == numbers[1]:
            assert now["history"][: len(then["history"])] == then["history"]
            now = {**now, "history": then["history"]}
        assert now == then
    with sqlite3.connect(db) as connection:
        version = connection.execute("SELECT value FROM gk_respond_meta").fetchone()[0]
    from gk_respond.records.store import SCHEMA_VERSION

    assert int(version) == SCHEMA_VERSION
