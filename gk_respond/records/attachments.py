"""Evidence kept in the case: files attached to a case (a screenshot, the saved page, an
e-mail), stored inside the case log, each with its name, type, size, SHA-256, who attached it
and when. No UI.

Removed content is still an allmän handling, and one is removed only under the
municipality's retention plan, outside this tool: an attachment is never changed or deleted
once attached (no statement here updates or deletes a row of ``attachments``). A wrong one is
withdrawn with a reason, a row of its own in ``attachment_withdrawals``, and kept; both the
attaching and the withdrawal are entries in the case's history (``kind`` ``attached`` or
``withdrawn``, with ``at`` and ``by``), written in the same transaction as the file.

A file is read once, hashed as it is read, and refused if its size or time of change moved
while it was read (a screenshot still being saved): what is stored is exactly what was
hashed. Its type is taken from its content (``puremagic``), never from its name.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import stat
from dataclasses import dataclass

from ..untrusted import visible
from .evidence_lines import size_text
from .evidence_texts import say
from .store import Case, Store

DEFAULT_LIMIT = 25_000_000  # bytes per file: 25 MB
LIMIT_VARIABLE = "GK_RESPOND_ATTACHMENT_LIMIT"
_CHUNK = 1 << 20
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_COLUMNS = "case_number, seq, name, media_type, size, sha256, attached_at, attached_by"


class AttachmentError(Exception):
    """A file that cannot be attached, or an attachment that cannot be given; ``key`` and
    ``params`` make the message in either language (``text``)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, lang: str) -> str:
        params = dict(self.params)
        if self.key == "no_attachment":  # which there are, in the same language
            valid = ", ".join(map(str, params["valid"]))  # type: ignore[call-overload]
            params["valid"] = (
                say(lang, "valid_attachments", valid=valid) if valid else say(lang, "none_yet")
            )
        return say(lang, self.key, **params)

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True)
class Evidence:
    """A file read whole, ready to attach: its name (the last part of the path given), its
    type from its content, the bytes and their SHA-256."""

    path: str
    name: str
    media_type: str
    content: bytes
    sha256: str

    @property
    def size(self) -> int:
        return len(self.content)


@dataclass(frozen=True)
class Attachment:
    """One file kept in a case; ``number`` counts from 1 within the case."""

    case: str
    number: int
    name: str
    media_type: str
    size: int
    sha256: str
    attached_at: str
    attached_by: str
    withdrawn_at: str | None = None
    withdrawn_by: str | None = None
    withdrawn_reason: str | None = None

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def image(self) -> bool:
        return self.media_type in IMAGES


# What a case sheet can show as a picture (fpdf2, through Pillow).
IMAGES = frozenset({"image/png", "image/jpeg", "image/gif"})


def parse_size(text: str) -> int | None:
    """``25MB``, ``500 kB``, ``1MiB`` or a number of bytes, as bytes; None if it is none."""
    found = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*([kKMG]i?B|B)?\s*", text)
    if not found:
        return None
    number = float(found[1].replace(",", "."))
    unit = (found[2] or "B").upper()
    factor = {"B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "KIB": 2**10, "MIB": 2**20}
    factor["GIB"] = 2**30
    size = int(number * factor[unit])
    return size if size > 0 else None


def configured_limit() -> int:
    """The limit per file: ``GK_RESPOND_ATTACHMENT_LIMIT`` if set, else 25 MB;
    AttachmentError for a value that is no size."""
    given = os.environ.get(LIMIT_VARIABLE, "").strip()
    if not given:
        return DEFAULT_LIMIT
    limit = parse_size(given)
    if limit is None:
        raise AttachmentError("bad_size_env", text=given)
    return limit


def media_type(content: bytes) -> str:
    """The file's type, from its content: the most confident match puremagic finds; UTF-8
    text it does not know is ``text/plain``, anything else ``application/octet-stream``."""
    import puremagic

    try:
        found = [m for m in puremagic.magic_string(content) if m.mime_type]
    except (puremagic.PureError, ValueError):
        found = []
    if found:
        return max(found, key=lambda m: m.confidence).mime_type
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return "application/octet-stream"
    return "text/plain"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "kind_folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "kind_device"
    if stat.S_ISFIFO(mode):
        return "kind_pipe"
    if stat.S_ISSOCK(mode):
        return "kind_socket"
    return "kind_other"


def read_evidence(path: str, limit: int, lang: str = "sv") -> Evidence:
    """The file at ``path``, read once and hashed as it is read; AttachmentError for a file
    that is missing, not a regular file (a pipe is never waited on), empty, over ``limit``
    bytes, or that changed while it was read."""
    shown = visible(path)
    name = os.path.basename(os.path.normpath(path)) or path
    if any("\ud800" <= char <= "\udfff" for char in name):
        raise AttachmentError("not_utf8_name", path=shown)
    try:
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK)
    except FileNotFoundError:
        raise AttachmentError("not_found", path=shown) from None
    except OSError as error:
        raise AttachmentError("unreadable", path=shown, error=error.strerror) from None
    try:
        before = os.fstat(descriptor)
        if not stat.S_ISREG(before.st_mode):
            kind = say(lang, _kind(before.st_mode))
            raise AttachmentError("not_a_file", path=shown, kind=kind)
        if before.st_size > limit:
            too_big = {"size": size_text(before.st_size, lang), "limit": size_text(limit, lang)}
            raise AttachmentError("too_big", path=shown, **too_big)
        digest, chunks, total = hashlib.sha256(), [], 0
        while True:
            try:
                chunk = os.read(descriptor, _CHUNK)
            except OSError as error:
                raise AttachmentError("unreadable", path=shown, error=error.strerror) from None
            if not chunk:
                break
            total += len(chunk)
            if total > limit:  # grew past the limit while it was read
                raise AttachmentError("changed", path=shown)
            digest.update(chunk)
            chunks.append(chunk)
        after = os.fstat(descriptor)
    finally:
        os.close(descriptor)
    moved = (after.st_size, after.st_mtime_ns, after.st_ctime_ns) != (
        before.st_size,
        before.st_mtime_ns,
        before.st_ctime_ns,
    )
    if moved or total != before.st_size:
        raise AttachmentError("changed", path=shown)
    if total == 0:
        raise AttachmentError("empty", path=shown)
    content = b"".join(chunks)
    return Evidence(path, name, media_type(content), content, digest.hexdigest())


def _attachment(row: sqlite3.Row) -> Attachment:
    return Attachment(
        case=row["case_number"],
        number=row["seq"],
        name=row["name"],
        media_type=row["media_type"],
        size=row["size"],
        sha256=row["sha256"],
        attached_at=row["attached_at"],
        attached_by=row["attached_by"],
        withdrawn_at=row["withdrawn_at"],
        withdrawn_by=row["withdrawn_by"],
        withdrawn_reason=row["reason"],
    )


_SELECT = (
    f"SELECT a.{_COLUMNS.replace(', ', ', a.')}, w.withdrawn_at, w.withdrawn_by, w.reason "
    "FROM attachments a LEFT JOIN attachment_withdrawals w "
    "ON w.case_number = a.case_number AND w.seq = a.seq "
)


def _listed(db: sqlite3.Connection, number: str) -> list[Attachment]:
    rows = db.execute(_SELECT + "WHERE a.case_number = ? ORDER BY a.seq", (number,))
    return [_attachment(row) for row in rows.fetchall()]


def attachments(store: Store, number: str) -> list[Attachment]:
    """The case's attachments, in the order they were attached (withdrawn ones too)."""
    rows = store.query(_SELECT + "WHERE a.case_number = ? ORDER BY a.seq", (number,))
    return [_attachment(row) for row in rows]


def attach(
    store: Store, number: str, files: list[Evidence], who: str, at: str
) -> tuple[Case, list[Attachment]] | None:
    """Attach every file to the case, in one transaction with their history entries: all
    or none. None when there is no such case; AttachmentError for a file whose content is
    attached to the case already (or given twice)."""
    added: list[Attachment] = []

    def change(case: Case, db: sqlite3.Connection) -> None:
        kept = {a.sha256: a for a in _listed(db, number)}
        seen: dict[str, Evidence] = {}
        for evidence in files:
            if evidence.sha256 in kept:
                old = kept[evidence.sha256]
                raise AttachmentError(
                    "already", path=visible(evidence.path), case=number, k=old.number,
                    sha=evidence.sha256[:16] + "…",
                )  # fmt: skip
            if evidence.sha256 in seen:
                other = visible(seen[evidence.sha256].path)
                raise AttachmentError("twice", path=visible(evidence.path), other=other)
            seen[evidence.sha256] = evidence
        (last,) = db.execute(
            "SELECT COALESCE(MAX(seq), 0) FROM attachments WHERE case_number = ?", (number,)
        ).fetchone()
        for k, evidence in enumerate(files, last + 1):
            db.execute(
                f"INSERT INTO attachments ({_COLUMNS}, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (number, k, evidence.name, evidence.media_type, evidence.size, evidence.sha256,
                 at, who, evidence.content),
            )  # fmt: skip
            case.history.append(
                {"at": at, "by": who, "kind": "attached", "attachment": k,
                 "name": evidence.name, "media_type": evidence.media_type,
                 "size": evidence.size, "sha256": evidence.sha256}
            )  # fmt: skip
            added.append(
                Attachment(number, k, evidence.name, evidence.media_type, evidence.size,
                           evidence.sha256, at, who)
            )  # fmt: skip

    case = store.update_with(number, change)
    return None if case is None else (case, added)


def _missing(number: str, k: int, found: list[Attachment]) -> AttachmentError:
    return AttachmentError("no_attachment", case=number, k=k, valid=[a.number for a in found])


def content(store: Store, number: str, k: int) -> tuple[Attachment, bytes]:
    """The attachment and its bytes, checked against its SHA-256; AttachmentError for no
    such attachment, or one whose stored bytes no longer match (a damaged file)."""
    rows = store.query(
        _SELECT.replace(" FROM", ", a.content FROM", 1) + "WHERE a.case_number = ? AND a.seq = ?",
        (number, k),
    )
    if not rows:
        raise _missing(number, k, attachments(store, number))
    found, data = _attachment(rows[0]), rows[0]["content"]
    if not isinstance(data, bytes) or hashlib.sha256(data).hexdigest() != found.sha256:
        raise AttachmentError("damaged", case=number, k=k)
    return found, data


def withdraw(
    store: Store, number: str, k: int, reason: str, who: str, at: str
) -> tuple[Case, Attachment] | None:
    """Mark the attachment withdrawn with ``reason`` (it is kept), with a history entry, in
    one transaction; None when there is no such case."""
    if not reason.strip():
        raise AttachmentError("no_reason")
    done: list[Attachment] = []

    def change(case: Case, db: sqlite3.Connection) -> None:
        found = {a.number: a for a in _listed(db, number)}
        if k not in found:
            raise _missing(number, k, list(found.values()))
        old = found[k]
        if old.withdrawn:
            raise AttachmentError(
                "already_withdrawn", case=number, k=k, at=old.withdrawn_at,
                by=visible(old.withdrawn_by or ""), reason=visible(old.withdrawn_reason or ""),
            )  # fmt: skip
        db.execute(
            "INSERT INTO attachment_withdrawals (case_number, seq, withdrawn_at, withdrawn_by, "
            "reason) VALUES (?, ?, ?, ?, ?)",
            (number, k, at, who, reason.strip()),
        )
        case.history.append(
            {"at": at, "by": who, "kind": "withdrawn", "attachment": k, "name": old.name,
             "sha256": old.sha256, "reason": reason.strip()}
        )  # fmt: skip
        done.append(
            Attachment(old.case, k, old.name, old.media_type, old.size, old.sha256,
                       old.attached_at, old.attached_by, at, who, reason.strip())
        )  # fmt: skip

    case = store.update_with(number, change)
    return None if case is None else (case, done[0])


def attachment_lines(found: list[Attachment], lang: str) -> list[str]:
    """Each attachment as lines: number, name, type, size, SHA-256, who and when, and a
    withdrawal (every value visible, the name as the characters it is)."""
    from .view import local_time

    lines = []
    for a in found:
        name = visible(a.name).replace("\n", "␤")
        lines.append(f"{a.number}. {name}  {a.media_type}  {size_text(a.size, lang)}")
        lines.append(f"   sha256 {a.sha256}")
        by = visible(a.attached_by)
        lines.append("   " + say(lang, "attached_by", at=local_time(a.attached_at), by=by))
        if a.withdrawn:
            note = say(
                lang, "withdrawn_note", at=local_time(a.withdrawn_at or ""),
                by=visible(a.withdrawn_by or ""), reason=visible(a.withdrawn_reason or ""),
            )  # fmt: skip
            lines.append("   " + note.replace("\n", "␤"))
    return lines
