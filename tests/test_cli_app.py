"""The app's command line: what fails is reported before any screen opens; the wheel carries
the built-in flowchart."""

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


def test_the_wheel_carries_the_flowchart(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("gk_respond-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("gk_respond/flowchart.yaml")
        assert "gk_respond/tui/app.tcss" in archive.namelist()
    assert shipped == (ROOT / "flowchart.yaml").read_bytes()
