"""The case sheet for the diarium (`records show N --format pdf --output FILE`), read back
with poppler's tools (`pdftotext`, `pdffonts`, `pdfimages`, Debian's poppler-utils): the
comment, the number and the hashes are found again, every font is embedded, images shown.
Where poppler is missing these tests skip and say so; in CI (CI=true) they fail."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess

import pytest
from test_evidence_cli import one_error, write

LONG = "https://facebook.com/gullspang/posts/" + "a1b2c3" * 40  # no space to break at
COMMENT = (
    "Du är en idiot, ÅÄÖ åäö!\n"
    "Привет из Гуллспонга. Γειά σου. "
    + "ord " * 80  # a line far wider than the page
    + "\n"
    + LONG
    + "\n\x1b[31mröd\u202e och 中文"
)


@pytest.fixture
def gk(gk_sv):
    """Under a Swedish locale: the sheet in Swedish unless --lang en."""
    return gk_sv


def poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        reason = f"{tool} (Debian's poppler-utils) is not installed"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the case sheet tests: {reason}", pytrace=False)
        pytest.skip(reason)
    return found


def run(tool: str, *args: str) -> str:
    result = subprocess.run([poppler(tool), *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def case_with_evidence(gk, tmp_path):
    db = str(tmp_path / "cases.db")
    result = gk("--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", db,
                "--comment", COMMENT, "--handler", "Anna Andersson", "--format", "json",
                "--url", "https://facebook.com/gullspang/posts/1")  # fmt: skip
    assert result.returncode == 0, result.stderr
    number = json.loads(result.stdout)["case"]
    shot = write(tmp_path / "skärmdump.png", _picture())
    mail = write(tmp_path / "\x1b[2Jmejl.eml", b"From: a@b.se\nSubject: x\n\nhej\n")
    assert gk("records", "attach", number, shot, mail, "--db", db).returncode == 0
    withdrawn = gk("records", "withdraw", number, "2", "--reason", "Fel ärende", "--db", db)
    assert withdrawn.returncode == 0, withdrawn.stderr
    update = gk("records", "update", number, "--removed-at", "now", "--diarium", "KS 2026/123",
                "--note", "Polisanmält", "--tick", "1", "--db", db)  # fmt: skip
    assert update.returncode == 0, update.stderr
    return db, number


def _picture() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (320, 200), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def test_the_sheet_holds_the_comment_the_number_and_every_hash(gk, tmp_path, case_with_evidence):
    db, number = case_with_evidence
    sheet = tmp_path / "ärendeblad.pdf"
    result = gk("records", "show", number, "--format", "pdf", "--output", str(sheet), "--db", db)
    assert result.returncode == 0, result.stderr
    assert sheet.read_bytes().startswith(b"%PDF-1.7")
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600
    text = run("pdftotext", "-enc", "UTF-8", str(sheet), "-")
    flat = " ".join(text.split())  # lines wrapped where the page ends
    assert f"Ärendeblad {number}" in text
    assert "Du är en idiot, ÅÄÖ åäö!" in text
    assert "Привет из Гуллспонга. Γειά σου." in text
    assert ("ord " * 80).strip() in flat  # wrapped, every word there
    assert LONG in "".join(text.split())  # broken inside the word, none of it lost
    assert "<U+001B>[31mröd<U+202E> och <U+4E2D><U+6587>" in text  # control chars visible
    case = json.loads(gk("records", "show", number, "--db", db, "--format", "json").stdout)
    assert case["comment_sha256"] in text
    assert hashlib.sha256(COMMENT.encode()).hexdigest() == case["comment_sha256"]
    listed = gk("records", "attachments", number, "--db", db, "--format", "json").stdout
    for attachment in json.loads(listed):
        assert f"SHA-256 {attachment['sha256']}" in text
    assert "skärmdump.png" in text and "<U+001B>[2Jmejl.eml" in text
    assert "TILLBAKADRAGEN" in text and "Fel ärende" in text
    assert "KS 2026/123" in text and "Polisanmält" in text  # follow-up fields and notes
    assert "1. [x] " in text and "2. [ ] " in text  # the steps, ticked or not
    assert "Anna Andersson" in text and "https://facebook.com/gullspang/posts/1" in text
    assert "Historik" in text and "drog tillbaka bilaga 2" in text
    fonts = run("pdffonts", str(sheet)).splitlines()[2:]
    assert fonts and all(" yes " in line.split("Identity-H", 1)[1] for line in fonts), fonts
    images = run("pdfimages", "-list", str(sheet)).splitlines()[2:]
    assert len(images) == 1 and " 320 " in images[0]  # the screenshot, shown
    data = sheet.read_bytes()
    assert b"<pdfaid:part>2</pdfaid:part>" in data and b"<pdfaid:conformance>B<" in data


def test_the_case_sheet_in_english_and_never_over_a_file(gk, tmp_path, case_with_evidence):
    db, number = case_with_evidence
    sheet = tmp_path / "sheet.pdf"
    made = gk("records", "show", number, "--format", "pdf", "--output", str(sheet), "--db", db,
              "--lang", "en")  # fmt: skip
    assert made.returncode == 0, made.stderr
    text = run("pdftotext", "-enc", "UTF-8", str(sheet), "-")
    assert f"Case sheet {number}" in text and "WITHDRAWN" in text and "page 1 of" in text
    before = sheet.read_bytes()
    again = gk("records", "show", number, "--format", "pdf", "--output", str(sheet), "--db", db)
    assert "finns redan" in one_error(again)
    assert sheet.read_bytes() == before
    no_output = gk("records", "show", number, "--format", "pdf", "--db", db)
    assert "--output" in one_error(no_output)
