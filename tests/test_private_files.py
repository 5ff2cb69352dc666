"""Files that hold personal data, through the CLI: the case log and the exports are never
opened through a symbolic link, never anything but a regular file (a device or a pipe is
refused before anything opens it, and left as it is), are written whole or not at all, and
a case log others can read is named with the fix."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import stat
import subprocess
import sys

import pytest

SAVE = ("--answers", "prohibited=ja,owns_channel=ja", "--save", "--comment", "Hej åäö")
EXPORTS = [
    ("records", "export", "--format", "json"),
    ("records", "export", "--format", "csv"),
    ("records", "export", "--format", "markdown"),
    ("channels", "export", "--format", "yaml"),
    ("channels", "export", "--format", "html"),
]


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def one_error_line(result) -> str:
    assert result.returncode != 0, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("gk-respond: error: "), result.stderr
    return lines[0]


def others(folder) -> list[str]:
    """The files in ``folder`` beside the case log and its -wal and -shm files."""
    return sorted(name for name in os.listdir(folder) if not name.startswith("cases.db"))


def saved_log(gk, folder) -> str:
    db = str(folder / "cases.db")
    result = gk(*SAVE, "--db", db)
    assert result.returncode == 0, result.stderr
    return db


@pytest.mark.parametrize("args", [SAVE, ("channels", "import", "-")])
def test_a_dangling_link_at_db_is_refused_and_nothing_is_created(gk, tmp_path, args):
    target = tmp_path / "elsewhere" / "cases.db"
    target.parent.mkdir()
    link = tmp_path / "cases.db"
    link.symlink_to(target)
    line = one_error_line(gk(*args, "--db", str(link), input="channels: []\n"))
    assert line == (
        f"gk-respond: error: {link}: is a symbolic link (to {target}); files that hold "
        "personal data are never opened through a link: give the file's own path"
    )
    assert not target.exists() and os.listdir(target.parent) == []
    assert link.is_symlink()


def test_a_link_to_a_real_log_is_refused_for_reading_too(gk, tmp_path):
    db = saved_log(gk, tmp_path)
    link = tmp_path / "link.db"
    link.symlink_to(db)
    for args in (("records", "list"), ("channels", "list"), SAVE):
        assert "is a symbolic link" in one_error_line(gk(*args, "--db", str(link)))
    assert gk("records", "list", "--db", db).returncode == 0  # the file's own path works


@pytest.mark.parametrize("companion", ["-wal", "-shm", "-journal"])
def test_a_link_beside_the_log_is_refused(gk, tmp_path, companion):
    db = saved_log(gk, tmp_path)
    secret = tmp_path / "secret"
    link = tmp_path / f"cases.db{companion}"
    link.symlink_to(secret)
    line = one_error_line(gk(*SAVE, "--db", db))
    assert f"{link}: is a symbolic link (to {secret})" in line
    assert not secret.exists()


def test_a_device_is_refused_and_never_changed(gk, tmp_path):
    before = os.stat("/dev/null")
    for args in (SAVE, ("records", "list"), ("channels", "add", "--id", "x")):
        line = one_error_line(gk(*args, "--db", "/dev/null"))
        assert line == (
            "gk-respond: error: /dev/null: is a character device, not a file; it is left as it is"
        )
    after = os.stat("/dev/null")
    assert (after.st_mode, after.st_uid) == (before.st_mode, before.st_uid)
    assert not os.path.exists("/dev/null-journal") and not os.path.exists("/dev/null-wal")


@pytest.mark.parametrize("args", [SAVE, ("records", "list"), ("channels", "list")])
def test_a_named_pipe_is_refused_at_once(gk, tmp_path, args):
    """Today's test that it does not hang: the subprocess has a timeout (gk's 120 s)."""
    fifo = tmp_path / "cases.db"
    os.mkfifo(fifo, 0o644)
    line = one_error_line(gk(*args, "--db", str(fifo)))
    assert line.endswith(f"{fifo}: is a named pipe (FIFO), not a file; it is left as it is")
    assert mode(fifo) == 0o644 and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_folder_is_refused(gk, tmp_path):
    line = one_error_line(gk(*SAVE, "--db", str(tmp_path)))
    assert line.endswith(f"{tmp_path}: is a folder, not a file; it is left as it is")


@pytest.mark.parametrize("args", EXPORTS)
def test_an_export_never_writes_through_a_link(gk, tmp_path, args):
    db = saved_log(gk, tmp_path)
    target = tmp_path / "target"
    link = tmp_path / "export.out"
    link.symlink_to(target)  # dangling: the export would create the target
    line = one_error_line(gk(*args, "--db", db, "--output", str(link)))
    assert line == (
        f"gk-respond: error: {link}: is a symbolic link (to {target}); files that hold "
        "personal data are never opened through a link: give the file's own path"
    )
    assert not target.exists() and link.is_symlink()
    assert others(tmp_path) == ["export.out"]  # no leftovers


@pytest.mark.parametrize("args", EXPORTS[:3])
def test_an_export_is_private_and_an_existing_file_is_never_overwritten(gk, tmp_path, args):
    db = saved_log(gk, tmp_path)
    out = tmp_path / "export.out"
    result = gk(*args, "--db", db, "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert mode(out) == 0o600 and out.stat().st_size > 0
    before = out.read_bytes()
    line = one_error_line(gk(*args, "--db", db, "--output", str(out)))
    assert "already exists" in line and out.read_bytes() == before
    assert others(tmp_path) == ["export.out"]


def test_the_public_channel_list_follows_the_umask(gk, tmp_path):
    db = saved_log(gk, tmp_path)
    out = tmp_path / "kanaler.html"
    result = gk("channels", "export", "--format", "html", "--db", db, "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert mode(out) == 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _limited(size: int, ignore_signal: bool):
    """For a subprocess: files it writes may grow to ``size`` bytes (a full disk, as the
    process sees it); beyond that it is killed by SIGXFSZ, or its write fails."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
        if ignore_signal:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    return limit


@pytest.mark.parametrize("ignore_signal", [False, True])
def test_an_interrupted_export_leaves_no_file_and_the_retry_works(
    gk, cli_env, tmp_path, ignore_signal
):
    db = str(tmp_path / "cases.db")
    comment = "Skatten höjs! " * 2000  # about 30 kB a case
    for _ in range(6):
        saved = gk(*SAVE[:3], "--comment", comment, "--db", db)
        assert saved.returncode == 0, saved.stderr
    gk("records", "list", "--db", db)  # the -shm file exists before the limit is set
    out = tmp_path / "ärenden.json"
    args = [sys.executable, "-m", "gk_respond", "records", "export", "--format", "json"]
    args += ["--db", db, "--output", str(out)]
    stopped = subprocess.run(
        args, capture_output=True, text=True, env=cli_env, cwd="/", timeout=120,
        preexec_fn=_limited(100_000, ignore_signal),
    )  # fmt: skip
    assert stopped.returncode != 0
    assert not out.exists()
    if ignore_signal:  # the write failed: one line, and the temporary file is gone
        assert stopped.stderr == f"gk-respond: error: {out}: File too large\n"
        assert not [name for name in os.listdir(tmp_path) if name.endswith(".part")]
    retry = subprocess.run(args, capture_output=True, text=True, env=cli_env, cwd="/")
    assert retry.returncode == 0, retry.stderr
    assert mode(out) == 0o600 and len(out.read_text(encoding="utf-8")) > 6 * len(comment)


def test_a_log_others_can_read_is_named_with_the_fix_and_left_as_it_is(gk, tmp_path):
    db = saved_log(gk, tmp_path)
    os.chmod(db, 0o644)
    start = (
        f"gk-respond: warning: others can read the case log, which holds personal data ({db} 0644"
    )
    # SQLite gives the -wal and -shm files it makes the log's mode: they are named too
    fix = f"; unless it is shared on purpose, make it yours only: chmod 600 {db} {db}-wal {db}-shm"
    for args in (("records", "list"), ("channels", "list"), SAVE):
        result = gk(*args, "--db", db)
        assert result.returncode == 0, result.stderr
        warnings = [line for line in result.stderr.splitlines() if "warning" in line]
        assert len(warnings) == 1 and warnings[0].startswith(start), result.stderr
        assert warnings[0].endswith(fix), result.stderr
    assert mode(db) == 0o644  # shared on purpose, perhaps: only its owner decides
    os.chmod(db, 0o600)
    result = gk("records", "list", "--db", db)
    assert "warning" not in result.stderr


def test_the_wal_file_of_a_log_others_can_read_is_named_too(gk, tmp_path):
    import sqlite3

    db = saved_log(gk, tmp_path)
    holder = sqlite3.connect(db, isolation_level=None)  # keeps the -wal and -shm files
    try:
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute("UPDATE cases SET notes = 'x'")
        os.chmod(f"{db}-wal", 0o644)
        result = gk("records", "list", "--db", db)
        assert result.returncode == 0, result.stderr
        assert f"({db}-wal 0644); " in result.stderr
        assert f"chmod 600 {db}-wal\n" in result.stderr
    finally:
        holder.close()


# -- a copy on a read-only file system --------------------------------------------------------
def _read_only_mount(source) -> list[str]:
    """A command prefix that runs its command where ``source`` is mounted read-only at the
    same path (a private mount namespace: root and unshare needed, or the test is skipped)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("a read-only mount needs root and unshare")
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
    prefix = ["unshare", "-m", "sh", "-c", script, str(source)]
    if subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        pytest.skip("no read-only bind mount here (no mount namespace)")
    return prefix


def test_a_copy_on_a_read_only_file_system_can_be_read(gk, cli_env, tmp_path):
    import sqlite3

    folder = tmp_path / "copy"
    folder.mkdir()
    db = saved_log(gk, folder)
    prefix = _read_only_mount(folder)
    reader = [*prefix, sys.executable, "-m", "gk_respond"]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*reader, *args, "--db", db], capture_output=True, text=True, env=cli_env, cwd="/"
        )

    for args in (("records", "list"), ("records", "show", "2026-0001"), ("channels", "list")):
        args = tuple(a.replace("2026", str(_year())) for a in args)
        result = run(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert result.stderr == ""
    assert "is read-only for you" in one_error_line(run(*SAVE))
    # a copy taken with its -wal file but without the -shm: what is in the -wal cannot be
    # read there, and the reader is told so
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute("UPDATE cases SET notes = 'in the wal'")
        shutil.copy(db, folder / "wal.db")
        shutil.copy(f"{db}-wal", folder / "wal.db-wal")
    finally:
        holder.close()
    db = str(folder / "wal.db")
    result = run("records", "list")
    assert result.returncode == 0, result.stderr
    assert f"gk-respond: warning: {db}-wal holds changes that cannot be read where it is" in (
        result.stderr
    )


def _year() -> int:
    from datetime import datetime

    return datetime.now().astimezone().year
