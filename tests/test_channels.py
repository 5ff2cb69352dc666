"""The channel register (policy, Bilaga 1): what a channel must have, which channel a comment's
address is on, and the register kept in the case log's file."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

import pytest
from old_logs import downgrade
from pydantic import ValidationError

from gk_respond.records.channels import (
    Channel,
    ChannelError,
    Channels,
    explain,
    match_channel,
)
from gk_respond.records.store import SCHEMA_VERSION, Case, Store


def data(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": "kommunen-facebook",
        "name": "Gullspångs kommun",
        "medium": "facebook",
        "url": "https://www.facebook.com/gullspangskommun",
        "unit": "Kommunledningsförvaltningen",
        "purpose": "Nyheter och driftinformation",
        "audience": "Invånare",
        "administrators": [
            {"name": "Anna Andersson", "email": "anna@gullspang.se", "phone": "0551-360 00"},
            {"name": "Bo Berg", "email": "bo@gullspang.se", "phone": "+46 551 360 01"},
        ],
        "daily": ["Anna Andersson"],
        "monitoring": "dagligen vardagar",
        "hours_per_week": 4,
        "approved_by": "Cecilia Chef",
        "approved_on": "2026-01-15",
    }
    return {**fields, **changes}


def channel(**changes: Any) -> Channel:
    return Channel.model_validate(data(**changes))


def refusals(lang: str = "sv", **changes: Any) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        channel(**changes)
    return explain(caught.value, lang)


# -- what a channel must have ------------------------------------------------------------------
def test_a_complete_channel_is_kept_as_given():
    assert channel(purpose="Två rader:\n\tnyheter och driftinformation").purpose.startswith("Två")
    made = channel()
    assert made.approved_on == date(2026, 1, 15)
    assert made.hours_per_week == 4
    assert Channel.model_validate(made.data()) == made


def test_fewer_than_two_administrators_are_refused_in_the_users_language():
    one = data()["administrators"][:1]
    assert refusals("sv", administrators=one) == [
        "administrators: en kanal behöver minst två administratörer (policyn, Bilaga 1); 1 angiven"
    ]
    assert refusals("en", administrators=[]) == [
        "administrators: a channel needs at least two administrators (the policy, "
        "Bilaga 1); 0 given"
    ]


def test_the_same_administrator_twice_is_not_two():
    anna, bo = data()["administrators"]
    assert refusals("en", administrators=[anna, {**bo, "email": anna["email"].upper()}]) == [
        "administrators: ANNA@GULLSPANG.SE is given twice; the administrators must be "
        "different people"
    ]
    assert refusals("sv", administrators=[anna, {**bo, "name": "anna andersson"}]) == [
        "administrators: anna andersson står två gånger; administratörerna ska vara olika personer"
    ]


def test_hours_must_be_a_number_not_true_or_false():
    assert refusals("en", hours_per_week=True) == ["hours_per_week: True is not a number"]
    assert channel(hours_per_week="2,5").hours_per_week == 2.5


def test_a_bad_email_or_phone_is_named_with_its_place():
    admins = data()["administrators"]
    bad = [admins[0], {**admins[1], "email": "bo.gullspang.se", "phone": "ring Bo"}]
    assert refusals("sv", administrators=bad) == [
        "administrators[2].email: 'bo.gullspang.se' är ingen e-postadress (namn@exempel.se)",
        "administrators[2].phone: 'ring Bo' är inget telefonnummer (siffror, mellanslag, +, - "
        "och parenteser)",
    ]


@pytest.mark.parametrize("day", ["2026-02-30", "15/1 2026", "2026-01-15T10:00", 20260115])
def test_a_bad_date_is_refused(day):
    [message] = refusals("en", approved_on=day)
    assert message == f"approved_on: {day!r} is not a date; use YYYY-MM-DD"


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("id", "Kommunen Facebook", "will not do as an id"),
        ("id", "-x", "will not do as an id"),
        ("name", "   ", "must not be empty"),
        ("medium", "", "must not be empty"),
        ("name", "Gullspång\x1b[31m", "invisible control character (U+001B)"),
        ("unit", "abc\u202edef", "invisible control character (U+202E)"),
        ("url", "javascript:alert(1)", "is not a web address"),
        ("url", "ftp://facebook.com/x", "is not a web address"),
        ("url", "https://facebook.com/a b", "is not a web address"),
        ("url", "gullspang", "is not a web address"),
        ("url", "https://facebook.com@evil.example/gk", "is not a web address"),
        ("daily", [], "at least one person"),
        ("hours_per_week", -1, "between 0 and 168"),
        ("hours_per_week", "many", "is not a number"),
        ("hours_per_week", " ", "must not be empty"),
        ("approved_on", "", "must not be empty"),
        ("approved_by", None, "must be text"),
    ],
)
def test_each_field_is_checked(field, value, expected):
    [message] = refusals("en", **{field: value})
    assert message.startswith(f"{field}: ")
    assert expected in message


def test_unknown_and_missing_fields_are_named():
    fields = data(owner="x")
    del fields["unit"]
    with pytest.raises(ValidationError) as caught:
        Channel.model_validate(fields)
    assert explain(caught.value, "sv") == [
        "fält saknas: unit",
        "owner: okänt fält; giltiga fält: id, name, medium, url, unit, purpose, audience, "
        "administrators, daily, monitoring, hours_per_week, approved_by, approved_on, checklist, "
        "response_due",
    ]


def test_hours_may_have_a_decimal_comma():
    assert channel(hours_per_week="2,5").hours_per_week == 2.5


def test_an_address_without_scheme_is_taken_as_https():
    # as in the policy's own example, "www.facebook.com/gknaringsliv"
    assert channel(url="www.facebook.com/gknaringsliv").url == (
        "https://www.facebook.com/gknaringsliv"
    )


# -- which channel a comment is on ---------------------------------------------------------------
REGISTER = [
    channel(id="kommunen", url="https://www.facebook.com/gullspangskommun"),
    channel(id="gk", url="https://facebook.com/gk/"),
    channel(id="naringsliv", url="http://www.facebook.com/gknaringsliv"),
    channel(id="gk-skolan", url="https://facebook.com/gk/groups/skolan"),
    channel(id="webb", url="https://www.gullspang.se"),
    channel(id="profil", url="https://www.facebook.com/profile.php?id=100064"),
]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.facebook.com/gullspangskommun/posts/123", "kommunen"),
        ("https://WWW.FaceBook.COM/gullspangskommun", "kommunen"),  # host case
        ("https://facebook.com/gullspangskommun", "kommunen"),  # www. ignored
        ("http://m.facebook.com.evil.example/gullspangskommun", None),
        ("facebook.com/gullspangskommun/posts/1", "kommunen"),  # no scheme
        ("www.facebook.com/gullspangskommun", "kommunen"),
        ("https://www.facebook.com/gullspangskommun/", "kommunen"),  # trailing slash
        ("https://www.facebook.com/gullspangskommun?comment_id=9#c", "kommunen"),  # query
        ("https://facebook.com/gk", "gk"),
        ("https://facebook.com/gknaringsliv/posts/5", "naringsliv"),  # not /gk: a boundary
        ("https://facebook.com/gk/groups/skolan/permalink/7", "gk-skolan"),  # longest wins
        ("https://facebook.com/gk/groups/other", "gk"),
        ("https://www.facebook.com/someone-else/posts/1", None),  # same host, other path
        ("https://www.facebook.com/", None),
        ("https://instagram.com/gullspangskommun", None),  # other host
        ("https://www.gullspang.se/nyheter/1", "webb"),  # a channel at the root
        ("", None),
        ("not a url at all", None),
        ("https://[::1", None),
        # a page known by its query: the query must agree, other parameters may follow
        ("https://www.facebook.com/profile.php?id=100064", "profil"),
        ("https://m.facebook.com/profile.php?comment_id=5&id=100064", None),  # m. is a host
        ("https://facebook.com/profile.php?comment_id=5&id=100064", "profil"),
        ("https://www.facebook.com/profile.php?id=999", None),  # someone else's profile
        ("https://www.facebook.com/profile.php", None),
        # another scheme or port is another place
        ("javascript://facebook.com/gknaringsliv", None),
        ("https://facebook.com:8443/gknaringsliv/x", None),
        ("https://facebook.com:443/gknaringsliv/x", "naringsliv"),
        # dot segments are resolved, as a browser does
        ("https://facebook.com/gullspangskommun/../evilpage", None),
        ("https://facebook.com/gullspangskommun/%2e%2e/evilpage", None),
        ("https://facebook.com/evil/../gullspangskommun/./posts", "kommunen"),
    ],
)
def test_match_channel(url, expected):
    found = match_channel(url, REGISTER)
    assert (found.id if found else None) == expected


def test_the_most_specific_channel_wins_whatever_the_order():
    assert match_channel("facebook.com/gk/groups/skolan", reversed(REGISTER)).id == "gk-skolan"


# -- the register in the case log's file ---------------------------------------------------------
def test_add_get_update_remove(case_log):
    with Store(case_log) as store:
        channels = Channels(store)
        assert channels.all() == []
        added = channels.add(channel())
        assert channels.get("kommunen-facebook") == added
        with pytest.raises(ChannelError, match="already a channel with id 'kommunen-facebook'"):
            channels.add(channel(url="https://youtube.com/@gullspang"))
        with pytest.raises(ChannelError, match="already has the address") as clash:
            channels.add(channel(id="copy", url="facebook.com/GullspangsKommun/"))
        assert "redan adressen" in clash.value.message("sv")
        changed = channels.update("kommunen-facebook", {"hours_per_week": 6, "id": "fb"})
        assert changed is not None
        assert (changed.id, changed.hours_per_week, changed.name) == ("fb", 6, added.name)
        assert channels.get("kommunen-facebook") is None
        assert channels.update("nope", {"name": "x"}) is None
        assert channels.match("https://facebook.com/gullspangskommun/posts/1") == changed
        assert channels.remove("fb") == changed
        assert channels.remove("fb") is None
        assert channels.all() == []


def test_an_update_that_is_refused_changes_nothing(case_log):
    with Store(case_log) as store:
        channels = Channels(store)
        channels.add(channel())
        with pytest.raises(ValidationError):
            channels.update("kommunen-facebook", {"administrators": []})
        assert channels.get("kommunen-facebook") == channel()


def test_replace_all_is_all_or_nothing(case_log):
    with Store(case_log) as store:
        channels = Channels(store)
        channels.add(channel())
        new = [channel(id="a", url="https://x.se/a"), channel(id="b", url="https://x.se/b")]
        with pytest.raises(ChannelError):
            channels.replace_all([*new, channel(id="a", url="https://x.se/c")])
        assert [c.id for c in channels.all()] == ["kommunen-facebook"]
        channels.replace_all(new)
        assert channels.all() == new


def test_the_register_survives_reopening_and_another_connection_sees_it(case_log):
    path = case_log
    with Store(path) as store:
        Channels(store).add(channel())
    with Store(path) as store, Store(path) as other:
        assert Channels(other).all() == [channel()]
        Channels(store).remove("kommunen-facebook")
        assert Channels(other).all() == []


def test_a_version_1_case_log_is_migrated_keeping_its_cases(tmp_path):
    path = tmp_path / "cases.db"
    # a case log as version 1 wrote it: the cases table, and no channels table
    from gk_respond.records.store import MIGRATIONS

    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE gk_respond_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("INSERT INTO gk_respond_meta VALUES ('schema', '1')")
        for statement in MIGRATIONS[1]:
            db.execute(statement)
    with Store(str(path)) as store:
        saved = store.save(
            Case(
                handler="anna",
                lang="sv",
                flowchart_version="2026.1",
                flowchart_sha256="f" * 64,
                comment_text="Skatten höjs!",
                comment_sha256="c" * 64,
                outcome="remove",
                path=[("prohibited", "ja"), ("owns_channel", "ja")],
            )
        )
    downgrade(path, 1)  # back to version 1 with the case in it, as if saved by the old one
    with Store(str(path)) as store:
        assert store.get(saved.number) == saved
        Channels(store).add(channel())
        assert [c.id for c in Channels(store).all()] == ["kommunen-facebook"]
    with sqlite3.connect(path) as db:
        (version,) = db.execute("SELECT value FROM gk_respond_meta WHERE key = 'schema'").fetchone()
    assert int(version) == SCHEMA_VERSION
