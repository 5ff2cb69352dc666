"""Removing an account and changing its role in the browser (HTTP tests), and the rule they
share with ``gk-respond users`` (a subprocess): never the last active informationsansvarig,
and in the browser never one's own account. A removal asks first; every form needs its CSRF
token and signing in; a kommunikatör is refused; every change is in the account log with
who made it."""

from __future__ import annotations

import pytest
from web_support import PASSWORD, Web

from gk_respond.records.account_log import recent
from gk_respond.records.store import Store
from gk_respond.records.users import Users

FORMS = ("/accounts/kim/remove", "/accounts/kim/role")


@pytest.fixture
def team(tmp_path) -> Web:
    return Web.team(tmp_path)


def account(web: Web, name: str):
    with Store(web.db) as store:
        return Users(store).get(name)


def test_removing_an_account_asks_first_then_removes_it_and_logs_who(team):
    kim = team.another_browser()
    kim.sign_in("kim")
    team.sign_in("ia")
    listed = team.client.get("/accounts").text
    assert 'href="/accounts/kim/remove">Ta bort<span class="visually-hidden">: kim' in listed
    assert 'href="/accounts/ia/remove"' not in listed  # not for one's own account
    question = team.client.get("/accounts/kim/remove")
    assert question.status_code == 200
    assert "Ta bort kontot kim?" in question.text and "tas bort för gott" in question.text
    assert 'action="/accounts/kim/remove"' in question.text
    assert "Ja, ta bort kontot" in question.text
    assert account(team, "kim") is not None  # asking changes nothing
    assert [e[1] for e in team.account_events()] == ["added", "added"]
    done = team.post("/accounts/kim/remove", {}, team.csrf("/accounts/kim/remove"))
    assert done.status_code == 303
    assert "Kontot kim är borttaget." in team.client.get(done.headers["location"]).text
    assert account(team, "kim") is None
    assert team.account_events()[0] == ("ia", "removed", "kim", "")
    assert "ia</td><td>tog bort kim</td>" in team.client.get("/accounts").text
    assert kim.client.get("/").status_code == 303  # signed out at once
    assert kim.sign_in("kim").status_code == 401
    assert team.client.get("/accounts/kim/remove").status_code == 404  # gone


def test_changing_a_role_takes_effect_at_once_and_is_logged(team):
    kim = team.another_browser()
    kim.sign_in("kim")
    assert kim.client.get("/accounts").status_code == 403
    team.sign_in("ia")
    form = team.client.get("/accounts/kim/role")
    assert form.status_code == 200 and "Roll för kim" in form.text
    assert "kim har nu rollen kommunikatör." in form.text
    assert '<input type="radio" name="role" value="kommunikatör" checked id="role">' in form.text
    token = team.csrf("/accounts/kim/role")
    done = team.post("/accounts/kim/role", {"role": "informationsansvarig"}, token)
    assert done.status_code == 303
    shown = team.client.get(done.headers["location"]).text
    assert "kim har nu rollen informationsansvarig och är utloggad överallt." in shown
    assert account(team, "kim").role == "informationsansvarig"
    assert team.account_events()[0] == ("ia", "role", "kim", "informationsansvarig")
    assert "ia</td><td>gav kim rollen informationsansvarig</td>" in shown
    assert kim.client.get("/").status_code == 303  # the old session ended
    assert kim.sign_in("kim").status_code == 303
    assert kim.client.get("/accounts").status_code == 200  # the new role holds
    back = team.post("/accounts/kim/role", {"role": "kommunikatör"}, token)
    assert back.status_code == 303 and account(team, "kim").role == "kommunikatör"
    assert kim.client.get("/accounts").status_code == 303  # signed out again


def test_a_role_that_is_none_or_the_same_changes_nothing(team):
    team.sign_in("ia")
    token = team.csrf("/accounts/kim/role")
    bad = team.post("/accounts/kim/role", {"role": "chef"}, token)
    assert bad.status_code == 422
    assert '<p class="error" id="role-error">Välj en av rollerna.</p>' in bad.text
    same = team.post("/accounts/kim/role", {"role": "kommunikatör"}, token)
    assert same.status_code == 303 and same.headers["location"] == "/accounts"
    assert account(team, "kim").role == "kommunikatör"
    assert [e[1] for e in team.account_events()] == ["added", "added"]  # nothing logged


def test_the_last_information_officer_cannot_remove_or_demote_herself(team):
    team.sign_in("ia")  # the only informationsansvarig
    question = team.client.get("/accounts/ia/remove")
    assert question.status_code == 409 and "Du kan inte ta bort ditt eget konto" in question.text
    assert "Ja, ta bort kontot" not in question.text  # no button to press
    role = team.client.get("/accounts/ia/role")
    assert role.status_code == 409 and "Du kan inte byta roll på ditt eget konto" in role.text
    assert 'type="radio"' not in role.text
    token = team.csrf("/accounts")
    removed = team.post("/accounts/ia/remove", {}, token)
    assert removed.status_code == 409 and "Du kan inte ta bort ditt eget konto" in removed.text
    demoted = team.post("/accounts/ia/role", {"role": "kommunikatör"}, token)
    assert demoted.status_code == 409 and "Du kan inte byta roll" in demoted.text
    assert account(team, "ia").role == "informationsansvarig"
    assert [e[1] for e in team.account_events()] == ["added", "added"]
    assert team.client.get("/accounts").status_code == 200  # still in, still managing


def test_another_information_officer_may_be_demoted_and_removed(team):
    team.add_user("ib", "informationsansvarig")
    team.sign_in("ia")
    token = team.csrf("/accounts")
    assert team.post("/accounts/ib/role", {"role": "kommunikatör"}, token).status_code == 303
    assert team.post("/accounts/ib/remove", {}, token).status_code == 303
    assert [e[:3] for e in team.account_events()[:2]] == [
        ("ia", "removed", "ib"),
        ("ia", "role", "ib"),
    ]


def test_a_communicator_may_neither_remove_nor_change_roles(team):
    team.sign_in("kim")
    token = team.csrf("/")
    for path in ("/accounts/ia/remove", "/accounts/ia/role"):
        assert team.client.get(path).status_code == 403, path
        assert team.post(path, {"role": "kommunikatör"}, token).status_code == 403, path
    assert account(team, "ia").role == "informationsansvarig"
    assert [e[1] for e in team.account_events()] == ["added", "added"]


def test_each_form_needs_its_csrf_token_and_signing_in(team):
    team.sign_in("ia")
    for path in FORMS:
        for token in ("", "forged"):
            refused = team.client.post(path, data={"role": "informationsansvarig", "csrf": token})
            assert refused.status_code == 403 and "Formuläret kom från" in refused.text, path
    token = team.csrf("/accounts")
    team.post("/logout")
    for path in FORMS:
        refused = team.client.post(path, data={"role": "informationsansvarig", "csrf": token})
        assert refused.status_code == 401, path
        assert team.client.get(path).status_code == 303  # to the sign-in page
    assert account(team, "kim").role == "kommunikatör"
    assert [e[1] for e in team.account_events()] == ["added", "added"]


def test_the_pages_speak_english_on_request(team):
    team.sign_in("ia")
    question = team.client.get("/accounts/kim/remove?lang=en")
    assert '<html lang="en">' in question.text and "Remove the account kim?" in question.text
    role = team.client.get("/accounts/kim/role?lang=en")
    assert "The role of kim" in role.text and "communicator (kommunikatör)" in role.text
    own = team.client.get("/accounts/ia/remove?lang=en")
    assert "You cannot remove your own account" in own.text


def test_a_hostile_account_name_is_shown_as_text(team):
    name = 'x<b>y"z'  # refused as a user name: made by hand, as an old log might hold
    with Store(team.db) as store, store.transaction() as db:
        db.execute(
            "INSERT INTO users (name, role, password_hash, created_at, changed_at) "
            "VALUES (?, 'kommunikatör', 'x', '2026-01-01T00:00:00+00:00', "
            "'2026-01-01T00:00:00+00:00')",
            (name,),
        )
    team.sign_in("ia")
    listed = team.client.get("/accounts").text
    assert 'href="/accounts/x%3Cb%3Ey%22z/remove"' in listed and "<b>y" not in listed
    for path in ("/accounts/x%3Cb%3Ey%22z/remove", "/accounts/x%3Cb%3Ey%22z/role"):
        page = team.client.get(path)
        assert page.status_code == 200 and "<b>y" not in page.text, path
        assert "x&lt;b&gt;y&#34;z" in page.text


# -- the same rule from the command line, on both backends -----------------------------------
def _log_with(case_log: str, *accounts: tuple[str, str]) -> None:
    with Store(case_log) as store:
        for name, role in accounts:
            Users(store).add(name, role, PASSWORD)


def _account_on(case_log: str, name: str):
    with Store(case_log) as store:
        return Users(store).get(name)


def _actions_on(case_log: str) -> list[str]:
    with Store(case_log) as store:
        return [e.action for e in recent(store)]


def test_the_cli_never_takes_away_the_last_information_officer(case_log, gk):
    _log_with(case_log, ("kim", "kommunikatör"), ("ia", "informationsansvarig"))
    for command in (["remove", "ia"], ["disable", "ia"], ["role", "ia", "kommunikatör"]):
        refused = gk("users", *command, "--db", case_log)
        assert refused.returncode == 2, refused.stderr
        assert "'ia' is the last active informationsansvarig" in refused.stderr
        assert "Traceback" not in refused.stderr
    ia = _account_on(case_log, "ia")
    assert ia.active and ia.role == "informationsansvarig"
    assert _actions_on(case_log) == ["added", "added"]
    promoted = gk("users", "role", "kim", "informationsansvarig", "--db", case_log)
    assert promoted.returncode == 0 and "account kim: role informationsansvarig" in promoted.stderr
    assert gk("users", "role", "ia", "kommunikator", "--db", case_log).returncode == 0
    with Store(case_log) as store:
        latest = recent(store)[0]
    assert (latest.action, latest.account, latest.detail) == ("role", "ia", "kommunikatör")
    assert latest.by  # the system user
    assert gk("users", "remove", "kim", "--db", case_log).returncode == 2  # now the last
    assert gk("users", "disable", "ia", "--db", case_log).returncode == 0  # a kommunikatör
    alone = gk("users", "remove", "kim", "--db", case_log)  # the only active account left:
    assert alone.returncode == 0, alone.stderr  # nobody to lock out
    assert _account_on(case_log, "kim") is None
    assert _actions_on(case_log)[:4] == ["removed", "disabled", "role", "role"]


def test_the_cli_refuses_an_unknown_role_or_account(team, gk):
    bad = gk("users", "role", "kim", "chef", "--db", team.db)
    assert bad.returncode == 2 and "'chef' is not a role" in bad.stderr
    missing = gk("users", "role", "nobody", "kommunikatör", "--db", team.db)
    assert missing.returncode == 2 and "there is no account 'nobody'" in missing.stderr
    assert gk("users", "remove", "nobody", "--db", team.db).returncode == 2
