"""The case log's own errors and warnings speak the run's language (Swedish by default,
English under an English locale), as every other message of the command line does: a missing
log, one others can read, a damaged one, a damaged case in a sound one, one of a newer
schema, a server that is down, a NUL PostgreSQL cannot keep, and the web app's accounts."""

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


DAMAGED_ROW = {
    "sv": (
        "gk-respond: varning: {db}: ärende {number} är skadat (ticked_json är ingen lista av "
        "stegnummer); det lämnas utanför — återställ det från en säkerhetskopia",
        "gk-respond: fel: {db}: ärende {number} är skadat (ticked_json är ingen lista av "
        "stegnummer); det lämnas som det är — återställ det från en säkerhetskopia",
    ),
    "en": (
        "gk-respond: warning: {db}: case {number} is damaged (ticked_json is not a list of "
        "step numbers); it is left out — restore it from a backup",
        "gk-respond: error: {db}: case {number} is damaged (ticked_json is not a list of "
        "step numbers); it is left as it is — restore it from a backup",
    ),
}


@pytest.mark.parametrize(("runner", "lang"), [("gk_sv", "sv"), ("gk", "en")])
def test_a_damaged_case_is_named_in_the_runs_language(request, tmp_path, runner, lang):
    run = request.getfixturevalue(runner)
    db = str(tmp_path / "cases.db")
    saved = run("--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", db)
    assert saved.returncode == 0, saved.stderr
    number = saved.stderr.split()[-1]
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE cases SET ticked_json = '[\"x\"]'")
    left_out, refused = (line.format(db=db, number=number) for line in DAMAGED_ROW[lang])
    assert run("records", "list", "--db", db).stderr == left_out + "\n"
    shown = run("records", "show", number, "--db", db)
    assert shown.returncode == 4 and shown.stderr == refused + "\n"


USERS = {
    "sv": {
        "added": "gk-respond: konto anna tillagt (kommunikatör)",
        "bad_name": "gk-respond: fel: 'anna andersson' duger inte som användarnamn: använd "
        "bokstäver, siffror och . _ @ - (högst 64, inga mellanslag), t.ex. anna.andersson",
        "short": "gk-respond: fel: lösenordet måste ha minst 12 tecken",
        "role": "gk-respond: fel: 'chef' är ingen roll; giltiga roller: kommunikatör, "
        "informationsansvarig",
        "exists": "gk-respond: fel: det finns redan ett konto 'anna'",
        "missing": "gk-respond: fel: det finns inget konto 'bo'",
        "disabled": "gk-respond: konto anna: avstängt",
        "listed": "avstängt ",
        "none": "inga konton",
    },
    "en": {
        "added": "gk-respond: account anna added (kommunikatör)",
        "bad_name": "gk-respond: error: 'anna andersson' will not do as a user name: use "
        "letters, digits and . _ @ - (at most 64, no spaces), e.g. anna.andersson",
        "short": "gk-respond: error: the password must have at least 12 characters",
        "role": "gk-respond: error: 'chef' is not a role; valid roles: kommunikatör, "
        "informationsansvarig",
        "exists": "gk-respond: error: there is already an account 'anna'",
        "missing": "gk-respond: error: there is no account 'bo'",
        "disabled": "gk-respond: account anna: disabled",
        "listed": "disabled ",
        "none": "no accounts",
    },
}


@pytest.mark.parametrize(("runner", "lang"), [("gk_sv", "sv"), ("gk", "en")])
def test_the_account_commands_speak_the_runs_language(request, tmp_path, runner, lang):
    run, said = request.getfixturevalue(runner), USERS[lang]
    db = str(tmp_path / "cases.db")
    password = "ett långt lösenord\n"

    def line(*args: str, given: str = password) -> str:
        result = run("users", *args, "--db", db, input=given)
        return result.stderr.rstrip("\n")

    Store(db).close()
    assert run("users", "list", "--db", db).stdout == said["none"] + "\n"
    assert line("add", "anna", "--password-stdin") == said["added"]
    assert line("add", "anna andersson", "--password-stdin") == said["bad_name"]
    assert line("add", "cia", "--password-stdin", given="kort\n") == said["short"]
    assert line("add", "cia", "--role", "chef", "--password-stdin") == said["role"]
    assert line("add", "anna", "--password-stdin") == said["exists"]
    assert line("disable", "bo") == said["missing"]
    assert line("disable", "anna") == said["disabled"]
    assert said["listed"] in run("users", "list", "--db", db).stdout


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_nul_postgresql_cannot_keep_is_told_in_either_language(postgres_log, lang):
    from test_records_store import case

    from gk_respond.messages import error_text
    from gk_respond.records.errors import StoreError

    said = {
        "sv": "PostgreSQL kan inte spara tecknet U+0000 (NUL) som texten innehåller; ta bort "
        "det och försök igen (inget skrevs)",
        "en": "PostgreSQL cannot keep the character U+0000 (NUL) that the text holds; remove "
        "it and try again (nothing was written)",
    }
    with Store(postgres_log) as store:
        with pytest.raises(StoreError) as refused:
            store.save(case(comment_text="före\x00efter"))
        assert error_text(refused.value, lang) == f"{store.path}: {said[lang]}"
        assert store.cases() == []  # nothing was written


@pytest.mark.parametrize(
    ("runner", "start", "end"),
    [
        (
            "gk_sv",
            "gk-respond: varning: {db}: kanal kommunen-facebook är skadad (channel_json är "
            "inte text)",
            "; den lämnas utanför — återställ registret från en säkerhetskopia (channels "
            "import FIL)",
        ),
        (
            "gk",
            "gk-respond: warning: {db}: channel kommunen-facebook is damaged (channel_json is "
            "not text)",
            "; it is left out — restore the register from a backup (channels import FILE)",
        ),
    ],
)
def test_a_damaged_channel_is_named_in_the_runs_language(request, log, runner, start, end):
    from test_channels import channel

    from gk_respond.records.channels import Channels

    with Store(str(log)) as store:
        Channels(store).add(channel())
    with sqlite3.connect(log) as connection:
        connection.execute("UPDATE channels SET channel_json = X'ff'")
    listed = request.getfixturevalue(runner)("channels", "list", "--db", str(log))
    assert listed.stderr == start.format(db=log) + end + "\n"
