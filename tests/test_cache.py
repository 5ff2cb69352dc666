"""The flowchart cache never serves a stale or broken chart."""

from __future__ import annotations

import json
import shutil

from conftest import ROOT


def title_of(gk, chart) -> str:
    result = gk(
        "--flowchart", str(chart), "--answers", "prohibited=ja,owns_channel=ja", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["title"]


def test_an_edited_flowchart_is_read_anew(gk, tmp_path):
    chart = tmp_path / "flowchart.yaml"
    shutil.copy(ROOT / "flowchart.yaml", chart)
    assert title_of(gk, chart) == "Ta bort kommentaren"
    text = chart.read_text(encoding="utf-8")
    chart.write_text(text.replace('"Ta bort kommentaren"', '"Ta bort inlägget"'), encoding="utf-8")
    assert title_of(gk, chart) == "Ta bort inlägget"


def test_an_edit_that_breaks_the_file_is_reported_not_hidden_by_the_cache(gk, tmp_path):
    chart = tmp_path / "flowchart.yaml"
    shutil.copy(ROOT / "flowchart.yaml", chart)
    assert gk("check", str(chart)).returncode == 0
    chart.write_text(
        chart.read_text(encoding="utf-8").replace("start: prohibited", "start: nowhere")
    )
    result = gk("check", str(chart))
    assert result.returncode == 1
    assert "start 'nowhere' is not a node" in result.stderr


def test_a_corrupt_cache_entry_is_ignored(gk, cli_env, tmp_path):
    chart = tmp_path / "flowchart.yaml"
    shutil.copy(ROOT / "flowchart.yaml", chart)
    title_of(gk, chart)
    from pathlib import Path

    for entry in Path(cli_env["GK_RESPOND_CACHE_DIR"]).glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert title_of(gk, chart) == "Ta bort kommentaren"


def test_an_unwritable_cache_only_costs_speed(gk, cli_env, tmp_path):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    env = {**cli_env, "GK_RESPOND_CACHE_DIR": str(blocker / "cache"), "LANG": "sv_SE.UTF-8"}
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "gk_respond", "--answers", "prohibited=ja,owns_channel=nej"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Anmäl och dokumentera")
