"""`gk-respond train`: a training session in the app, the presenter view, checking scenario
files (`--check`) and grading a trainee's answers from a script (`--grade`). Only the
session and the presenter view import Textual (through `launch`)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..messages import message
from .common import (
    OK,
    PROBLEMS,
    command_parser,
    fail,
    lang_option,
    open_chart,
    print_json,
    print_problems,
)
from .launch import open_training

if TYPE_CHECKING:
    from ..flowchart.engine import Chart
    from ..training.schema import Loaded

EPILOG = """\
examples:
  gk-respond train                              # every bundled scenario, in Swedish
  gk-respond train --tag removal --lang en --trainee "Kim"
  gk-respond train --sample 5 --seed 7          # five at random, the same five each time
  gk-respond train --present                    # the presenter view, for a group
  gk-respond train my-scenarios/                # scenario files of your own (or a folder)
  gk-respond train --check my-scenarios/        # check them against the flowchart
  gk-respond train --grade answers.jsonl --trainee "Kim"   # grade from a script (JSON)

answers.jsonl holds one line a scenario:
  {"id": "library_story_time", "answers": "prohibited=nej,positive=ja,positive_action=share"}
  {"id": "snow_clearing", "answers": {"prohibited": "nej", "positive": "nej", ...}}

exit codes:
  0  done (--check: every scenario is sound)
  1  the scenario files or the flowchart have problems; each is listed as file:line:column
  2  bad input: bad arguments, a --tag no scenario has, a --grade file that cannot be
     read, or bad lines in it
"""


def main(argv: list[str]) -> int:
    parser = command_parser(
        "gk-respond train",
        "Training: walk realistic comments through the flowchart and see whether you reach "
        "the outcome the policy expects. FILE is a scenario file or a folder of them "
        "(default: the bundled set).",
        EPILOG,
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="scenario files or folders")
    parser.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="only scenarios with this tag (repeat it or separate by commas: any of them)",
    )
    parser.add_argument(
        "--sample", type=_count, metavar="N", help="N scenarios at random, in random order"
    )
    parser.add_argument("--seed", type=int, metavar="S", help="with --sample: the same draw")
    parser.add_argument("--trainee", metavar="NAME", default="", help="who is trained")
    parser.add_argument(
        "--flowchart", metavar="FILE", help="use this flowchart file instead of the built-in one"
    )
    lang_option(parser)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--present",
        action="store_true",
        help="the presenter view: space shows the expected answer, space again follows it",
    )
    mode.add_argument(
        "--check", action="store_true", help="check the scenario files and list every problem"
    )
    mode.add_argument(
        "--grade",
        metavar="ANSWERS",
        help="grade a JSON Lines file of answers (- for standard input); prints JSON",
    )
    args = parser.parse_args(argv)
    if args.seed is not None and args.sample is None:
        parser.error("--seed needs --sample")
    if args.sample is not None and (args.grade is not None or args.check):
        parser.error("--sample chooses a session's scenarios; not with --grade or --check")
    chart = open_chart(args.flowchart)
    if chart is None:
        return PROBLEMS
    loaded = _load(chart, args.files)
    if loaded is None:
        return PROBLEMS
    if args.check:
        files = len({item.file for item in loaded})
        print(f"{len(loaded)} scenario(s) in {files} file(s): sound")
        return OK
    from ..training.session import SelectionError, select

    try:
        chosen = select(loaded, args.tag, args.sample, args.seed)
    except SelectionError as error:
        return fail([str(error)])
    if args.grade is not None:
        return _grade(chart, chosen, args)
    scenarios = [item.scenario for item in chosen]
    open_training(chart, scenarios, args.lang, args.trainee, args.present)
    return OK


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(message("arg_not_count", text=text))
    return int(text)


def _load(chart: Chart, files: list[str]) -> list[Loaded] | None:
    """The checked scenarios, or None after printing every problem."""
    from ..flowchart.problems import FlowchartError
    from ..training.load import load

    try:
        return load(chart, files)
    except FlowchartError as error:
        print_problems(error.problems, "scenarios")
        return None


def _grade(chart: Chart, chosen: list[Loaded], args: argparse.Namespace) -> int:
    from ..training.grade import GradeError, grade_lines, report_data

    name = "<stdin>" if args.grade == "-" else args.grade
    try:
        stream = sys.stdin.buffer if args.grade == "-" else open(args.grade, "rb")  # noqa: SIM115
    except FileNotFoundError:
        return _grade_error([f"{name}: no such file"])
    except IsADirectoryError:
        return _grade_error([f"{name}: is a folder, not a file"])
    except OSError as error:
        return _grade_error([f"{name}: {error.strerror or error}"])
    with stream:
        try:
            report = grade_lines(chart, [item.scenario for item in chosen], stream, name)
        except GradeError as error:
            return _grade_error(error.problems)
    print_json(report_data(chart, report, args.lang, args.trainee))
    return OK


def _grade_error(problems: list[str]) -> int:
    """--grade could not grade: the problems as JSON on standard output and as lines on
    standard error."""
    print_json({"status": "error", "errors": problems})
    return fail(problems)
