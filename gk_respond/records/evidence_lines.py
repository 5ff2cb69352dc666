"""Evidence in the case's history, as people read it: an attached or withdrawn file as one
line, and a file's size (``1,2 MB`` in Swedish). Used by the history (``audit``), the
attachment list and the case sheet."""

from __future__ import annotations

from ..untrusted import visible
from .times import local_time


def size_text(size: int, lang: str) -> str:
    """A size as people read it: ``1,2 MB`` in Swedish, ``1.2 MB`` in English."""
    from .evidence_texts import say

    if size < 1000:
        return say(lang, "size_bytes", n=size)
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            shown = f"{size / factor:.1f}"
            return f"{shown.replace('.', ',') if lang == 'sv' else shown} {unit}"
    raise AssertionError(size)


def change_line(entry: dict[str, object], lang: str) -> str:
    """A change to the case as one line: when, who, what (every value visible)."""
    from .evidence_texts import say

    kind = str(entry["kind"])
    details = {key: visible(str(value)).replace("\n", "␤") for key, value in entry.items()}
    sha = details.get("sha256", "")[:16] + "…"  # in full under the attachments
    if kind == "attached":
        size = entry.get("size")
        what = say(
            lang, "history_attached", k=details.get("attachment", "?"),
            name=details.get("name", ""), sha=sha,
            size=size_text(size, lang) if isinstance(size, int) else "?",
        )  # fmt: skip
    elif kind == "withdrawn":
        what = say(
            lang, "history_withdrawn", k=details.get("attachment", "?"),
            name=details.get("name", ""), sha=sha,
            reason=details.get("reason", ""),
        )  # fmt: skip
    else:  # a kind this version does not know: its id and its details
        rest = ", ".join(f"{k}={v}" for k, v in details.items() if k not in ("at", "by", "kind"))
        what = details["kind"] + (f" ({rest})" if rest else "")
    return f"{local_time(str(entry['at']))}  {details['by']}: {what}"
