"""What every command family of the command line shares: exit codes, the parser builder,
reading input, delivering output, opening the flowchart, printing JSON and problems, and
failing with a message. Never imports Textual."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..flowchart.engine import Chart

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


def command_parser(
    prog: str, description: str, epilog: str = EXIT_CODES
) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(
        prog=prog,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def case_number(given: str) -> str:
    """``2026-42`` as the stored ``2026-0042``; anything else as given."""
    import re

    found = re.fullmatch(r"\s*(\d{4})-(\d+)\s*", given)
    return f"{found[1]}-{int(found[2]):04d}" if found else given.strip()


def open_chart(file: str | None) -> Chart | None:
    """The compiled chart, or None after printing every problem of a broken file."""
    from .. import default_flowchart
    from ..flowchart.engine import Chart
    from ..flowchart.load import load
    from ..flowchart.problems import FlowchartError

    try:
        return Chart(load(file or default_flowchart()))
    except FlowchartError as error:
        print_problems(error.problems, "the flowchart has")
        return None


def print_problems(problems: list[Any], what: str) -> None:
    """Every problem of a file on standard error, one a line (at most MAX_PROBLEMS, then a
    line counting the rest), then how many there are."""
    from ..flowchart.problems import capped

    for problem in capped(problems):
        print(problem, file=sys.stderr)
    print(f"gk-respond: {what} {len(problems)} problem(s)", file=sys.stderr)


def fail(messages: Iterable[str]) -> int:
    """Each message as a ``gk-respond: error:`` line on standard error; the bad-input code."""
    for message in messages:
        report_error(message)
    return BAD_INPUT


def report_error(message: str, code: int = BAD_INPUT) -> int:
    """``message`` as a ``gk-respond: error:`` line on standard error (made visible:
    it may hold what a user typed); ``code``."""
    from ..untrusted import visible

    print(f"gk-respond: error: {visible(message)}", file=sys.stderr)
    return code


def read(source: str) -> str:
    """A file's text, or standard input's for ``-``; OSError for a missing file."""
    if source == "-":
        return sys.stdin.read()
    with open(source, encoding="utf-8") as handle:
        return handle.read()


def deliver(text: str, output: str | None, what: str, private: bool = True) -> str | None:
    """Write ``text`` to standard output, or to a new file ``output`` (never over an existing
    one; readable by its owner only if ``private``) saying so on standard error; what went
    wrong, or None."""
    from ..records.private_files import RefusedPath, write_new
    from ..untrusted import visible

    if not output:
        sys.stdout.write(visible(text) if sys.stdout.isatty() else text)
        return None
    try:
        write_new(output, text, private)  # whole or not at all, never through a link
    except FileExistsError:
        return f"{output} already exists; it is left as it is (choose another name)"
    except RefusedPath as refused:
        return str(refused)
    except OSError as error:
        return f"{output}: {error.strerror}"
    print(f"gk-respond: {what} written to {output}", file=sys.stderr)
    return None


def print_json(data: Any) -> None:
    """``data`` as JSON, escaping what a terminal could act on (see ``untrusted.json_text``)."""
    from ..untrusted import json_text

    print(json_text(data))
