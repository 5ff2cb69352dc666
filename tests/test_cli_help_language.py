"""`--help`, usage lines and argparse's own errors follow the run's language: Swedish by default
(no locale, or one that is neither sv nor en), English under an English locale or with
``--lang en``, Swedish with ``--lang sv`` under any locale. The exit codes are the same in both.
The pins themselves are in test_cli_help.py."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import DATA

HELP = DATA / "help"


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gk_respond", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**env, "COLUMNS": "100"},
        check=False,
    )


def without_locale(env: dict[str, str], **more: str) -> dict[str, str]:
    kept = {k: v for k, v in env.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    return {**kept, **more}


@pytest.mark.parametrize(
    "locale", [{}, {"LANG": "C"}, {"LANG": "C.UTF-8"}, {"LANG": "sv_SE.UTF-8"}], ids=str
)
def test_help_is_swedish_by_default(cli_env, locale):
    result = run(without_locale(cli_env, **locale), "records", "--help")
    assert result.returncode == 0
    assert result.stdout == (HELP / "sv" / "gk-respond-records.txt").read_text("utf-8")
    assert result.stdout.startswith("användning: gk-respond records [-h] KOMMANDO ...")
    assert "\nflaggor:\n  -h, --help   visa den här hjälpen och avsluta\n" in result.stdout


@pytest.mark.parametrize(
    ("env", "args"),
    [
        ({"LANG": "en_US.UTF-8"}, []),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "sv_SE.UTF-8"}, []),
        ({"LANG": "sv_SE.UTF-8"}, ["--lang", "en"]),
        ({}, ["--lang=en"]),
    ],
    ids=["en locale", "LC_ALL first", "--lang en", "--lang=en"],
)
def test_help_is_english_by_locale_or_lang(cli_env, env, args):
    result = run(without_locale(cli_env, **env), "records", "list", *args, "--help")
    assert result.returncode == 0
    assert result.stdout == (HELP / "gk-respond-records-list.txt").read_text("utf-8")


def test_lang_sv_gives_swedish_help_under_an_english_locale(cli_env):
    result = run(cli_env, "paths", "--lang", "sv", "--help")
    assert result.returncode == 0
    assert result.stdout == (HELP / "sv" / "gk-respond-paths.txt").read_text("utf-8")


# argparse's own errors: (arguments, the Swedish error line, the English one); each exits 2
ERRORS = [
    (
        ["records", "lst"],
        "gk-respond records: fel: argumentet KOMMANDO: ogiltigt val: 'lst' (välj bland 'list',",
        "gk-respond records: error: argument COMMAND: invalid choice: 'lst' (choose from 'list',",
    ),
    (
        ["records", "show"],
        "gk-respond records show: fel: följande argument krävs: ÄRENDE",
        "gk-respond records show: error: the following arguments are required: CASE",
    ),
    (
        ["paths", "--bogus"],
        "gk-respond paths: fel: okända argument: --bogus",
        "gk-respond paths: error: unrecognized arguments: --bogus",
    ),
    (
        ["--answers"],
        "gk-respond: fel: argumentet --answers: kräver ett värde",
        "gk-respond: error: argument --answers: expected one argument",
    ),
    (
        ["--answers", "prohibited=ja", "--batch", "-"],
        "gk-respond: fel: argumentet --batch: går inte att använda tillsammans med --answers",
        "gk-respond: error: argument --batch: not allowed with argument --answers",
    ),
    (
        ["train", "--seed", "åtta"],
        "gk-respond train: fel: argumentet --seed: ogiltigt värde (int): 'åtta'",
        "gk-respond train: error: argument --seed: invalid int value: 'åtta'",
    ),
    (
        ["serve", "--port", "åtta"],
        "gk-respond serve: fel: argumentet --port: 'åtta' är inget portnummer (1–65535; 0 låter "
        "systemet välja en ledig)",
        "gk-respond serve: error: argument --port: 'åtta' is not a port number (1-65535; 0 lets "
        "the system choose a free one)",
    ),
    (  # our own checks of a value, while the command line is read, are in the catalogue
        ["records", "update", "2026-0001", "--removed-at", "2999-01-01"],
        "gk-respond records update: fel: argumentet --removed-at: '2999-01-01' ligger i framtiden",
        "gk-respond records update: error: argument --removed-at: '2999-01-01' is in the future",
    ),
    (
        ["train", "--sample", "0"],
        "gk-respond train: fel: argumentet --sample: '0' är inget antal scenarier (1, 2, …)",
        "gk-respond train: error: argument --sample: '0' is not a number of scenarios (1, 2, ...)",
    ),
    (
        ["users"],
        "gk-respond users: fel: följande argument krävs: KOMMANDO",
        "gk-respond users: error: the following arguments are required: COMMAND",
    ),
]


@pytest.mark.parametrize(("args", "swedish", "english"), ERRORS, ids=lambda a: str(a))
def test_argparse_errors_speak_the_language(cli_env, args, swedish, english):
    sv = run(without_locale(cli_env), *args)
    en = run(cli_env, *args)
    assert (sv.returncode, en.returncode) == (2, 2)
    assert sv.stderr.startswith("användning: gk-respond")
    assert en.stderr.startswith("usage: gk-respond")
    assert sv.stderr.splitlines()[-1].startswith(swedish)
    assert en.stderr.splitlines()[-1].startswith(english)


ENGLISH_WORD = re.compile(r"(?<![-\w'\"])(the|and|of|with|is|are|to|for|from|or|it|by|on)(?![-\w])")


def test_no_english_is_left_in_the_swedish_help():
    """A text added to a parser without its Swedish in gk_respond/cli/help_sv.py shows in
    English in the Swedish help: no Swedish pin has an English sentence."""
    for pin in sorted((HELP / "sv").iterdir()):
        for number, line in enumerate(pin.read_text("utf-8").splitlines(), 1):
            assert not ENGLISH_WORD.search(line), f"{pin.name}:{number}: {line}"


def test_every_swedish_text_has_its_english_in_a_help():
    """No text of the Swedish table is left over from a help that changed (whitespace aside:
    argparse wraps the helps)."""
    from gk_respond.cli.help_sv import HELP as TABLE

    def squeezed(text: str) -> str:
        return re.sub(r"\s+", "", text)

    english = squeezed("".join(p.read_text("utf-8") for p in HELP.iterdir() if p.is_file()))
    assert [text for text in TABLE if squeezed(text) not in english] == []
