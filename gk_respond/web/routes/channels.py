"""The channel register (the policy's Bilaga 1): the list for everyone signed in; adding,
changing and removing for an informationsansvarig, checked by the register's own rules
(records/channels.py), each problem shown by its field. The routes that write are plain
functions, which FastAPI runs off the event loop (auth.CheckedForm reads the form on it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from ..auth import CheckedForm, Manager, Signed, store_of
from ..pages import lang_of, page

if TYPE_CHECKING:
    from ...records.channels import Channel, Channels

router = APIRouter()

# The form's fields in the activity plan's order; the administrators come between.
BEFORE = ("id", "name", "medium", "url", "unit", "purpose", "audience")
AFTER = ("daily", "monitoring", "hours_per_week", "approved_by", "approved_on")
LONG = frozenset({"purpose", "audience", "monitoring"})  # several lines
ADMIN_ROWS = 3  # as on the policy's form
# an administrator's parts, as records/channels.py's ADMINISTRATOR_FIELDS (a test keeps the
# two equal): the register's models are imported at the first channel page, not at start-up
ADMINISTRATOR_FIELDS = ("name", "email", "phone")


def _register(request: Request) -> Channels:
    from ...records.channels import Channels

    return Channels(store_of(request))


def _hints(lang: str) -> dict[str, str]:
    from ..texts import t

    hints = {}
    for name in (*BEFORE, "administrators", *AFTER):
        try:
            hints[name] = t(lang, f"ch_hint_{name}")
        except KeyError:
            hints[name] = ""
    return hints


def _values(channel: Channel | None) -> dict[str, Any]:
    """What the form shows for a channel (or empty, for a new one)."""
    if channel is None:
        return {name: "" for name in (*BEFORE, *AFTER)} | {"administrators": []}
    from ...records.channel_files import hours

    values = channel.data()
    values["daily"] = "; ".join(channel.daily)
    values["hours_per_week"] = hours(channel.hours_per_week)
    return values


def _form(
    request: Request, channel: Channel | None, values: dict[str, Any],
    errors: dict[str, list[str]] | None = None, status: int = 200,
) -> Response:  # fmt: skip
    admins = list(values.get("administrators") or [])
    rows = max(ADMIN_ROWS, len(admins))
    admins += [{part: "" for part in ADMINISTRATOR_FIELDS}] * (rows - len(admins))
    return page(
        request,
        "channel_form.html",
        status=status,
        channel=channel,
        values=values,
        admins=admins,
        before=BEFORE,
        after=AFTER,
        long=LONG,
        admin_fields=ADMINISTRATOR_FIELDS,
        hints=_hints(lang_of(request)),
        errors=errors or {},
    )


def _given(form: dict[str, Any]) -> tuple[dict[str, Any], list[int]]:
    """The form as channel data, and the administrator rows filled in (blank ones left out)."""
    data: dict[str, Any] = {name: form.get(name, "") for name in (*BEFORE, *AFTER)}
    data["daily"] = [name.strip() for name in str(data["daily"]).split(";") if name.strip()]
    admins, rows = [], []
    row = 0
    while f"admin-{row}-name" in form and row < 50:
        admin = {part: form.get(f"admin-{row}-{part}", "") for part in ADMINISTRATOR_FIELDS}
        if any(text.strip() for text in admin.values()):
            admins.append(admin)
            rows.append(row)
        row += 1
    data["administrators"] = admins
    return data, rows


def _place(loc: tuple[Any, ...], rows: list[int]) -> str:
    """The form field a problem at ``loc`` belongs to."""
    if loc[:1] == ("administrators",) and len(loc) > 1 and isinstance(loc[1], int):
        part = str(loc[2]) if len(loc) > 2 else ADMINISTRATOR_FIELDS[0]
        return f"admin-{rows[loc[1]]}-{part}"
    return str(loc[0]) if loc else "id"


def _shown_again(data: dict[str, Any], form: dict[str, Any]) -> dict[str, Any]:
    values = dict(data)
    values["daily"] = form.get("daily", "")
    row, admins = 0, []
    while f"admin-{row}-name" in form and row < 50:
        admins.append({part: form.get(f"admin-{row}-{part}", "") for part in ADMINISTRATOR_FIELDS})
        row += 1
    values["administrators"] = admins
    return values


def _save(request: Request, old: Channel | None, form: dict[str, Any]) -> Response:
    data, rows = _given(form)
    lang = lang_of(request)
    errors: dict[str, list[str]] = {}
    from ...records.channels import Channel, ChannelError, problems

    try:
        channel = Channel.model_validate(data)  # the same rules as everywhere
    except ValidationError as error:
        for loc, message in problems(error, lang):
            errors.setdefault(_place(loc, rows), []).append(message)
        return _form(request, old, _shown_again(data, form), errors, 422)
    register = _register(request)
    try:
        if old is None:
            saved = register.add(channel)
        else:
            saved = register.update(old.id, data)
            if saved is None:  # removed meanwhile, elsewhere
                raise HTTPException(404)
    except ChannelError as refused:
        field = "url" if refused.key == "ch_duplicate_url" else "id"
        errors[field] = [refused.message(lang)]
        return _form(request, old, _shown_again(data, form), errors, 422)
    return RedirectResponse(f"/channels?saved={saved.id}", status_code=303)


def _channel(request: Request, channel_id: str) -> Channel:
    channel = _register(request).get(channel_id)
    if channel is None:
        raise HTTPException(404)
    return channel


@router.get("/channels")
async def channels_list(request: Request, actor: Signed) -> Response:
    register = _register(request)
    query = request.query_params
    saved, removed = query.get("saved", ""), query.get("removed", "")
    return page(
        request,
        "channels.html",
        channels=register.all(),
        saved=saved if register.get(saved) else "",
        removed=removed if removed and not register.get(removed) and len(removed) < 80 else "",
    )


@router.get("/channels/new")
async def new_form(request: Request, actor: Manager) -> Response:
    return _form(request, None, _values(None))


@router.post("/channels/new")
def add(request: Request, actor: Manager, form: CheckedForm) -> Response:
    return _save(request, None, form)


@router.get("/channels/{channel_id}/edit")
async def edit_form(request: Request, channel_id: str, actor: Manager):
    channel = _channel(request, channel_id)
    return _form(request, channel, _values(channel))


@router.post("/channels/{channel_id}/edit")
def edit(request: Request, channel_id: str, actor: Manager, form: CheckedForm):
    return _save(request, _channel(request, channel_id), form)


@router.get("/channels/{channel_id}/remove")
async def remove_question(request: Request, channel_id: str, actor: Manager):
    return page(request, "channel_remove.html", channel=_channel(request, channel_id))


@router.post("/channels/{channel_id}/remove")
def remove(request: Request, channel_id: str, actor: Manager, form: CheckedForm):
    if _register(request).remove(channel_id) is None:
        raise HTTPException(404)
    return RedirectResponse(f"/channels?removed={channel_id}", status_code=303)
