"""The flowchart cache never serves a stale or broken chart."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

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


def test_the_cache_key_covers_all_the_code_that_checks_a_flowchart(cli_env, tmp_path):
    """A change to any module that parses, validates or checks a flowchart (the schema, the
    checker and its `when:` and addition checks) must make the cached chart stale: each
    module a cold load imports is part of the key (problems.py only words the errors of a
    file that is never cached)."""
    script = (
        "import sys\n"
        "from gk_respond import default_flowchart\n"
        "from gk_respond.flowchart import cache, load\n"
        "load.load(default_flowchart())\n"
        "used = {m.rsplit('.', 1)[1] + '.py' for m in sys.modules\n"
        "        if m.startswith('gk_respond.flowchart.')}\n"
        "print(sorted(used - set(cache._CODE) - {'problems.py'}))\n"
    )
    env = {**cli_env, "GK_RESPOND_CACHE_DIR": str(tmp_path)}  # empty: a cold load
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
