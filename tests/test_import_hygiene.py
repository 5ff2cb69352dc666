"""The non-interactive path stays lean: it never imports Textual, nor the web app's
packages (FastAPI, Starlette, uvicorn, Jinja2, argon2), nor the PostgreSQL driver unless a
``postgresql://`` case log is used."""

from __future__ import annotations

import ast
import json
import os
import sqlite3
import stat
import subprocess
import sys

from test_channel_preset import OURS, registered_log

PROBE = """
import sys
from gk_respond.cli import main
try:
    main({args!r})
except SystemExit:  # --help
    pass
heavy = ("textual", "fastapi", "starlette", "uvicorn", "jinja2", "argon2", "gk_respond.web",
         "psycopg", "gk_respond.records.postgres")
loaded = [m for m in sys.modules if m in heavy or m.startswith(tuple(h + "." for h in heavy))]
print("LOADED " + ",".join(sorted(loaded)) if loaded else "CLEAN", file=sys.stderr)
"""


def probe(args: list[str], cli_env) -> str:
    return last_said(PROBE.format(args=args), cli_env)


def last_said(code: str, cli_env) -> str:
    """The last line a child running ``code`` wrote on standard error."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=cli_env, check=False
    )
    return result.stderr.strip().splitlines()[-1]


def test_answers_path_does_not_import_textual(cli_env):
    assert (
        probe(["--answers", "prohibited=ja,owns_channel=ja", "--format", "json"], cli_env)
        == "CLEAN"
    )


def test_batch_check_paths_and_diagram_do_not_import_textual(cli_env):
    for args in (
        ["--batch", "/dev/null"],
        ["check"],
        ["paths"],
        ["diagram"],
        ["--help"],
        ["records", "list", "--db", "/dev/null/none"],
        ["channels", "list", "--db", "/dev/null/none"],
        ["channels", "export", "--format", "html", "--db", "/dev/null/none"],
        ["reply", "template", "--outcome", "correct"],
        ["reply", "check", "/dev/null", "--outcome", "act"],
        ["serve", "--help"],
        ["users", "--help"],
    ):
        assert probe(args, cli_env) == "CLEAN", args


def test_the_postgresql_driver_is_loaded_for_a_postgresql_url_only(cli_env):
    # port 9 (discard) on this machine: nothing answers, the driver is loaded to find that out
    url = "postgresql://gk@127.0.0.1:9/gk?connect_timeout=5"
    loaded = probe(["records", "list", "--db", url], cli_env).removeprefix("LOADED ").split(",")
    assert {"psycopg", "gk_respond.records.postgres"} <= set(loaded)


def test_a_warm_start_imports_neither_pydantic_nor_the_yaml_parser(cli_env):
    """A sound flowchart comes from the cache: no validation, so no pydantic, no parsing;
    and the reply checker is not loaded for a triage."""
    probe(["--answers", "prohibited=ja,owns_channel=ja"], cli_env)  # fills the cache
    code = (
        "import sys; from gk_respond.cli import main; "
        "main(['--answers', 'prohibited=ja,owns_channel=ja', '--format', 'json']); "
        "print(sorted(m for m in ('pydantic', 'gk_respond.flowchart.yamlfile', "
        "'gk_respond.flowchart.check', 'gk_respond.reply') if m in sys.modules), "
        "file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=cli_env, check=False
    )
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_train_check_and_grade_do_not_import_textual(cli_env, tmp_path):
    answers = tmp_path / "answers.jsonl"
    answers.write_text(
        '{"id": "library_story_time", "answers": "prohibited=nej,positive=ja,'
        'positive_action=reinforce"}\n',
        encoding="utf-8",
    )
    for args in (["train", "--check"], ["train", "--grade", str(answers)], ["train", "--help"]):
        assert probe(args, cli_env) == "CLEAN", args


# -- what start-up defers (issue 18): checked in sys.modules of a child process -------------
DEFERRED = ("pydantic", "transitions", "yaml", "gk_respond.records.channels")

FIRST_QUESTION = """
import sys
from textual.app import App

seen = []


def _run(self, *args, **kwargs):
    async def look(pilot):
        for _ in range(500):  # a bounded count of pauses, not a time limit
            if type(pilot.app.screen).__name__ == "QuestionScreen":
                break
            await pilot.pause()
        seen.append(type(pilot.app.screen).__name__)
        seen.extend(m for m in {deferred!r} if m in sys.modules)
        pilot.app.exit()

    return _original(self, headless=True, size=(80, 24), auto_pilot=look)


_original, App.run = App.run, _run
from gk_respond.cli import main

main({args!r})
print(seen, file=sys.stderr)
"""


# not needed to paint the first question either: JSON, the results' renderer (the first
# question has no breadcrumb) and the answers' evaluation
NOT_AT_FIRST_QUESTION = ("json", "gk_respond.render", "gk_respond.flowchart.answers")


def loaded_at_first_question(args: list[str], cli_env) -> list[str]:
    deferred = (*DEFERRED, *NOT_AT_FIRST_QUESTION, "gk_respond.records.store")
    code = FIRST_QUESTION.format(args=args, deferred=deferred)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=cli_env, check=False
    )
    return ast.literal_eval(done.stderr.strip().splitlines()[-1])  # the names the child saw


def test_the_app_paints_its_first_question_without_the_deferred_parts(cli_env, tmp_path):
    """Up to the first question: no pydantic, no state machine, no YAML parser, no channel
    register, no JSON, no renderer; without an address, not even the case log."""
    db = registered_log(str(tmp_path / "cases.db"))
    probe(["--answers", "prohibited=ja,owns_channel=ja"], cli_env)  # fills the cache
    assert loaded_at_first_question(["--comment", "Hej"], cli_env) == ["QuestionScreen"]
    args = ["--comment", "Hej", "--url", OURS, "--db", db]  # on the registered channel
    assert loaded_at_first_question(args, cli_env) == [
        "QuestionScreen",
        "json",  # the register's rows are JSON
        "gk_respond.records.store",
    ]


def test_save_with_url_looks_the_register_up_without_its_models(cli_env, tmp_path):
    """`--save --url` on a registered channel: the register answers, and neither pydantic
    nor the register's models are imported."""
    db = registered_log(str(tmp_path / "cases.db"))
    url = OURS
    probe(["--answers", "prohibited=ja,owns_channel=ja"], cli_env)  # fills the cache
    code = (
        "import sys; from gk_respond.cli import main; "
        f"code = main(['--answers', 'prohibited=ja', '--url', {url!r}, '--save', "
        f"'--comment', 'x', '--db', {db!r}, '--format', 'json']); "
        f"print(code, [m for m in {DEFERRED!r} if m in sys.modules], file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=cli_env, check=False
    )
    assert json.loads(done.stdout)["preset"] == ["owns_channel"]
    assert done.stderr.strip().splitlines()[-1] == "0 []"


OPENS = """
import sys
from gk_respond.records import store

opened = []
_init = store.Store.__init__


def counted(self, *args, **kwargs):
    opened.append("read" if kwargs.get("readonly") else "write")
    _init(self, *args, **kwargs)


store.Store.__init__ = counted
from gk_respond.cli import main

code = main({args!r})
print(code, opened, file=sys.stderr)
"""


def case_log_opens(args: list[str], cli_env) -> str:
    return last_said(OPENS.format(args=args), cli_env)


def test_save_with_url_opens_the_case_log_once(cli_env, tmp_path):
    """`--save --url` on a registered channel looks the address up, reads the contacts of
    the outcome and saves the case through one open of the case log; without --save, one
    read-only open; a wrong answer opens it to write but writes nothing, and when there is
    no case log yet none is made for it."""
    db = registered_log(str(tmp_path / "cases.db"))
    base = ["--url", OURS, "--db", db, "--answers"]
    assert case_log_opens([*base, "prohibited=ja", "--save"], cli_env) == "0 ['write']"
    assert case_log_opens([*base, "prohibited=ja"], cli_env) == "0 ['read']"
    with sqlite3.connect(db) as connection:
        (saved,) = connection.execute("SELECT COUNT(*) FROM cases").fetchone()
    assert saved == 1
    assert case_log_opens([*base, "prohibited=kanske", "--save"], cli_env).startswith("2 ")
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM cases").fetchone() == (saved,)
    none = str(tmp_path / "none.db")
    wrong = ["--url", OURS, "--db", none, "--answers", "x=y", "--save"]
    assert case_log_opens(wrong, cli_env).startswith("2 ")
    assert not os.path.exists(none)


SERVE = """
import sys
from starlette.testclient import TestClient

from gk_respond.cli.common import open_chart
from gk_respond.web.app import create_app
from gk_respond.web.settings import Settings

settings = Settings(chart=open_chart(None), db={db!r}, flowchart_file="x", handler="Kim")
status = TestClient(create_app(settings)).get("/").status_code
print(status, [m for m in {deferred!r} if m in sys.modules], file=sys.stderr)
"""


def test_the_web_server_answers_its_first_page_without_the_register_models(cli_env, tmp_path):
    """`serve` up to its first page: neither the channel register's models (pydantic) and
    files (YAML) nor the state machine; the compiled templates are kept in the cache folder,
    readable by their owner only."""
    db = str(tmp_path / "cases.db")
    probe(["--answers", "prohibited=ja,owns_channel=ja"], cli_env)  # fills the cache
    deferred = ("gk_respond.records.channels", "gk_respond.records.channel_files", "yaml",
                "transitions")  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", SERVE.format(db=db, deferred=deferred)],
        capture_output=True,
        text=True,
        env=cli_env,
        check=False,
    )
    assert done.stderr.strip().splitlines()[-1] == "200 []"
    templates = os.path.join(cli_env["GK_RESPOND_CACHE_DIR"], "templates")
    assert os.listdir(templates)
    assert stat.S_IMODE(os.stat(templates).st_mode) == 0o700


def test_the_channel_form_knows_the_register_administrator_fields():
    """The web's channel form names an administrator's parts without importing the register
    (see above): the same parts, in the same order, as the register's model."""
    from gk_respond.records.channels import ADMINISTRATOR_FIELDS
    from gk_respond.web.routes import channels

    assert channels.ADMINISTRATOR_FIELDS == ADMINISTRATOR_FIELDS
