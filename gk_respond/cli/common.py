"""What every command family of the command line shares: exit codes, the parser builder,
reading input, delivering output, opening the flowchart, printing JSON and problems, and
failing with a message. Never imports Textual."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Iterable
from typing import IO, TYPE_CHECKING, Any, BinaryIO, TypeVar

from ..messages import language, message, shown
from .help_language import formatter_class, swedish_metavars

if TYPE_CHECKING:
    from ..flowchart.engine import Chart

OK, PROBLEMS, BAD_INPUT, INCOMPLETE, STORE = 0, 1, 2, 3, 4
T = TypeVar("T")

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


class Parser(argparse.ArgumentParser):
    """argparse's parser, its errors with this run's ``gk-respond: error:`` prefix, its help
    and usage in this run's language (`help_language`)."""

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        """As argparse's, with ``--lang`` not given decided here: JSON output (``--format
        json`` and ``--batch``'s JSON Lines) keeps sv whatever the locale (scripts get the
        same bytes everywhere), other output follows this run's language."""
        swedish_metavars(self)
        parsed, extra = super().parse_known_args(args, namespace)
        if hasattr(parsed, "lang") and parsed.lang is None:
            json_out = getattr(parsed, "format", None) == "json" or getattr(parsed, "batch", None)
            parsed.lang = "sv" if json_out else language()
        return parsed, extra

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        """As argparse's, but a value of exactly ``--`` given with ``=`` (``--answers=--``,
        ``--search=--``) is that text: Python 3.11 and 3.12's argparse drop it and hand the
        command an empty list, which it could not use."""
        if action.nargs is None and arg_strings == ["--"]:
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)

    def _get_formatter(self) -> argparse.HelpFormatter:
        return formatter_class(self.formatter_class)(prog=self.prog)

    def error(self, message_text: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(BAD_INPUT, f"{self.prog}: {message('error_word')}: {message_text}\n")


def lang_option(parser: argparse.ArgumentParser, help: str | None = None) -> None:
    """``--lang``: when not given, this run's language (the locale's, else sv); for JSON
    output always sv (`Parser.parse_known_args`)."""
    parser.add_argument(
        "--lang",
        choices=["sv", "en"],
        help=help or "language of the output (default: the locale's, else sv; JSON: sv)",
    )


def format_option(parser: argparse.ArgumentParser, formats: list[str]) -> None:
    """``--format``, one of ``formats``; the first is the default."""
    parser.add_argument(
        "--format",
        choices=formats,
        default=formats[0],
        help=f"output format (default: {formats[0]})",
    )


def db_option(parser: argparse.ArgumentParser) -> None:
    """``--db``: the case log, a file or a PostgreSQL URL."""
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="the case log: a file, or postgresql://USER@HOST[:PORT]/DB (default: $GK_RESPOND_DB)",
    )


def command_parser(
    prog: str, description: str, epilog: str = EXIT_CODES
) -> argparse.ArgumentParser:
    return Parser(
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
        print_problems(error.problems, "flowchart")
        return None


def print_problems(problems: list[Any], what: str) -> None:  # what: flowchart, scenarios
    """Every problem of a file on standard error, one a line (at most MAX_PROBLEMS, then a
    line counting the rest), then how many there are."""
    from ..flowchart.problems import capped

    for problem in capped(problems):
        print(problem, file=sys.stderr)
    say(message(f"problems_{what}", count=len(problems)))


def fail(messages: Iterable[str]) -> int:
    """Each message as a ``gk-respond: error:`` (Swedish: ``gk-respond: fel:``) line on
    standard error; the bad-input code."""
    for text in messages:
        report_error(text)
    return BAD_INPUT


def report_error(text: str, code: int = BAD_INPUT) -> int:
    """``text`` as a ``gk-respond: error:`` (``fel:``) line on standard error; ``code``."""
    from ..untrusted import visible

    print(message("error") + visible(shown(text)), file=sys.stderr)
    return code


def say(text: str) -> None:
    """A confirmation, ``gk-respond: text``, on standard error."""
    print(message("prefix") + text, file=sys.stderr)


def warn(text: str) -> None:
    """``gk-respond: warning:`` (``varning:``) ``text`` on standard error."""
    print(message("warning") + text, file=sys.stderr)


# -- the one input-decoding rule -----------------------------------------------------------
# Options, environment variables, standard input and files are UTF-8 text. Python hands a
# command line or variable holding other bytes over with each such byte as a lone surrogate
# (surrogateescape); those are found here, before any command sees them, and refused with one
# message that names the option or variable. Standard input and files are decoded strictly.


class NotText(ValueError):
    """Input that is not UTF-8 text; the message names where it came from."""


def not_utf8(text: str) -> int | None:
    """The first byte of ``text`` that was not UTF-8 (a surrogateescape'd byte), or None."""
    for char in text:
        if "\udc80" <= char <= "\udcff":
            return ord(char) - 0xDC00
        if "\ud800" <= char <= "\udfff":  # a lone surrogate of another origin
            return ord(char)
    return None


def check_arguments(args: list[str]) -> None:
    """NotText for the first argument that is not UTF-8 text, naming its option."""
    for index, arg in enumerate(args):
        byte = not_utf8(arg)
        if byte is None:
            continue
        if arg.startswith("--") and "=" in arg:
            where = arg.split("=", 1)[0]
        elif index and args[index - 1].startswith("-") and not arg.startswith("-"):
            where = args[index - 1]
        else:
            where = f"argument {index + 1}"
        raise NotText(message("not_utf8", where=where, byte=f"0x{byte:02x}"))


def check_environment(environ: dict[str, str]) -> None:
    """NotText for the first GK_RESPOND_* variable that is not UTF-8 text."""
    for name, value in sorted(environ.items()):
        byte = not_utf8(value) if name.startswith("GK_RESPOND_") else None
        if byte is not None:
            raise NotText(message("not_utf8", where=f"${name}", byte=f"0x{byte:02x}"))


def decode(data: bytes, where: str) -> str:
    """``data`` as UTF-8 text (a leading BOM dropped), or NotText naming ``where``."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotText(message("not_utf8", where=where, byte=f"0x{data[error.start]:02x}")) from None


def read_stdin(chars: int | None = None) -> str:
    """Standard input's text (no more than is needed for ``chars`` characters), or NotText."""
    if chars is None:
        return decode(sys.stdin.buffer.read(), message("stdin"))
    import codecs

    limit = chars * 4 + 1  # a UTF-8 character has at most four bytes
    data = sys.stdin.buffer.read(limit)
    try:  # a character cut at the limit is not an error: the text is too long anyway
        return codecs.getincrementaldecoder("utf-8-sig")().decode(data, len(data) < limit)
    except UnicodeDecodeError as error:
        raise NotText(
            message("not_utf8", where=message("stdin"), byte=f"0x{data[error.start]:02x}")
        ) from None


def read(source: str) -> str:
    """A file's text, or standard input's for ``-``; OSError for a missing file, NotText
    for one that is not UTF-8."""
    if source == "-":
        return read_stdin()
    with open(source, "rb") as handle:
        return decode(handle.read(), source)


def deliver(text: str, output: str | None, what: str, private: bool = True) -> str | None:
    """Write ``text`` to standard output, or to a new file ``output`` (never over an existing
    one; readable by its owner only if ``private``) saying so on standard error; what went
    wrong, or None."""
    from ..records.private_files import write_new
    from ..untrusted import visible

    if not output:
        sys.stdout.write(visible(text) if sys.stdout.isatty() else text)
        return None

    def make() -> str:
        write_new(output, text, private)
        return what

    return _published(make, output)


def deliver_written(
    write: Callable[[IO[str]], T],
    output: str | None,
    what: Callable[[T], str],
    private: bool = True,
) -> str | None:
    """As ``deliver``, for text ``write`` writes to the stream it is given, a piece at a
    time (an export of any size in little memory). A file ``output`` is still whole or not
    at all; ``what`` names what was written, from what ``write`` returns."""
    from ..records.private_files import write_new_with

    if not output:
        write(_Visible(sys.stdout) if sys.stdout.isatty() else sys.stdout)
        return None

    def fill(handle: BinaryIO) -> T:
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="", write_through=False)
        try:
            done = write(text)
            text.flush()
        finally:
            text.detach()  # the handle stays open for write_new_with to sync and close
        return done

    target = output
    return _published(lambda: what(write_new_with(target, fill, private)), output)


def _published(make: Callable[[], str], output: str) -> str | None:
    """Make the new file ``output`` (``make`` says what it holds) and say so; what went
    wrong, or None."""
    from ..records.private_files import RefusedPath

    try:  # whole or not at all, never through a link
        what = make()
    except FileExistsError:
        return message("exists", output=output)
    except RefusedPath as refused:
        return shown(refused.text)
    except OSError as error:
        return f"{output}: {error.strerror}"
    say(message("written", what=what, output=output))
    return None


class _Visible:
    """A terminal as a stream: every piece written to it made visible (``visible``)."""

    def __init__(self, out: IO[str]) -> None:
        self._out = out

    def write(self, text: str) -> int:
        from ..untrusted import visible

        return self._out.write(visible(text))


def print_json(data: Any) -> None:
    """``data`` as JSON, escaping what a terminal could act on (see ``untrusted.json_text``)."""
    from ..untrusted import json_text

    print(json_text(data))
