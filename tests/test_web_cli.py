"""`gk-respond users` and `gk-respond serve` as a user runs them: subprocesses, files on disk."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import urllib.request

import pytest

PASSWORD = "a long enough password\n"


def test_users_add_list_passwd_disable_enable_remove(gk, case_log, backend):
    db = case_log
    added = gk("users", "add", "anna", "--role", "informationsansvarig", "--password-stdin",
               "--db", db, input=PASSWORD)  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "account anna added (informationsansvarig)" in added.stderr
    assert PASSWORD.strip() not in added.stdout + added.stderr
    if backend == "sqlite":
        assert os.stat(db).st_mode & 0o777 == 0o600
    gk(
        "users",
        "add",
        "bo",
        "--role",
        "kommunikator",
        "--password-stdin",
        "--db",
        db,
        input=PASSWORD,
    )
    listed = gk("users", "list", "--format", "json", "--db", db)
    users = json.loads(listed.stdout)
    assert [(u["name"], u["role"], u["disabled_at"]) for u in users] == [
        ("anna", "informationsansvarig", None),
        ("bo", "kommunikatör", None),
    ]
    assert "password" not in listed.stdout and "argon2" not in listed.stdout
    from gk_respond.records.store import Store

    with Store(db, readonly=True) as store:
        ((digest,),) = store.query("SELECT password_hash FROM users WHERE name = 'bo'")
    assert digest.startswith("$argon2id$")
    assert gk("users", "passwd", "bo", "--password-stdin", "--db", db,
              input="another long password\n").returncode == 0  # fmt: skip
    with Store(db, readonly=True) as store:  # a new hash, on either backend
        ((changed,),) = store.query("SELECT password_hash FROM users WHERE name = 'bo'")
    assert changed != digest
    disabled = gk("users", "disable", "bo", "--db", db)
    assert disabled.returncode == 0 and "account bo: disabled" in disabled.stderr
    assert "disabled" in gk("users", "list", "--db", db).stdout
    enabled = gk("users", "enable", "bo", "--db", db)
    assert enabled.returncode == 0 and "account bo: enabled" in enabled.stderr
    assert "disabled" not in gk("users", "list", "--db", db).stdout
    removed = gk("users", "remove", "bo", "--db", db)
    assert removed.returncode == 0 and "account bo: removed" in removed.stderr
    assert [
        u["name"] for u in json.loads(gk("users", "list", "--format", "json", "--db", db).stdout)
    ] == ["anna"]


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (["add", "anna"], "short\n", "at least 12 characters"),
        (["add", "an na"], PASSWORD, "will not do as a user name"),
        (["add", "anna", "--role", "chef"], PASSWORD, "is not a role; valid roles: kommunikatör"),
        (["passwd", "nobody"], PASSWORD, "there is no account 'nobody'"),
    ],
)
def test_users_refuses_with_a_clear_message(gk, tmp_path, args, password, message):
    db = str(tmp_path / "cases.db")
    gk("users", "add", "x", "--password-stdin", "--db", db, input=PASSWORD)
    done = gk("users", *args, "--password-stdin", "--db", db, input=password)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_users_twice_and_on_a_missing_log(gk, tmp_path):
    db = str(tmp_path / "cases.db")
    gk("users", "add", "anna", "--password-stdin", "--db", db, input=PASSWORD)
    again = gk("users", "add", "anna", "--password-stdin", "--db", db, input=PASSWORD)
    assert again.returncode == 2 and "there is already an account 'anna'" in again.stderr
    missing = gk("users", "list", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 4 and "no case log at" in missing.stderr
    assert not (tmp_path / "none.db").exists()


def test_serve_refuses_another_address_without_accounts_and_says_how(gk, tmp_path):
    db = str(tmp_path / "cases.db")
    refused = gk("serve", "--host", "0.0.0.0", "--db", db)
    assert refused.returncode == 2
    assert "there are no accounts" in refused.stderr
    assert "gk-respond users add NAME --role informationsansvarig --db" in refused.stderr
    assert "--trust-header X-Remote-User --trusted-proxy" in refused.stderr
    proxied = gk("serve", "--trusted-proxy", "127.0.0.1", "--db", db)  # loopback, but proxied
    assert proxied.returncode == 2 and "behind a proxy" in proxied.stderr
    header = gk("serve", "--host", "0.0.0.0", "--trust-header", "X-Remote-User", "--db", db)
    assert header.returncode == 2 and "needs --trusted-proxy" in header.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(cli_env, *args: str) -> tuple[subprocess.Popen[str], str]:
    """``gk-respond serve`` on a free loopback port; it and its address, once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gk_respond", "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env,
    )
    line = server.stdout.readline()  # printed once the port is taken
    assert f"serving http://127.0.0.1:{port}/" in line, server.stderr.read()
    address = f"http://127.0.0.1:{port}"
    for _ in range(10_000):  # until it accepts connections (bounded by count, not by time)
        try:
            with socket.create_connection(("127.0.0.1", port)):
                break
        except ConnectionRefusedError:
            assert server.poll() is None, server.stderr.read()
    return server, address


def test_serve_on_loopback_answers_for_one_person(cli_env, tmp_path):
    server, address = serve(cli_env, "--db", str(tmp_path / "cases.db"), "--handler", "kim")
    try:
        with urllib.request.urlopen(address + "/") as answer:
            page = answer.read().decode()
            assert answer.headers["content-security-policy"].startswith("default-src 'self'")
            assert answer.headers.get("server") is None
        assert "Du arbetar som kim" in page
        with urllib.request.urlopen(address + "/static/htmx.min.js") as script:
            assert script.read(20).startswith(b"var htmx")
    finally:
        server.terminate()
        server.wait()
