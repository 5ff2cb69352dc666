"""Command line: parses arguments and dispatches to the modes. Never imports Textual here."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from typing import IO, TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:
    from .flowchart.engine import Chart
    from .records.channels import Channel
    from .triage import Comment

OK, PROBLEMS, BAD_INPUT, INCOMPLETE, STORE = 0, 1, 2, 3, 4

EXIT_CODES = """\
exit codes:
  0  an outcome was reached (check: the flowchart is sound)
  1  the flowchart file has problems; each is listed as file:line:column
  2  bad input: unknown question, invalid answer, an answer the path never asks,
     malformed --answers, or bad arguments; the message names the valid choices
  3  incomplete: the answers stop before an outcome; the next question is named
     (with --batch: 2 if any line had an error, else 3 if any line was incomplete)
  4  the case log cannot be used (--save, records): the message says why; the file
     is left as it is
"""

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


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        if args and args[0] in COMMANDS:
            return COMMANDS[args[0]](args[1:])
        return _triage(args)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as other command-line tools do.
        sys.stdout = open(__import__("os").devnull, "w")  # noqa: SIM115
        return OK
    except KeyboardInterrupt:
        return 130


# -- shared options -----------------------------------------------------------------------
def _parser(prog: str, description: str, epilog: str = EXIT_CODES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def _chart_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--flowchart",
        metavar="FILE",
        help="use this flowchart file instead of the built-in one",
    )
    parser.add_argument(
        "--lang", choices=["sv", "en"], default="sv", help="language of the output (default: sv)"
    )


def _open_chart(file: str | None) -> Chart | None:
    """The compiled chart, or None after printing every problem of a broken file."""
    from . import default_flowchart
    from .flowchart.engine import Chart
    from .flowchart.load import load
    from .flowchart.problems import FlowchartError

    try:
        return Chart(load(file or default_flowchart()))
    except FlowchartError as error:
        _print_problems(error.problems, "the flowchart has")
        return None


def _print_problems(problems: list[Any], what: str) -> None:
    """Every problem of a file on standard error, one a line, then how many there are."""
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"gk-respond: {what} {len(problems)} problem(s)", file=sys.stderr)


def _fail(messages: Iterable[str]) -> int:
    for message in messages:
        print(f"gk-respond: error: {message}", file=sys.stderr)
    return BAD_INPUT


def _read(source: str) -> str:
    """A file's text, or standard input's for ``-``; OSError for a missing file."""
    if source == "-":
        return sys.stdin.read()
    with open(source, encoding="utf-8") as handle:
        return handle.read()


def _deliver(text: str, output: str | None, what: str, private: bool = True) -> str | None:
    """Write ``text`` to standard output, or to a new file ``output`` (never over an existing
    one; readable by its owner only if ``private``) saying so on standard error; what went
    wrong, or None."""
    import os

    if not output:
        sys.stdout.write(text)
        return None
    try:
        descriptor = os.open(
            output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if private else 0o666
        )
        with open(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except FileExistsError:
        return f"{output} already exists; it is left as it is (choose another name)"
    except OSError as error:
        return f"{output}: {error.strerror}"
    print(f"gk-respond: {what} written to {output}", file=sys.stderr)
    return None


# -- gk-respond [--answers | --batch] -------------------------------------------------------
def _triage(argv: list[str]) -> int:
    parser = _parser(
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
        "  train           training: scenarios to walk, a presenter view, --check, --grade\n"
        "  serve           the web app, for a browser (pip install 'gk-respond[web]')\n"
        "  users           the web app's accounts: add, list, passwd, disable, remove",
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
    from .triage import PLATFORMS

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
        metavar="PATH",
        help="the case log (default: $GK_RESPOND_DB, else in your data directory)",
    )
    parser.add_argument(
        "--format",
        choices=["text", "json", "markdown"],
        default="text",
        help="output format for --answers (default: text)",
    )
    _chart_options(parser)
    args = parser.parse_args(argv)
    chart = _open_chart(args.flowchart)
    if chart is None:
        return PROBLEMS
    if args.answers is None and args.batch is None:
        if args.save:
            return _fail(["--save goes with --answers (in the app, s on the outcome saves)"])
        return _interactive(chart, args)
    if args.batch is not None:
        unused = _given(
            args, "comment", "comment_file", "url", "platform", "author", "found", "save"
        )
        if unused:
            return _fail([f"{', '.join(unused)} cannot be used with --batch"])
        return _batch(chart, args.batch, args.lang)
    kept = _given(args, "comment", "comment_file", "platform", "author", "found")
    if kept and not args.save:
        verb = "is" if len(kept) == 1 else "are"
        return _fail([f"{', '.join(kept)} with --answers {verb} kept only with --save"])
    if args.answers == "-" and args.comment_file == "-":
        return _fail(["--answers - and --comment-file - cannot both read standard input"])
    try:
        text = _read(args.answers) if args.answers == "-" else args.answers
    except OSError as error:
        return _fail([str(error)])
    comment = _comment(args)
    if isinstance(comment, str):
        return _fail([comment])
    return _answer(chart, text, args, comment)


def _given(args: argparse.Namespace, *names: str) -> list[str]:
    """The options among ``names`` that were given, as written on the command line."""
    return [f"--{n.replace('_', '-')}" for n in names if getattr(args, n) not in (None, False)]


def _comment(args: argparse.Namespace) -> Comment | str:
    """The comment the arguments describe (its text from --comment or --comment-file), for
    the app or for a saved case; or what is wrong with them."""
    from .triage import Comment

    text = args.comment or ""
    if args.comment_file is not None:
        try:
            text = _read(args.comment_file)
        except (OSError, UnicodeDecodeError) as error:
            return f"{args.comment_file}: {error}"
    for name in ("comment", "url", "author", "found"):
        value = text if name == "comment" else getattr(args, name)
        try:
            (value or "").encode("utf-8")
        except UnicodeEncodeError:  # bytes that are not UTF-8, as the shell passed them
            return f"--{name} is not valid UTF-8 text"
    return Comment(
        text=text,
        url=args.url or "",
        platform=args.platform or "",
        author=args.author or "",
        found=args.found or "",
    )


def _interactive(chart: Chart, args: argparse.Namespace) -> int:
    """Open the Textual app (imported only here: the scripting path never loads it)."""
    comment = None
    if _given(args, "comment", "comment_file", "url", "platform", "author", "found"):
        comment = _comment(args)
        if isinstance(comment, str):
            return _fail([comment])
        if args.comment_file == "-":
            _stdin_from_terminal()
    from .tui.app import GkRespondApp

    GkRespondApp(chart, args.lang, comment, args.db, args.flowchart, args.handler).run()
    return OK


def _stdin_from_terminal() -> None:
    """After reading a comment from a pipe, take keys from the terminal again."""
    import os

    if sys.stdin.isatty():
        return
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return
    os.dup2(terminal, 0)
    os.close(terminal)


def _answer(chart: Chart, text: str, args: argparse.Namespace, comment: Comment) -> int:
    from . import render
    from .flowchart.answers import AnswersError, evaluate, split
    from .triage import channel_preset
    from .untrusted import visible

    fmt, lang, save = args.format, args.lang, args if args.save else None
    channel = _registered_channel(args.url, args.db) if args.url else None
    try:
        result = evaluate(chart, split(text), channel_preset(chart) if channel else None)
    except AnswersError as error:
        if fmt == "json":
            _print_json({"status": "error", "errors": error.problems})
        return _fail(error.problems)
    number = None
    if save is not None and result.outcome is not None:
        number = _save(chart, result, lang, save, comment, channel.id if channel else "")
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
        if number:
            data["case"] = number
        _print_json(data)
    elif result.outcome is None:
        print(
            render.incomplete_text(chart, result.path, result.next_question, lang), file=sys.stderr
        )
    elif fmt == "markdown":
        print(render.outcome_markdown(chart, result.path, result.outcome, lang))
    else:
        print(render.outcome_text(chart, result.path, result.outcome, lang))
    if number:
        print(f"gk-respond: saved as case {number}", file=sys.stderr)
    elif save is not None:
        print("gk-respond: not saved: the answers stop before an outcome", file=sys.stderr)
    return OK if result.outcome else INCOMPLETE


def _save(
    chart: Chart,
    result: Any,
    lang: str,
    args: argparse.Namespace,
    comment: Comment,
    channel: str,
) -> str | None:
    """Keep the outcome in the case log; its number after the commit, or None (reported)."""
    from . import default_flowchart
    from .flowchart.engine import Event
    from .records.new import handler_name, new_case
    from .records.store import Store, StoreError, default_path
    from .triage import utc_now

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
        with Store(args.db or default_path()) as store:
            return store.save(case).number
    except StoreError as error:
        print(f"gk-respond: error: {error}", file=sys.stderr)
        return None


def _registered_channel(url: str, db: str | None) -> Channel | None:
    """The channel in the register that ``url`` belongs to. A case log that does not exist
    yet holds no register (and is not created); one that cannot be read is reported."""
    from .records.channels import Channels
    from .records.store import NoCaseLog, Store, StoreError, default_path

    try:
        with Store(db or default_path(), readonly=True) as store:
            return Channels(store).match(url)
    except NoCaseLog:
        return None
    except StoreError as error:
        print(f"gk-respond: warning: the channel register is not used: {error}", file=sys.stderr)
        return None


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _batch(chart: Chart, source: str, lang: str) -> int:
    from .batch import run

    try:
        stream: IO[bytes] = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
    except OSError as error:
        return _fail([str(error)])
    with stream:
        statuses = run(chart, stream, sys.stdout, lang)
    if statuses["error"]:
        return BAD_INPUT
    return INCOMPLETE if statuses["incomplete"] else OK


# -- gk-respond check ---------------------------------------------------------------------
def _check(argv: list[str]) -> int:
    parser = _parser(
        "gk-respond check",
        "Check a flowchart file: its YAML, its structure, and its graph (start exists, every "
        "answer leads somewhere, every node and outcome is reachable, no cycles, every path "
        "ends in an outcome, every guidance reference exists).",
        "exit codes:\n  0  the flowchart is sound\n  1  problems, each listed as "
        "file:line:column: what is wrong\n  2  bad arguments\n",
    )
    parser.add_argument("file", nargs="?", help="the flowchart file (default: the built-in one)")
    args = parser.parse_args(argv)
    chart = _open_chart(args.file)
    if chart is None:
        return PROBLEMS
    fc = chart.flowchart
    paths = chart.path_count()
    print(
        f"{args.file or 'built-in flowchart'}: sound (version {fc.version}: "
        f"{len(fc.questions)} questions, {len(fc.nodes)} nodes, {len(fc.outcomes)} outcomes, "
        f"{paths} paths)"
    )
    return OK


# -- gk-respond paths ---------------------------------------------------------------------
def _paths(argv: list[str]) -> int:
    from . import overview

    parser = _parser(
        "gk-respond paths",
        "Print every path from the start to an outcome, with its answers: the decision table "
        "the flowchart implies.",
    )
    parser.add_argument("--format", choices=["text", "json", "csv"], default="text")
    _chart_options(parser)
    args = parser.parse_args(argv)
    chart = _open_chart(args.flowchart)
    if chart is None:
        return PROBLEMS
    show: dict[str, Callable[[Chart, str], str]] = {
        "text": overview.paths_text,
        "json": overview.paths_json,
        "csv": overview.paths_csv,
    }
    print(show[args.format](chart, args.lang))
    return OK


# -- gk-respond diagram -------------------------------------------------------------------
def _diagram(argv: list[str]) -> int:
    from . import overview

    parser = _parser(
        "gk-respond diagram",
        "Print the flowchart as a diagram. Mermaid output can be pasted into a Markdown file "
        "inside a ```mermaid block.",
    )
    parser.add_argument("--format", choices=["mermaid"], default="mermaid")
    _chart_options(parser)
    args = parser.parse_args(argv)
    chart = _open_chart(args.flowchart)
    if chart is None:
        return PROBLEMS
    print(overview.mermaid(chart, args.lang))
    return OK


def _records(argv: list[str]) -> int:
    from .cli_records import main as records

    return records(argv)


def _train(argv: list[str]) -> int:
    from .cli_train import main as train

    return train(argv)


def _channels(argv: list[str]) -> int:
    from .cli_channels import main as channels

    return channels(argv)


def _web(command: str) -> Callable[[list[str]], int]:
    def run(argv: list[str]) -> int:
        from .cli_web import main as web

        return web([command, *argv])

    return run


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "check": _check,
    "paths": _paths,
    "diagram": _diagram,
    "records": _records,
    "train": _train,
    "channels": _channels,
    "serve": _web("serve"),
    "users": _web("users"),
}
