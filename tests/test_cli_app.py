"""The app's command line: what fails is reported before any screen opens; the wheel carries
the built-in flowchart and the training scenarios."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import DATA, ROOT


def test_a_missing_comment_file_is_reported_without_opening_the_app(gk):
    result = gk("--comment-file", "/nonexistent/comment.txt")
    assert result.returncode == 2
    assert "/nonexistent/comment.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_flowchart_is_reported_as_check_reports_it_before_any_screen(gk):
    broken = DATA / "broken" / "start_not_node.yaml"
    opened = gk("--flowchart", str(broken))
    checked = gk("check", str(broken))
    assert opened.returncode == checked.returncode == 1
    assert opened.stderr == checked.stderr
    assert opened.stdout == ""  # no screen was drawn


def test_the_wheel_carries_the_flowchart_and_the_training_scenarios(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("gk_respond-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("gk_respond/flowchart.yaml")
        names = archive.namelist()
        assert "gk_respond/tui/app.tcss" in names
        assert "gk_respond/tui/screens.tcss" in names  # the other screens' (stylesheets.py)
        scenarios = sorted((ROOT / "gk_respond" / "training" / "scenarios").glob("*.yaml"))
        for scenario in scenarios:  # the bundled training scenarios
            assert f"gk_respond/training/scenarios/{scenario.name}" in names
    assert shipped == (ROOT / "flowchart.yaml").read_bytes()


def test_train_reports_bad_choices_before_any_screen(gk, tmp_path):
    result = gk("train", "--tag", "nosuchtag")
    assert result.returncode == 2
    assert "no scenario has the tag nosuchtag; tags: " in result.stderr
    assert gk("train", "--sample", "0").returncode == 2
    assert "--seed needs --sample" in gk("train", "--seed", "3").stderr
    broken = DATA / "broken_scenarios" / "bad_answer.yaml"
    opened = gk("train", str(broken))
    assert opened.returncode == 1 and opened.stdout == ""
    assert opened.stderr == gk("train", "--check", str(broken)).stderr
