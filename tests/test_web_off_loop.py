"""The routes that write to the case log run off the event loop: FastAPI runs a plain
function in a worker thread, a coroutine on the loop (where a commit waiting for the disk
would hold up every other request). Routes that hash a password stay coroutines and hand
the work to a thread themselves (auth.off_loop); the triage's pages touch no database."""

from __future__ import annotations

import inspect

from gk_respond.web.routes import accounts, cases, channels

WRITES = {
    "/cases/{number}/note",
    "/cases/{number}/ticks",
    "/cases/{number}/followup",
    "/cases/{number}/status",
    "/channels/new",
    "/channels/{channel_id}/edit",
    "/channels/{channel_id}/remove",
    "/accounts/{name}/disable",
    "/accounts/{name}/enable",
    "/accounts/{name}/remove",
    "/accounts/{name}/role",
}


def test_every_route_that_writes_to_the_case_log_runs_in_a_worker_thread():
    routes = [r for module in (accounts, cases, channels) for r in module.router.routes]
    posts = {r.path: r.endpoint for r in routes if "POST" in getattr(r, "methods", ())}
    assert set(posts) >= WRITES
    on_the_loop = sorted(p for p in WRITES if inspect.iscoroutinefunction(posts[p]))
    assert on_the_loop == []
