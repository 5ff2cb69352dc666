"""The composition root of the web app: settings, the case log, the routers, the security
layers and the error pages, wired together. No route logic lives here."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from ..records.store import StoreError
from .auth import Forbidden, Limiter, NotSignedIn, StorePool
from .drafts import Drafts
from .pages import page
from .routes import account, accounts, cases, channels, flowchart, public, triage
from .security import CapBody, CsrfRefused, SecurityHeaders
from .settings import Settings

STATIC = Path(__file__).parent / "static"
SESSION_COOKIE = "gk_session"
# details of an HTTPException that name a text of their own
KEYED = ("walk_gone", "form_encoding", "triage_not_finished", "bad_step", "bad_close")


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.stores = StorePool(settings.db)
    app.state.drafts = Drafts(settings.chart, settings.clock, settings.idle_minutes * 60)
    app.state.limiter = Limiter(settings.clock)
    app.state.signed_out = set()  # sessions ended by signing out (ids), until a restart
    for module in (account, accounts, triage, cases, channels, flowchart, public):
        app.include_router(module.router)
    # static files only are compressed: a compressed page holding a token and text from the
    # request could leak the token (BREACH)
    app.mount("/static", GZipMiddleware(StaticFiles(directory=STATIC), minimum_size=500))
    _error_pages(app)
    # inside the session: the refusal is the error page, in the session's language
    app.add_middleware(CapBody, limit=settings.max_body, refused=_too_large)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret,
        session_cookie=SESSION_COOKIE,
        max_age=settings.idle_minutes * 60,
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    app.add_middleware(SecurityHeaders)
    return app


def _error(request: Request, status: int, message: str) -> HTMLResponse:
    return page(request, "error.html", status=status, message=message)


def _too_large(scope: Scope) -> Response:
    from .pages import lang_of
    from .texts import t

    request = Request(scope)
    return _error(request, 413, t(lang_of(request), "error_413"))


def _invalid_text(lang: str, error: dict[str, Any]) -> str:
    """One of pydantic's complaints about the address as a sentence in ``lang``: which
    value, and what it should be (pydantic's own words are English)."""
    from .texts import t

    name = ".".join(map(str, error["loc"][1:]))
    kind = error.get("type", "")
    key = {"int_parsing": "invalid_int", "missing": "invalid_missing"}.get(kind, "invalid_value")
    return t(lang, key).format(name=name)


def _error_pages(app: FastAPI) -> None:
    """Every error as a plain page in the user's language; never a traceback."""

    def texts(request: Request):
        from .pages import lang_of
        from .texts import t

        return lambda key: t(lang_of(request), key)

    @app.exception_handler(NotSignedIn)
    async def signed_out(request: Request, _: Exception) -> Response:
        if request.method in ("GET", "HEAD"):
            return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
        return _error(request, 401, texts(request)("error_403"))

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, _: Exception) -> Response:
        return _error(request, 403, texts(request)("error_403"))

    @app.exception_handler(CsrfRefused)
    async def csrf(request: Request, _: Exception) -> Response:
        return _error(request, 403, texts(request)("error_csrf"))

    @app.exception_handler(StoreError)
    async def store(request: Request, error: Exception) -> Response:
        from ..messages import error_text
        from .pages import lang_of

        said = error_text(error, lang_of(request))
        return _error(request, 503, texts(request)("error_store").format(error=said))

    @app.exception_handler(HTTPException)
    async def http(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        key = {404: "error_404", 403: "error_403", 413: "error_413"}.get(error.status_code)
        if error.detail in KEYED:  # a text of its own: a triage that is no longer kept…
            key = str(error.detail)
        message = texts(request)(key) if key else str(error.detail)
        return _error(request, error.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        from .pages import lang_of

        detail = "; ".join(_invalid_text(lang_of(request), e) for e in error.errors())
        return _error(request, 400, texts(request)("error_400").format(detail=detail))

    @app.exception_handler(Exception)
    async def crash(request: Request, _: Exception) -> Response:
        return _error(request, 500, texts(request)("error_500"))
