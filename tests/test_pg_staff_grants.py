"""A staff role on PostgreSQL given the rows only, as docs/team-case-log.md describes
(``GRANT USAGE ON SCHEMA`` and ``SELECT, INSERT, UPDATE, DELETE ON ALL TABLES``), on a
real server: with exactly those grants every command works; missing one, gk-respond says
which table or schema the role may not use (exit 4, one line, no traceback) and nothing is
written. The roles are made by the tests' own server role, which ``.ci/postgres`` lets
create roles."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from backends import in_schema, server
from conftest import ROOT

ANSWERS = "prohibited=ja,owns_channel=ja"
PASSWORD = "a long enough password\n"


def documented_grants() -> list[str]:
    """The staff role's grants on the schema and its tables, as docs/team-case-log.md gives
    them, with ``{schema}`` and ``{role}`` for the names: the test runs what users read."""
    text = (ROOT / "docs" / "team-case-log.md").read_text(encoding="utf-8")
    grants = [
        line.rstrip(";").replace("gk_respond_staff", "{role}").replace("gk_respond", "{schema}")
        for line in text.splitlines()
        if line.startswith("GRANT ") and line.endswith(" TO gk_respond_staff;")
        and " ON DATABASE " not in line
    ]  # fmt: skip
    assert len(grants) == 2, grants  # USAGE on the schema; the rows of every table
    return grants


@dataclass
class Staff:
    owner: str  # the log's location as its owner (the tests' server role) opens it
    url: str  # the same log, as the staff role opens it
    schema: str
    role: str
    grant: Callable[..., None]  # run SQL as the owner


@pytest.fixture
def staff(postgres_log: str, gk) -> Iterator[Staff]:
    """A log made by its owner, with one case, and a new login role given the documented
    grants on it; the role is dropped afterwards."""
    import psycopg

    admin_url = server()
    schema = parse_qs(urlsplit(postgres_log).query)["options"][0].split("=", 1)[1]
    with psycopg.connect(admin_url, autocommit=True) as admin:
        (may,) = admin.execute(
            "SELECT rolcreaterole FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
    if not may:
        pytest.skip("the test server's role may not create roles: restart it with .ci/postgres")
    saved = gk("--answers", ANSWERS, "--save", "--comment", "ägarens", "--db", postgres_log)
    assert saved.returncode == 0, saved.stderr
    role, password = f"staff_{uuid.uuid4().hex[:12]}", secrets.token_hex(16)
    admin = psycopg.connect(admin_url, autocommit=True)

    def grant(*statements: str) -> None:
        for sql in statements:
            admin.execute(sql.format(schema=schema, role=role))

    grant(f"CREATE ROLE {{role}} LOGIN PASSWORD '{password}'", *documented_grants())
    where = urlsplit(admin_url)
    url = f"postgresql://{role}:{password}@{where.hostname}:{where.port}{where.path}"
    try:
        yield Staff(postgres_log, in_schema(url, schema), schema, role, grant)
    finally:
        grant(
            "REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}",
            "REVOKE ALL ON SCHEMA {schema} FROM {role}",
            "DROP ROLE {role}",
        )
        admin.close()


def _cases(gk, db: str) -> str:
    listed = gk("records", "list", "--db", db)
    assert listed.returncode == 0, listed.stderr
    return listed.stdout


def test_a_role_with_exactly_the_documented_grants_does_everything(staff, gk, tmp_path):
    saved = gk("--answers", ANSWERS, "--save", "--comment", "personalens", "--db", staff.url)
    assert saved.returncode == 0, saved.stderr
    assert "saved as case 2026-0002" in saved.stderr or "2026-0002" in saved.stderr
    assert "ägarens" in _cases(gk, staff.url) and "personalens" in _cases(gk, staff.url)
    found = gk("records", "list", "--search", "pe", "--db", staff.url)  # the pairs index
    assert found.returncode == 0 and "personalens" in found.stdout
    assert "ägarens" not in found.stdout
    updated = gk("records", "update", "2026-0002", "--note", "klart", "--close", "--tick", "1",
                 "--db", staff.url)  # fmt: skip
    assert updated.returncode == 0, updated.stderr
    shot = tmp_path / "skärmdump.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 64)
    attached = gk("records", "attach", "2026-0002", str(shot), "--db", staff.url)
    assert attached.returncode == 0, attached.stderr
    stats = gk("records", "stats", "--format", "json", "--db", staff.url)
    assert stats.returncode == 0 and '"total": 2' in stats.stdout, stats.stdout
    for command in (
        ["users", "add", "anna", "--role", "informationsansvarig", "--password-stdin"],
        ["users", "add", "kim", "--password-stdin"],
    ):
        added = gk(*command, "--db", staff.url, input=PASSWORD)
        assert added.returncode == 0, added.stderr
    refused = gk("users", "role", "anna", "kommunikatör", "--db", staff.url)  # FOR UPDATE
    assert refused.returncode == 2 and "'anna' is the last active" in refused.stderr
    assert gk("users", "role", "kim", "informationsansvarig", "--db", staff.url).returncode == 0
    assert gk("users", "remove", "anna", "--db", staff.url).returncode == 0
    listed = gk("users", "list", "--db", staff.url)
    assert listed.returncode == 0 and "kim" in listed.stdout and "anna" not in listed.stdout
    assert gk("contacts", "list", "--db", staff.url).returncode == 0
    assert gk("channels", "list", "--db", staff.url).returncode == 0
    verified = gk("records", "verify", "--db", staff.url)
    assert verified.returncode == 0, verified.stderr
    assert gk("records", "stats", "--db", staff.owner).returncode == 0  # the owner's view


@pytest.mark.parametrize(
    "table", ["cases", "gk_respond_meta", "case_counters", "users", "case_tallies_months"]
)
def test_a_table_not_granted_is_named_and_nothing_is_written(staff, gk, table):
    staff.grant(f"REVOKE ALL ON {{schema}}.{table} FROM {{role}}")
    for command in (["records", "list"], ["--answers", ANSWERS, "--save", "--comment", "x"],
                    ["users", "list"]):  # fmt: skip
        refused = gk(*command, "--db", staff.url)
        assert refused.returncode == 4, (command, refused.stdout, refused.stderr)
        assert "Traceback" not in refused.stderr
        assert f"user {staff.role} may not read the case log's table(s) {table} " in refused.stderr
        assert f"ON ALL TABLES IN SCHEMA {staff.schema} TO {staff.role}" in refused.stderr
        assert "damaged" not in refused.stderr and "not a gk-respond" not in refused.stderr
    assert "2026-0002" not in _cases(gk, staff.owner)
    staff.grant(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {{schema}}.{table} TO {{role}}")
    assert "ägarens" in _cases(gk, staff.url)  # granted again: it works


def test_two_tables_not_granted_are_both_named(staff, gk):
    staff.grant("REVOKE ALL ON {schema}.users FROM {role}",
                "REVOKE ALL ON {schema}.account_events FROM {role}")  # fmt: skip
    refused = gk("records", "list", "--db", staff.url)
    assert refused.returncode == 4
    assert "table(s) account_events, users (" in refused.stderr


def test_a_schema_not_granted_is_named(staff, gk):
    staff.grant("REVOKE USAGE ON SCHEMA {schema} FROM {role}")
    for command in (["records", "list"], ["--answers", ANSWERS, "--save", "--comment", "x"]):
        refused = gk(*command, "--db", staff.url)
        assert refused.returncode == 4, (command, refused.stderr)
        assert "Traceback" not in refused.stderr
        assert (
            f"user {staff.role} may not use the schema {staff.schema} "
            f"(GRANT USAGE ON SCHEMA {staff.schema} TO {staff.role})" in refused.stderr
        )
    assert "2026-0002" not in _cases(gk, staff.owner)


def test_a_table_granted_for_reading_only_refuses_the_write_naming_it(staff, gk):
    staff.grant("REVOKE INSERT, UPDATE, DELETE ON {schema}.users FROM {role}")
    assert gk("users", "list", "--db", staff.url).returncode == 0
    refused = gk("users", "add", "anna", "--password-stdin", "--db", staff.url, input=PASSWORD)
    assert refused.returncode == 4 and "Traceback" not in refused.stderr
    assert "this user may not do that (permission denied for table users)" in refused.stderr
    owner_view = gk("users", "list", "--db", staff.owner)
    assert owner_view.returncode == 0 and "anna" not in owner_view.stdout
    assert gk("records", "stats", "--db", staff.url).returncode == 0  # the rest still works
