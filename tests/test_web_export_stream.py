"""The web app's case downloads, over HTTP, on both backends: byte for byte what `gk-respond
records export` writes for the same log and filters (CSV, JSON and Markdown, in Swedish and
in English), complete and newest first past the store's read batches, sent from one
snapshot of the log while others save, and that snapshot closed when the download ends,
also when the browser goes away halfway (the ASGI app driven directly, as a server would)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Awaitable, Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import pytest
from export_log import NOW, fill, fixed_cases
from snapshot_support import a_case, snapshot_held
from starlette.requests import ClientDisconnect
from web_support import Web

from gk_respond.records.queries import BATCH
from gk_respond.records.store import Store
from gk_respond.web.downloads import CHUNK

CASES = 2 * BATCH + 3  # three read batches
FILTERS = {  # the same filter as the web's query and as the CLI's options
    "all": ({}, []),
    "filtered": (
        {"status": "open", "q": "snö", "outcome": "remove", "since": "2026-11-01"},
        ["--status", "open", "--search", "snö", "--outcome", "remove", "--since", "2026-11-01"],
    ),
}
FORMATS = {"csv": "csv", "json": "json", "md": "markdown"}


@pytest.fixture
def web(tmp_path, case_log, monkeypatch) -> Web:
    monkeypatch.setenv("GK_RESPOND_NOW", NOW)  # the due labels in Markdown
    web = Web(tmp_path, location=case_log)
    fill(web.db, fixed_cases(CASES))
    return web


def cli_export(env: dict[str, str], db: str, fmt: str, lang: str, options: list[str]) -> bytes:
    """What `records export --output FILE` writes, under the locale of ``lang``."""
    out = Path(env["GK_RESPOND_CACHE_DIR"]) / f"export-{fmt}-{lang}-{len(options)}"
    out.unlink(missing_ok=True)
    locale = "sv_SE.UTF-8" if lang == "sv" else "en_US.UTF-8"
    command = [sys.executable, "-m", "gk_respond", "records", "export", "--format", fmt]
    subprocess.run(
        [*command, "--db", db, "--output", str(out), *options],
        env={**env, "GK_RESPOND_NOW": NOW, "LANG": locale},
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out.read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("lang", "which"), [("sv", "all"), ("en", "filtered")])
def test_a_download_is_the_cli_export_byte_for_byte(web, cli_env, fmt, lang, which):
    query, options = FILTERS[which]
    got = web.client.get(f"/cases/export.{fmt}", params={**query, "lang": lang})
    assert got.status_code == 200
    assert got.headers["content-disposition"].endswith(f'.{fmt}"')
    assert len(got.content) > CHUNK or which == "filtered"  # sent in several pieces
    assert got.content == cli_export(cli_env, web.db, FORMATS[fmt], lang, options)
    if fmt == "csv":  # the header row in the page's language
        header = got.content.decode().lstrip("\ufeff").split(";", 1)[0]
        assert header == {"sv": "Ärende", "en": "number"}[lang]


def test_a_download_larger_than_a_read_batch_is_complete_and_newest_first(web):
    numbers = [case["number"] for case in json.loads(web.client.get("/cases/export.json").text)]
    assert numbers == [f"2026-{n:04d}" for n in range(CASES, 0, -1)]


Send = Callable[[dict[str, Any]], Awaitable[None]]


def _get(web: Web, path: str, send: Send, *, disconnect: asyncio.Event | None = None) -> None:
    """GET ``path`` from the app as an ASGI server would. With ``disconnect``: an ASGI 2.3
    server, whose ``receive`` says the client went away once the event is set; without,
    a 2.4 one (which tells the app so by ``send`` raising OSError)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3" if disconnect else "2.4"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    asked = [False]

    async def receive() -> dict[str, Any]:
        if not asked[0]:
            asked[0] = True
            return {"type": "http.request", "body": b"", "more_body": False}
        assert disconnect is not None
        await disconnect.wait()
        return {"type": "http.disconnect"}

    async def run() -> None:
        await web.app(scope, receive, send)

    asyncio.run(run())


def test_a_download_is_the_log_as_it_was_when_it_began(web):
    expected = web.client.get("/cases/export.json").content
    body = bytearray()

    async def send(message: dict[str, Any]) -> None:
        if message["type"] != "http.response.body":
            return
        if not body:  # the first piece is out: others update and save meanwhile
            with Store(web.db) as writer:
                writer.update("2026-0001", lambda case: setattr(case, "notes", "ändrad"))
                writer.save(a_case())
        body.extend(message["body"])

    _get(web, "/cases/export.json", send)
    assert bytes(body) == expected
    after = json.loads(web.client.get("/cases/export.json").text)
    assert len(after) == CASES + 1 and after[-1]["notes"] == "ändrad"


@pytest.mark.parametrize("server", ["asgi-2.4", "asgi-2.3"])
def test_the_snapshot_is_closed_when_the_browser_goes_away(web, server):
    sent: list[bytes] = []
    gone = asyncio.Event() if server == "asgi-2.3" else None
    held_while_sending: list[bool] = []

    async def send(message: dict[str, Any]) -> None:
        if message["type"] != "http.response.body":
            return
        if sent:  # the second piece: the browser is gone
            if gone is None:
                raise OSError("connection reset by peer")
            gone.set()
            return
        held_while_sending.append(snapshot_held(web.db))
        sent.append(message["body"])

    with pytest.raises(ClientDisconnect) if gone is None else nullcontext():
        _get(web, "/cases/export.csv", send, disconnect=gone)
    assert held_while_sending == [True]
    assert len(sent) == 1
    assert not snapshot_held(web.db)
