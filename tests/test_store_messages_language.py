"""The case log's own errors and warnings speak the run's language (Swedish by default,
English under an English locale), as every other message of the command line does: a missing
log, one others can read, a damaged one, one of a newer schema, a server that is down."""

from __future__ import annotations

import sqlite3

import pytest

from gk_respond.records.store import SCHEMA_VERSION, Store

SV = {
    "error": "gk-respond: fel: ",
    "warning": "gk-respond: varning: ",
    "no_log": "det finns ingen ärendelogg på {path} (inget har sparats där än; --db eller "
    "GK_RESPOND_DB anger var)",
    "loose": "andra kan läsa ärendeloggen, som innehåller personuppgifter ({path} 0644",
    "loose_fix": "); om den inte delas med avsikt, gör den till bara din: chmod 600 {path}",
    "damaged": "{path}: är skadad (",
    "damaged_end": "); den lämnas som den är — återställ den från en säkerhetskopia",
    "newer": "{path}: skrevs av en nyare gk-respond (schema {newer}; den här känner till "
    "{known}); uppdatera gk-respond för att öppna den",
    "down": ": PostgreSQL-servern går inte att nå (",
}
EN = {
    "error": "gk-respond: error: ",
    "warning": "gk-respond: warning: ",
    "no_log": "no case log at {path} (nothing has been saved there yet; --db or "
    "GK_RESPOND_DB say where)",
    "loose": "others can read the case log, which holds personal data ({path} 0644",
    "loose_fix": "); unless it is shared on purpose, make it yours only: chmod 600 {path}",
    "damaged": "{path}: is damaged (",
    "damaged_end": "); it is left as it is — restore it from a backup",
    "newer": "{path}: was written by a newer gk-respond (schema {newer}; this one knows "
    "{known}); update gk-respond to open it",
    "down": ": cannot reach the PostgreSQL server (",
}
LANGUAGES = [pytest.param("gk_sv", SV, id="sv"), pytest.param("gk", EN, id="en")]


@pytest.fixture
def log(tmp_path):
    path = tmp_path / "cases.db"
    Store(str(path)).close()
    return path


@pytest.mark.parametrize(("runner", "said"), LANGUAGES)
def test_no_case_log_at_a_path(request, tmp_path, runner, said):
    path = tmp_path / "none.db"
    result = request.getfixturevalue(runner)("records", "list", "--db", str(path))
    assert result.returncode == 4
    assert result.stderr == said["error"] + said["no_log"].format(path=path) + "\n"
    assert not path.exists()


@pytest.mark.parametrize(("runner", "said"), LANGUAGES)
def test_a_log_others_can_read_is_used_with_a_warning_and_its_fix(request, log, runner, said):
    log.chmod(0o644)
    result = request.getfixturevalue(runner)("records", "list", "--db", str(log))
    assert result.returncode == 0, result.stderr
    warning = result.stderr.splitlines()[0]
    assert warning.startswith(said["warning"] + said["loose"].format(path=log)), warning
    assert said["loose_fix"].format(path=log) in warning  # and its -wal and -shm files


@pytest.mark.parametrize(("runner", "said"), LANGUAGES)
def test_a_damaged_log(request, log, runner, said):
    data = bytearray(log.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    log.write_bytes(bytes(data))
    result = request.getfixturevalue(runner)("records", "list", "--db", str(log))
    assert result.returncode == 4
    (line,) = result.stderr.splitlines()
    assert line.startswith(said["error"] + said["damaged"].format(path=log)), line
    assert line.endswith(said["damaged_end"]), line
    assert log.read_bytes() == bytes(data)


@pytest.mark.parametrize(("runner", "said"), LANGUAGES)
def test_a_log_of_a_newer_schema(request, log, runner, said):
    with sqlite3.connect(log) as db:
        db.execute(
            "UPDATE gk_respond_meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION + 1),)
        )
    result = request.getfixturevalue(runner)("records", "list", "--db", str(log))
    assert result.returncode == 4
    expected = said["newer"].format(path=log, newer=SCHEMA_VERSION + 1, known=SCHEMA_VERSION)
    assert result.stderr == said["error"] + expected + "\n"


@pytest.mark.parametrize(("runner", "said"), LANGUAGES)
def test_a_server_that_is_down_without_its_password(request, runner, said):
    pytest.importorskip("psycopg")
    url = "postgresql://gk:s3cret-word@127.0.0.1:9/gk_test?connect_timeout=5"  # nothing on 9
    result = request.getfixturevalue(runner)("records", "list", "--db", url)
    assert result.returncode == 4
    assert "s3cret-word" not in result.stdout + result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(said["error"] + "postgresql://gk@127.0.0.1:9/gk_test" + said["down"])


@pytest.mark.parametrize(("runner", "said"), LANGUAGES)
def test_saving_with_a_url_into_an_unusable_log_is_one_error(request, log, runner, said):
    data = bytearray(log.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    log.write_bytes(bytes(data))
    url = "https://www.facebook.com/gullspangskommun/posts/1"
    answers = ("--answers", "prohibited=ja,owns_channel=ja", "--save", "--url", url)
    result = request.getfixturevalue(runner)(*answers, "--db", str(log))
    assert result.returncode == 4
    (line,) = result.stderr.splitlines()  # not a warning that the register is unused first
    assert line.startswith(said["error"] + said["damaged"].format(path=log)), line
    assert log.read_bytes() == bytes(data)


@pytest.mark.parametrize(("runner", "said"), LANGUAGES)
def test_saving_with_a_url_to_a_server_that_is_down_is_one_error(request, runner, said):
    pytest.importorskip("psycopg")
    url = "postgresql://gk:s3cret-word@127.0.0.1:9/gk_test?connect_timeout=5"
    answers = ("--answers", "prohibited=ja,owns_channel=ja", "--save", "--url", "https://x.se/1")
    result = request.getfixturevalue(runner)(*answers, "--db", url)
    assert result.returncode == 4
    assert "s3cret-word" not in result.stdout + result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(said["error"] + "postgresql://gk@127.0.0.1:9/gk_test" + said["down"])
