"""Accounts in the browser: an informationsansvarig lists, adds, disables and enables
accounts, gives one a new password or another role, and removes one (with a question
first); anyone signed in with a password changes their own. The same rules as ``gk-respond
users`` (records/users.py: never the last active informationsansvarig), each problem shown
by its field, and nobody disables, removes or changes the role of their own account; every
change is logged with who made it (records/account_log.py), shown on the list. The routes
that write are plain functions: FastAPI runs them off the event loop."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException

from ...records.account_log import recent
from ...records.users import (
    INFORMATION_OFFICER,
    MIN_PASSWORD,
    ROLES,
    LastManager,
    User,
    UserError,
    Users,
    check_name,
    check_role,
)
from ..auth import (
    Actor,
    CheckedForm,
    Manager,
    Signed,
    client_address,
    off_loop,
    sign_in,
    single_person,
    store_of,
)
from ..pages import page
from ..security import checked_form

router = APIRouter()
Errors = dict[str, list[str]]


def _password_problems(form: dict[str, str], errors: Errors) -> str:
    """The new password (fields ``password`` and ``password_again``), its problems added to
    ``errors`` by field as text keys."""
    password = form.get("password", "")
    if len(password) < MIN_PASSWORD:
        errors.setdefault("password", []).append("acc_short_password")
    elif password != password.strip():
        errors.setdefault("password", []).append("acc_space_password")
    elif password != form.get("password_again", ""):
        errors.setdefault("password_again", []).append("acc_differ")
    return password


def _account(request: Request, name: str) -> User:
    user = Users(store_of(request)).get(name)
    if user is None:
        raise HTTPException(404)
    return user


def _list(request: Request, status: int = 200, errors: Errors | None = None,
          given: dict[str, str] | None = None, problem_name: str = "") -> Response:  # fmt: skip
    store = store_of(request)
    alone = single_person(request)
    return page(
        request,
        "accounts.html",
        status=status,
        accounts=Users(store).all(),
        events=recent(store),
        roles=ROLES,
        errors=errors or {},
        given=given or {"name": "", "role": INFORMATION_OFFICER if alone else ROLES[0]},
        alone=alone,
        min_password=MIN_PASSWORD,
        done=request.query_params.get("done", ""),
        done_name=request.query_params.get("name", ""),
        done_role=request.query_params.get("role", ""),
        problem_name=problem_name,
    )


def _done(what: str, name: str) -> RedirectResponse:
    return RedirectResponse(f"/accounts?done={what}&name={quote(name)}", status_code=303)


@router.get("/accounts")
async def accounts(request: Request, actor: Manager) -> Response:
    return _list(request)


@router.post("/accounts/new")
async def add(request: Request, actor: Manager) -> Response:
    form = await checked_form(request)
    errors: Errors = {}
    given = {"name": form.get("name", ""), "role": form.get("role", "")}
    users = Users(store_of(request))
    name = role = ""
    try:
        name = check_name(given["name"])
        if users.get(name) is not None:
            errors["name"] = ["acc_exists"]
    except UserError:
        errors["name"] = ["acc_bad_name"]
    try:
        role = check_role(given["role"])
    except UserError:
        errors["role"] = ["acc_bad_role"]
    password = _password_problems(form, errors)
    if not errors:
        try:
            await off_loop(request, lambda u: u.add(name, role, password, by=actor.name))
        except UserError:  # added meanwhile, elsewhere
            errors["name"] = ["acc_exists"]
    if errors:
        return _list(request, 422, errors, given)
    return _done("added", name)


def _refused(request: Request, key: str, name: str) -> Response:
    """The list again, saying why nothing was changed for the account ``name`` (409)."""
    return _list(request, 409, {"account": [key]}, problem_name=name)


def _oneself(user: User, actor: Actor) -> bool:
    """Whether the account is the actor's own, which they may not disable, remove or give
    another role (one could lock oneself out; another informationsansvarig may)."""
    return user.name == actor.name


@router.post("/accounts/{name}/disable")
def disable(request: Request, name: str, actor: Manager, form: CheckedForm) -> Response:
    user = _account(request, name)
    if _oneself(user, actor):
        return _refused(request, "acc_not_yourself", user.name)
    try:
        Users(store_of(request)).disable(user.name, by=actor.name)
    except LastManager:
        return _refused(request, "acc_last_manager", user.name)
    return _done("disabled", user.name)


@router.post("/accounts/{name}/enable")
def enable(request: Request, name: str, actor: Manager, form: CheckedForm) -> Response:
    user = _account(request, name)
    Users(store_of(request)).enable(user.name, by=actor.name)
    return _done("enabled", user.name)


def _remove_page(request: Request, user: User, problem: str = "") -> Response:
    return page(request, "account_remove.html", status=409 if problem else 200, account=user,
                problem=problem)  # fmt: skip


@router.get("/accounts/{name}/remove")
def remove_question(request: Request, name: str, actor: Manager) -> Response:
    """The question first: what removing means, or why one's own account cannot be."""
    user = _account(request, name)
    return _remove_page(request, user, "acc_not_yourself_remove" if _oneself(user, actor) else "")


@router.post("/accounts/{name}/remove")
def remove(request: Request, name: str, actor: Manager, form: CheckedForm) -> Response:
    user = _account(request, name)
    if _oneself(user, actor):
        return _remove_page(request, user, "acc_not_yourself_remove")
    try:
        Users(store_of(request)).remove(user.name, by=actor.name)
    except LastManager:  # the actor, another one, was taken away meanwhile (a race)
        return _remove_page(request, user, "acc_last_manager")
    return _done("removed", user.name)


def _role_page(request: Request, user: User, actor: Actor, status: int = 200,
               errors: Errors | None = None) -> Response:  # fmt: skip
    problem = "acc_not_yourself_role" if _oneself(user, actor) else ""
    return page(request, "account_role.html", status=409 if problem else status, account=user,
                roles=ROLES, errors=errors or ({"account": [problem]} if problem else {}),
                own=bool(problem))  # fmt: skip


@router.get("/accounts/{name}/role")
def role_form(request: Request, name: str, actor: Manager) -> Response:
    return _role_page(request, _account(request, name), actor)


@router.post("/accounts/{name}/role")
def change_role(request: Request, name: str, actor: Manager, form: CheckedForm) -> Response:
    """Another role: at once, and the account's sessions end (it signs in again)."""
    user = _account(request, name)
    if _oneself(user, actor):
        return _role_page(request, user, actor)
    try:
        role = check_role(form.get("role", ""))
    except UserError:
        return _role_page(request, user, actor, 422, {"role": ["acc_bad_role"]})
    if role == user.role:  # nothing to change, nothing logged
        return RedirectResponse("/accounts", status_code=303)
    try:
        Users(store_of(request)).set_role(user.name, role, by=actor.name)
    except LastManager:
        return _role_page(request, user, actor, 409, {"account": ["acc_last_manager"]})
    return RedirectResponse(
        f"/accounts?done=role&name={quote(user.name)}&role={quote(role)}", status_code=303
    )


@router.get("/accounts/{name}/password")
async def reset_form(request: Request, name: str, actor: Manager) -> Response:
    return page(request, "account_password.html", account=_account(request, name), errors={},
                min_password=MIN_PASSWORD)  # fmt: skip


@router.post("/accounts/{name}/password")
async def reset(request: Request, name: str, actor: Manager) -> Response:
    form = await checked_form(request)
    user = _account(request, name)
    errors: Errors = {}
    password = _password_problems(form, errors)
    if errors:
        return page(request, "account_password.html", status=422, account=user, errors=errors,
                    min_password=MIN_PASSWORD)  # fmt: skip
    await off_loop(request, lambda u: u.set_password(user.name, password, by=actor.name))
    users = Users(store_of(request))
    if user.name == actor.name and actor.signed_in:  # one's own, from the list: stay in
        sign_in(request, user.name, users.stamp(user.name), keep_lang=True)
    return _done("password_reset", user.name)


def _own(request: Request, actor: Signed, status: int = 200, errors: Errors | None = None,
         done: bool = False) -> Response:  # fmt: skip
    return page(request, "own_password.html", status=status, errors=errors or {}, done=done,
                min_password=MIN_PASSWORD, has_password=actor.signed_in)  # fmt: skip


@router.get("/account/password")
async def own_form(request: Request, actor: Signed) -> Response:
    return _own(request, actor, done="done" in request.query_params)


@router.post("/account/password")
async def own_change(request: Request, actor: Signed) -> Response:
    form = await checked_form(request)
    if not actor.signed_in:
        return _own(request, actor, 409)
    users = Users(store_of(request))
    errors: Errors = {}
    limiter = request.app.state.limiter
    address = client_address(request)
    if limiter.blocked(actor.name, address):
        errors["current"] = ["too_many_attempts"]
    elif await off_loop(request, lambda u: u.verify(actor.name, form.get("current", ""))) is None:
        limiter.failed(actor.name, address)  # as a wrong sign-in: no guessing from here
        errors["current"] = ["acc_wrong_current"]
    password = _password_problems(form, errors)
    if errors:
        return _own(request, actor, 422, errors)
    await off_loop(request, lambda u: u.set_password(actor.name, password, by=actor.name))
    sign_in(request, actor.name, users.stamp(actor.name), keep_lang=True)  # this one goes on
    return RedirectResponse("/account/password?done=1", status_code=303)
