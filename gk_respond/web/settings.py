"""What one running web app is set to: built by ``gk-respond serve`` or a test, read by the
routes through ``request.app.state.settings``."""

from __future__ import annotations

import ipaddress
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..flowchart.engine import Chart

IDLE_MINUTES = 30  # a session not used for this long is signed out
MAX_BODY = 1_000_000  # bytes a request may send (a long comment is well under 100 kB)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this machine (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Settings:
    chart: Chart
    db: str  # the case log (accounts, cases, channels)
    flowchart_file: str  # the flowchart's file, hashed into each saved case
    lang: str = "sv"  # the default language
    host: str = "127.0.0.1"
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    secure_cookies: bool = False  # cookies sent over HTTPS only
    trust_header: str = ""  # a header naming the signed-in user, set by the proxy
    trusted_proxies: frozenset[str] = frozenset()  # the only addresses that header is taken from
    handler: str = ""  # single-person mode: who saves cases (the system user)
    idle_minutes: int = IDLE_MINUTES
    max_body: int = MAX_BODY
    clock: Callable[[], float] = time.time  # for sessions and login limits; tests pass theirs

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)
