"""The command line's help and argparse's own words in this run's language.

The language is chosen before any parser is built (`gk_respond.cli.main`: ``--lang``, else the
locale, else Swedish). In Swedish:
- argparse's own texts ("usage:", "options", "the following arguments are required: %s", …)
  come through argparse's gettext hook: `install` sets ``argparse._`` and ``argparse.ngettext``
  (argparse looks both up in its module's namespace each time) to functions that read the table
  in `argparse_sv`, and leave the text as it is in English;
- the metavars that are words (``FILE``, ``PATH|URL``) are set in Swedish on a parser's
  arguments before it parses (`swedish_metavars`), so usage lines and errors name them alike;
- descriptions, epilogs and each option's help are looked up, paragraph by paragraph, in
  `help_sv` by a formatter (`formatter_class`) when a help is printed: that table is loaded
  only then.
An English run builds and prints every parser exactly as before."""

from __future__ import annotations

import argparse
import re
from functools import cache
from typing import Any

from ..messages import language


def gettext(text: str) -> str:
    """argparse's text in this run's language."""
    if language() != "sv":
        return text
    from .argparse_sv import ARGPARSE

    return ARGPARSE.get(text, text)


def ngettext(singular: str, plural: str, count: int) -> str:
    """argparse's singular or plural text, for ``count``, in this run's language."""
    if language() == "sv":
        from .argparse_sv import PLURALS

        if (singular, plural) in PLURALS:
            singular, plural = PLURALS[singular, plural]
    return singular if count == 1 else plural


def install() -> None:
    """Let argparse speak this run's language (see the module's docstring)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def swedish_metavars(parser: argparse.ArgumentParser) -> None:
    """In a Swedish run, the parser's metavars that are words, in Swedish (in place: the parser
    serves one run); a positional argument without a metavar gets its name's."""
    if language() != "sv":
        return
    from .argparse_sv import METAVARS

    for action in parser._actions:
        if isinstance(action.metavar, str):
            action.metavar = METAVARS.get(action.metavar, action.metavar)
        elif action.metavar is None and not action.option_strings and action.choices is None:
            action.metavar = METAVARS.get(action.dest, None)


_PARAGRAPHS = re.compile(r"(\n{2,})")


def help_text(text: str) -> str:
    """``text`` in Swedish, paragraph by paragraph: a paragraph from the table, else with its
    heading from the table's headings (examples: their command lines are the same), else as
    it is."""
    from .help_sv import HEADINGS, HELP

    parts = _PARAGRAPHS.split(text)
    for index, part in enumerate(parts):
        core = part.strip("\n")
        heading = core.split("\n", 1)[0]
        if index % 2 == 0 and core in HELP:
            parts[index] = part.replace(core, HELP[core], 1)
        elif index % 2 == 0 and "\n" in core and heading in HEADINGS:
            parts[index] = part.replace(heading, HEADINGS[heading], 1)
    return "".join(parts)


class _Swedish(argparse.HelpFormatter):
    """Descriptions, epilogs and helps through `help_text`."""

    def _format_text(self, text: str) -> str:
        return super()._format_text(help_text(text))

    def _get_help_string(self, action: argparse.Action) -> str | None:
        help = super()._get_help_string(action)
        return help_text(help) if help else help


@cache
def swedish(formatter_class: type[Any]) -> type[Any]:
    """``formatter_class`` that writes the help in Swedish."""
    return type(f"Swedish{formatter_class.__name__}", (_Swedish, formatter_class), {})


def formatter_class(formatter_class: type[Any]) -> type[Any]:
    """The formatter for this run's language: ``formatter_class`` itself in English."""
    return swedish(formatter_class) if language() == "sv" else formatter_class
