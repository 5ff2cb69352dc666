"""Whole words and phrases, found in one pass over the text's words (no regular expression
built from the word lists, so the time grows with the text and not with the lists).

A term is matched in any case. With inflections on, a word also matches its common Swedish
forms: ``-en``, ``-et``, ``-na``, ``-er``, ``-ar``, ``-or`` and their definite plurals, the
genitive ``-s``, and verb forms (``lova`` → ``lovar``, ``lovade``, ``lovat``, but not the
participle ``lovande``); a word ending in a vowel drops it first (``kollega`` → ``kollegor``).
``skit*`` matches every word that starts with ``skit`` (Swedish compounds), ``=fan`` only
that form (not ``fanns``), and ``förv.`` only with its dot. In a phrase only the last word
is inflected, and the words must follow each other with only spaces between.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .text import Scan

WORD = re.compile(r"\w+")
SUFFIXES = (
    "n", "en", "et", "t", "na", "r", "er", "ar", "or", "erna", "arna", "orna", "s", "ns",
    "ens", "ets", "nas", "ernas", "arnas", "ornas", "de", "ade", "at", "d",
)  # fmt: skip
STEM_MIN = 3  # letters a stem (``word*``) has at least


def forms(word: str, inflect: bool) -> frozenset[str]:
    """The forms of one (case-folded) word that a term matches."""
    if not inflect:
        return frozenset({word})
    found = {word, *(word + s for s in SUFFIXES)}
    if len(word) > 2 and word[-1] in "ae":
        found |= {word[:-1] + s for s in SUFFIXES}
    return frozenset(found)


def words_of(term: str) -> list[str]:
    """A term's words, case-folded (``=``, ``*`` and a closing dot are markers, not words)."""
    return WORD.findall(term.lstrip("=").rstrip("*").casefold())


@dataclass(frozen=True)
class Entry:
    """One term of one rule: what must follow its first word, and its replacement."""

    rule: int
    term: str
    rest: tuple[frozenset[str], ...]
    dot: bool
    suggestion: str | None


class TermIndex:
    """Every term of every rule, by its first word (or by its stem, for ``word*``)."""

    def __init__(self) -> None:
        self.first: dict[str, list[Entry]] = {}
        self.stems: dict[str, list[Entry]] = {}
        self.stem_lengths: list[int] = []

    def add(self, rule: int, term: str, inflect: bool, suggestion: str | None = None) -> None:
        words = words_of(term)
        if term.startswith("="):  # this form only
            inflect = False
        stem = term.endswith("*")
        dot = term.endswith(".")
        last = len(words) - 1
        rest = tuple(
            forms(w, inflect and not dot and n == last) for n, w in enumerate(words) if n > 0
        )
        entry = Entry(rule, term, rest, dot, suggestion)
        if stem:
            self.stems.setdefault(words[0], []).append(entry)
            self.stem_lengths = sorted({*self.stem_lengths, len(words[0])})
            return
        for form in forms(words[0], inflect and not dot and last == 0):
            self.first.setdefault(form, []).append(entry)

    def find(self, scan: Scan) -> Iterator[tuple[Entry, int, int]]:
        """Each match as (entry, start, end); words in links and e-mail addresses are not
        looked at."""
        first, stems = self.first, self.stems
        prefixes = {stem[:STEM_MIN] for stem in stems}
        words = scan.words
        candidates = [
            n
            for n, word in enumerate(words)
            if word in first or (prefixes and word[:STEM_MIN] in prefixes)
        ]
        for n in candidates:
            word = words[n]
            if scan.skip and scan.skipped_words[n]:
                continue
            entries = list(first.get(word, ()))
            for length in self.stem_lengths:
                if length > len(word):
                    break
                entries += stems.get(word[:length], ())
            for entry in entries:
                stop = _follows(scan, n, entry)
                if stop is not None:
                    yield entry, scan.starts[n], stop


def _follows(scan: Scan, n: int, entry: Entry) -> int | None:
    """Where the match of ``entry`` starting at word ``n`` ends, or None."""
    text, words, starts, ends = scan.text, scan.words, scan.starts, scan.ends
    end = ends[n]
    for offset, accepted in enumerate(entry.rest, 1):
        j = n + offset
        if j >= len(words) or words[j] not in accepted:
            return None
        gap = text[ends[j - 1] : starts[j]]
        if not gap.isspace():
            return None
        end = ends[j]
    if entry.dot:
        if text[end : end + 1] != ".":
            return None
        end += 1
    return end
