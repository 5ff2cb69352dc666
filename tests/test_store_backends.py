"""The same guarantees on SQLite and on PostgreSQL: a log that is not ours or is newer is
refused and never written, reading never creates one, and on a PostgreSQL server every way
of failing (server down, wrong password, no such database, a connection lost mid-save) is
one line naming host and database, exit 4, with nothing half-written and no password shown.
"""

from __future__ import annotations

import json
import re
import sqlite3
from urllib.parse import urlsplit

import pytest
from backends import in_schema, server
from test_records_store import case

from gk_respond.records.store import SCHEMA_VERSION, NoCaseLog, Store, StoreError


def meta(location: str) -> list[tuple[str, str]]:
    with Store(location, readonly=True) as store:
        return [tuple(r) for r in store.query("SELECT key, value FROM gk_respond_meta")]


def raw(location: str, sql: str) -> None:
    """Run ``sql`` on the log behind gk-respond's back (as another program would)."""
    if location.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(location, autocommit=True) as db:
            db.execute(sql)
    else:
        with sqlite3.connect(location) as db:
            db.execute(sql)


def tables(location: str) -> set[str]:
    if location.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(location, autocommit=True) as db:
            rows = db.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            ).fetchall()
    else:
        with sqlite3.connect(location) as db:
            rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {r[0] for r in rows}


@pytest.mark.parametrize("readonly", [False, True])
def test_a_newer_schema_is_refused_and_never_written(case_log, readonly):
    with Store(case_log) as store:
        number = store.save(case()).number
    raw(case_log, f"UPDATE gk_respond_meta SET value = '{SCHEMA_VERSION + 1}' WHERE key = 'schema'")
    with pytest.raises(StoreError, match="newer gk-respond"):
        Store(case_log, readonly=readonly)
    raw(case_log, f"UPDATE gk_respond_meta SET value = '{SCHEMA_VERSION}' WHERE key = 'schema'")
    with Store(case_log, readonly=True) as store:
        assert [c.number for c in store.cases()] == [number]


@pytest.mark.parametrize("readonly", [False, True])
def test_a_database_that_is_not_a_case_log_is_refused_and_left_alone(case_log, readonly):
    raw(case_log, "CREATE TABLE mine (x TEXT)")
    with pytest.raises(StoreError, match="not a gk-respond case log"):
        Store(case_log, readonly=readonly)
    assert tables(case_log) == {"mine"}


def test_reading_never_creates_a_log(case_log):
    for options in ({"readonly": True}, {"create": False}):
        with pytest.raises(NoCaseLog, match="no case log at"):
            Store(case_log, **options)
    if case_log.startswith("postgresql://"):
        assert tables(case_log) == set()


def test_a_log_opened_read_only_refuses_every_write(case_log):
    Store(case_log).close()
    with Store(case_log, readonly=True) as store:
        with pytest.raises(StoreError):
            store.save(case())
        assert store.cases() == []


def test_hostile_text_is_kept_and_found_as_the_characters_it_is(case_log):
    hostile = ["100%", "a_b", "it's", "back\\slash", "x;-- DROP TABLE cases", "Å'; --"]
    with Store(case_log) as store:
        numbers = {text: store.save(case(comment_text=f"<{text}>")).number for text in hostile}
        plain = store.save(case(comment_text="100 ab its backslash x åäö")).number
        from gk_respond.records.store import CaseFilter

        for text, number in numbers.items():
            found = [c.number for c in store.cases(CaseFilter(text=text))]
            assert found == [number], text
        assert {c.number for c in store.cases(CaseFilter(text="%"))} == {numbers["100%"]}
        assert [c.number for c in store.cases(CaseFilter(text="ÅÄÖ"))] == [plain]  # any case
        assert [c.number for c in store.cases(CaseFilter(text="x\x00"))] == []
        last_year = store.save(case(comment_text="Förra ÅRET", author="Öberg")).number
        assert [c.number for c in store.cases(CaseFilter(text="året"))] == [last_year]
        assert [c.number for c in store.cases(CaseFilter(text="öBERG"))] == [last_year]
        assert store.cases(CaseFilter(text="aret")) == []  # å is not a
        assert store.cases(CaseFilter(text="oberg")) == []  # nor ö o
        assert len(store.cases()) == len(hostile) + 2  # nothing dropped by any of it


# -- PostgreSQL: what the user sees when it fails ------------------------------------------------
def password_of(url: str) -> str:
    secret = urlsplit(url).password
    assert secret, "the test server's URL must carry a password for these tests"
    return secret


def failing_urls(location: str) -> dict[str, str]:
    """URLs that fail in each way, with the password of the real one in them."""
    parts = urlsplit(location)
    secret = password_of(location)
    user, host, port = parts.username, parts.hostname, parts.port
    with_password = f"postgresql://{user}:{secret}@{host}"
    return {
        "wrong password": location.replace(f":{secret}@", f":{secret}x@"),
        "no such database": f"{with_password}:{port}/no_such_database_{secret[:4]}",
        "server down": f"{with_password}:9/gk_test?connect_timeout=5",  # nothing listens on 9
        "no such role": location.replace(f"//{user}:", "//nobody_here:"),
    }


EXPECTED = {
    "wrong password": "refused the password",
    "no such database": "no such database",
    "server down": "cannot reach the PostgreSQL server",
    "no such role": "refused the password",  # the server does not tell which was wrong
}


@pytest.mark.parametrize("how", list(EXPECTED))
def test_every_command_says_what_is_wrong_in_one_line_without_the_password(gk, postgres_log, how):
    url = failing_urls(postgres_log)[how]
    secret = password_of(postgres_log)
    shown = urlsplit(url)
    for command in (
        ["--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", url],
        ["records", "list", "--db", url],
        ["records", "update", "2026-1", "--note", "x", "--db", url],
        ["channels", "list", "--db", url],
        ["channels", "add", "--db", url, "--id", "x"],
        ["users", "list", "--db", url],
        ["serve", "--db", url, "--port", "9"],
    ):
        result = gk(*command)
        assert secret not in result.stdout + result.stderr, command
        assert result.returncode in (2, 4), (command, result.stderr)
        if command[0] == "channels" and command[1] == "add":
            continue  # refused for its missing options before the log is opened
        assert result.returncode == 4, (command, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
        assert EXPECTED[how] in lines[0], lines
        assert f"{shown.hostname}:{shown.port}/{shown.path.lstrip('/')}" in lines[0], lines


def test_a_connection_lost_mid_save_is_one_line_and_nothing_is_half_written(postgres_log):
    import psycopg

    with Store(postgres_log) as store:
        store.save(case())
        with pytest.raises(StoreError) as lost, store.transaction() as db:
            db.execute("INSERT INTO case_counters (year, last) VALUES (1999, 1)")
            (pid,) = db.execute("SELECT pg_backend_pid()").fetchone()
            with psycopg.connect(server(), autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            db.execute("INSERT INTO case_counters (year, last) VALUES (1998, 1)")
    message = str(lost.value)
    assert password_of(postgres_log) not in message
    assert "connection to the server was lost" in message and "\n" not in message
    assert re.match(r"postgresql://gk_test@127\.0\.0\.1:\d+/gk_test: ", message), message
    with Store(postgres_log, readonly=True) as store:
        years = [r[0] for r in store.query("SELECT year FROM case_counters ORDER BY year")]
        assert 1999 not in years and len(store.cases()) == 1


def test_a_password_from_pgpassword_works_and_is_never_shown(gk, postgres_log, cli_env):
    import subprocess
    import sys

    secret = password_of(postgres_log)
    bare = postgres_log.replace(f":{secret}@", "@")
    env = {**cli_env, "PGPASSWORD": secret, "GK_RESPOND_DB": bare}
    run = [sys.executable, "-m", "gk_respond"]
    saved = subprocess.run(
        [*run, "--answers", "prohibited=ja,owns_channel=ja", "--save", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert saved.returncode == 0, saved.stderr
    number = json.loads(saved.stdout)["case"]
    listed = subprocess.run(
        [*run, "records", "list", "--format", "json"], capture_output=True, text=True, env=env
    )
    assert [c["number"] for c in json.loads(listed.stdout)] == [number]
    env["PGPASSWORD"] = secret + "x"
    refused = subprocess.run([*run, "records", "list"], capture_output=True, text=True, env=env)
    assert refused.returncode == 4 and "refused the password" in refused.stderr
    assert secret not in refused.stderr + refused.stdout


def test_a_schema_the_server_does_not_have_is_a_clear_error(postgres_log):
    url = in_schema(postgres_log.partition("?")[0], "no_such_schema")
    with pytest.raises(StoreError) as refused:
        Store(url)
    assert password_of(postgres_log) not in str(refused.value)


def test_a_search_is_planned_for_its_own_text_however_often_a_connection_runs_it(postgres_log):
    """A connection kept open (the web app's) runs one search's statement for many texts:
    psycopg prepares it on the server after five, and each run is still planned for its
    own text, never once for any (a generic plan, several times slower for a search), while
    the URL's own options (here the schema) still hold."""
    from test_case_log_reads import numbered

    from gk_respond.records.store import CaseFilter, insert_cases

    with Store(postgres_log) as store:
        with store.transaction() as db:
            insert_cases(db, numbered(12))
        texts = ["snöröjning", "året", "skolan", "berg", "ingenting", "ret", "ÅRET", "öberg"] * 2
        counts = [store.count(CaseFilter(text=text)) for text in texts]
        assert counts[:8] == counts[8:] and any(counts)
        ((mode,),) = store.query("SHOW plan_cache_mode")
        assert mode == "force_custom_plan"
        ((version,),) = store.query("SELECT current_setting('server_version_num')::int")
        if version >= 140000:  # the server's own account of how it planned them
            plans = store.query(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
                "WHERE statement LIKE '%COUNT(*)%search_text LIKE%'"
            )
            assert plans and all(generic == 0 for generic, _ in plans)
            assert sum(custom for _, custom in plans) >= len(texts) - 5, plans
        assert store.query("SELECT current_schema()")[0][0] == in_schema_name(postgres_log)


def in_schema_name(location: str) -> str:
    """The schema the test's URL names (``options=-csearch_path=...``)."""
    return re.search(r"search_path%3D(\w+)", location).group(1)
