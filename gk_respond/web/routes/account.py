"""Signing in and out."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from ...records.users import Users
from ..auth import actor_of, client_address, off_loop, sign_in, sign_out, store_of
from ..pages import page
from ..security import checked_form

router = APIRouter()


def safe_next(target: str) -> str:
    """Where to go after signing in: a path on this site only (never //other or a URL)."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/login")
async def login_form(request: Request, next: str = "/") -> Response:
    actor = actor_of(request)
    if actor is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return page(request, "login.html", next=safe_next(next), problem="", name="")


@router.post("/login")
async def login(request: Request) -> Response:
    form = await checked_form(request)
    name = form.get("name", "").strip()
    password = form.get("password", "")
    target = safe_next(form.get("next", "/"))
    address = client_address(request)
    limiter = request.app.state.limiter
    problem = ""
    if limiter.blocked(name, address):
        problem = "too_many_attempts"
    else:
        user = (
            await off_loop(request, lambda users: users.verify(name, password))
            if name and password
            else None
        )
        users = Users(store_of(request))
        if user is None:
            limiter.failed(name, address)
            problem = "wrong_login"
        else:
            limiter.succeeded(name)
            sign_in(request, user.name, users.stamp(user.name))
            return RedirectResponse(target, status_code=303)
    status = 429 if problem == "too_many_attempts" else 401
    return page(request, "login.html", status=status, next=target, problem=problem, name=name)


@router.post("/logout")
async def logout(request: Request) -> Response:
    await checked_form(request)
    sign_out(request)
    return RedirectResponse("/login?bye=1", status_code=303)
