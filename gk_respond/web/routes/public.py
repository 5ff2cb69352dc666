"""The public list of the municipality's channels (what ``channels export --public`` gives):
readable signed out, at a stable address, and the one page another site may frame."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from ..auth import store_of
from ..pages import lang_of, page

router = APIRouter()
# The register and its files are imported at the first request for the list, not when the
# server starts (the register's models are pydantic's).


@router.get("/public/channels")
async def public_list(request: Request) -> Response:
    from ...records.channel_files import PUBLIC
    from ...records.channels import Channels

    return page(request, "public.html", channels=Channels(store_of(request)).all(), columns=PUBLIC)


@router.get("/public/channels.md")
async def public_list_markdown(request: Request) -> Response:
    from ...records.channel_files import public_markdown
    from ...records.channels import Channels

    text = public_markdown(Channels(store_of(request)).all(), lang_of(request))
    return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")
