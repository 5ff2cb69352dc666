"""Pages rendered on the server: one Jinja2 environment, autoescaped everywhere, and the
context every page gets (language, texts, who is signed in, the CSRF token)."""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from ..records.view import local_time
from ..untrusted import visible
from .security import csrf_token
from .settings import Settings
from .template_cache import template_cache
from .texts import LANGS, t


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("gk_respond.web", "templates"),
        autoescape=True,  # every value is escaped; nothing user-given is ever marked safe
        auto_reload=False,  # package files: not looked at on disk again for every page
        bytecode_cache=template_cache(),  # compiled once, not at every start
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["v"] = lambda text: visible(text or "")  # control and bidi characters shown
    env.filters["line"] = lambda text: " ".join(visible(text or "").split())
    env.filters["local"] = lambda stored: local_time(stored) if stored else ""
    return env


def lang_of(request: Request) -> str:
    """The page's language: ``?lang=`` (kept for the session), else the session's, else the
    server's default."""
    given = request.query_params.get("lang")
    if given in LANGS:
        if request.session.get("lang") != given:
            request.session["lang"] = given
        return given
    settings: Settings = request.app.state.settings
    kept = request.session.get("lang")
    return kept if kept in LANGS else settings.lang


def url_with(request: Request, **changes: Any) -> str:
    """This page's address (path and query) with some query values changed."""
    query = dict(request.query_params)
    query.update({k: str(v) for k, v in changes.items() if v is not None})
    return request.url.path + ("?" + urlencode(query) if query else "")


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang = lang_of(request)
    other = "en" if lang == "sv" else "sv"
    values = {
        "lang": lang,
        "t": lambda key, **kw: t(lang, key).format(**kw) if kw else t(lang, key),
        "actor": getattr(request.state, "actor", None),
        "csrf": csrf_token(request),
        "other_lang": other,
        "other_lang_url": url_with(request, lang=other),
        "path": request.url.path,
        "chart": request.app.state.settings.chart,
        **context,
    }
    html = environment().get_template(template).render(values)
    return HTMLResponse(html, status_code=status)
