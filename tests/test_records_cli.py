"""Saving from the CLI, and `records list` / `records show`, through the CLI subprocess."""

from __future__ import annotations

import hashlib
import json

from conftest import ROOT

COMMENT = "Jag vet var du bor.\n\x1b[31m[bold]hot[/bold] åäö"


def save(gk, db, *extra, answers="prohibited=ja,owns_channel=ja"):
    return gk("--answers", answers, "--save", "--db", str(db), "--format", "json", *extra)


def test_save_then_show_round_trips_every_field(gk, tmp_path):
    db = tmp_path / "cases.db"
    result = save(
        gk,
        db,
        "--comment",
        COMMENT,
        "--url",
        "https://facebook.com/gk/posts/1",
        "--platform",
        "facebook",
        "--author",
        "Eve",
        "--handler",
        "Anna Andersson",
        "--found",
        "igår 14.10, i gruppen Gullspång just nu",
    )
    assert result.returncode == 0, result.stderr
    number = json.loads(result.stdout)["case"]
    assert number.endswith("-0001")
    assert f"saved as case {number}" in result.stderr
    shown = gk("records", "show", number, "--db", str(db), "--format", "json")
    case = json.loads(shown.stdout)
    assert case["comment_text"] == COMMENT  # verbatim
    assert case["comment_sha256"] == hashlib.sha256(COMMENT.encode()).hexdigest()
    flowchart = (ROOT / "flowchart.yaml").read_bytes()
    assert case["flowchart_sha256"] == hashlib.sha256(flowchart).hexdigest()
    assert case["flowchart_version"] == "2026.3"
    assert case["path"] == [["prohibited", "ja"], ["owns_channel", "ja"]]
    assert (case["outcome"], case["handler"], case["lang"]) == ("remove", "Anna Andersson", "sv")
    assert (case["platform"], case["author"]) == ("facebook", "Eve")
    assert case["found"] == "igår 14.10, i gruppen Gullspång just nu"
    assert case["url"] == "https://facebook.com/gk/posts/1"
    assert case["created_at"].endswith("+00:00")


def test_show_as_text_makes_the_comment_visible(gk, tmp_path, case_log):
    db = case_log
    number = json.loads(save(gk, db, "--comment", COMMENT).stdout)["case"]
    text = gk("records", "show", number, "--db", str(db)).stdout
    assert "  ␛[31m[bold]hot[/bold] åäö" in text
    assert "\x1b" not in text


def test_list_is_newest_first(gk, tmp_path, cli_env, case_log):
    db = case_log
    save(gk, db)
    save(gk, db, answers="prohibited=nej,positive=ja,positive_action=share")
    listed = json.loads(gk("records", "list", "--db", str(db), "--format", "json").stdout)
    assert [c["outcome"] for c in listed] == ["share", "remove"]
    assert [c["number"][-4:] for c in listed] == ["0002", "0001"]
    text = gk("records", "list", "--db", str(db)).stdout.splitlines()
    assert text[0].split() == ["Case", "Created", "Status", "Outcome", "Due", "Handler", "Comment"]
    assert text[1].startswith(listed[0]["number"]) and " open " in text[1]
    assert "Share" in text[1]  # the outcome's title, not its id


def test_handler_from_the_environment(tmp_path, cli_env, case_log):
    import subprocess
    import sys

    db = case_log
    env = {**cli_env, "GK_RESPOND_HANDLER": "Bo", "GK_RESPOND_DB": str(db)}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "gk_respond",
            "--answers",
            "prohibited=ja,owns_channel=ja",
            "--save",
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    listed = subprocess.run(
        [sys.executable, "-m", "gk_respond", "records", "list", "--format", "json"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    assert json.loads(listed.stdout)[0]["handler"] == "Bo"


def test_incomplete_answers_are_not_saved(gk, tmp_path):
    db = tmp_path / "cases.db"
    result = save(gk, db, answers="prohibited=nej")
    assert result.returncode == 3
    assert "not saved" in result.stderr
    assert not db.exists()  # nothing saved: no case log either


def test_a_comment_file_is_saved_verbatim(gk, tmp_path):
    db, file = tmp_path / "cases.db", tmp_path / "kommentar.txt"
    file.write_text(COMMENT, encoding="utf-8")
    result = save(gk, db, "--comment-file", str(file))
    assert result.returncode == 0, result.stderr
    number = json.loads(result.stdout)["case"]
    case = json.loads(gk("records", "show", number, "--db", str(db), "--format", "json").stdout)
    assert case["comment_text"] == COMMENT
    piped = gk("--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", str(db),
               "--comment-file", "-", input="Från en pipe")  # fmt: skip
    assert piped.returncode == 0, piped.stderr
    with_both = gk("--answers", "-", "--comment-file", "-", "--save", input="x")
    assert with_both.returncode == 2 and "cannot both read standard input" in with_both.stderr


def test_options_that_would_be_ignored_are_refused(gk, tmp_path):
    db = str(tmp_path / "cases.db")
    result = gk("--answers", "prohibited=ja,owns_channel=ja", "--comment-file", "x.txt")
    assert result.returncode == 2
    assert "--comment-file with --answers is kept only with --save" in result.stderr
    result = gk("--batch", "-", "--save", "--db", db, input='{"answers": "prohibited=ja"}\n')
    assert result.returncode == 2 and "--save cannot be used with --batch" in result.stderr
    result = gk("--save", "--db", db)
    assert result.returncode == 2 and "--save goes with --answers" in result.stderr
    assert not (tmp_path / "cases.db").exists()


def test_a_comment_that_is_not_utf8_is_refused_in_one_line(gk, tmp_path):
    db = tmp_path / "cases.db"
    result = save(gk, db, "--comment", "Gullsp\udce5ng")  # the byte 0xe5: Latin-1, not UTF-8
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "gk-respond: error: --comment: is not UTF-8 text (byte 0xe5 cannot be read); "
        "write the text in UTF-8"
    )
    assert not db.exists()


def test_comment_fields_without_save_are_refused(gk):
    result = gk("--answers", "prohibited=ja,owns_channel=ja", "--comment", "x", "--url", "u")
    assert result.returncode == 2
    assert "--comment with --answers is kept only with --save" in result.stderr


def test_a_file_that_is_not_a_case_log_is_left_alone(gk, tmp_path):
    db = tmp_path / "notes.txt"
    db.write_text("mina anteckningar\n", encoding="utf-8")
    result = save(gk, db)
    assert result.returncode == 4
    assert "is not an SQLite database; it is left as it is" in result.stderr
    assert db.read_text(encoding="utf-8") == "mina anteckningar\n"
    assert gk("records", "list", "--db", str(db)).returncode == 4


def test_unknown_case(gk, tmp_path, case_log):
    db = case_log
    assert save(gk, db).returncode == 0
    result = gk("records", "show", "2026-9999", "--db", str(db))
    assert result.returncode == 2
    assert "no case '2026-9999'" in result.stderr


def test_list_keeps_the_comments_in_one_column_whatever_the_handler(gk, tmp_path, case_log):
    db = case_log
    for handler in ("Bo", "Anna-Karin Andersson Lindqvist Ekström"):
        save(gk, db, "--comment", f"Kommentar från {handler}", "--handler", handler)
    header, *lines = gk("records", "list", "--db", str(db)).stdout.splitlines()
    assert {line.index("Kommentar från") for line in lines} == {header.index("Comment")}
    assert "Anna-Karin Andersson…" in lines[0]  # cut, and shown to be
