"""What every response carries and every request must keep to: security headers, a cap on
the body, a CSRF token on every form. Plain ASGI middleware, no framework magic."""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from starlette.datastructures import MutableHeaders
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
    Content-Length or, without one, as the bytes arrive."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and (not value.isdigit() or int(value) > self.limit):
                await _too_large(send)
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
            await _too_large(send)


async def _too_large(send: Send) -> None:
    body = b"413: the request is too large"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


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
    form = await request.form()
    given = str(form.get("csrf", ""))
    expected = str(request.session.get("csrf", ""))
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise CsrfRefused
    fields: dict[str, Any] = {k: v for k, v in form.items() if isinstance(v, str)}
    for key in {k for k in form if len(form.getlist(k)) > 1 or k.endswith("[]")}:
        fields[key.removesuffix("[]") + "[]"] = [v for v in form.getlist(key) if isinstance(v, str)]
    return fields
