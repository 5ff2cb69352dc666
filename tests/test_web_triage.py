"""A triage in the browser, over HTTP: every outcome, back and reload, saving, the register's
pre-answer, the language switch, and a hostile comment in every place it is shown."""

from __future__ import annotations

import re

import pytest
from test_channels import channel  # a valid channel, as the register tests make it
from web_support import CHART, HOSTILE, HOSTILE_URL, Web, draft_of, hostile_leaks

from gk_respond.records.channels import Channels
from gk_respond.records.store import Store


@pytest.fixture
def web(tmp_path) -> Web:
    return Web(tmp_path)


PATHS = list(CHART.paths())


@pytest.mark.parametrize(("steps", "outcome"), PATHS, ids=[o for _, o in PATHS])
def test_every_path_of_the_decision_table_reaches_its_outcome_and_is_saved(web, steps, outcome):
    url = web.walk([s.answer for s in steps], HOSTILE, url=HOSTILE_URL, author="<b>x</b>")
    page = web.client.get(url)
    title = CHART.flowchart.outcomes[outcome].title("sv")
    assert page.status_code == 200
    assert f"<h1>Utfall: {title}</h1>" in page.text
    assert hostile_leaks(page.text) == []
    assert "Inte sparat i ärendeloggen." in page.text
    saved = web.post(f"{draft_of(url)}/save")
    assert saved.status_code == 303
    shown = web.client.get(saved.headers["location"])
    number = re.search(r"Sparat som ärende (\d{4}-\d{4})\.", shown.text).group(1)
    with Store(web.db) as store:
        case = store.get(number)
    assert case is not None and case.outcome == outcome and case.handler == "kim"
    assert case.comment_text == HOSTILE and case.url == HOSTILE_URL
    assert [q for q, _ in case.path] == [s.question for s in steps]


def test_a_reload_shows_the_same_page_and_the_back_button_never_corrupts_the_walk(web):
    first = web.start("hej")
    second = web.answer(first, "nej")  # prohibited = nej
    assert web.client.get(second).text == web.client.get(second).text  # a reload
    third = web.answer(second, "nej")  # positive = nej
    # the browser's back button: the first page again, answered differently
    page = web.client.get(first)
    assert 'value="nej" data-key="2"\n      class="answer marked"' in page.text
    changed = web.answer(first, "ja")  # prohibited = ja now
    assert changed.endswith("step=1")
    page = web.client.get(changed)
    assert "<h1>Kommunens kanal?</h1>" in page.text
    # the old page of step 2 (positive) is no longer the question at step 1
    stale = web.post(
        f"{draft_of(third)}/answer", {"step": "1", "question": "positive", "answer": "nej"}
    )
    assert "stale=1" in stale.headers["location"]
    assert "Sidan var gammal" in web.client.get(stale.headers["location"]).text


def test_back_keeps_the_answers_further_on_and_offers_them_again(web):
    url = web.walk(["nej", "nej"])
    back = web.client.get(f"{draft_of(url)}?step=0")
    assert "Ditt tidigare svar är markerat." in back.text
    again = web.answer(f"{draft_of(url)}?step=0", "nej")  # the same answer: nothing changes
    assert again.endswith("step=1")
    page = web.client.get(again)
    assert 'class="answer marked"' in page.text  # positive = nej, remembered


def test_a_different_answer_records_the_step_back_in_the_history(web):
    url = web.walk(["ja", "nej"])  # prohibited=ja, owns_channel=nej
    changed = web.answer(f"{draft_of(url)}?step=1", "ja")
    web.post(f"{draft_of(changed)}/save")
    with Store(web.db) as store:
        (case,) = store.cases()
    assert [e["event"] for e in case.history] == ["answer", "answer", "back", "answer"]


def test_restart_starts_again_from_the_first_question(web):
    url = web.walk(["nej", "nej"])
    restarted = web.post(f"{draft_of(url)}/restart")
    assert restarted.headers["location"].endswith("step=0")
    page = web.client.get(restarted.headers["location"])
    assert "Inga svar ännu." in page.text


def test_the_outcome_keeps_ticks_and_a_note_and_gives_markdown_and_a_summary(web):
    url = web.walk(["ja", "ja"], HOSTILE)
    draft = draft_of(url)
    assert web.post(f"{draft}/ticks", {"tick": ["0", "2", "99", "x"]}).status_code == 303
    web.post(f"{draft}/note", {"note": "<i>noted</i>\r\nline two"})
    page = web.client.get(f"{draft}?step=2")
    assert 'id="tick-0" name="tick" value="0" checked' in page.text
    assert 'id="tick-1" name="tick" value="1">' in page.text
    assert "&lt;i&gt;noted&lt;/i&gt;\nline two</textarea>" in page.text
    assert hostile_leaks(page.text) == []
    markdown = web.client.get(f"{draft}/export.md")
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert "attachment" in markdown.headers["content-disposition"]
    assert "- [x] " in markdown.text and "\x1b" not in markdown.text
    assert "␛[31m" in markdown.text  # the escape shown as a symbol, inside a code fence
    summary = re.search(r'<textarea id="summary"[^>]*>(.*?)</textarea>', page.text, re.S)
    assert "[x]" in summary.group(1) and "&lt;script&gt;" in summary.group(1)
    web.post(f"{draft}/save")
    with Store(web.db) as store:
        (case,) = store.cases()
    assert case.ticked == [0, 2] and case.notes == "<i>noted</i>\nline two"


def test_saving_twice_keeps_one_case_and_says_what_is_unsaved(web):
    url = web.walk(["ja", "ja"])
    draft = draft_of(url)
    web.post(f"{draft}/save")
    web.post(f"{draft}/ticks", {"tick": "1"})
    page = web.client.get(f"{draft}?step=2")
    assert "senare ändringar är inte sparade" in page.text
    web.post(f"{draft}/save")
    with Store(web.db) as store:
        assert [c.ticked for c in store.cases()] == [[1]]


def test_actions_of_the_outcome_need_an_outcome(web):
    url = web.start("x")
    for action in ("save", "ticks", "note"):
        assert web.post(f"{draft_of(url)}/{action}").status_code == 409
    assert web.client.get(f"{draft_of(url)}/export.md").status_code == 409


def test_english_by_a_link_that_keeps_the_walk(web):
    url = web.walk(["nej"])
    page = web.client.get(url)
    assert '<html lang="sv">' in page.text
    link = re.search(r'<a href="([^"]+)" lang="en"', page.text).group(1).replace("&amp;", "&")
    english = web.client.get(link)
    assert '<html lang="en">' in english.text
    assert "Your answers so far" in english.text and "step=1" in link
    assert '<html lang="en">' in web.client.get(url).text  # kept for the session


def test_a_registered_channel_preselects_the_answer_and_the_history_says_so(web):
    with Store(web.db) as store:
        Channels(store).add(channel())
    registered = channel().url
    url = web.walk(["ja"], "x", url=registered)
    page = web.client.get(url)
    assert "Förvalt från kanalregistret" in page.text
    assert 'class="answer marked"' in page.text
    done = web.answer(url, "ja")
    web.post(f"{draft_of(done)}/save")
    with Store(web.db) as store:
        (case,) = store.cases()
    assert case.history[-1]["event"] == "register"
    assert case.history[-1]["channel"] == channel().id


def test_another_persons_draft_and_an_unknown_one_are_not_found(web, tmp_path):
    url = web.start("secret")
    web.add_user("anna")
    web.sign_in("anna")
    assert web.client.get(url).status_code == 404
    gone = web.client.get("/triage/nothing?step=0")
    assert gone.status_code == 404 and "Hanteringen finns inte längre" in gone.text


def test_an_answer_that_is_not_an_option_or_a_step_that_is_not_a_number(web):
    url = web.start("x")
    wrong = web.post(
        f"{draft_of(url)}/answer", {"step": "0", "question": "prohibited", "answer": "kanske"}
    )
    assert "stale=1" in wrong.headers["location"]
    bad = web.post(
        f"{draft_of(url)}/answer", {"step": "x", "question": "prohibited", "answer": "ja"}
    )
    assert bad.status_code == 400 and "Traceback" not in bad.text
    far = web.client.get(f"{draft_of(url)}?step=7")
    assert far.status_code == 303 and far.headers["location"].endswith("step=0")


def test_drafts_idle_too_long_are_dropped_and_each_owner_keeps_the_latest_fifty():
    from web_support import Clock

    from gk_respond.web.drafts import PER_OWNER, Drafts

    clock = Clock()
    drafts = Drafts(CHART, clock, idle_seconds=60)
    first = drafts.new("kim")
    many = [drafts.new("ia") for _ in range(PER_OWNER + 5)]
    assert len(drafts) == PER_OWNER + 1  # ia's oldest five went; kim's is untouched
    assert drafts.get(many[4].id, "ia") is None and drafts.get(many[5].id, "ia") is not None
    assert drafts.get(first.id, "ia") is None  # another's is as good as none
    clock.advance(45)
    assert drafts.get(first.id, "kim") is first  # touched: its idle time starts again
    clock.advance(45)
    assert drafts.get(many[-1].id, "ia") is None  # 90 s untouched: gone
    assert drafts.get(first.id, "kim") is first and len(drafts) == 1


def test_a_note_before_the_save_is_kept_for_it_and_after_it_goes_to_the_case_at_once(web):
    url = web.walk(["ja", "ja"])
    draft = draft_of(url)
    kept = web.client.get(web.post(f"{draft}/note", {"note": "före"}).headers["location"])
    assert "Anteckningen är kvar här; den sparas med ärendet när du sparar det." in kept.text
    assert "Anteckningen är sparad." not in kept.text
    with Store(web.db) as store:
        assert store.cases() == []  # not saved: the page does not say it is
    web.post(f"{draft}/save")
    with Store(web.db) as store:
        (case,) = store.cases()
    number = case.number
    added = web.post(f"{draft}/note", {"note": "efter\r\nrad två"})
    assert added.status_code == 303
    page = web.client.get(added.headers["location"])
    assert f"Anteckningen är tillagd i ärende {number}." in page.text
    assert f"Lägg till en anteckning i ärende {number}" in page.text
    with Store(web.db) as store:
        case = store.get(number)
    assert re.fullmatch(r"före\n\n\[\d{4}-\d\d-\d\d \d\d:\d\d kim\]\nefter\nrad två", case.notes)
    notes = [e for e in case.history if e["kind"] == "note"]
    assert [(e["by"], e["text"]) for e in notes] == [("kim", "efter\nrad två")]
    # a later save of the triage keeps the note added to the case
    web.post(f"{draft}/ticks", {"tick": "1"})
    web.post(f"{draft}/save")
    with Store(web.db) as store:
        assert store.get(number).notes == case.notes
    empty = web.post(f"{draft}/note", {"note": "  "})
    assert empty.status_code == 422 and "Skriv något i anteckningen först." in empty.text


def test_a_case_closed_since_the_save_is_never_changed_unawares_and_the_page_says_so(web):
    url = web.walk(["ja", "ja"])
    draft = draft_of(url)
    web.post(f"{draft}/save")
    with Store(web.db) as store:
        (case,) = store.cases()
    number = case.number
    web.post(f"/cases/{number}/status", {"close": "1"})
    refused = web.post(f"{draft}/note", {"note": "skickat <b>"})
    assert refused.status_code == 409
    assert f"Ärende {number} är stängt; anteckningen är inte sparad." in refused.text
    assert f'<a href="/cases/{number}">' in refused.text
    assert ">skickat &lt;b&gt;</textarea>" in refused.text  # kept in its field, as text
    web.post(f"{draft}/ticks", {"tick": "0"})
    again = web.post(f"{draft}/save")
    assert again.status_code == 409 and "is closed" not in again.text
    assert f"Ärende {number} har stängts sedan det sparades; inget ändrades." in again.text
    assert '<input type="hidden" name="closed" value="reopen">' in again.text
    assert '<input type="hidden" name="closed" value="new">' in again.text
    with Store(web.db) as store:
        case = store.get(number)
    assert case.status == "closed" and not case.notes and not case.ticked
    web.client.get(f"{draft}?step=2&lang=en")
    english = web.post(f"{draft}/note", {"note": "x"})
    assert f"Case {number} is closed; the note is not saved." in english.text
    assert web.post(f"{draft}/save", {"closed": "reopen"}).status_code == 303
    with Store(web.db) as store:
        case = store.get(number)
    assert case.status == "open" and case.ticked == [0]
    assert "reopened" in [e["kind"] for e in case.history]
    web.post(f"/cases/{number}/status", {"close": "1"})
    assert web.post(f"{draft}/save", {"closed": "new"}).status_code == 303
    with Store(web.db) as store:
        assert sorted(c.status for c in store.cases()) == ["closed", "open"]


def test_a_step_that_is_not_a_number_is_said_in_the_pages_language(web):
    url = web.start("x")
    bad = web.client.get(f"{draft_of(url)}?step=abc")
    assert bad.status_code == 400
    assert "Begäran kunde inte tas emot: step ska vara ett heltal" in bad.text
    assert "Input should be" not in bad.text
    web.client.get(f"{draft_of(url)}?step=0&lang=en")
    english = web.client.get(f"{draft_of(url)}?step=abc")
    assert "The request could not be taken: step must be a whole number" in english.text
    unfinished = web.post(f"{draft_of(url)}/save")
    assert "The triage has not reached an outcome yet." in unfinished.text
