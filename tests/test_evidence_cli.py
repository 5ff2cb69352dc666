"""Evidence in the case, through the CLI: `records attach`, `attachments`, `attachment`,
`withdraw`. Files kept inside the case log, never changed or deleted; hostile names shown as
the characters they are; a file that changes while it is read, an empty file, one over the
limit, a pipe or a folder refused with one line, and nothing attached."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime

import pytest

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff"
    b"\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)
HTML = b"<!DOCTYPE html><html><body><p>Kommentaren: du \xc3\xa4r en idiot</p></body></html>"
EMAIL = b"From: anna@gullspang.se\nSubject: Kopia\n\nKommentaren bifogad.\n"


@pytest.fixture
def gk(gk_sv):
    """Under a Swedish locale: the messages Swedish users get (--lang en for English)."""
    return gk_sv


SV = {"LANG": "sv_SE.UTF-8"}


def saved(gk, tmp_path) -> tuple[str, str]:
    db = str(tmp_path / "cases.db")
    result = gk("--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", db,
                "--comment", "Du är en idiot, åäö", "--format", "json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    return db, json.loads(result.stdout)["case"]


def shown(gk, db, number) -> dict:
    result = gk("records", "show", number, "--db", db, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def one_error(result, code: int = 2) -> str:
    assert result.returncode == code, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("gk-respond: fel: "), result.stderr
    return lines[0]


def write(path, data: bytes):
    path.write_bytes(data)
    return str(path)


def test_attach_list_and_extract_keep_the_bytes_their_hash_and_who_and_when(gk, tmp_path):
    db, number = saved(gk, tmp_path)
    files = tmp_path / "in"
    files.mkdir()
    # the type comes from the content, never from the name
    shot = write(files / "skärmdump.txt", PNG)
    page = write(files / "sidan", HTML)
    mail = write(files / "mejl.png", EMAIL)
    note = write(files / "anteckning.bin", "Hälsningar från Gullspång\n".encode())
    result = gk("records", "attach", number, shot, page, mail, note, "--db", db,
                "--handler", "Anna Andersson", "--format", "json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"gk-respond: bifogade 4 fil(er) till ärende {number}\n"
    added = json.loads(result.stdout)
    assert [a["number"] for a in added] == [1, 2, 3, 4]
    assert [a["media_type"] for a in added] == [
        "image/png", "text/html", "message/rfc822", "text/plain",
    ]  # fmt: skip
    listed = json.loads(gk("records", "attachments", number, "--db", db, "--format", "json").stdout)
    assert listed == added
    for a, data in zip(listed, (PNG, HTML, EMAIL, "Hälsningar från Gullspång\n".encode()),
                       strict=True):  # fmt: skip
        assert a["sha256"] == hashlib.sha256(data).hexdigest()
        assert a["size"] == len(data)
        assert a["attached_by"] == "Anna Andersson"
        assert datetime.fromisoformat(a["attached_at"]).utcoffset().total_seconds() == 0
        assert a["withdrawn_at"] is None
    assert [a["name"] for a in listed] == ["skärmdump.txt", "sidan", "mejl.png", "anteckning.bin"]
    # out again: the same bytes, readable by the owner only, never over a file
    out = tmp_path / "ut.png"
    result = gk("records", "attachment", number, "1", "--output", str(out), "--db", db)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == PNG
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    again = gk("records", "attachment", number, "2", "--output", str(out), "--db", db)
    assert "finns redan" in one_error(again)
    assert out.read_bytes() == PNG
    assert "bilaga 9" in one_error(gk("records", "attachment", number, "9", "--output",
                                      str(tmp_path / "x"), "--db", db))  # fmt: skip
    # each attaching is a history entry with who and when, shown by records show
    case = shown(gk, db, number)
    entries = [e for e in case["history"] if e.get("kind") == "attached"]
    assert [e["attachment"] for e in entries] == [1, 2, 3, 4]
    assert {e["by"] for e in entries} == {"Anna Andersson"}
    assert entries[0]["sha256"] == hashlib.sha256(PNG).hexdigest()
    text = gk("records", "show", number, "--db", db).stdout
    sha = entries[0]["sha256"]
    line = f"  Anna Andersson: bifogade bilaga 1: skärmdump.txt ({len(PNG)} byte, sha256 {sha[:16]}"
    assert line in text.replace("\n     ", " ")
    assert f"Bilagor\n  1. skärmdump.txt  image/png  {len(PNG)} byte\n" in text
    english = gk("records", "attachments", number, "--db", db, "--lang", "en").stdout
    assert "attached " in english and " by Anna Andersson" in english


def test_a_wrong_attachment_is_withdrawn_with_a_reason_and_kept(gk, tmp_path):
    db, number = saved(gk, tmp_path)
    first, second = write(tmp_path / "a.png", PNG), write(tmp_path / "b.html", HTML)
    assert gk("records", "attach", number, first, second, "--db", db).returncode == 0
    before = shown(gk, db, number)["history"]
    result = gk("records", "withdraw", number, "2", "--reason", "Fel ärende", "--db", db,
                "--handler", "Bo Berg")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "bilaga 2 i ärende" in result.stderr and "den finns kvar" in result.stderr
    case = shown(gk, db, number)
    assert case["history"][: len(before)] == before  # nothing earlier is rewritten
    (entry,) = case["history"][len(before) :]
    assert (entry["kind"], entry["by"], entry["attachment"]) == ("withdrawn", "Bo Berg", 2)
    assert entry["reason"] == "Fel ärende"
    assert entry["sha256"] == hashlib.sha256(HTML).hexdigest()
    listed = json.loads(gk("records", "attachments", number, "--db", db, "--format", "json").stdout)
    assert [a["number"] for a in listed] == [1, 2]  # kept
    assert listed[1]["withdrawn_reason"] == "Fel ärende" and listed[1]["withdrawn_by"] == "Bo Berg"
    out = tmp_path / "kvar.html"
    result = gk("records", "attachment", number, "2", "--output", str(out), "--db", db)
    assert result.returncode == 0 and out.read_bytes() == HTML
    assert "drogs tillbaka" in result.stderr and "Fel ärende" in result.stderr
    assert "TILLBAKADRAGEN" in gk("records", "attachments", number, "--db", db).stdout
    # a second withdrawal and one without a reason are refused; nothing changes
    twice = gk("records", "withdraw", number, "2", "--reason", "igen", "--db", db)
    assert "drogs redan tillbaka" in one_error(twice)
    empty = gk("records", "withdraw", number, "1", "--reason", "  ", "--db", db)
    assert "--reason" in one_error(empty)
    assert shown(gk, db, number)["history"] == case["history"]
    # nothing in the file deletes or changes an attachment: both rows are there as attached
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT seq, content FROM attachments ORDER BY seq").fetchall()
    assert rows == [(1, PNG), (2, HTML)]


HOSTILE = [
    "rad\nbryt.png",
    "\x1b[31mröd\x1b[0m.png",
    "\u202egnp.exe",
    "<img src=x onerror=alert(1)>.html",
    '=HYPERLINK("evil").png',
    "-rf.png",
]


def test_hostile_file_names_are_kept_exactly_and_shown_as_the_characters_they_are(gk, tmp_path):
    db, number = saved(gk, tmp_path)
    folder = tmp_path / "hostile"
    folder.mkdir()
    paths = []
    for index, name in enumerate(HOSTILE):
        paths.append(write(folder / name, PNG + bytes([index])))
    result = gk("records", "attach", number, "--db", db, "--", *paths)
    assert result.returncode == 0, result.stderr
    listed = json.loads(gk("records", "attachments", number, "--db", db, "--format", "json").stdout)
    assert [a["name"] for a in listed] == HOSTILE  # stored exactly
    for command in (("attachments", number), ("show", number)):
        text = gk("records", *command, "--db", db).stdout
        assert "\x1b" not in text and "\u202e" not in text
        assert "rad␤bryt.png" in text and "␛[31mröd␛[0m.png" in text
        assert "<U+202E>gnp.exe" in text
    raw = gk("records", "attachments", number, "--db", db, "--format", "json").stdout
    assert "\\u001b" in raw and "\\u202e" in raw and "\x1b" not in raw


def test_an_empty_file_a_folder_a_pipe_and_a_missing_file_attach_nothing(gk, tmp_path):
    db, number = saved(gk, tmp_path)
    good = write(tmp_path / "bra.png", PNG)
    empty = write(tmp_path / "tom.png", b"")
    pipe = tmp_path / "rör"
    os.mkfifo(pipe)
    for bad, said in (
        (empty, "tom.png: är tom (0 byte); inget bifogades"),
        (str(tmp_path), "är en mapp, ingen fil"),
        (str(pipe), "är ett namngivet rör (FIFO), ingen fil"),  # never waited on
        (str(tmp_path / "saknas.png"), "saknas.png: finns inte"),
    ):
        line = one_error(gk("records", "attach", number, good, bad, "--db", db))
        assert said in line, line
    assert json.loads(gk("records", "attachments", number, "--db", db, "--format",
                         "json").stdout) == []  # fmt: skip
    assert not [
        e for e in shown(gk, db, number)["history"] if e.get("kind") in ("attached", "withdrawn")
    ]
    # the same content twice, in one command or again later, is refused
    copy = write(tmp_path / "kopia.png", PNG)
    assert "samma innehåll" in one_error(gk("records", "attach", number, good, copy, "--db", db))
    assert gk("records", "attach", number, good, "--db", db).returncode == 0
    line = one_error(gk("records", "attach", number, copy, "--db", db))
    assert "redan bifogad" in line and "som bilaga 1" in line
    assert "'1999-0001'" in one_error(gk("records", "attach", "1999-0001", good, "--db", db))


def test_the_size_limit_is_25_mb_by_default_and_can_be_set(gk, cli_env, tmp_path):
    db, number = saved(gk, tmp_path)
    big = tmp_path / "stor.png"
    with open(big, "wb") as handle:  # a sparse file: 25 MB and one byte, nothing on disk
        handle.write(PNG)
        handle.truncate(25_000_001)
    line = one_error(gk("records", "attach", number, str(big), "--db", db))
    assert "stor.png: är 25,0 MB, större än gränsen 25,0 MB per fil; inget bifogades" in line
    small = write(tmp_path / "liten.png", PNG + b"!")  # 71 bytes
    assert "gränsen 70 byte" in one_error(
        gk("records", "attach", number, small, "--max-size", "70B", "--db", db)
    )
    env = {**cli_env, **SV, "GK_RESPOND_ATTACHMENT_LIMIT": "0,05kB"}
    result = subprocess.run(
        [sys.executable, "-m", "gk_respond", "records", "attach", number, small, "--db", db,
         "--lang", "en"],
        capture_output=True, text=True, env=env, cwd="/",
    )  # fmt: skip
    assert result.returncode == 2 and result.stderr.startswith("gk-respond: error: ")  # --lang en
    english = result.stderr
    assert "liten.png: is 71 bytes, over the limit of 50 bytes per file" in english
    env["GK_RESPOND_ATTACHMENT_LIMIT"] = "lots"
    result = subprocess.run(
        [sys.executable, "-m", "gk_respond", "records", "attach", number, small, "--db", db],
        capture_output=True, text=True, env=env, cwd="/",
    )  # fmt: skip
    assert "GK_RESPOND_ATTACHMENT_LIMIT='lots' är ingen storlek" in one_error(result)
    bad = gk("records", "attach", number, small, "--max-size", "stor", "--db", db)
    assert bad.returncode == 2 and "'stor' är ingen storlek" in bad.stderr
    exact = gk("records", "attach", number, small, "--max-size", "71", "--db", db)
    assert exact.returncode == 0, exact.stderr


# A writer at work while gk-respond reads: after the first chunk is read, the file is
# appended to (a screenshot still being saved) or changed in place (the same size). The
# real command runs, in a subprocess; only os.read is wrapped, to act at that moment.
WRITER = """
import os, sys
path, how = sys.argv[1], sys.argv[2]
real, done = os.read, []
def read(fd, n):
    data = real(fd, n)
    if data and not done:
        done.append(1)
        if how == "grow":
            with open(path, "ab") as f:
                f.write(b"more")
        else:
            with open(path, "r+b") as f:
                f.seek(10)
                f.write(b"XXXX")
            os.utime(path, ns=(0, 1_000_000_000))
    return data
os.read = read
from gk_respond.cli import main
sys.exit(main(sys.argv[3:]))
"""


@pytest.mark.parametrize("how", ["grow", "in place"])
def test_a_file_that_changes_while_it_is_read_is_refused(gk, cli_env, tmp_path, how):
    db, number = saved(gk, tmp_path)
    path = write(tmp_path / "skärmdump.png", PNG)
    result = subprocess.run(
        [sys.executable, "-c", WRITER, path, how, "records", "attach", number, path, "--db", db],
        capture_output=True, text=True, env={**cli_env, **SV}, cwd="/",
    )  # fmt: skip
    line = one_error(result)
    assert "skärmdump.png: ändrades medan den lästes" in line and "inget bifogades" in line
    assert json.loads(gk("records", "attachments", number, "--db", db, "--format",
                         "json").stdout) == []  # fmt: skip
    # once it is finished, it attaches, and what is stored is what is there now
    result = gk("records", "attach", number, path, "--db", db, "--format", "json")
    assert result.returncode == 0, result.stderr
    with open(path, "rb") as handle:
        now = handle.read()
    assert json.loads(result.stdout)[0]["sha256"] == hashlib.sha256(now).hexdigest()
