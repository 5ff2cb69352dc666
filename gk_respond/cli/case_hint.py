"""What to tell a user who asked for a case the log does not hold: the form a number is
written in (only when what was typed is not in it) and a suggestion (only a near match: a
digit mistyped or two swapped, or the same number in the year before or after)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..messages import message


def no_case(store: Any, given: str) -> str:
    """There is no case ``given`` in ``store``: the message that says so, with what is true
    and useful about it."""
    from ..records.queries import newest_number, numbers_near

    newest = newest_number(store)
    year = int(newest[:4]) if newest else date.today().year
    wanted = _meant(given.strip(), year)  # (year, seq) the text stands for, if any
    close = None
    if wanted is not None:
        numbers = numbers_near(store, *wanted)
        exact = f"{wanted[0]}-{wanted[1]:04d}"
        if exact in numbers:  # `3` or `26-3` for 2026-0003, which is there
            return message("no_case_near", given=given, close=exact)
        close = _near(wanted, numbers)
    if re.fullmatch(r"\d{4}-\d+", given.strip()):  # already in the form: no lesson in it
        if close:
            return message("no_case_near", given=given, close=close)
        if newest:
            return message("no_case_newest", given=given, newest=newest)
        return message("no_case_none_yet", given=given)
    example = f"{wanted[0]}-{wanted[1]:04d}" if wanted else f"{year}-0001"
    if close:
        return message("no_case_close", given=given, close=close, example=example)
    return message("no_case", given=given, example=example)


def _meant(text: str, year: int) -> tuple[int, int] | None:
    """The year and number ``text`` stands for: ``2026-42``, ``26-42`` (this century) or
    ``42`` (``year``'s); None for anything else, and for a number 0 (none is)."""
    found = re.fullmatch(r"(?:(\d{4}|\d{2})-)?(\d{1,6})", text)
    if found is None or int(found[2]) == 0:
        return None
    typed_year = found[1]
    if typed_year is None:
        return year, int(found[2])
    return (2000 + int(typed_year) if len(typed_year) == 2 else int(typed_year)), int(found[2])


def _near(wanted: tuple[int, int], numbers: list[str]) -> str | None:
    """The stored number among ``numbers`` that ``wanted`` is plausibly a slip for: in its
    year, its digits with one mistyped or two neighbours swapped (at least two digits, so a
    single digit is not "near" every other); else the same number a year before or after."""
    year, seq = wanted
    typed = str(seq)
    same_year, other_year = [], []
    for number in numbers:
        found = re.fullmatch(r"(\d{4})-(\d+)", number)
        if found is None:
            continue
        their_year, their_seq = int(found[1]), int(found[2])
        if their_year == year and _one_slip(typed, str(their_seq)):
            same_year.append((abs(their_seq - seq), number))
        elif their_seq == seq and abs(their_year - year) == 1:
            other_year.append((abs(their_year - year), number))
    for found_near in (same_year, other_year):
        if found_near:
            return min(found_near)[1]
    return None


def _one_slip(typed: str, stored: str) -> bool:
    """Whether ``typed`` is ``stored`` with one digit wrong or two neighbours swapped."""
    if len(typed) != len(stored) or len(typed) < 2 or typed == stored:
        return False
    differ = [i for i, (a, b) in enumerate(zip(typed, stored, strict=True)) if a != b]
    if len(differ) == 1:
        return True
    first, *rest = differ
    return (
        rest == [first + 1]
        and typed[first] == stored[first + 1]
        and typed[first + 1] == stored[first]
    )
