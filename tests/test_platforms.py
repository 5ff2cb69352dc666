"""Nothing assumes a Unix system without a fallback: the case log, the contacts, the channel
register, an export and the terminal device work with the Unix-only parts of ``os`` gone and
``os.name`` as on Windows (there is no Windows machine here, so the platform is patched)."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "gk_respond"
UNIX_ONLY = ("getuid", "geteuid", "getgid", "umask", "O_NOFOLLOW", "fchown", "getpwuid")


@pytest.fixture
def windows(tmp_path, monkeypatch):
    """``os`` as on Windows: no user ids, no O_NOFOLLOW, ``os.name == "nt"`` (after the
    temporary folder is made: pathlib itself would refuse it)."""
    for name in UNIX_ONLY:
        monkeypatch.delattr(os, name, raising=False)
    monkeypatch.setattr(os, "name", "nt")


def test_the_case_log_contacts_and_register_work_without_unix_parts(windows, tmp_path):
    from gk_respond.records.contact_rows import read_contacts
    from gk_respond.records.contacts import Contact, Contacts
    from gk_respond.records.store import Case, Store

    path = str(tmp_path / "data dir" / "cases.db")  # a space, as in C:\Users\Anna Andersson
    with Store(path) as store:
        saved = store.save(
            Case(
                handler="anna", lang="sv", flowchart_version="1", flowchart_sha256="f" * 64,
                comment_text="Hej", comment_sha256="c" * 64, outcome="observe", path=[],
            )
        )  # fmt: skip
        Contacts(store).add(
            Contact(
                id="info", role="informationsansvarig", name="Anna", email="a@gullspang.se",
                phone="0551-360 00",
            )
        )  # fmt: skip
    with Store(path, readonly=True) as store:
        assert store.get(saved.number) is not None
    assert [c["name"] for c in read_contacts(path)] == ["Anna"]


def test_an_export_and_the_terminal_device_on_windows(windows, tmp_path):
    from gk_respond.cli.common import deliver
    from gk_respond.cli.triage import terminal_device

    out = tmp_path / "kanaler.yaml"
    assert deliver("channels: []\n", str(out), "0 channel(s)") is None
    assert out.read_text("utf-8") == "channels: []\n"
    assert terminal_device() == "CONIN$"


def test_no_module_uses_a_unix_only_function_without_a_fallback():
    """``os.getuid`` and the like, ``fcntl``, ``pwd``, ``termios``: only behind a ``hasattr``
    or ``os.name`` check, or in a try that catches the ImportError/AttributeError."""
    found = []
    for module in PACKAGE.rglob("*.py"):
        tree = ast.parse(module.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in UNIX_ONLY:
                found.append(f"{module.name}:{node.lineno}: os.{node.attr}")
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                for name in names:
                    if name.split(".")[0] in ("fcntl", "pwd", "grp", "termios", "resource"):
                        found.append(f"{module.name}:{node.lineno}: import {name}")
    assert found == [], "guard these with a fallback and add them to this test's patching"
