"""Secure by default: who may ask, which forms are taken, what every response carries."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from test_channels import channel
from web_support import PASSWORD, Web, draft_of

from gk_respond.records.store import Store
from gk_respond.records.users import Users


@pytest.fixture
def web(tmp_path) -> Web:
    return Web(tmp_path)


@pytest.fixture
def team(tmp_path) -> Web:
    """A server with accounts: every page needs signing in."""
    return Web.team(tmp_path)


def test_on_loopback_with_no_accounts_it_runs_for_one_person(web):
    page = web.client.get("/")
    assert page.status_code == 200
    assert "Du arbetar som kim" in page.text and "Logga ut" not in page.text


def test_with_accounts_every_page_needs_signing_in(team):
    for path in ("/", "/cases", "/channels", "/flowchart", "/cases/2026-0001"):
        answer = team.client.get(path)
        assert answer.status_code == 303, path
        assert answer.headers["location"] == f"/login?next={path}"


def test_signing_in_and_out(team):
    wrong = team.sign_in("kim", "not the password")
    assert wrong.status_code == 401 and "Fel användarnamn eller lösenord." in wrong.text
    unknown = team.sign_in("nobody")
    assert unknown.status_code == 401 and "Fel användarnamn eller lösenord." in unknown.text
    right = team.sign_in("kim")
    assert right.status_code == 303 and right.headers["location"] == "/"
    cookie = right.headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    assert "secure" not in cookie.lower()  # loopback, plain HTTP
    page = team.client.get("/")
    assert "Inloggad som kim (kommunikatör)" in page.text
    kept = dict(team.client.cookies)  # a copy of the cookie, as a thief would keep it
    assert team.post("/logout").headers["location"] == "/login?bye=1"
    assert team.client.get("/").status_code == 303
    team.client.cookies.clear()
    team.client.cookies.update(kept)
    assert team.client.get("/").status_code == 303  # signed out is signed out


def test_cookies_are_https_only_when_secure_cookies_are_set(tmp_path):
    web = Web(tmp_path, {"secure_cookies": True})
    web.add_user("kim")
    web.client = TestClient(web.app, base_url="https://testserver", follow_redirects=False)
    assert "secure" in web.sign_in("kim").headers["set-cookie"].lower()


def test_signing_in_goes_back_to_the_page_asked_for_but_never_elsewhere(team):
    for given, expected in (("/cases", "/cases"), ("//evil.example/", "/"), ("https://e/", "/")):
        data = {"csrf": team.csrf("/login"), "name": "kim", "password": PASSWORD, "next": given}
        assert team.client.post("/login", data=data).headers["location"] == expected
        team.post("/logout")  # signing in made a new session: its token with it


def test_failed_sign_ins_are_limited_per_account(team):
    for _ in range(5):
        assert team.sign_in("kim", "wrong password!").status_code == 401
    refused = team.sign_in("kim")  # the right password, but too late
    assert refused.status_code == 429 and "För många misslyckade försök" in refused.text
    assert team.sign_in("ia").status_code == 303  # another account is not locked
    team.post("/logout")
    team.clock.advance(15 * 60 + 1)
    assert team.sign_in("kim").status_code == 303


def test_failed_sign_ins_are_limited_per_address(team):
    from gk_respond.web.auth import Limiter

    team.app.state.limiter = Limiter(team.clock, per_address=3)  # 20 by default
    for n in range(3):
        assert team.sign_in(f"guess{n}", "wrong password!").status_code == 401
    assert team.sign_in("kim").status_code == 429


def test_an_idle_session_expires(team):
    team.sign_in("kim")
    team.clock.advance(29 * 60)
    assert team.client.get("/").status_code == 200  # used: the idle clock starts again
    team.clock.advance(29 * 60)
    assert team.client.get("/").status_code == 200
    team.clock.advance(31 * 60)
    assert team.client.get("/").status_code == 303


def test_a_new_password_or_a_disabled_account_ends_its_sessions(team):
    team.sign_in("kim")
    with Store(team.db) as store:
        Users(store).set_password("kim", "another long password")
    assert team.client.get("/").status_code == 303
    assert team.sign_in("kim", "another long password").status_code == 303
    with Store(team.db) as store:
        Users(store).disable("kim")
    assert team.client.get("/").status_code == 303
    assert team.sign_in("kim", "another long password").status_code == 401


def _forms(web: Web) -> list[str]:
    """Every form's action, with a triage at an outcome, a case and a channel to act on."""
    with Store(web.db) as store:
        from gk_respond.records.channels import Channels

        Channels(store).add(channel())
    url = web.walk(["ja", "ja"])
    draft = draft_of(url)
    web.post(f"{draft}/save")
    return [
        "/login",
        "/logout",
        "/triage",
        f"{draft}/answer",
        f"{draft}/restart",
        f"{draft}/ticks",
        f"{draft}/note",
        f"{draft}/save",
        "/cases/2026-0001/note",
        "/cases/2026-0001/ticks",
        "/cases/2026-0001/followup",
        "/cases/2026-0001/status",
        "/channels/new",
        f"/channels/{channel().id}/edit",
        f"/channels/{channel().id}/remove",
    ]


def test_every_form_is_refused_without_its_csrf_token(team):
    team.sign_in("ia")
    forms = _forms(team)
    for action in forms:
        for token in ("", "forged"):
            refused = team.client.post(action, data={"csrf": token, "note": "x", "close": "1"})
            assert refused.status_code == 403, action
            assert "Formuläret kom från en gammal sida" in refused.text
    with Store(team.db) as store:
        (case,) = store.cases()
        assert case.notes == "" and case.closed_at is None


def test_every_form_is_refused_signed_out(team):
    team.sign_in("ia")
    forms = _forms(team)
    token = team.csrf("/")
    team.post("/logout")
    for action in forms:
        if action in ("/login", "/logout"):
            continue
        refused = team.client.post(action, data={"csrf": token, "note": "x"})
        assert refused.status_code in (401, 403), action


def test_a_kommunikator_may_not_change_the_register(team):
    team.sign_in("ia")
    _forms(team)
    team.post("/logout")
    team.sign_in("kim")
    token = team.csrf("/channels")
    assert "Bara en informationsansvarig kan ändra registret." in team.client.get("/channels").text
    for path in (
        "/channels/new",
        f"/channels/{channel().id}/edit",
        f"/channels/{channel().id}/remove",
    ):
        assert team.client.get(path).status_code == 403, path
        refused = team.client.post(path, data={"csrf": token})
        assert refused.status_code == 403 and "Du har inte behörighet" in refused.text
    # but follows up every case, whoever saved it
    assert team.post("/cases/2026-0001/note", {"note": "seen"}).status_code == 303


def test_every_page_has_a_strict_policy_and_refuses_frames(web):
    for path in ("/", "/cases", "/channels", "/flowchart", "/nowhere"):
        answer = web.client.get(path)
        policy = answer.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["cache-control"] == "no-store"
    for page in (web.client.get("/").text, web.client.get("/cases").text):
        assert "<script>" not in page and " on" + "click=" not in page and "style=" not in page


def test_the_public_list_may_be_framed_and_needs_no_sign_in(team):
    answer = team.client.get("/public/channels")
    assert answer.status_code == 200
    assert "frame-ancestors *" in answer.headers["content-security-policy"]
    assert "x-frame-options" not in answer.headers


def test_a_body_over_the_cap_is_refused(tmp_path):
    web = Web(tmp_path, {"max_body": 1000})
    token = web.csrf()
    refused = web.client.post("/triage", data={"csrf": token, "text": "x" * 2000})
    assert refused.status_code == 413 and "Traceback" not in refused.text
    assert refused.headers["content-type"].startswith("text/html")
    assert "Det du skickade är för stort." in refused.text

    def chunks():
        yield b"csrf=" + token.encode() + b"&text="
        yield b"x" * 2000

    streamed = web.client.post(
        "/triage", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert streamed.status_code == 413 and "Det du skickade är för stort." in streamed.text
    web.client.get("/", params={"lang": "en"})
    english = web.client.post("/triage", data={"csrf": token, "text": "x" * 2000})
    assert english.status_code == 413 and "What you sent is too large." in english.text


def test_errors_are_plain_pages_never_a_traceback(web, monkeypatch):
    missing = web.client.get("/cases/1999-0001")
    assert missing.status_code == 404 and "Sidan finns inte." in missing.text
    from gk_respond.records import store as store_module

    def broken(*args, **kwargs):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(store_module.Store, "page", broken)
    client = TestClient(web.app, raise_server_exceptions=False)
    crashed = client.get("/cases")
    assert crashed.status_code == 500
    assert "Ett fel uppstod på servern" in crashed.text
    assert "secret detail" not in crashed.text and "Traceback" not in crashed.text


def test_a_case_log_that_cannot_be_used_is_said_so(web, monkeypatch):
    from gk_respond.records import store as store_module

    def busy(*args, **kwargs):
        raise store_module.StoreError("cases.db: is busy (another gk-respond is writing)")

    monkeypatch.setattr(store_module.Store, "page", busy)
    answer = web.client.get("/cases")
    assert answer.status_code == 503 and "is busy" in answer.text


def test_the_trusted_header_is_taken_from_the_proxy_only(tmp_path):
    web = Web(
        tmp_path, {"trust_header": "X-Remote-User", "trusted_proxies": frozenset({"testclient"})}
    )
    page = web.client.get("/", headers={"X-Remote-User": "eva"})
    assert page.status_code == 200 and "Du arbetar som eva" in page.text
    assert web.client.get("/").status_code == 303  # no header: not signed in
    other = Web(
        tmp_path / "other",
        {"trust_header": "X-Remote-User", "trusted_proxies": frozenset({"10.0.0.5"})},
    )
    assert other.client.get("/", headers={"X-Remote-User": "eva"}).status_code == 303
    bad = web.client.get("/", headers={"X-Remote-User": "eva <script>"})
    assert bad.status_code == 303


def test_a_trusted_header_user_with_an_account_has_its_role_unless_disabled(tmp_path):
    web = Web(
        tmp_path, {"trust_header": "X-Remote-User", "trusted_proxies": frozenset({"testclient"})}
    )
    web.add_user("ia", "informationsansvarig")
    assert web.client.get("/channels/new", headers={"X-Remote-User": "ia"}).status_code == 200
    assert web.client.get("/channels/new", headers={"X-Remote-User": "eva"}).status_code == 403
    with Store(web.db) as store:
        Users(store).disable("ia")
    assert web.client.get("/", headers={"X-Remote-User": "ia"}).status_code == 303


def test_a_non_loopback_or_proxied_server_never_runs_for_one_person(tmp_path):
    web = Web(tmp_path, {"host": "0.0.0.0"})
    assert web.client.get("/").status_code == 303
    proxied = Web(tmp_path / "proxied", {"trusted_proxies": frozenset({"127.0.0.1"})})
    assert proxied.client.get("/").status_code == 303


def test_behind_a_trusted_proxy_sign_in_limits_go_by_the_browsers_address(tmp_path):
    from gk_respond.web.auth import Limiter

    web = Web(tmp_path, {"trusted_proxies": frozenset({"testclient"})})
    web.add_user("kim")
    web.app.state.limiter = Limiter(web.clock, per_address=2)
    for _ in range(2):
        token = web.csrf("/login")
        web.client.post("/login", data={"csrf": token, "name": "x", "password": "wrong one!"},
                        headers={"X-Forwarded-For": "10.9.9.9"})  # fmt: skip
    token = web.csrf("/login")
    data = {"csrf": token, "name": "kim", "password": PASSWORD}
    blocked = web.client.post("/login", data=data, headers={"X-Forwarded-For": "10.9.9.9"})
    assert blocked.status_code == 429
    other = web.client.post("/login", data=data, headers={"X-Forwarded-For": "10.1.1.1"})
    assert other.status_code == 303


def _raw_note(web: Web, number: str, body: bytes, kind: str):
    return web.client.post(f"/cases/{number}/note", content=body, headers={"content-type": kind})


def test_a_form_sent_as_raw_text_is_read_in_its_charset_everywhere(web):
    url = web.walk(["ja", "ja"])
    web.post(f"{draft_of(url)}/save")
    number = "2026-0001"
    token = web.csrf()
    urlencoded = "application/x-www-form-urlencoded"
    sent = [
        ("rå ö".encode(), f"{urlencoded}; charset=utf-8"),
        ("Åsa ä".encode(), urlencoded),  # no charset: UTF-8, as browsers send it
        ("rå%20%C3%B6".encode(), urlencoded),  # percent-escaped, as before
        ("Örjan".encode("latin-1"), f"{urlencoded}; charset=ISO-8859-1"),
    ]
    for note, kind in sent:
        answer = _raw_note(web, number, b"csrf=" + token.encode() + b"&note=" + note, kind)
        assert answer.status_code == 303, (note, answer.text)
    with Store(web.db) as store:
        history = store.get(number).history
    assert [e["text"] for e in history if e["kind"] == "note"] == ["rå ö", "Åsa ä", "rå ö", "Örjan"]
    # raw UTF-8 where a form's fields are checked too: the comment of a new triage
    start = web.client.post(
        "/triage", content=f"csrf={token}&text=Kommentar om Åsa".encode(), headers={
            "content-type": urlencoded})  # fmt: skip
    assert "Kommentar om Åsa" in web.client.get(start.headers["location"]).text
    for body, kind in (
        (b"&note=r\xe5", urlencoded),  # latin-1 bytes said to be UTF-8
        (b"&note=r%E5", urlencoded),  # the same, percent-escaped
        (b"&note=x", f"{urlencoded}; charset=no-such-charset"),
    ):
        refused = _raw_note(web, number, b"csrf=" + token.encode() + body, kind)
        assert refused.status_code == 400, body
        assert "Formuläret kunde inte läsas" in refused.text
    with Store(web.db) as store:
        assert len([e for e in store.get(number).history if e["kind"] == "note"]) == 4
