"""The app's exports (the triage as Markdown, the training result) hold comments and names:
each is a new file readable by its owner only, never written through a symlink or over
anything, and never left half-written (a full disk leaves no file to block the retry)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap

from tui_helpers import make_app

from gk_respond.records.private_files import write_new
from gk_respond.strings import t
from gk_respond.triage import Comment
from gk_respond.tui.screens.dialogs import ExportScreen
from gk_respond.tui.screens.outcome import OutcomeScreen


def mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


async def export(pilot, path) -> str:
    """Export to ``path`` from the outcome screen; the notification it gives."""
    await pilot.press("e")
    assert isinstance(pilot.app.screen, ExportScreen)
    pilot.app.screen.query_one("#file").value = str(path)
    await pilot.press("enter")
    (message,) = [notification.message for notification in pilot.app._notifications]
    pilot.app.clear_notifications()
    if isinstance(pilot.app.screen, ExportScreen):
        await pilot.press("escape")
    return message


async def test_an_export_is_private_and_never_goes_through_a_symlink(tmp_path):
    elsewhere = tmp_path / "elsewhere.md"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(elsewhere)
    kept = tmp_path / "kept.md"
    kept.write_text("someone's file", encoding="utf-8")
    linked = tmp_path / "linked.md"
    linked.symlink_to(kept)
    target = tmp_path / "ny.md"
    app = make_app(lang="en", comment=Comment(text="Jag vet var du bor, Anna"))
    old_umask = os.umask(0o022)  # the usual one, which would give 0644
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("y", "y")
            assert isinstance(app.screen, OutcomeScreen)
            for link in (dangling, linked):
                assert await export(pilot, link) == t("en", "exists").format(path=link)
            assert await export(pilot, target) == t("en", "exported").format(path=target)
    finally:
        os.umask(old_umask)
    assert not elsewhere.exists()  # the dangling link's target was not created
    assert kept.read_text(encoding="utf-8") == "someone's file"
    assert dangling.is_symlink() and linked.is_symlink()
    assert mode(target) == 0o600
    assert "Jag vet var du bor, Anna" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "dangling.md",
        "kept.md",
        "linked.md",
        "ny.md",
    ]  # fmt: skip  (no temporary file left)


def test_a_full_disk_leaves_no_file_and_the_retry_works(tmp_path):
    """The write fails half-way (a file-size limit stands in for the full disk, in a process
    of its own): nothing is at the name, nothing is left beside it, and trying again with
    room to write gives the whole file."""
    target = tmp_path / "export.md"
    text = "Jag vet var du bor. " * 50_000  # 1 MB, the limit (below) 64 KiB
    script = textwrap.dedent(
        """
        import resource, signal, sys
        from pathlib import Path
        from gk_respond.records.private_files import write_new

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, resource.RLIM_INFINITY))
        try:
            write_new(Path(sys.argv[1]), "Jag vet var du bor. " * 50_000)
        except OSError as error:
            print(error.strerror)
        """
    )
    failed = subprocess.run(
        [sys.executable, "-c", script, str(target)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert failed.stdout.strip() == "File too large"
    assert list(tmp_path.iterdir()) == []
    write_new(target, text)
    assert target.read_text(encoding="utf-8") == text
    assert mode(target) == 0o600
