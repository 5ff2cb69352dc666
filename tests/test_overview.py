"""`paths` (the decision table) and `diagram` (Mermaid)."""

from __future__ import annotations

import csv
import io


def test_paths_text_names_outcomes_and_answers(gk_sv):
    result = gk_sv("paths")
    assert result.returncode == 0
    assert " 1. Ta bort kommentaren [remove]" in result.stdout
    assert "Får inte ligga kvar? Ja · Kommunens kanal? Ja" in result.stdout
    assert "--answers prohibited=ja,owns_channel=ja" in result.stdout
    assert "13. Observera (följ diskussionen) [observe]" in result.stdout


def test_paths_csv(cli_env):
    import subprocess
    import sys

    command = [sys.executable, "-m", "gk_respond", "paths", "--format", "csv", "--lang", "en"]
    raw = subprocess.run(command, capture_output=True, env=cli_env, check=True).stdout
    assert raw.startswith("\ufeffpath;outcome;title;".encode()) and raw.endswith(b"\r\n")
    assert raw.count(b"\r\n") == 14  # rows end in CRLF (a cell may hold line breaks)
    text = raw.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(rows) == 13
    assert rows[0]["outcome"] == "remove" and rows[0]["title"] == "Remove the comment"
    assert rows[0]["prohibited"] == "ja" and rows[0]["owns_channel"] == "ja"
    assert rows[0]["positive"] == ""
    assert [r["path"] for r in rows] == [str(n) for n in range(1, 14)]


def test_mermaid(gk_sv):
    result = gk_sv("diagram", "--format", "mermaid")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "flowchart TD"
    assert '    n_prohibited{"Får inte ligga kvar?"}' in lines
    assert '    o_remove(["Ta bort kommentaren"])' in lines
    assert '    n_defamatory_owns_channel -->|"Nej"| o_monitor' in lines
    assert sum("-->" in line for line in lines) == 23  # every answer of every node


def test_mermaid_english_and_escaped(gk, tmp_path):
    result = gk("diagram", "--lang", "en")
    assert '    n_high_influence -->|"Yes"| o_respond' in result.stdout.splitlines()
    assert '"' not in "".join(
        line.split('"')[1] for line in result.stdout.splitlines() if line.count('"') > 2
    )


def test_the_docs_show_the_current_diagram(gk):
    from conftest import ROOT

    guide = (ROOT / "docs" / "command-line.md").read_text(encoding="utf-8")
    block = guide.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert block == gk("diagram", "--lang", "en").stdout
