"""The web app in-process for HTTP tests: a case log in a temporary folder, a clock the test
moves, a client that keeps its cookies, and helpers that fill in forms as a browser would."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from gk_respond import default_flowchart
from gk_respond.flowchart.engine import Chart
from gk_respond.flowchart.load import load
from gk_respond.records.store import Store
from gk_respond.records.users import Users
from gk_respond.web.app import create_app
from gk_respond.web.settings import Settings

CHART = Chart(load(default_flowchart()))
PASSWORD = "a long enough password"
# A comment that tries everything: markup, a script, an attribute break-out, a formula, a
# javascript: link, a terminal escape, a bidi override and a Markdown fence.
HOSTILE = (
    '=HYPERLINK("http://evil.example")<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    "\x1b[31mred\u202eevil ``` [x](javascript:alert(3)) {{ 'gk' + 'evaluated' }}"
)
HOSTILE_URL = 'javascript:alert(4)//"><script>alert(5)</script>'


def hostile_leaks(html: str) -> list[str]:
    """What of the hostile text would take effect in a page: none of these may appear."""
    bad = [
        "<script>alert",
        "<img src=x",
        '"><img',
        "\x1b",
        "\u202e",
        'href="javascript:',
        "gkevaluated",  # the template expression in the comment, evaluated
    ]
    return [b for b in bad if b in html]


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Web:
    tmp: Path
    settings_changes: dict[str, Any] = field(default_factory=dict)
    location: str = ""  # the case log (tests/backends.py); a file in ``tmp`` without it

    def __post_init__(self) -> None:
        self.db = self.location or str(self.tmp / "cases.db")
        self.clock = Clock()
        Store(self.db).close()
        self.settings = Settings(
            chart=CHART,
            db=self.db,
            flowchart_file=default_flowchart(),
            handler="kim",
            clock=self.clock,
            **self.settings_changes,
        )
        self.app = create_app(self.settings)
        self.client = TestClient(self.app, follow_redirects=False)

    @classmethod
    def team(cls, tmp: Path) -> Web:
        """A server with accounts (kim, a kommunikatör; ia, an informationsansvarig): every
        page needs signing in."""
        web = cls(tmp)
        web.add_user("kim", "kommunikatör")
        web.add_user("ia", "informationsansvarig")
        return web

    # -- accounts ------------------------------------------------------------------------
    def add_user(self, name: str, role: str = "kommunikatör") -> None:
        with Store(self.db) as store:
            Users(store).add(name, role, PASSWORD)

    def account_events(self) -> list[tuple[str, str, str, str]]:
        """The account log, newest first: (by, action, account, detail)."""
        from gk_respond.records.account_log import recent

        with Store(self.db) as store:
            return [(e.by, e.action, e.account, e.detail) for e in recent(store)]

    def another_browser(self) -> Web:
        """A second browser on the same server: its own cookies."""
        other = Web.__new__(Web)
        other.__dict__.update(self.__dict__)
        other.client = TestClient(self.app, follow_redirects=False)
        return other

    def sign_in(self, name: str, password: str = PASSWORD):
        token = self.csrf("/login")
        return self.client.post(
            "/login", data={"csrf": token, "name": name, "password": password, "next": "/"}
        )

    # -- forms ---------------------------------------------------------------------------
    def csrf(self, path: str = "/") -> str:
        page = self.client.get(path)
        found = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert found, (path, page.status_code, page.text[:500])
        return found.group(1)

    def post(self, path: str, data: dict[str, Any] | None = None, token: str | None = None):
        data = dict(data or {})
        data["csrf"] = token if token is not None else self.csrf()
        return self.client.post(path, data=data)

    def start(self, text: str = "", **fields: str) -> str:
        """A new triage of ``text``; the address of its first page."""
        answer = self.post("/triage", {"text": text, **fields})
        assert answer.status_code == 303, answer.text
        return answer.headers["location"]

    def answer(self, page_url: str, answer: str) -> str:
        """Answer the question the page at ``page_url`` shows; the next page's address."""
        page = self.client.get(page_url)
        assert page.status_code == 200, page.text
        step = re.search(r'name="step" value="(\d+)"', page.text).group(1)
        question = re.search(r'name="question" value="([^"]+)"', page.text).group(1)
        draft = page_url.split("?")[0]
        sent = self.post(f"{draft}/answer", {"step": step, "question": question, "answer": answer})
        assert sent.status_code == 303, sent.text
        return sent.headers["location"]

    def walk(self, answers: list[str], text: str = "", **fields: str) -> str:
        url = self.start(text, **fields)
        for given in answers:
            url = self.answer(url, given)
        return url


def draft_of(url: str) -> str:
    return url.split("?")[0]
