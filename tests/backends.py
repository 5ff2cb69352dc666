"""The case log on both backends: ``case_log`` is a location (an SQLite file, or a
PostgreSQL schema of its own on the test server) that a test passes to ``Store`` or
``--db``. The server is the one ``GK_RESPOND_TEST_POSTGRES`` names (``.ci/run`` starts one;
``eval "$(.ci/postgres start DIR)"`` for a developer); without it the PostgreSQL cases skip,
and in CI (``CI=true``) they fail."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

SERVER = os.environ.get("GK_RESPOND_TEST_POSTGRES", "")
BACKENDS = ("sqlite", "postgresql")
NO_SERVER = (
    "no PostgreSQL server for the tests: set GK_RESPOND_TEST_POSTGRES=postgresql://… "
    '(eval "$(.ci/postgres start DIR)" starts one and sets it; see docs/team-case-log.md)'
)


def server() -> str:
    """The test server's URL; skips the test (fails it in CI) when there is none."""
    if not SERVER:
        if os.environ.get("CI"):
            pytest.fail(NO_SERVER)
        pytest.skip(NO_SERVER)
    return SERVER


def in_schema(url: str, schema: str) -> str:
    """``url`` with ``schema`` as the only one on its search path."""
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema}"


@pytest.fixture
def postgres_log() -> Iterator[str]:
    """A location on the test server: a schema of its own, dropped afterwards."""
    import psycopg

    url, schema = server(), f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as admin:
        # pg_trgm (the search index's) in a schema no test drops: one a test made and
        # dropped would take every other test's index with it
        admin.execute("SELECT pg_advisory_lock(7142)")
        admin.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        admin.execute("SELECT pg_advisory_unlock(7142)")
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield in_schema(url, schema)
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def case_log(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test keeps its case log, once on each backend (the test ids say which)."""
    if request.param == "sqlite":
        return str(tmp_path / "cases.db")
    return request.getfixturevalue("postgres_log")


@pytest.fixture
def backend(case_log: str) -> str:
    """The backend ``case_log`` is on."""
    return "postgresql" if case_log.startswith("postgresql://") else "sqlite"


@pytest.fixture
def paged(case_log: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The case log with 250 cases (tui_helpers.fill_cases: "snöröjning" finds 50,
    "skatten" 200), which the app's case log searches as soon as its field changes."""
    from tui_helpers import fill_cases

    from gk_respond.tui.screens.records import RecordsScreen

    monkeypatch.setattr(RecordsScreen, "SEARCH_DELAY", 0)
    fill_cases(case_log, 250)
    return case_log
