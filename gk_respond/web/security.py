"""What every response carries and every request must keep to: security headers, a cap on
the body, a CSRF token on every form. Plain ASGI middleware, no framework magic."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from email.message import Message as MimeHeader
from typing import Any
from urllib.parse import parse_qsl

from starlette.datastructures import FormData, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Only our own files; no inline script or style, no plugins, no <base>, forms to us only.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors {frames}"
)
EMBEDDABLE = "/public/"  # the public channel list may be shown in another site's frame


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        embeddable = scope["path"].startswith(EMBEDDABLE)

        async def add_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = _CSP.format(
                    frames="*" if embeddable else "'none'"
                )
                if not embeddable:
                    headers["X-Frame-Options"] = "DENY"
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "same-origin"
                headers["Cross-Origin-Opener-Policy"] = "same-origin"
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
                if "cache-control" not in headers and not scope["path"].startswith("/static/"):
                    headers["Cache-Control"] = "no-store"  # pages hold personal data
            await send(message)

        await self.app(scope, receive, add_headers)


class BodyTooLarge(Exception):
    pass


class CapBody:
    """Refuse a request whose body is larger than ``limit`` bytes (413), by its
    Content-Length or, without one, as the bytes arrive; ``refused(scope)`` is the response
    that says so (the error page, in the session's language)."""

    def __init__(self, app: ASGIApp, limit: int, refused: Callable[[Scope], ASGIApp]) -> None:
        self.app = app
        self.limit = limit
        self.refused = refused

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and (not value.isdigit() or int(value) > self.limit):
                await self.refused(scope)(scope, receive, send)
                return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except BodyTooLarge:
            await self.refused(scope)(scope, receive, send)


FORM = "application/x-www-form-urlencoded"


async def read_form(request: Request) -> FormData:
    """The form of a request, the one place every form is read. An urlencoded body is
    decoded here with its ``charset`` (UTF-8 unless it says otherwise), raw bytes and
    percent-escapes alike: Starlette's own parser reads raw bytes as latin-1, so UTF-8 sent
    unescaped (curl --data-binary) would be stored garbled. A body that is not text in its
    charset is refused (400, ``form_encoding``), never stored with guessed characters."""
    header = MimeHeader()
    header["content-type"] = request.headers.get("content-type", "")
    if header.get_content_type() != FORM:
        return await request.form()  # multipart: its parts say their own charset
    charset = str(header.get_param("charset") or "utf-8")
    body = await request.body()
    try:
        text = body.decode(charset)
        fields = parse_qsl(text, keep_blank_values=True, encoding=charset, errors="strict")
    except (LookupError, UnicodeError, ValueError):
        raise HTTPException(400, "form_encoding") from None
    return FormData(fields)


# -- CSRF: a random token per session, in a hidden field of every form ---------------------
def csrf_token(request: Request) -> str:
    session = request.session
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(24)
    return str(session["csrf"])


class CsrfRefused(Exception):
    """A form sent without the session's token: from another site, or an old page."""


async def checked_form(request: Request) -> dict[str, Any]:
    """The form's fields, once its CSRF token has been checked (CsrfRefused otherwise).
    A field given more than once keeps its values as a list under ``name[]``."""
    form = await read_form(request)
    given = str(form.get("csrf", ""))
    expected = str(request.session.get("csrf", ""))
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise CsrfRefused
    fields: dict[str, Any] = {k: v for k, v in form.items() if isinstance(v, str)}
    for key in {k for k in form if len(form.getlist(k)) > 1 or k.endswith("[]")}:
        fields[key.removesuffix("[]") + "[]"] = [v for v in form.getlist(key) if isinstance(v, str)]
    return fields
