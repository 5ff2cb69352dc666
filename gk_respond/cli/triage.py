"""`gk-respond` itself (--answers, --batch, or the app) and the flowchart commands `check`,
`paths` and `diagram`. Never imports Textual: the app is opened through `launch`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from .. import __version__
from ..messages import grouped, message, shown
from .common import (
    BAD_INPUT,
    EXIT_CODES,
    INCOMPLETE,
    OK,
    PROBLEMS,
    STORE,
    NotText,
    command_parser,
    fail,
    format_option,
    lang_option,
    open_chart,
    print_json,
    read,
    read_stdin,
    report_error,
    say,
    warn,
)
from .launch import open_app

if TYPE_CHECKING:
    from ..flowchart.engine import Chart
    from ..records.channel_match import Registered
    from ..records.store import Store
    from ..triage import Comment

MAIN_HELP = """\
examples:
  gk-respond --answers prohibited=nej,positive=nej,defamatory=nej,joking=nej,factual_error=ja
  gk-respond --answers prohibited=ja,owns_channel=ja --format json --lang en
  echo '{"id": "c1", "answers": "prohibited=ja,owns_channel=nej"}' | gk-respond --batch -
  gk-respond --answers prohibited=ja,owns_channel=ja --save --comment "..." --url URL
  gk-respond records list
  gk-respond train --trainee "Kim"
  gk-respond channels list
  gk-respond check my-flowchart.yaml
  gk-respond paths --format csv
  gk-respond diagram --format mermaid --lang en

"""


# -- options of the flowchart commands ---------------------------------------------------
def _chart_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--flowchart",
        metavar="FILE",
        help="use this flowchart file instead of the built-in one",
    )
    lang_option(parser)


# -- gk-respond [--answers | --batch] -------------------------------------------------------
def main(argv: list[str]) -> int:
    parser = command_parser(
        "gk-respond",
        "What to do about a comment about Gullspångs kommun found on social media, by the "
        "social-media policy's flowchart (Bilaga 2). Without --answers or --batch it opens "
        "the interactive app.\n\n"
        "commands:\n"
        "  check [FILE]    check a flowchart file and list every problem\n"
        "  paths           print every path of the flowchart (the decision table)\n"
        "  diagram         print the flowchart as a Mermaid diagram\n"
        "  records         the case log: list, show, update, export, stats\n"
        "  channels        the register of the municipality's channels (Bilaga 1)\n"
        "  contacts        who holds the roles the guidance names (säkerhetssamordnare …)\n"
        "  train           training: scenarios to walk, a presenter view, --check, --grade\n"
        "  reply           the reply: a draft per outcome, checked against the writing rules\n"
        "  serve           the web app, for a browser (pip install 'gk-respond[web]')\n"
        "  users           the web app's accounts: add, list, passwd, role, disable, remove",
        MAIN_HELP + EXIT_CODES,
    )
    parser.add_argument("--version", action="version", version=f"gk-respond {__version__}")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--answers",
        metavar="ANSWERS",
        help="answers as question=answer pairs separated by commas (ja/nej, yes/no, j/n, y/n, "
        "any case; - reads them from standard input); prints the outcome",
    )
    mode.add_argument(
        "--batch",
        metavar="FILE",
        help='JSON Lines, one case a line: {"id": ..., "answers": {...} or "q=a,..."}; '
        "writes one JSON result a line (- for standard input)",
    )
    parser.add_argument("--comment", metavar="TEXT", help="open the app with this comment")
    parser.add_argument(
        "--comment-file",
        metavar="FILE",
        help="open the app with the comment in FILE (- for standard input)",
    )
    parser.add_argument(
        "--url",
        metavar="URL",
        help="where the comment is; on a channel in the channel register, owns_channel is "
        "answered ja unless the answers say otherwise",
    )
    parser.add_argument(
        "--save",
        action="store_true",
        help="with --answers: keep the outcome as a case in the case log; prints its number",
    )
    from ..triage import PLATFORMS

    parser.add_argument("--platform", choices=PLATFORMS, help="where the comment was posted")
    parser.add_argument("--author", metavar="NAME", help="who wrote the comment")
    parser.add_argument(
        "--found", metavar="TEXT", help="when and where you found it (e.g. 'igår 14.10, Facebook')"
    )
    parser.add_argument(
        "--handler",
        metavar="NAME",
        help="who handles the case, in the app too (default: $GK_RESPOND_HANDLER or your user "
        "name)",
    )
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="the case log: a file, or postgresql://USER@HOST[:PORT]/DB for a team's "
        "(default: $GK_RESPOND_DB, else in your data directory)",
    )
    parser.add_argument(
        "--format",
        choices=["text", "json", "markdown"],
        help="output format for --answers (default: text)",
    )
    _chart_options(parser)
    args = parser.parse_args(argv)
    chart = open_chart(args.flowchart)
    if chart is None:
        return PROBLEMS
    if args.answers is None and args.batch is None:
        # what only a script's run uses: refused, not an app opened (a script would hang)
        scripted = _given(args, "save", "format")
        if scripted:
            return fail([message(f"needs_answers_{name[2:]}") for name in scripted])
        return _interactive(chart, args)
    if args.batch is not None:
        unused = _given(
            args, "comment", "comment_file", "url", "platform", "author", "found", "save", "format"
        )
        if unused:
            return fail([f"{', '.join(unused)} cannot be used with --batch"])
        return _batch(chart, args.batch, args.lang)
    kept = _given(args, "comment", "comment_file", "platform", "author", "found")
    if kept and not args.save:
        verb = "is" if len(kept) == 1 else "are"
        return fail([f"{', '.join(kept)} with --answers {verb} kept only with --save"])
    if args.answers == "-" and args.comment_file == "-":
        return fail(["--answers - and --comment-file - cannot both read standard input"])
    from ..flowchart.answers import MAX_CHARACTERS

    try:  # a longer text is refused whole (by split), so no more of it is read
        text = read_stdin(MAX_CHARACTERS + 1) if args.answers == "-" else args.answers
    except (OSError, NotText) as error:
        return fail([str(error)])
    comment = _comment(args)
    if isinstance(comment, str):
        return fail([comment])
    return _answer(chart, text, args, comment)


def _given(args: argparse.Namespace, *names: str) -> list[str]:
    """The options among ``names`` that were given, as written on the command line."""
    return [f"--{n.replace('_', '-')}" for n in names if getattr(args, n) not in (None, False)]


def _comment(args: argparse.Namespace) -> Comment | str:
    """The comment the arguments describe (its text from --comment or --comment-file), for
    the app or for a saved case; or what is wrong with them."""
    from ..triage import Comment

    text = args.comment or ""
    if args.comment_file is not None:
        try:
            text = read(args.comment_file)
        except NotText as error:
            return str(error)
        except OSError as error:
            return f"{args.comment_file}: {error}"
    return Comment(
        text=text,
        url=args.url or "",
        platform=args.platform or "",
        author=args.author or "",
        found=args.found or "",
    )


def _interactive(chart: Chart, args: argparse.Namespace) -> int:
    """Open the Textual app (imported only by `launch`: the scripting path never loads it)."""
    comment = None
    if _given(args, "comment", "comment_file", "url", "platform", "author", "found"):
        comment = _comment(args)
        if isinstance(comment, str):
            return fail([comment])
        if args.comment_file == "-":
            _stdin_from_terminal()
    open_app(chart, args.lang, comment, args.db, args.flowchart, args.handler)
    return OK


def terminal_device() -> str:
    """The terminal's input device: the console's on Windows, /dev/tty elsewhere."""
    import os

    return "CONIN$" if os.name == "nt" else "/dev/tty"


def _stdin_from_terminal() -> None:
    """After reading a comment from a pipe, take keys from the terminal again."""
    import os

    if sys.stdin.isatty():
        return
    try:
        terminal = os.open(terminal_device(), os.O_RDONLY)
    except OSError:
        return
    os.dup2(terminal, 0)
    os.close(terminal)


def _answer(chart: Chart, text: str, args: argparse.Namespace, comment: Comment) -> int:
    from .case_log_once import opened_once

    with opened_once(args.db, url=args.url, saving=args.save) as store:
        return _answer_with(chart, text, args, comment, store)


def _answer_with(
    chart: Chart, text: str, args: argparse.Namespace, comment: Comment, store: Store | None
) -> int:
    """``_answer`` with the case log open (``store``) for all it reads and writes, or None:
    then each part opens it itself, as it needs."""
    from .. import render
    from ..flowchart.answers import AnswersError, evaluate, split
    from ..records.errors import StoreError
    from ..triage import channel_preset
    from ..untrusted import visible

    fmt, lang, save = args.format or "text", args.lang, args if args.save else None
    try:
        channel = _registered_channel(args.url, args.db, saving=bool(save), store=store)
    except StoreError as error:  # the save could not be kept either: one error, not two lines
        return report_error(error.text, STORE)
    try:
        result = evaluate(chart, split(text), channel_preset(chart) if channel else None)
    except AnswersError as error:
        if fmt == "json":
            print_json({"status": "error", "errors": error.problems})
        return fail(error.problems)
    # read before a save: a read-only reader that closes last leaves SQLite's -wal and -shm
    # files behind, which another user who may only read the file cannot open
    contacts = _contacts(chart, result.outcome, lang, args.db, channel, store)
    number = None
    if save is not None and result.outcome is not None:
        number = _save(chart, result, lang, save, comment, channel.id if channel else "", store)
        if number is None:
            return STORE
    if channel is not None:
        given = {step.question: step.answer for step in result.path}
        answered = "".join(f"; {q}={given[q]} from the register" for q in result.preset)
        print(
            f"gk-respond: {visible(args.url)} is on the registered channel "
            f"“{visible(channel.name)}” ({channel.id}){answered}",
            file=sys.stderr,
        )
    if fmt == "json":
        data = render.result_data(chart, result, lang)
        if channel is not None:
            data["channel"] = {"id": channel.id, "name": channel.name, "url": channel.url}
            data["preset"] = list(result.preset)
        if result.outcome is not None:
            data["contacts"] = contacts
        if number:
            data["case"] = number
        print_json(data)
    elif result.outcome is None:
        print(
            render.incomplete_text(chart, result.path, result.next_question, lang), file=sys.stderr
        )
    elif fmt == "markdown":
        print(render.outcome_markdown(chart, result.path, result.outcome, lang, (), contacts))
    else:
        print(render.outcome_text(chart, result.path, result.outcome, lang, None, contacts))
    if number:
        say(message("saved", number=number))
    elif save is not None:
        say(message("not_saved"))
    return OK if result.outcome else INCOMPLETE


def _save(
    chart: Chart,
    result: Any,
    lang: str,
    args: argparse.Namespace,
    comment: Comment,
    channel: str,
    store: Store | None = None,
) -> str | None:
    """Keep the outcome in the case log (``store``, if it is open to write already); its
    number after the commit, or None (reported)."""
    from .. import default_flowchart
    from ..flowchart.engine import Event
    from ..records.handler import handler_name
    from ..records.new import new_case, save_new
    from ..records.store import Store, StoreError, default_path, print_warning
    from ..triage import utc_now

    now = utc_now()
    case = new_case(
        chart,
        args.flowchart or default_flowchart(),
        result.path,
        result.outcome,
        comment,
        lang,
        handler_name(args.handler),
        [
            Event(now, "register", step.question, step.answer, channel)
            if step.question in result.preset
            else Event(now, "answer", step.question, step.answer)
            for step in result.path
        ],
    )
    try:
        if store is not None and not store.readonly:
            return save_new(store, chart, case, channel).number
        with Store(args.db or default_path(), warn=print_warning) as opened:
            return save_new(opened, chart, case, channel).number
    except StoreError as error:
        report_error(error.text)
        return None


def _contacts(
    chart: Chart,
    outcome: str | None,
    lang: str,
    db: str | None,
    channel: Registered | None,
    store: Store | None = None,
) -> list[dict[str, Any]]:
    """Who to contact on ``outcome``: the contacts (``gk-respond contacts``) holding the roles
    it names, and the registered channel's administrators. The case log (``store`` if it is
    open) is read only when the outcome names a role or the comment is on a registered
    channel."""
    from .. import render

    if outcome is None or not (chart.flowchart.contacts_of(outcome) or channel):
        return []
    from ..records.contact_rows import contacts_in, read_contacts
    from ..records.store import default_path

    people = contacts_in(store) if store is not None else read_contacts(db or default_path())
    return render.contacts_data(chart, outcome, lang, people, channel.data() if channel else None)


def _registered_channel(
    url: str, db: str | None, *, saving: bool, store: Store | None = None
) -> Registered | None:
    """The channel in the register that ``url`` belongs to (in ``store`` if it is open). A
    case log that does not exist yet holds no register (and is not created); one that cannot
    be read is reported: as a warning, or, when ``saving`` into it, as the StoreError the
    save would meet too."""
    from ..records.channel_lookup import registered_channel
    from ..records.store import NoCaseLog, Store, StoreError, default_path, print_warning

    if not url:
        return None
    try:
        if store is not None:
            return registered_channel(store, url)
        with Store(db or default_path(), readonly=True, warn=print_warning) as opened:
            return registered_channel(opened, url)
    except NoCaseLog:
        return None
    except StoreError as error:
        if saving:
            raise
        warn(message("register_unused", error=shown(error.text)))
        return None


def _batch(chart: Chart, source: str, lang: str) -> int:
    from ..batch import lines_of, run

    try:
        stream: IO[bytes] = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
    except OSError as error:
        return fail([str(error)])
    with stream:
        statuses = run(chart, lines_of(stream), sys.stdout, lang)
    if statuses["error"]:
        return BAD_INPUT
    return INCOMPLETE if statuses["incomplete"] else OK


# -- gk-respond check ---------------------------------------------------------------------
def _check(argv: list[str]) -> int:
    parser = command_parser(
        "gk-respond check",
        "Check a flowchart file: its YAML, its structure, and its graph (start exists, every "
        "answer leads somewhere, every node and outcome is reachable, no cycles, every path "
        "ends in an outcome, every guidance reference exists); then the reply rules file "
        "(built-in, or --rules FILE) and how it fits the flowchart.",
        "exit codes:\n  0  the flowchart is sound\n  1  problems, each listed as "
        "file:line:column: what is wrong\n  2  bad arguments\n",
    )
    parser.add_argument("file", nargs="?", help="the flowchart file (default: the built-in one)")
    parser.add_argument("--rules", metavar="FILE", help="the reply rules file to check too")
    args = parser.parse_args(argv)
    chart = open_chart(args.file)
    if chart is None:
        return PROBLEMS
    fc = chart.flowchart
    paths = chart.path_count()
    print(
        f"{args.file or 'built-in flowchart'}: sound (version {fc.version}: "
        f"{len(fc.questions)} questions, {len(fc.nodes)} nodes, {len(fc.outcomes)} outcomes, "
        f"{_count(paths)} paths)"
    )
    if too_many := _too_many_paths(chart):
        print(f"note: {too_many}")
    from .reply import check_rules

    # the built-in rules are made for the built-in flowchart: fitted to another only on --rules
    fitted = chart if args.rules or not args.file else None
    return OK if check_rules(args.rules, fitted) else PROBLEMS


def _count(number: int) -> str:
    """A count as digits, or as a power of two when it has too many digits to print."""
    if number < 10**18:
        return grouped(number)
    return message("more_than_power", power=number.bit_length() - 1)


def _too_many_paths(chart: Chart) -> str | None:
    """Why ``paths`` would not print this chart's paths, or None."""
    from ..flowchart.engine import MAX_PATH_STEPS, MAX_PATHS

    paths, answers = chart.path_sizes()
    if paths > MAX_PATHS:
        return message("too_many_paths", count=_count(paths), limit=grouped(MAX_PATHS))
    if answers > MAX_PATH_STEPS:
        limit = grouped(MAX_PATH_STEPS)
        return message("too_many_path_answers", count=_count(answers), limit=limit)
    return None


# -- gk-respond paths ---------------------------------------------------------------------
def _paths(argv: list[str]) -> int:
    from .. import overview

    parser = command_parser(
        "gk-respond paths",
        "Print every path from the start to an outcome, with its answers: the decision table "
        "the flowchart implies.",
    )
    format_option(parser, ["text", "json", "csv"])
    _chart_options(parser)
    args = parser.parse_args(argv)
    chart = open_chart(args.flowchart)
    if chart is None:
        return PROBLEMS
    if too_many := _too_many_paths(chart):
        return fail([f"{too_many} (the chart itself can be used; `diagram` shows it whole)"])
    write: dict[str, Callable[[Chart, str, IO[str]], None]] = {
        "text": overview.write_paths_text,
        "json": overview.write_paths_json,
        "csv": overview.write_paths_csv,
    }
    write[args.format](chart, args.lang, sys.stdout)  # path by path: memory stays flat
    return OK


# -- gk-respond diagram -------------------------------------------------------------------
def _diagram(argv: list[str]) -> int:
    from .. import overview

    parser = command_parser(
        "gk-respond diagram",
        "Print the flowchart as a diagram. Mermaid output can be pasted into a Markdown file "
        "inside a ```mermaid block.",
    )
    format_option(parser, ["mermaid"])
    _chart_options(parser)
    args = parser.parse_args(argv)
    chart = open_chart(args.flowchart)
    if chart is None:
        return PROBLEMS
    print(overview.mermaid(chart, args.lang))
    return OK


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "check": _check,
    "paths": _paths,
    "diagram": _diagram,
}
