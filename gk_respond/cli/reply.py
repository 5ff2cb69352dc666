"""`gk-respond reply`: a reply checked against the policy's writing rules, or the draft an
outcome starts from; and the rules file's part of `gk-respond check`. Never imports Textual.

The CLI's hook is ``main(argv)`` (the `reply` command) and ``check_rules`` (for `check`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..messages import grouped, message
from .common import Parser, format_option, lang_option, report_error, say

if TYPE_CHECKING:
    from ..flowchart.engine import Chart
    from ..reply.check import Finding
    from ..reply.load import Rules

OK, ERRORS, BAD_INPUT = 0, 1, 2
MAX_REPLY = 10 * 1024 * 1024  # characters of reply read at most

EPILOG = """\
examples:
  gk-respond reply template --outcome correct > svar.txt
  gk-respond reply check svar.txt --outcome correct --platform facebook
  echo "Hej! Ni kan läsa mer på gullspang.se" | gk-respond reply check - --outcome respond
  gk-respond reply check svar.txt --outcome act --format json --rules våra-regler.yaml

exit codes (reply check):
  0  no errors (there may be warnings and hints)
  1  errors found; on an outcome where the policy says not to reply (remove, monitor,
     report, observe) any reply is one, and the message says why
  2  bad input: unknown outcome, a file that cannot be read, a rules file with problems
     (each listed as file:line:column), or bad arguments
exit codes (reply template):
  0  the draft is printed
  2  the outcome has no draft (the policy says not to reply there: the message says why),
     or bad input
"""


def main(argv: list[str]) -> int:
    parser = Parser(
        prog="gk-respond reply",
        description="Write the reply: the draft an outcome starts from, and a reply checked "
        "against the policy's writing rules (du-tilltal, plain language, tone, sources, no "
        "promises beyond the official line, no personal data, the platform's limit).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check", help="check a reply; each finding with its place, rule and source"
    )
    check.add_argument("file", nargs="?", default="-", help="the reply (default: - for stdin)")
    _outcome_options(check)
    from ..triage import PLATFORMS

    check.add_argument("--platform", choices=PLATFORMS, help="where the reply is published")
    check.add_argument(
        "--facts",
        metavar="TEXT",
        default="",
        help="the official line's facts: a date or amount in them is not asked about",
    )
    format_option(check, ["text", "json"])
    check.add_argument(
        "--rules", metavar="FILE", help="use this rules file instead of the built-in one"
    )
    template = commands.add_parser("template", help="print the draft reply of an outcome")
    _outcome_options(template)
    args = parser.parse_args(argv)
    from .common import open_chart

    chart = open_chart(args.flowchart)
    if chart is None:
        return BAD_INPUT
    if args.outcome not in chart.flowchart.outcomes:
        valid = ", ".join(chart.flowchart.outcomes)
        return _fail(message("unknown_outcome", given=repr(args.outcome), valid=valid))
    if args.command == "template":
        return _template(chart, args)
    return _check(chart, args)


def _outcome_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--outcome", required=True, metavar="ID", help="the outcome, by id")
    lang_option(parser)
    parser.add_argument("--flowchart", metavar="FILE", help="use this flowchart file")


def _fail(text: str) -> int:
    return report_error(text, BAD_INPUT)


def load_rules(file: str | None) -> Rules | None:
    """The rules (built-in without ``file``), or None after listing every problem."""
    from ..flowchart.problems import FlowchartError
    from ..reply.load import load

    try:
        return load(file)
    except FlowchartError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        say(message("problems_rules", count=len(error.problems)))
        return None


def _template(chart: Chart, args: argparse.Namespace) -> int:
    outcome = chart.flowchart.outcomes[args.outcome]
    if outcome.reply_template is not None:
        print(outcome.reply_template(args.lang))
        return OK
    rules = load_rules(None)
    why = rules.data.no_reply.get(args.outcome) if rules else None
    if why is not None:
        return _fail(f"{args.outcome} has no draft reply: {why.why(args.lang)} ({why.source})")
    return _fail(f"{args.outcome} has no draft reply in the flowchart")


def _check(chart: Chart, args: argparse.Namespace) -> int:
    from ..reply.check import check, counts
    from ..untrusted import visible

    text = _read(args.file)
    if text is None:
        return BAD_INPUT
    rules = load_rules(args.rules)
    if rules is None:
        return BAD_INPUT
    findings = check(text, rules, outcome=args.outcome, platform=args.platform, facts=args.facts)
    tally = counts(findings)
    if args.format == "json":
        data = {
            "outcome": args.outcome,
            "platform": args.platform,
            "characters": len(text),
            "counts": tally,
            "findings": [f.data(args.lang) for f in findings],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        name = "<stdin>" if args.file == "-" else args.file
        for finding in findings:
            print(_line(name, text, finding, args.lang, visible))
        from ..strings import reply_counts

        print(reply_counts(tally, args.lang), file=sys.stderr)
    return ERRORS if tally["error"] else OK


def _read(file: str) -> str | None:
    """The reply's text, or None after saying why it cannot be read."""
    try:
        if file == "-":
            text = sys.stdin.buffer.read(MAX_REPLY * 4 + 1).decode("utf-8-sig")
        else:
            with open(file, "rb") as handle:
                text = handle.read(MAX_REPLY * 4 + 1).decode("utf-8-sig")
    except FileNotFoundError:
        _fail(f"{file}: no such file")
        return None
    except IsADirectoryError:
        _fail(f"{file}: is a folder, not a file")
        return None
    except OSError as error:
        _fail(f"{file}: {error.strerror or error}")
        return None
    except UnicodeDecodeError as error:
        _fail(message("not_utf8", where=file, byte=error.start + 1))
        return None
    if len(text) > MAX_REPLY:
        _fail(message("reply_too_long", file=file, limit=grouped(MAX_REPLY)))
        return None
    return text.replace("\r\n", "\n")


def _line(name: str, text: str, finding: Finding, lang: str, visible: Callable[[str], str]) -> str:
    """One finding: where (file:line:column), level, message, rule, source, suggestion."""
    from ..reply.place import place

    message = visible(finding.message.get(lang, finding.message["sv"])).replace("\n", "␤")
    out = f"{name}:{place(text, finding.start)}: {finding.level}: {message} [{finding.rule}]"
    if finding.suggestion:
        out += f"\n    {'förslag' if lang == 'sv' else 'suggestion'}: {visible(finding.suggestion)}"
    return out + f"\n    ({finding.source})"


def check_rules(file: str | None, chart: Chart | None) -> bool:
    """For `gk-respond check`: the rules file (built-in without ``file``) loaded, and checked
    against the flowchart if one is given; a line saying it is sound, or every problem."""
    from ..reply.load import against_chart

    rules = load_rules(file)
    if rules is None:
        return False
    problems = []
    if chart is not None:
        outcomes = chart.flowchart.outcomes
        templates = {oid for oid, o in outcomes.items() if o.reply_template is not None}
        problems = against_chart(rules, set(outcomes), templates)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        say(message("problems_rules", count=len(problems)))
        return False
    print(
        f"{file or 'built-in rules'}: sound (version {rules.data.version}: "
        f"{len(rules.data.rules)} rules, {len(rules.data.no_reply)} outcomes without a reply)"
    )
    return True
