"""`gk-respond contacts` through the CLI subprocess, the contacts shown on the outcomes that
name their role (text, JSON, Markdown) with the registered channel's administrators, and a
case log of schema 3 that migrates to 4 and keeps its data."""

from __future__ import annotations

import json
import sqlite3

import pytest
from old_logs import downgrade

from gk_respond.records.store import SCHEMA_VERSION, Case, Store


@pytest.fixture
def gk(gk_sv):
    """These tests read what a Swedish user gets: the command line under a Swedish locale."""
    return gk_sv


SARA = [
    "--role", "sakerhetssamordnare",
    "--name", "Sara Svensson",
    "--email", "sara.svensson@gullspang.se",
    "--phone", "0551-360 10",
]  # fmt: skip
REMOVE = ("--answers", "prohibited=ja,owns_channel=ja")


def contacts(gk, db, *args: str):
    return gk("contacts", *args, "--db", str(db))


def test_add_list_show_update_remove(gk, tmp_path):
    db = tmp_path / "cases.db"
    added = contacts(gk, db, "add", *SARA, "--format", "json")
    assert added.returncode == 0, added.stderr
    assert "contact sakerhetssamordnare added" in added.stderr
    assert json.loads(added.stdout) == {
        "id": "sakerhetssamordnare",  # no --id: the role
        "role": "sakerhetssamordnare",
        "name": "Sara Svensson",
        "email": "sara.svensson@gullspang.se",
        "phone": "0551-360 10",
    }
    assert (db.stat().st_mode & 0o777) == 0o600
    second = ["--id", "info-anna", "--role", "informationsansvarig", "--name", "Anna A"]
    second += ["--email", "anna@gullspang.se", "--phone", "+46 551 360 00"]
    assert contacts(gk, db, "add", *second).returncode == 0
    listed = contacts(gk, db, "list")
    assert listed.stdout.splitlines() == [
        "info-anna (informationsansvarig): Anna A, anna@gullspang.se, +46 551 360 00",
        "sakerhetssamordnare (sakerhetssamordnare): "
        "Sara Svensson, sara.svensson@gullspang.se, 0551-360 10",
    ]
    updated = contacts(gk, db, "update", "info-anna", "--phone", "0551-360 99")
    assert updated.returncode == 0
    assert "0551-360 99" in contacts(gk, db, "show", "info-anna").stdout
    assert contacts(gk, db, "remove", "info-anna").returncode == 0
    gone = contacts(gk, db, "show", "info-anna")
    assert gone.returncode == 2
    assert "det finns ingen kontakt med id 'info-anna'" in gone.stderr
    assert json.loads(contacts(gk, db, "list", "--format", "json").stdout)[0]["name"] == (
        "Sara Svensson"
    )


def test_each_bad_field_is_named_in_swedish_or_english(gk, tmp_path):
    db = tmp_path / "cases.db"
    bad = ["--role", "sakerhetssamordnare", "--name", " ", "--email", "sara", "--phone", "x"]
    refused = contacts(gk, db, "add", *bad)
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [
        "gk-respond: fel: --name: får inte vara tom",
        "gk-respond: fel: --email: 'sara' är ingen e-postadress (namn@exempel.se)",
        "gk-respond: fel: --phone: 'x' är inget telefonnummer "
        "(siffror, mellanslag, +, - och parenteser)",
    ]
    english = contacts(gk, db, "add", *bad, "--lang", "en")
    assert "--email: 'sara' is not an e-mail address (name@example.se)" in english.stderr
    role = contacts(gk, db, "add", *SARA[2:], "--role", "boss", "--lang", "en")
    assert role.returncode == 2
    assert "'boss' is not a role the flowchart knows; valid roles: informationsansvarig" in (
        role.stderr
    )
    assert contacts(gk, db, "add", *SARA).returncode == 0
    twice = contacts(gk, db, "add", *SARA)
    assert twice.returncode == 2
    assert "det finns redan en kontakt med id 'sakerhetssamordnare'" in twice.stderr
    assert "Sara" in contacts(gk, db, "show", "sakerhetssamordnare").stdout  # kept as it was


def test_reading_never_creates_a_case_log(gk, tmp_path):
    db = tmp_path / "none.db"
    listed = contacts(gk, db, "list")
    assert listed.returncode == 4
    assert "det finns ingen ärendelogg på" in listed.stderr  # gk is Swedish here
    assert not db.exists()


def test_an_outcome_names_who_holds_its_roles(gk_sv, tmp_path):
    gk = gk_sv  # the Swedish texts (the test locale is English)
    db = tmp_path / "cases.db"
    before = gk(*REMOVE, "--db", str(db))
    assert "Säkerhetssamordnare:\n    - ingen angiven (gk-respond contacts add)" in before.stdout
    assert not db.exists()  # showing an outcome never creates the case log
    assert contacts(gk, db, "add", *SARA).returncode == 0
    text = gk(*REMOVE, "--db", str(db)).stdout
    assert "Kontakter\n---------\n  Säkerhetssamordnare:\n    - Sara Svensson, " in text
    data = json.loads(gk(*REMOVE, "--db", str(db), "--format", "json", "--lang", "en").stdout)
    assert data["contacts"] == [
        {
            "role": "sakerhetssamordnare",
            "title": "Security coordinator",
            "people": [
                {
                    "name": "Sara Svensson",
                    "email": "sara.svensson@gullspang.se",
                    "phone": "0551-360 10",
                }
            ],
        }
    ]
    markdown = gk(*REMOVE, "--db", str(db), "--format", "markdown").stdout
    assert "## Kontakter\n\n- Säkerhetssamordnare:\n  - Sara Svensson, " in markdown
    # an outcome whose guidance names no role shows no contacts
    share = "prohibited=nej,positive=ja,positive_action=share"
    assert "Kontakter" not in gk("--answers", share, "--db", str(db)).stdout
    shared = json.loads(gk("--answers", share, "--db", str(db), "--format", "json").stdout)
    assert shared["contacts"] == []


def test_a_registered_channel_names_its_administrators(gk_sv, tmp_path):
    gk = gk_sv  # the Swedish texts (the test locale is English)
    from test_channels_cli import ADD

    db = tmp_path / "cases.db"
    assert gk("channels", "add", "--db", str(db), *ADD).returncode == 0
    url = "https://www.facebook.com/gullspangskommun/posts/1"
    data = json.loads(
        gk("--answers", "prohibited=ja", "--url", url, "--db", str(db), "--format", "json").stdout
    )
    assert data["contacts"][-1] == {
        "role": "channel_administrators",
        "title": "Kanalens administratörer (Gullspångs kommun)",
        "channel": "kommunen-facebook",
        "people": [
            {"name": "Anna Andersson", "email": "anna@gullspang.se", "phone": "0551-360 00"},
            {"name": "Bo Berg", "email": "bo@gullspang.se", "phone": "+46 551 360 01"},
        ],
    }
    text = gk("--answers", "prohibited=ja", "--url", url, "--db", str(db)).stdout
    assert "  Kanalens administratörer (Gullspångs kommun):\n    - Anna Andersson," in text


def test_a_hostile_name_is_shown_as_the_characters_it_is(gk, tmp_path):
    db = tmp_path / "cases.db"
    name = "*Sara* [x](javascript:alert(1)) <b>\u202e"
    refused = contacts(gk, db, "add", *SARA[:2], "--name", name, *SARA[4:])
    assert "osynligt styrtecken (U+202E)" in refused.stderr
    name = name.removesuffix("\u202e")
    assert contacts(gk, db, "add", *SARA[:2], "--name", name, *SARA[4:]).returncode == 0
    markdown = gk(*REMOVE, "--db", str(db), "--format", "markdown").stdout
    assert r"\*Sara\* \[x\](javascript:alert(1)) \<b\>" in markdown
    assert "<b>" not in markdown


def test_a_schema_3_log_migrates_to_4_and_keeps_its_data(tmp_path):
    from gk_respond.records.contacts import Contact, Contacts

    path = tmp_path / "cases.db"
    with Store(str(path)) as store:
        saved = store.save(
            Case(
                handler="anna", lang="sv", flowchart_version="2026.2",
                flowchart_sha256="f" * 64, comment_text="Skatten höjs!",
                comment_sha256="c" * 64, outcome="remove",
                path=[("prohibited", "ja"), ("owns_channel", "ja")], reply_text="Hej!",
            )
        )  # fmt: skip
    downgrade(path, 4)  # as gk-respond with schema 4 left it
    with Store(str(path)) as store:
        assert store.get(saved.number) == saved
        assert Contacts(store).all() == []
        fields = {option[2:]: value for option, value in zip(SARA[::2], SARA[1::2], strict=True)}
        Contacts(store).add(Contact.model_validate({"id": "x", **fields}))
    with sqlite3.connect(path) as db:
        (version,) = db.execute("SELECT value FROM gk_respond_meta WHERE key = 'schema'").fetchone()
        assert db.execute("SELECT id, role FROM contacts").fetchall() == [
            ("x", "sakerhetssamordnare")
        ]
    assert int(version) == SCHEMA_VERSION


def test_a_role_with_an_underscore_gives_an_id_with_a_hyphen(gk, tmp_path):
    db = tmp_path / "cases.db"
    added = contacts(gk, db, "add", "--role", "narmaste_chef", "--name", "Bo Berg", "--email",
                     "bo@gullspang.se", "--phone", "0551-360 20", "--format", "json")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["id"] == "narmaste-chef"


def test_the_language_follows_the_locale_unless_lang_says(cli_env, tmp_path):
    """Without --lang the contacts commands speak the locale's language, as every other
    command does (they used to speak Swedish whatever the locale); --lang decides over it."""
    import subprocess
    import sys

    def run(lang_env: str, *extra: str) -> str:
        env = {**cli_env, "LANG": lang_env}
        args = [sys.executable, "-m", "gk_respond", "contacts", "remove", "nobody"]
        done = subprocess.run(
            [*args, "--db", str(tmp_path / "log.db"), *extra],
            capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
        )  # fmt: skip
        return done.stderr

    english, swedish = run("en_US.UTF-8"), run("sv_SE.UTF-8")
    assert "error:" in english and "fel:" not in english
    assert "fel:" in swedish
    assert "fel:" in run("en_US.UTF-8", "--lang", "sv")
