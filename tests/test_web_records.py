"""The case log and the channel register in the browser, over HTTP: list, search, filters,
pages, a case's follow-up and downloads; the register's forms and the public list."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from test_channels import channel, data
from web_support import HOSTILE, HOSTILE_URL, Web, draft_of, hostile_leaks

from gk_respond.records.channels import Channels
from gk_respond.records.store import Store


@pytest.fixture
def web(tmp_path, case_log) -> Web:
    """The web app on a case log on each backend."""
    return Web(tmp_path, location=case_log)


def saved(web: Web, answers: list[str], text: str = "", **fields: str) -> str:
    url = web.walk(answers, text, **fields)
    web.post(f"{draft_of(url)}/save")
    with Store(web.db) as store:
        return store.cases()[0].number


# -- the case log ------------------------------------------------------------------------------
def test_the_list_counts_searches_and_filters(web):
    first = saved(web, ["ja", "ja"], "Ett hot mot Åsa", author="Örjan")  # remove
    second = saved(web, ["ja", "nej"], "något annat")  # report
    page = web.client.get("/cases")
    assert "2 ärenden" in page.text and first in page.text and second in page.text
    found = web.client.get("/cases", params={"q": "åsa"})  # case folded, å too
    assert "1 ärende" in found.text and first in found.text and second not in found.text
    by_outcome = web.client.get("/cases", params={"outcome": "report"})
    assert second in by_outcome.text and f">{first}<" not in by_outcome.text
    assert "0 ärenden" in web.client.get("/cases", params={"status": "closed"}).text
    assert "2 ärenden" in web.client.get("/cases", params={"handler": "kim"}).text
    assert "0 ärenden" in web.client.get("/cases", params={"handler": "nobody"}).text
    assert "0 ärenden" in web.client.get("/cases", params={"since": "2999-01-01"}).text


def test_a_date_that_is_not_one_is_shown_by_its_field(web):
    page = web.client.get("/cases", params={"since": "igår"})
    assert page.status_code == 200
    assert 'id="since-error">igår är inget datum; skriv ÅÅÅÅ-MM-DD' in page.text
    assert 'aria-invalid="true" aria-describedby="since-error"' in page.text


def test_the_list_goes_by_pages(web):
    from gk_respond.web.routes import cases

    for _ in range(cases.PAGE_SIZE + 2):
        saved(web, ["ja", "ja"])
    first = web.client.get("/cases")
    assert "Sida 1 av 2" in first.text and f"{cases.PAGE_SIZE + 2} ärenden" in first.text
    assert first.text.count('<tr><td><a href="/cases/') == cases.PAGE_SIZE
    second = web.client.get("/cases", params={"page": "2"})
    assert second.text.count('<tr><td><a href="/cases/') == 2
    assert 'rel="prev"' in second.text and 'rel="next"' not in second.text
    assert "Sida 2 av 2" in web.client.get("/cases", params={"page": "x9"}).text.replace(
        "Sida 1", "Sida 2"
    )


def test_a_case_page_shows_every_field_and_takes_a_note_by_the_signed_in_user(tmp_path):
    web = Web(tmp_path)
    number = saved(web, ["ja", "ja"], HOSTILE, url=HOSTILE_URL, author="<b>Örjan</b>")
    web.add_user("anna")
    web.sign_in("anna")
    page = web.client.get(f"/cases/{number}")
    assert page.status_code == 200 and f"<h1>Ärende {number}</h1>" in page.text
    assert "&lt;b&gt;Örjan&lt;/b&gt;" in page.text and hostile_leaks(page.text) == []
    assert "␛[31m" in page.text and "&lt;U+202E&gt;" in page.text
    added = web.post(
        f"/cases/{number}/note", {"note": "<script>x</script> ringde"}, web.csrf(f"/cases/{number}")
    )
    assert added.headers["location"] == f"/cases/{number}?done=note_added"
    page = web.client.get(added.headers["location"])
    assert "Anteckningen är tillagd." in page.text
    assert " anna]\n&lt;script&gt;x&lt;/script&gt; ringde" in page.text
    with Store(web.db) as store:
        assert "anna]" in store.get(number).notes


def test_an_empty_note_is_refused_by_its_field(web):
    number = saved(web, ["ja", "ja"])
    refused = web.post(f"/cases/{number}/note", {"note": "   "})
    assert refused.status_code == 422
    assert 'id="note-error">Skriv något i anteckningen först.' in refused.text


def test_follow_up_fields_close_and_reopen(web):
    number = saved(web, ["ja", "ja"])
    done = web.post(
        f"/cases/{number}/followup",
        {
            "removed_at": "now",
            "copy_kept": "=SUM(A1)",
            "diarium_number": "KS 2026/1",
            "forwarded_to": "",
        },
    )
    assert done.headers["location"].endswith("done=followup_saved")
    with Store(web.db) as store:
        case = store.get(number)
    assert case.removed_at and case.copy_kept == "=SUM(A1)" and case.diarium_number == "KS 2026/1"
    again = web.post(  # the form sent again as shown: the stored time is kept to the second
        f"/cases/{number}/followup",
        {
            "removed_at": re.search(
                r'id="f-removed_at" name="removed_at" type="text" value="([^"]+)"',
                web.client.get(f"/cases/{number}").text,
            ).group(1),
            "copy_kept": "=SUM(A1)",
            "diarium_number": "KS 2026/1",
            "forwarded_to": "",
        },
    )
    assert again.status_code == 303
    with Store(web.db) as store:
        assert store.get(number).removed_at == case.removed_at
    for bad, message in (("igår kväll", "är ingen tid"), ("2999-01-01", "ligger i framtiden")):
        refused = web.post(f"/cases/{number}/followup", {"removed_at": bad})
        assert refused.status_code == 422 and message in refused.text
        assert 'aria-invalid="true"' in refused.text
    closed = web.post(f"/cases/{number}/status", {"close": "1"})
    assert "Ärende " + number + " är stängt." in web.client.get(closed.headers["location"]).text
    with Store(web.db) as store:
        assert store.get(number).status == "closed"
    web.post(f"/cases/{number}/status", {"close": "0"})
    with Store(web.db) as store:
        assert store.get(number).status == "open"
    assert web.post(f"/cases/{number}/status", {"close": "maybe"}).status_code == 400


def test_ticks_on_a_case_page(web):
    number = saved(web, ["ja", "ja"])
    web.post(f"/cases/{number}/ticks", {"tick": ["1", "2"]})
    with Store(web.db) as store:
        assert store.get(number).ticked == [1, 2]
    web.post(f"/cases/{number}/ticks", {})
    with Store(web.db) as store:
        assert store.get(number).ticked == []


def test_downloads_are_the_exports_of_the_cli_with_hostile_text_neutralised(web, gk):
    number = saved(web, ["ja", "ja"], HOSTILE, url=HOSTILE_URL)
    spreadsheet = web.client.get("/cases/export.csv")
    assert spreadsheet.headers["content-type"].startswith("text/csv")
    assert spreadsheet.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(spreadsheet.text.lstrip("\ufeff")), delimiter=";"))
    # the header row in the page's language, as the CLI's in the run's (Swedish first)
    assert rows[0]["Ärende"] == number and rows[0]["Kommentar"].startswith("'=HYPERLINK")
    spreadsheet = web.client.get("/cases/export.csv", params={"lang": "en"})
    cli = gk("records", "export", "--format", "csv", "--db", web.db)
    assert cli.stdout.lstrip("\ufeff") == spreadsheet.text.lstrip("\ufeff").replace("\r\n", "\n")
    cases = json.loads(web.client.get("/cases/export.json").text)
    assert cases[0]["comment_text"] == HOSTILE
    markdown = web.client.get("/cases/export.md", params={"q": "HYPERLINK"}).text
    assert "text: ` HYPERLINK `" in markdown and "\x1b" not in markdown and "\u202e" not in markdown
    one = web.client.get(f"/cases/{number}/export.md")
    assert one.headers["content-disposition"] == f'attachment; filename="case-{number}.md"'
    assert "```text" in one.text or "````text" in one.text
    assert web.client.get("/cases/export.exe").status_code == 404


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ({"since": "2026-13-45"}, "2026-13-45 är inget datum; skriv ÅÅÅÅ-MM-DD"),
        ({"until": "igår"}, "igår är inget datum; skriv ÅÅÅÅ-MM-DD"),
        ({"outcome": "remov"}, "remov är inget utfall; välj ett i listan"),
        ({"status": "öppen"}, "öppen är ingen status; välj en i listan"),
        ({"overdue": "ja"}, "ja är inget val för ”Bara försenade”; bara 1 eller inget"),
    ],
)
def test_a_filter_that_is_not_valid_is_refused_by_every_download_never_widened(web, query, said):
    saved(web, ["ja", "ja"])
    page = web.client.get("/cases", params=query)
    (name,) = query
    assert f'id="{name}-error">{said}</p>' in page.text
    assert "/cases/export.csv" not in page.text  # no link that would be refused
    assert "Rätta filtret ovan först" in page.text
    for fmt in ("csv", "json", "md"):
        refused = web.client.get(f"/cases/export.{fmt}", params=query)
        assert refused.status_code == 400, fmt
        assert refused.headers["content-type"].startswith("text/html")
        assert f"Nedladdningen gjordes inte: {said}" in refused.text
        assert "content-disposition" not in refused.headers
    english = web.client.get("/cases/export.csv", params={**query, "lang": "en"})
    assert english.status_code == 400 and "The download was not made: " in english.text
    valid = web.client.get("/cases/export.json", params={"overdue": "", "status": "open"})
    assert valid.status_code == 200 and len(json.loads(valid.text)) == 1


def test_an_unknown_case_is_not_found(web):
    assert web.client.get("/cases/2026-9999").status_code == 404
    assert web.post("/cases/2026-9999/note", {"note": "x"}).status_code == 404


# -- the channel register ----------------------------------------------------------------------
def form(**changes: str) -> dict[str, str]:
    """A channel as the form sends it."""
    given = data()
    fields = {k: str(v) for k, v in given.items() if k not in ("administrators", "daily")}
    fields["daily"] = "; ".join(given["daily"])
    for row in range(3):
        admin = given["administrators"][row] if row < len(given["administrators"]) else {}
        for part in ("name", "email", "phone"):
            fields[f"admin-{row}-{part}"] = admin.get(part, "")
    return {**fields, **changes}


def test_a_channel_is_added_edited_and_removed_with_a_question_first(web):
    added = web.post("/channels/new", form())
    assert added.headers["location"] == "/channels?saved=kommunen-facebook"
    listed = web.client.get(added.headers["location"])
    assert "Kanalen kommunen-facebook är sparad." in listed.text
    assert "anna@gullspang.se" in listed.text
    edit = web.client.get("/channels/kommunen-facebook/edit")
    assert 'value="Anna Andersson"' in edit.text and 'value="4"' in edit.text
    web.post("/channels/kommunen-facebook/edit", form(hours_per_week="2,5", **{"admin-2-name": ""}))
    with Store(web.db) as store:
        assert Channels(store).get("kommunen-facebook").hours_per_week == 2.5
    question = web.client.get("/channels/kommunen-facebook/remove")
    assert "Ta bort kanalen Gullspångs kommun (kommunen-facebook) ur registret?" in question.text
    with Store(web.db) as store:
        assert Channels(store).get("kommunen-facebook") is not None  # asking removes nothing
    removed = web.post("/channels/kommunen-facebook/remove")
    assert (
        "Kanalen kommunen-facebook är borttagen" in web.client.get(removed.headers["location"]).text
    )
    with Store(web.db) as store:
        assert Channels(store).all() == []


def test_each_problem_of_a_channel_is_shown_by_its_field(web):
    refused = web.post(
        "/channels/new",
        form(id="Inte OK", url="javascript:alert(1)", hours_per_week="many",
             **{"admin-1-email": "bo-at-gullspang", "admin-0-phone": "x"}),
    )  # fmt: skip
    assert refused.status_code == 422
    text = refused.text
    assert 'id="id-error">' in text and "duger inte som id" in text
    assert 'id="url-error">' in text and "är ingen webbadress" in text
    assert 'id="hours_per_week-error">' in text and "är inget tal" in text
    assert 'id="admin-1-email-error">' in text and "är ingen e-postadress" in text
    assert 'id="admin-0-phone-error">' in text
    assert 'value="Inte OK"' in text  # what was typed is kept
    one_admin = web.post(
        "/channels/new", form(**{"admin-1-name": "", "admin-1-email": "", "admin-1-phone": ""})
    )
    assert (
        'id="administrators-error">' in one_admin.text
        and "minst två administratörer" in one_admin.text
    )
    with Store(web.db) as store:
        assert Channels(store).all() == []


def test_a_duplicate_id_or_address_is_refused_by_its_field(web):
    web.post("/channels/new", form())
    twice = web.post("/channels/new", form())
    assert 'id="id-error">' in twice.text and "det finns redan en kanal med id" in twice.text
    same_url = web.post("/channels/new", form(id="annan"))
    assert 'id="url-error">' in same_url.text and "har redan adressen" in same_url.text


def test_the_public_list_signed_out_shows_no_personal_data(tmp_path):
    web = Web(tmp_path)
    with Store(web.db) as store:
        Channels(store).add(channel(name='<script>alert(1)</script> "Kommunen"'))
    web.add_user("anna")
    page = web.client.get("/public/channels")
    assert page.status_code == 200 and '<html lang="sv">' in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#34;Kommunen&#34;" in page.text
    assert 'href="https://www.facebook.com/gullspangskommun"' in page.text
    assert "anna@gullspang.se" not in page.text and "0551" not in page.text
    english = web.client.get("/public/channels", params={"lang": "en"})
    assert "Gullspångs kommun on social media" in english.text
    assert "| Name |" in web.client.get("/public/channels.md", params={"lang": "en"}).text


def test_the_flowchart_page_marks_the_walk_and_has_the_decision_table(web):
    from web_support import CHART

    url = web.walk(["ja"])
    page = web.client.get("/flowchart", params={"draft": draft_of(url).rsplit("/", 1)[1]})
    assert "✔ Ja →" in page.text and "◀ du är här" in page.text
    assert page.text.count("<tr><td>") == CHART.path_count()
    plain = web.client.get("/flowchart")
    tree = plain.text.split('<div class="tree">')[1].split("</div>")[0]
    assert "◀ du är här" not in tree and "✔" not in tree  # no walk: nothing marked


def test_hostile_text_in_attributes_stays_inside_them(web):
    hostile = '"><script>alert(1)</script><a href="javascript:alert(2)">x'
    page = web.client.get("/cases", params={"q": hostile})
    assert hostile_leaks(page.text) == []
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=' in page.text
    with Store(web.db) as store:
        Channels(store).add(channel(name=hostile, purpose=hostile))
    for path in ("/channels", "/channels/kommunen-facebook/edit", "/public/channels",
                 "/channels/kommunen-facebook/remove"):  # fmt: skip
        shown = web.client.get(path).text
        assert hostile_leaks(shown) == [] and "&lt;script&gt;" in shown, path
    refused = web.post("/channels/new", form(id="x y", name=hostile))
    assert hostile_leaks(refused.text) == [] and 'value="&#34;&gt;&lt;script&gt;' in refused.text
    saved(web, ["ja", "ja"], HOSTILE, author=hostile, found=hostile)
    number = web.client.get("/cases").text.split('<a href="/cases/')[1][:9]
    for path in ("/cases", f"/cases/{number}"):
        assert hostile_leaks(web.client.get(path).text) == [], path
    markdown = web.client.get("/cases/export.md").text  # kept as code, never markup
    assert "\x1b" not in markdown and "\u202e" not in markdown
    assert f"`` {hostile} ``" in markdown or f"` {hostile} `" in markdown


def test_the_list_shows_due_times_and_the_overdue_first_in_words(web, monkeypatch):
    monkeypatch.setenv("GK_RESPOND_NOW", "2026-06-01T10:00:00+02:00")
    late = saved(web, ["ja", "ja"])  # remove: due in 48 h
    monkeypatch.setenv("GK_RESPOND_NOW", "2026-06-03T09:00:00+02:00")
    fresh = saved(web, ["ja", "ja"])
    monkeypatch.setenv("GK_RESPOND_NOW", "2026-06-03T11:00:00+02:00")
    page = web.client.get("/cases").text
    assert '<th scope="col">Senast</th>' in page
    from gk_respond.records.times import local_time

    assert f"<strong>{local_time('2026-06-03T08:00:00+00:00')} FÖRSENAD</strong>" in page
    assert f"{local_time('2026-06-05T07:00:00+00:00')}</td>" in page
    assert page.index(f">{late}<") < page.index(f">{fresh}<")  # overdue first
    only = web.client.get("/cases", params={"overdue": "1"}).text
    assert f">{late}<" in only and f">{fresh}<" not in only and "1 ärende" in only
    english = web.client.get("/cases", params={"lang": "en"}).text
    assert "OVERDUE" in english and "Overdue only" in english


def test_a_case_page_lists_its_attachments_and_gives_them_only_as_downloads(web, tmp_path):
    from gk_respond.records.attachments import attach, read_evidence, withdraw

    number = saved(web, ["ja", "ja"])
    assert "Inga bilagor." in web.client.get(f"/cases/{number}").text
    page_file = tmp_path / "<b>sida\u202e.html"
    page_file.write_bytes(b"<html><script>alert(1)</script></html>")
    shot = tmp_path / "bild.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    with Store(web.db) as store:
        files = [read_evidence(str(p), 1_000_000) for p in (page_file, shot)]
        attach(store, number, files, "kim", "2026-06-01T08:00:00+00:00")
        withdraw(store, number, 2, "fel <i>bild</i>", "kim", "2026-06-01T09:00:00+00:00")
    page = web.client.get(f"/cases/{number}").text
    table = page[page.index('<table id="attachments">') :]
    assert "&lt;b&gt;sida&lt;U+202E&gt;.html" in table and hostile_leaks(table) == []
    assert files[0].sha256 in table and files[1].sha256 in table
    assert "TILLBAKADRAGEN" in table and "fel &lt;i&gt;bild&lt;/i&gt;" in table
    got = web.client.get(f"/cases/{number}/attachments/1")
    assert got.status_code == 200 and got.content == page_file.read_bytes()
    assert got.headers["content-type"] == "application/octet-stream"
    assert got.headers["content-disposition"].startswith("attachment;")
    assert got.headers["x-content-type-options"] == "nosniff"
    assert web.client.get(f"/cases/{number}/attachments/3").status_code == 404
    english = web.client.get(f"/cases/{number}", params={"lang": "en"}).text
    assert "<h2>Attachments</h2>" in english and "WITHDRAWN" in english


def test_a_closed_case_is_changed_only_after_reopening_it(web):
    number = saved(web, ["ja", "ja"])
    web.post(f"/cases/{number}/status", {"close": "1"})
    for path, fields in (
        ("note", {"note": "sent"}),
        ("followup", {"diarium_number": "KS 2026/9"}),
        ("ticks", {"tick": "0"}),
    ):
        refused = web.post(f"/cases/{number}/{path}", fields)
        assert refused.status_code == 409, path
        assert f"Ärende {number} är stängt; inget ändrades." in refused.text
        assert 'role="alert" id="closed-error"' in refused.text
        assert '<input type="hidden" name="close" value="0">' in refused.text
    with Store(web.db) as store:
        case = store.get(number)
    assert case.status == "closed" and not case.notes and not case.diarium_number
    assert not case.ticked
    web.client.get(f"/cases/{number}", params={"lang": "en"})
    english = web.post(f"/cases/{number}/note", {"note": "x"})
    assert f"Case {number} is closed; nothing was changed." in english.text
    web.post(f"/cases/{number}/status", {"close": "0"})
    assert web.post(f"/cases/{number}/note", {"note": "sent"}).status_code == 303
    with Store(web.db) as store:
        case = store.get(number)
    assert case.status == "open" and "sent" in case.notes
    assert [e["kind"] for e in case.history if e["kind"] in ("closed", "reopened")] == [
        "closed",
        "reopened",
    ]
