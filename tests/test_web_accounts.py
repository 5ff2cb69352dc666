"""Accounts in the browser (HTTP tests): an informationsansvarig lists, adds, disables,
enables and resets; anyone with a password changes their own; each problem is shown by its
field; every form needs its CSRF token; a kommunikatör is refused; every change is logged
with who made it, from the browser and from ``gk-respond users`` alike."""

from __future__ import annotations

import pytest
from web_support import PASSWORD, Web

from gk_respond.records.store import Store
from gk_respond.records.users import Users

NEW = "a brand new password"


@pytest.fixture
def team(tmp_path) -> Web:
    return Web.team(tmp_path)


def add(web: Web, name: str, role: str = "kommunikatör", password: str = NEW,
        again: str | None = None):  # fmt: skip
    token = web.csrf("/accounts")
    return web.post("/accounts/new", {"name": name, "role": role, "password": password,
                    "password_again": password if again is None else again}, token)  # fmt: skip


def test_an_information_officer_lists_and_adds_accounts(team):
    team.sign_in("ia")
    listed = team.client.get("/accounts")
    assert listed.status_code == 200
    assert "<td>kim</td><td>kommunikatör</td>" in listed.text and "aktivt" in listed.text
    added = add(team, "bo.berg", "informationsansvarig")
    assert added.status_code == 303
    shown = team.client.get(added.headers["location"])
    assert "Kontot bo.berg är tillagt." in shown.text
    assert "ia</td><td>lade till bo.berg (informationsansvarig)" in shown.text
    with Store(team.db) as store:
        assert Users(store).get("bo.berg").role == "informationsansvarig"
    assert team.account_events()[0] == ("ia", "added", "bo.berg", "informationsansvarig")
    team.post("/logout")
    assert team.sign_in("bo.berg", NEW).status_code == 303  # the new account signs in


def test_each_problem_of_a_new_account_is_shown_by_its_field(team):
    team.sign_in("ia")
    refused = add(team, "has space", "boss", "short", "other")
    assert refused.status_code == 422
    page = refused.text
    assert 'aria-invalid="true" aria-describedby="name-hint name-error"' in page
    assert '<p class="error" id="name-error">Användarnamnet duger inte' in page
    assert '<p class="error" id="role-error">Välj en av rollerna.</p>' in page
    assert '<p class="error" id="password-error">Lösenordet måste ha minst 12 tecken.</p>' in page
    assert 'value="has space"' in page  # what was typed is kept
    differ = add(team, "bo", password=NEW, again=NEW + "x")
    differs = '<p class="error" id="password_again-error">De två lösenorden är olika.</p>'
    assert differs in differ.text
    twice = add(team, "kim")
    assert twice.status_code == 422 and "Det finns redan ett konto kim." in twice.text
    spaced = add(team, "bo", password=" " + NEW)
    assert "får inte börja eller sluta med mellanslag" in spaced.text
    with Store(team.db) as store:
        assert [u.name for u in Users(store).all()] == ["ia", "kim"]
    assert [e[1] for e in team.account_events()] == ["added", "added"]  # only the fixture's


def test_a_hostile_name_is_refused_and_shown_as_text(team):
    team.sign_in("ia")
    refused = add(team, '<script>alert(1)</script>"><b>')
    assert refused.status_code == 422
    assert "<script>alert" not in refused.text and "<b>" not in refused.text.split("<main")[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;b&gt;" in refused.text


def test_disabling_ends_the_sessions_and_enabling_lets_in_again(tmp_path):
    team = Web.team(tmp_path)
    kim = team.another_browser()
    kim.sign_in("kim")
    assert kim.client.get("/").status_code == 200
    team.sign_in("ia")
    token = team.csrf("/accounts")
    done = team.post("/accounts/kim/disable", {}, token)
    assert done.status_code == 303
    assert "Kontot kim är avstängt" in team.client.get(done.headers["location"]).text
    assert kim.client.get("/").status_code == 303  # signed out at once
    assert kim.sign_in("kim").status_code == 401
    assert team.post("/accounts/kim/enable", {}, token).status_code == 303
    assert kim.sign_in("kim").status_code == 303
    logged = [e[:3] for e in team.account_events()[:2]]
    assert logged == [("ia", "enabled", "kim"), ("ia", "disabled", "kim")]


def test_one_cannot_disable_oneself(team):
    team.sign_in("ia")
    refused = team.post("/accounts/ia/disable", {}, team.csrf("/accounts"))
    assert refused.status_code == 409 and "Du kan inte stänga av ditt eget konto." in refused.text
    with Store(team.db) as store:
        assert Users(store).get("ia").active


def test_a_password_reset_signs_the_user_out_and_the_new_one_works(team):
    team.sign_in("ia")
    form = team.client.get("/accounts/kim/password")
    assert form.status_code == 200 and "Nytt lösenord för kim" in form.text
    token = team.csrf("/accounts/kim/password")
    short = team.post("/accounts/kim/password", {"password": "x", "password_again": "x"}, token)
    assert short.status_code == 422 and 'id="password-error"' in short.text
    done = team.post("/accounts/kim/password", {"password": NEW, "password_again": NEW}, token)
    assert done.status_code == 303
    assert "kim har ett nytt lösenord" in team.client.get(done.headers["location"]).text
    team.post("/logout")
    assert team.sign_in("kim", PASSWORD).status_code == 401
    assert team.sign_in("kim", NEW).status_code == 303
    assert team.account_events()[0] == ("ia", "password_reset", "kim", "")
    assert team.client.get("/accounts/nobody/password").status_code in (403, 404)


def test_a_user_changes_their_own_password_and_stays_signed_in(team):
    team.sign_in("kim")
    page = team.client.get("/account/password")
    assert page.status_code == 200 and 'autocomplete="current-password"' in page.text
    token = team.csrf("/account/password")
    wrong = team.post(
        "/account/password", {"current": "not it at all", "password": NEW, "password_again": NEW},
        token,
    )  # fmt: skip
    assert wrong.status_code == 422 and "Det nuvarande lösenordet stämmer inte." in wrong.text
    done = team.post(
        "/account/password", {"current": PASSWORD, "password": NEW, "password_again": NEW}, token
    )
    assert done.status_code == 303
    assert "Ditt lösenord är bytt." in team.client.get(done.headers["location"]).text
    assert team.client.get("/").status_code == 200  # this session goes on
    team.post("/logout")
    assert team.sign_in("kim", PASSWORD).status_code == 401
    assert team.sign_in("kim", NEW).status_code == 303
    assert team.account_events()[0] == ("kim", "password_changed", "kim", "")


def test_guessing_the_current_password_is_limited_as_signing_in_is(team):
    team.sign_in("kim")
    token = team.csrf("/account/password")
    for _ in range(5):
        team.post("/account/password", {"current": "wrong guess here", "password": NEW,
                  "password_again": NEW}, token)  # fmt: skip
    blocked = team.post("/account/password", {"current": PASSWORD, "password": NEW,
                        "password_again": NEW}, token)  # fmt: skip
    assert blocked.status_code == 422 and "För många misslyckade försök" in blocked.text
    with Store(team.db) as store:
        assert Users(store).verify("kim", PASSWORD) is not None


def test_a_communicator_may_not_manage_accounts(team):
    team.sign_in("kim")
    token = team.csrf("/")
    assert "/accounts" not in team.client.get("/").text  # no link to it either
    for path in ("/accounts", "/accounts/ia/password"):
        assert team.client.get(path).status_code == 403, path
    for path in ("/accounts/new", "/accounts/ia/disable", "/accounts/ia/enable",
                 "/accounts/ia/password"):  # fmt: skip
        refused = team.post(path, {"name": "x", "role": "informationsansvarig",
                            "password": NEW, "password_again": NEW}, token)  # fmt: skip
        assert refused.status_code == 403, path
    with Store(team.db) as store:
        assert Users(store).get("ia").active and Users(store).get("x") is None


def test_every_account_form_needs_its_csrf_token_and_signing_in(team):
    team.sign_in("ia")
    forms = ["/accounts/new", "/accounts/kim/disable", "/accounts/kim/enable",
             "/accounts/kim/password", "/account/password"]  # fmt: skip
    data = {"name": "x", "role": "kommunikatör", "password": NEW, "password_again": NEW,
            "current": PASSWORD}  # fmt: skip
    for path in forms:
        for token in ("", "forged"):
            refused = team.client.post(path, data={**data, "csrf": token})
            assert refused.status_code == 403 and "Formuläret kom från" in refused.text, path
    token = team.csrf("/accounts")
    team.post("/logout")
    for path in forms:
        assert team.client.post(path, data={**data, "csrf": token}).status_code in (401, 403)
    with Store(team.db) as store:
        assert Users(store).get("kim").active and Users(store).get("x") is None
        assert Users(store).verify("ia", PASSWORD) is not None


def test_on_loopback_with_no_accounts_the_first_account_can_be_made_here(tmp_path):
    web = Web(tmp_path)
    page = web.client.get("/accounts")
    assert page.status_code == 200 and "Det finns inga konton än" in page.text
    assert '<option value="informationsansvarig" selected>' in page.text
    assert add(web, "anna", "informationsansvarig").status_code == 303
    assert web.account_events()[0] == (
        "kim",
        "added",
        "anna",
        "informationsansvarig",
    )  # the handler
    assert web.client.get("/").status_code == 303  # from now on everyone signs in
    web.sign_in("anna", NEW)
    assert web.client.get("/accounts").status_code == 200


def test_without_a_password_of_ones_own_there_is_nothing_to_change(tmp_path):
    web = Web(tmp_path)  # one person on loopback
    page = web.client.get("/account/password")
    assert "det finns inget lösenord här att byta" in page.text
    refused = web.post("/account/password", {"current": "x", "password": NEW,
                       "password_again": NEW}, web.csrf("/"))  # fmt: skip
    assert refused.status_code == 409


def test_the_pages_speak_english_on_request(team):
    team.sign_in("ia")
    page = team.client.get("/accounts?lang=en")
    assert '<html lang="en">' in page.text and "Add an account" in page.text
    refused = add(team, "x y")
    assert "That user name will not do" in refused.text


def test_the_cli_logs_its_changes_too(team, gk):
    result = gk("users", "disable", "kim", "--db", team.db)
    assert result.returncode == 0, result.stderr
    by, action, account, _ = team.account_events()[0]
    assert (action, account) == ("disabled", "kim") and by  # the system user
    team.sign_in("ia")
    assert f"<td>{by}</td><td>stängde av kim</td>" in team.client.get("/accounts").text
