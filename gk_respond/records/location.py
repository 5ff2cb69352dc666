"""Where a case log is: a file path (SQLite) or a ``postgresql://`` URL (a shared server).
No driver is imported here: telling the two apart, and showing a URL without its password,
must stay cheap for every command."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

SCHEMES = ("postgresql://", "postgres://")


def is_url(location: str) -> bool:
    """Whether ``location`` names a PostgreSQL database rather than a file."""
    return location.lower().startswith(SCHEMES)


def shown(location: str) -> str:
    """``location`` as it may be shown: a URL keeps its user, host, port and database and
    loses its password and query (which may hold one too); a path is kept as it is."""
    if not is_url(location):
        return location
    scheme, _, rest = location.partition("://")
    parts = urlsplit(f"{scheme.lower()}://{rest}")
    user_info, at, host = parts.netloc.rpartition("@")
    user = user_info.partition(":")[0]
    database = unquote(parts.path.lstrip("/"))
    return f"postgresql://{unquote(user)}{at}{unquote(host)}/{database}"


def secrets(location: str) -> list[str]:
    """The passwords ``location`` may lead to (in the URL's user part or its query, and
    ``PGPASSWORD``), as written and percent-decoded: what must never be shown."""
    import os

    found = [os.environ.get("PGPASSWORD", "")]
    if is_url(location):
        rest = location.partition("://")[2]
        user_info = rest.partition("/")[0].rpartition("@")[0]
        found.append(user_info.partition(":")[2])
        query = rest.partition("?")[2]
        found += [v for k, _, v in (p.partition("=") for p in query.split("&")) if k == "password"]
    return sorted({s for raw in found if raw for s in (raw, unquote(raw))}, key=len, reverse=True)


def scrub(text: str, location: str) -> str:
    """``text`` (a driver's message, say) with every password ``location`` leads to hidden."""
    for secret in secrets(location):
        text = text.replace(secret, "***")
    return text
