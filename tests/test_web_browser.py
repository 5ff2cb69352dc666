"""The web app in a real browser: Chromium and its driver from Debian's packages (nothing is
downloaded at run time), driven by Selenium against ``gk-respond serve`` started here on a
free loopback port. A hostile comment is walked to every outcome of the decision table by
keyboard alone and saved; a case is found by search and given a note; the public list is
read signed out; axe-core checks every page in both languages against WCAG 2.1 A and AA;
and no page scrolls sideways at 200 % zoom or at a phone's width (390 px).

Where Chromium is not installed these tests skip and say so; in CI (CI=true) they fail
instead: .ci/run installs it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_channels import channel
from test_web_cli import serve
from web_support import CHART, HOSTILE, PASSWORD

from gk_respond.records.channels import Channels
from gk_respond.records.store import Store
from gk_respond.records.users import Users

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"  # axe-core 4.12.1, see vendor/README.md
CHECKS = 20_000  # how often a condition is looked at before the test gives up (a count)
# one pytest-xdist worker runs them all: one Chromium and one server for the module
pytestmark = pytest.mark.xdist_group("browser")

if not (CHROMIUM and DRIVER):
    reason = (
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must run the browser tests: {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import (  # noqa: E402
    NoAlertPresentException,
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402


def until(condition: Callable[[], object], what: str) -> object:
    """Wait for ``condition`` to hold, by looking again and again (a bounded count)."""
    for _ in range(CHECKS):
        try:
            found = condition()
        except StaleElementReferenceException:
            found = None
        if found:
            return found
    raise AssertionError(f"never happened: {what}")


@pytest.fixture(scope="module")
def server(tmp_path_factory, cli_env) -> Iterator[str]:
    """``gk-respond serve`` with one account of each role and a registered channel."""
    db = str(tmp_path_factory.mktemp("web") / "cases.db")
    with Store(db) as store:
        Users(store).add("ia", "informationsansvarig", PASSWORD)
        Users(store).add("kim", "kommunikatör", PASSWORD)
        Channels(store).add(channel(name="Kommunen <b>på</b> Facebook"))
    process, address = serve(cli_env, "--db", db)  # once it accepts connections
    yield address
    process.terminate()
    process.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--window-size=1280,800", "--lang=sv-SE"):  # fmt: skip
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    driver.set_script_timeout(600)  # axe on a busy machine; a bound, never a speed target
    yield driver
    driver.quit()


def load(driver: webdriver.Chrome, url: str) -> None:
    driver.get(url)
    loaded(driver)


def loaded(driver: webdriver.Chrome) -> None:
    until(lambda: driver.execute_script("return document.readyState") == "complete", "load")
    no_alert(driver)


def no_alert(driver: webdriver.Chrome) -> None:
    """The hostile comment's scripts never ran: no dialog is open."""
    try:
        text = driver.switch_to.alert.text
    except NoAlertPresentException:
        return
    raise AssertionError(f"a script from the page opened an alert: {text!r}")


def press(driver: webdriver.Chrome, *keys: str) -> None:
    driver.switch_to.active_element.send_keys(*keys)


def submit_by_enter(driver: webdriver.Chrome) -> None:
    """Enter on the focused control, then wait for the page it leads to."""
    old = driver.find_element(By.TAG_NAME, "html")
    press(driver, Keys.ENTER)
    until(lambda: not _alive(old), "the next page")
    loaded(driver)


def _alive(element: WebElement) -> bool:
    try:
        element.is_enabled()
    except WebDriverException:  # stale, or "does not belong to the document"
        return False
    return True


def tab_to(driver: webdriver.Chrome, matches: Callable[[WebElement], bool], what: str) -> None:
    """Tab (keyboard only) until the focused element is the one wanted."""
    for _ in range(200):
        if matches(driver.switch_to.active_element):
            return
        press(driver, Keys.TAB)
    raise AssertionError(f"Tab never reached {what}")


def is_button(value: str | None = None, text: str | None = None) -> Callable[[WebElement], bool]:
    def check(element: WebElement) -> bool:
        if element.tag_name != "button":
            return False
        if value is not None and element.get_attribute("value") != value:
            return False
        return text is None or text in element.text

    return check


def sign_in(driver: webdriver.Chrome, server: str, name: str) -> None:
    load(driver, server + "/public/channels")  # cookies are deleted for the page's site
    driver.delete_all_cookies()
    load(driver, server + "/login?lang=sv")
    until(lambda: driver.switch_to.active_element.get_attribute("id") == "name", "autofocus")
    press(driver, name, Keys.TAB, PASSWORD)
    submit_by_enter(driver)
    assert f"Inloggad som {name}" in driver.page_source


PATHS = list(CHART.paths())


def walk(driver: webdriver.Chrome, server: str, answers: list[str]) -> None:
    """A new comment, then every answer, by keyboard alone."""
    load(driver, server + "/")
    until(lambda: driver.switch_to.active_element.get_attribute("id") == "text", "autofocus")
    press(driver, HOSTILE, Keys.TAB)  # the comment, then on to the platform
    tab_to(driver, is_button(text="Till första frågan"), "the continue button")
    submit_by_enter(driver)
    for answer in answers:
        until(lambda: driver.switch_to.active_element.tag_name == "button", "autofocus")
        tab_to(driver, is_button(value=answer), f"the answer {answer}")
        submit_by_enter(driver)


def test_a_hostile_comment_walked_to_every_outcome_by_keyboard_and_saved(browser, server):
    sign_in(browser, server, "kim")
    numbers = []
    for steps, outcome in PATHS:
        walk(browser, server, [s.answer for s in steps])
        title = CHART.flowchart.outcomes[outcome].title("sv")
        assert browser.find_element(By.TAG_NAME, "h1").text == f"Utfall: {title}"
        comment = browser.find_element(By.CSS_SELECTOR, ".comment").text
        assert "<script>alert(1)</script>" in comment and "<U+202E>evil" in comment
        assert not browser.find_elements(By.CSS_SELECTOR, "main img")  # no markup took effect
        tab_to(browser, is_button(text="Spara ärende"), "the save button")
        submit_by_enter(browser)
        notice = browser.find_element(By.CSS_SELECTOR, "#save-status .notice").text
        assert notice.startswith("Sparat som ärende ")
        numbers.append(notice.split()[3].rstrip("."))
    assert len(set(numbers)) == len(PATHS)


def test_a_case_is_found_by_search_and_given_a_note(browser, server):
    sign_in(browser, server, "kim")
    walk(browser, server, [s.answer for s in PATHS[0][0]])
    tab_to(browser, is_button(text="Spara ärende"), "the save button")
    submit_by_enter(browser)
    number = browser.find_element(By.CSS_SELECTOR, "#save-status .notice").text.split()[3][:-1]
    load(browser, server + "/cases")
    search = browser.find_element(By.ID, "q")
    search.send_keys(number, Keys.ENTER)
    until(lambda: "q=" in browser.current_url, "the search")
    loaded(browser)
    assert browser.find_element(By.ID, "count").text == "1 ärende"
    browser.find_element(By.LINK_TEXT, number).send_keys(Keys.ENTER)
    until(lambda: browser.current_url.endswith(f"/cases/{number}"), "the case page")
    loaded(browser)
    browser.find_element(By.ID, "note").send_keys("Ringde skribenten <b>idag</b>")
    press(browser, Keys.TAB)
    submit_by_enter(browser)
    notes = browser.find_element(By.CSS_SELECTOR, ".notes").text
    assert " kim]\nRingde skribenten <b>idag</b>" in notes


def test_the_public_list_is_read_signed_out(browser, server):
    browser.delete_all_cookies()
    load(browser, server + "/public/channels")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Gullspångs kommun i sociala medier"
    assert "Kommunen <b>på</b> Facebook" in browser.find_element(By.TAG_NAME, "table").text
    load(browser, server + "/cases")
    assert browser.current_url.startswith(server + "/login")


def every_page(browser: webdriver.Chrome, server: str) -> list[str]:
    """The address of every kind of page, with a triage walked to an outcome and saved."""
    sign_in(browser, server, "ia")
    walk(browser, server, ["ja"])
    question = browser.current_url
    walk(browser, server, [s.answer for s in PATHS[0][0]])
    outcome = browser.current_url
    tab_to(browser, is_button(text="Spara ärende"), "the save button")
    submit_by_enter(browser)
    number = browser.find_element(By.CSS_SELECTOR, "#save-status .notice").text.split()[3][:-1]
    draft = outcome.split("/triage/")[1].split("?")[0]
    one = channel().id
    return [
        server + "/",
        question,
        outcome,
        server + "/cases",
        server + "/cases?since=inte-ett-datum",
        server + f"/cases/{number}",
        server + "/channels",
        server + "/channels/new",
        server + f"/channels/{one}/edit",
        server + f"/channels/{one}/remove",
        server + f"/flowchart?draft={draft}",
        server + "/accounts",
        server + "/accounts/kim/password",
        server + "/accounts/kim/role",
        server + "/accounts/kim/remove",
        server + "/accounts/ia/remove",  # one's own: why not, and no button
        server + "/account/password",
        server + "/public/channels",
        server + "/nowhere",
    ]


def with_lang(url: str, lang: str) -> str:
    return url + ("&" if "?" in url else "?") + f"lang={lang}"


def axe_violations(driver: webdriver.Chrome) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA violations on the page (axe-core vendored in
    tests/vendor/, put into the page by Selenium)."""
    driver.execute_script(AXE.read_text("utf-8"))
    found = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done({violations: r.violations, passes: r.passes.length}),"
        "      e => done({error: String(e)}));",
        WCAG,
    )
    assert "error" not in found, found
    assert found["passes"] > 3  # axe did look at the page
    return found["violations"]


def test_every_page_in_both_languages_has_no_wcag_violations_and_fits_a_phone(browser, server):
    pages = every_page(browser, server)
    problems: list[str] = []
    for lang in ("sv", "en"):
        # a laptop; the same at 200 % zoom (half the CSS pixels); a phone
        for size in ((1280, 800), (640, 400), (390, 844)):
            browser.set_window_size(*size)
            for url in pages:
                load(browser, with_lang(url, lang))
                assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
                wide = browser.execute_script(
                    "return document.documentElement.scrollWidth - window.innerWidth"
                )
                if wide > 0:
                    problems.append(f"{url} ({lang}, {size[0]} px): {wide} px sideways scroll")
                if size[0] != 1280:
                    continue
                for violation in axe_violations(browser):
                    nodes = [n["target"] for n in violation["nodes"]][:3]
                    problems.append(
                        f"{url} ({lang}): {violation['id']}: {nodes} {violation.get('error', '')}"
                    )
    browser.set_window_size(1280, 800)
    assert problems == []


def test_an_account_added_by_keyboard_with_each_problem_shown_accessibly(browser, server):
    """An informationsansvarig adds an account by keyboard alone: first with a bad name and
    two passwords that differ (the page with its problems passes axe), then right;
    the new user signs in and changes their own password."""
    sign_in(browser, server, "ia")
    load(browser, server + "/accounts")
    tab_to(browser, lambda e: e.get_attribute("id") == "name", "the name field")
    press(browser, "två ord", Keys.TAB)
    tab_to(browser, lambda e: e.get_attribute("id") == "password", "the password")
    press(browser, PASSWORD, Keys.TAB, PASSWORD + "x")  # long enough for the browser's check
    submit_by_enter(browser)
    alert = browser.find_element(By.ID, "problems").text
    assert "Användarnamnet duger inte" in alert and "De två lösenorden är olika." in alert
    assert browser.find_element(By.ID, "name").get_attribute("aria-invalid") == "true"
    assert axe_violations(browser) == []
    tab_to(browser, lambda e: e.get_attribute("id") == "name", "the name field")
    assert browser.switch_to.active_element.get_attribute("value") == "två ord"  # kept
    press(browser, Keys.END, *[Keys.BACKSPACE] * len("två ord"), "eva.ek", Keys.TAB)
    tab_to(browser, lambda e: e.get_attribute("id") == "password", "the password")
    press(browser, PASSWORD, Keys.TAB, PASSWORD)
    submit_by_enter(browser)
    assert "Kontot eva.ek är tillagt." in browser.find_element(By.CSS_SELECTOR, ".notice").text
    sign_in(browser, server, "eva.ek")
    load(browser, server + "/account/password")
    tab_to(browser, lambda e: e.get_attribute("id") == "current", "the current password")
    press(browser, PASSWORD, Keys.TAB, "ett nytt långt lösenord", Keys.TAB,
          "ett nytt långt lösenord")  # fmt: skip
    submit_by_enter(browser)
    assert "Ditt lösenord är bytt." in browser.find_element(By.CSS_SELECTOR, ".notice").text
    assert axe_violations(browser) == []


def test_the_accessibility_check_does_find_a_violation_where_there_is_one(browser):
    browser.get("data:text/html,<html lang=sv><title>x</title><main><input></main></html>")
    assert "label" in {v["id"] for v in axe_violations(browser)}


def test_with_javascript_a_tick_is_kept_at_once_without_a_reload(browser, server):
    """htmx (shipped in the package) sends the ticks when a checkbox changes; the page stays."""
    sign_in(browser, server, "kim")
    walk(browser, server, [s.answer for s in PATHS[0][0]])
    page = browser.find_element(By.TAG_NAME, "html")
    until(lambda: browser.execute_script("return typeof htmx") == "object", "htmx loaded")
    tab_to(browser, lambda e: e.get_attribute("id") == "tick-1", "the second step")
    press(browser, Keys.SPACE)
    until(
        lambda: "Bockarna är sparade." in browser.find_element(By.ID, "save-status").text,
        "the ticks kept",
    )
    assert _alive(page)  # the same page: no reload
    load(browser, browser.current_url)
    assert browser.find_element(By.ID, "tick-1").is_selected()
    assert not browser.find_element(By.ID, "tick-0").is_selected()
