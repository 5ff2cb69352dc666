"""Who is asking: a signed-in account, a user named by the trusted proxy, or (on a loopback
address with no accounts) the one person at this machine. Sign-in attempts are limited."""

from __future__ import annotations

import secrets
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request

from ..records.store import Store
from ..records.users import COMMUNICATOR, INFORMATION_OFFICER, UserError, Users, check_name
from .security import checked_form
from .settings import Settings

T = TypeVar("T")


@dataclass(frozen=True)
class Actor:
    """The person a request is done for; every save, change and note records ``name``."""

    name: str
    role: str
    signed_in: bool = True  # False: single-person mode, nothing to sign out of

    @property
    def manages(self) -> bool:
        return self.role == INFORMATION_OFFICER


class StorePool:
    """One open case log per thread (an SQLite connection serves the thread that made it)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path)
        return store


async def off_loop(request: Request, work: Callable[[Users], T]) -> T:
    """``work(Users(...))`` in a worker thread, with that thread's own case log: for argon2,
    whose hashing and checking take tens of milliseconds and would hold up every other
    request if done on the event loop."""
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(lambda: work(Users(request.app.state.stores.get())))


class NotSignedIn(Exception):
    """The request needs a signed-in user and has none."""


class Forbidden(Exception):
    """The signed-in user's role may not do this."""


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def store_of(request: Request) -> Store:
    return request.app.state.stores.get()


def peer(request: Request) -> str:
    """The address the request came from directly (the proxy, behind one)."""
    return request.client.host if request.client else ""


def client_address(request: Request) -> str:
    """The browser's address: the peer's, or behind a trusted proxy the last address the
    proxy put in X-Forwarded-For (what it saw; a browser's own entries come before)."""
    direct = peer(request)
    forwarded = request.headers.get("x-forwarded-for", "")
    if direct in settings_of(request).trusted_proxies and forwarded.strip():
        return forwarded.split(",")[-1].strip()
    return direct


def single_person(request: Request) -> bool:
    """Loopback, no proxy in front, no trusted header and no active account: the app runs
    for one person (behind a proxy, loopback is reachable from the network)."""
    settings = settings_of(request)
    if not settings.loopback or settings.trust_header or settings.trusted_proxies:
        return False
    return Users(store_of(request)).count_active() == 0


def actor_of(request: Request) -> Actor | None:
    """Who the request is for, or None when nobody is signed in."""
    settings = settings_of(request)
    if settings.trust_header:
        named = request.headers.get(settings.trust_header, "")
        if peer(request) in settings.trusted_proxies and named:
            try:
                name = check_name(named)
            except UserError:
                return None
            account = Users(store_of(request)).get(name)
            if account is not None and not account.active:
                return None
            return Actor(name, account.role if account else COMMUNICATOR, signed_in=False)
    session = request.session
    name = session.get("user")
    if name:
        now = settings.clock()
        idle = now - float(session.get("seen", 0)) > settings.idle_minutes * 60
        users = Users(store_of(request))
        account = users.get(name)
        revoked = session.get("sid") in request.app.state.signed_out
        stale = session.get("stamp") != users.stamp(name)
        if idle or revoked or stale or account is None or not account.active:
            for key in ("user", "stamp", "seen", "sid"):
                session.pop(key, None)
        else:
            if now - float(session["seen"]) > 60:  # refreshed now and then: the idle clock
                session["seen"] = now
            return Actor(account.name, account.role)
    if single_person(request):
        return Actor(settings.handler, INFORMATION_OFFICER, signed_in=False)
    return None


async def require_actor(request: Request) -> Actor:
    """A FastAPI dependency: the actor, or NotSignedIn (a redirect to the sign-in page).
    Async, so it runs on the event loop: a plain function would be sent to a worker thread
    and back on every request, which under load cost more than the check itself (a few
    small SQLite reads)."""
    actor = actor_of(request)
    if actor is None:
        raise NotSignedIn
    request.state.actor = actor
    return actor


async def require_manager(request: Request) -> Actor:
    """As ``require_actor``, and the role must be informationsansvarig (Forbidden)."""
    actor = await require_actor(request)
    if not actor.manages:
        raise Forbidden
    return actor


Signed = Annotated[Actor, Depends(require_actor)]  # a route for anyone signed in
Manager = Annotated[Actor, Depends(require_manager)]  # a route for an informationsansvarig
# A form's fields, its CSRF token checked, read on the event loop: a route taking it after its
# actor can be a plain ``def``, which FastAPI runs in a worker thread, off the event loop,
# with that thread's own case log (StorePool): for routes that write to the case log.
CheckedForm = Annotated[dict[str, Any], Depends(checked_form)]


def sign_in(request: Request, name: str, stamp: str, keep_lang: bool = False) -> None:
    """A fresh session for ``name``: no token or state from before survives (but the page
    language, with ``keep_lang``, as after changing one's own password)."""
    session = request.session
    lang = session.get("lang") if keep_lang else None
    session.clear()
    if lang:
        session["lang"] = lang
    session.update(
        user=name, stamp=stamp, seen=settings_of(request).clock(), sid=secrets.token_urlsafe(16)
    )


def sign_out(request: Request) -> None:
    """End the session here and for any copy of its cookie (kept until the server stops,
    when the session key changes and every cookie is void anyway)."""
    sid = request.session.get("sid")
    if sid:
        request.app.state.signed_out.add(sid)
    lang = request.session.get("lang")
    request.session.clear()
    if lang:
        request.session["lang"] = lang


class Limiter:
    """At most ``per_account`` failed sign-ins per account and ``per_address`` per client
    address within ``window`` seconds; past that, further attempts are refused unchecked."""

    def __init__(
        self,
        clock: Callable[[], float],
        per_account: int = 5,
        per_address: int = 20,
        window: float = 15 * 60,
    ) -> None:
        self.clock = clock
        self.limits = {"account": per_account, "address": per_address}
        self.window = window
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= self.clock() - self.window:
            times.popleft()
        return times

    def blocked(self, account: str, address: str) -> bool:
        with self._lock:
            return (
                len(self._recent(("account", account.casefold()))) >= self.limits["account"]
                or len(self._recent(("address", address))) >= self.limits["address"]
            )

    def failed(self, account: str, address: str) -> None:
        with self._lock:
            for key in (("account", account.casefold()), ("address", address)):
                self._recent(key).append(self.clock())

    def succeeded(self, account: str) -> None:
        with self._lock:
            self._failures.pop(("account", account.casefold()), None)
