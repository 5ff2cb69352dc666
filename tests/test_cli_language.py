"""The command line's language (issue 16 items 4 and 9): Swedish messages under a Swedish
locale or with --lang sv, English ones under an English locale or with --lang en, sv where
the locale says neither; JSON the same whatever the locale."""

from __future__ import annotations

import json

import pytest

SAVE = ("--answers", "prohibited=ja,owns_channel=ja", "--save", "--format", "json")


def run_with(gk, cli_env, lang_vars: dict[str, str], *args: str):
    import subprocess
    import sys

    env = {k: v for k, v in cli_env.items() if k != "LANG"} | lang_vars
    return subprocess.run(
        [sys.executable, "-m", "gk_respond", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


def test_errors_are_swedish_under_a_swedish_locale(gk_sv):
    result = gk_sv("--answers", "prohibited=kanske")
    assert result.returncode == 2
    assert result.stderr == (
        "gk-respond: fel: 'kanske' är inget svar på 'prohibited'; giltiga svar: "
        "ja (j, y, yes), nej (n, no)\n"
    )


def test_lang_decides_over_the_locale(gk, gk_sv):
    assert gk("--answers", "prohibited=kanske", "--lang", "sv").stderr.startswith(
        "gk-respond: fel: 'kanske' är inget svar"
    )
    assert gk_sv("--answers", "prohibited=kanske", "--lang", "en").stderr.startswith(
        "gk-respond: error: 'kanske' is not an answer"
    )


@pytest.mark.parametrize(
    ("lang_vars", "prefix"),
    [
        ({"LANG": "en_GB.UTF-8"}, "gk-respond: error: "),
        ({"LANG": "sv_FI.UTF-8"}, "gk-respond: fel: "),
        ({"LANG": "de_DE.UTF-8"}, "gk-respond: fel: "),
        ({"LANG": "C.UTF-8"}, "gk-respond: fel: "),
        ({}, "gk-respond: fel: "),
        ({"LANG": "sv_SE.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "gk-respond: error: "),
        ({"LC_MESSAGES": "en_US.UTF-8", "LC_ALL": "sv_SE.UTF-8"}, "gk-respond: fel: "),
    ],
)
def test_the_locale_decides_without_lang(gk, cli_env, lang_vars, prefix):
    result = run_with(gk, cli_env, lang_vars, "--answers", "prohibited=kanske")
    assert result.stderr.startswith(prefix)


def test_saved_and_updated_are_said_in_swedish(gk_sv, tmp_path):
    db = str(tmp_path / "cases.db")
    saved = gk_sv(*SAVE, "--db", db)
    assert (
        saved.stderr == "gk-respond: sparat som ärende " + json.loads(saved.stdout)["case"] + "\n"
    )
    number = json.loads(saved.stdout)["case"]
    updated = gk_sv("records", "update", number, "--close", "--db", db)
    assert updated.stderr == f"gk-respond: ärende {number} uppdaterat\n"


def test_json_is_the_same_bytes_under_any_locale(gk, gk_sv, tmp_path):
    answers = ("--answers", "prohibited=nej,positive=ja,positive_action=share", "--format", "json")
    assert gk(*answers).stdout == gk_sv(*answers).stdout
    assert json.loads(gk(*answers).stdout)["lang"] == "sv"
    db = str(tmp_path / "cases.db")
    gk(*SAVE, "--db", db)
    listed = [run("records", "list", "--format", "json", "--db", db).stdout for run in (gk, gk_sv)]
    assert listed[0] == listed[1]


def test_records_list_has_a_swedish_header_and_labels(gk_sv, tmp_path):
    db = str(tmp_path / "cases.db")
    gk_sv(*SAVE, "--db", db)
    header, row = gk_sv("records", "list", "--db", db).stdout.splitlines()
    assert header.split() == [
        "Ärende", "Skapat", "Status", "Utfall", "Senast", "Handläggare", "Kommentar",
    ]  # fmt: skip
    assert " öppet " in row and "Ta bort kommentaren" in row


def test_a_command_after_the_options_is_told_to_come_first(gk, gk_sv):
    result = gk("--lang", "en", "paths")
    assert (result.returncode, result.stderr) == (
        2,
        "gk-respond: error: 'paths' is a command and comes first: gk-respond paths --lang en\n",
    )
    assert gk_sv("--lang", "sv", "records").stderr.startswith(
        "gk-respond: fel: 'records' är ett kommando och skrivs först"
    )
    assert gk("--comment", "paths", "--answers", "prohibited=ja,owns_channel=ja").returncode == 2


def test_an_unknown_case_number_gets_only_true_hints(gk, gk_sv, tmp_path):
    """The form is shown only to what was not typed in it, and a suggestion is a near match:
    the number typed loosely (``3``, ``26-3``), a digit mistyped or two swapped, or the same
    number the year before or after; else the newest case is named."""
    from datetime import UTC, datetime

    from test_records_store import case

    from gk_respond.records.store import Store

    db = str(tmp_path / "cases.db")
    with Store(db) as store:
        store.save(case(), now=datetime(2025, 6, 1, 12, tzinfo=UTC))  # 2025-0001
        for _ in range(12):  # 2026-0001 … 2026-0012
            store.save(case(), now=datetime(2026, 6, 1, 12, tzinfo=UTC))

    def said(given: str) -> str:
        result = gk("records", "show", given, "--db", db)
        assert result.returncode == 2 and result.stdout == ""
        return result.stderr.removeprefix(f"gk-respond: error: no case {given!r}; ").rstrip()

    assert said("2026-9999") == "the newest is 2026-0012"  # not "written as 2026-9999"
    assert said("2026-0099") == "the newest is 2026-0012"  # no number a slip away
    assert said("0") == "a case number is written as 2026-0001"  # not 2026-0000
    assert said("47") == "a case number is written as 2026-0047"  # no 2026-0004 offered
    assert said("x") == "a case number is written as 2026-0001"
    assert said("3") == "did you mean 2026-0003?"
    assert said("26-1") == "did you mean 2026-0001?"  # not 2026-0261
    assert said("2026-0021") == "did you mean 2026-0012?"  # two digits swapped
    assert said("2026-0013") == "did you mean 2026-0012?"  # one digit mistyped
    assert said("2027-0011") == "did you mean 2026-0011?"  # the year before
    assert said("17") == "did you mean 2026-0012? (a case number is written as 2026-0017)"
    assert gk_sv("records", "show", "2026-9999", "--db", db).stderr == (
        "gk-respond: fel: inget ärende '2026-9999'; det senaste är 2026-0012\n"
    )
    empty = str(tmp_path / "empty.db")
    Store(empty).close()
    assert gk("records", "show", "2026-0001", "--db", empty).stderr == (
        "gk-respond: error: no case '2026-0001'; the case log holds no cases yet\n"
    )


def test_the_csv_export_has_swedish_headers_in_swedish_and_ids_in_english(gk, gk_sv, tmp_path):
    db = str(tmp_path / "cases.db")
    gk(*SAVE, "--db", db)
    swedish = gk_sv("records", "export", "--format", "csv", "--db", db).stdout
    assert swedish.startswith("\ufeffÄrende;Skapat;Status;Handläggare;")
    english = gk("records", "export", "--format", "csv", "--db", db).stdout
    assert english.startswith("\ufeffnumber;created_at;status;handler;")
    assert swedish.splitlines()[1:] == english.splitlines()[1:]  # the cells are the same
