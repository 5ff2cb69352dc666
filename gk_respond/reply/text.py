"""The text a reply is: its words, sentences, links and e-mail addresses, read once.

``scan(text)`` splits the text into words (runs of letters and digits) with their offsets,
finds the links and e-mail addresses (not read as words), and the sentences. A sentence ends
at ``.``, ``!``, ``?`` or ``…`` followed by a space or the end, or at a line break (a greeting
or a signature on its own line is a sentence). LIX (Björnsson's läsbarhetsindex) is words
per sentence plus the percentage of words longer than six letters; words are runs of
letters only.

Every search here starts from a literal character (``@``, ``.se``, ``http``), so the time
grows with the text, never with the square of a run of characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, compress

LONG_WORD = 6  # letters; longer is a long word
_SPLIT = re.compile(r"(\W+)")
_END = re.compile(r"[.!?…]++(?=\s|$)|\n")
_START = re.compile(r"(?i)https?://|www\.")
_TLD = re.compile(r"(?i)\.(?:se|nu|com|org|net|eu|info)(?![\w-])")
_REST = re.compile(r"""[^\s<>"]*[^\s<>".,;:!?)'\]]""")  # a link's path, without a closing dot
_DOMAIN = re.compile(r"[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789-.")
_LOCAL_CHARS = _NAME_CHARS | frozenset("+_")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: int


class Scan:
    """One text, read once: ``words`` (case-folded) with their ``starts`` and ``ends``,
    ``links`` and ``emails`` as sorted spans, and (when asked) its sentences and LIX."""

    def __init__(self, text: str) -> None:
        self.text = text
        pieces = _SPLIT.split(text)
        offsets = list(accumulate(map(len, pieces), initial=0))
        words = pieces[0::2]
        starts = offsets[0::2]
        if words and not words[-1]:  # the text ends with a separator
            words.pop(), starts.pop()
        if words and not words[0]:  # or starts with one
            del words[0], starts[0]
        self.starts = starts
        self.ends = list(map(int.__add__, starts, map(len, words)))
        self.words = [word.casefold() for word in words]
        self.emails = emails(text)
        self.links = links(text, self.emails)
        self.skip = _merged(self.emails + self.links)

    def skipped(self, position: int) -> bool:
        """Whether ``position`` is inside a link or an e-mail address."""
        return inside(position, self.skip)

    @cached_property
    def skipped_words(self) -> bytearray:
        """For each word, 1 if it is inside a link or an e-mail address (else 0)."""
        flags = bytearray(len(self.words))
        for start, end in self.skip:
            first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
            flags[first:last] = b"\x01" * (last - first)
        return flags

    @cached_property
    def _letters(self) -> tuple[list[int], int]:
        """Where each word of letters starts (not in links), and how many are long."""
        alpha = list(map(str.isalpha, self.words))
        if self.skip:
            alpha = [a and not s for a, s in zip(alpha, self.skipped_words, strict=True)]
        starts = list(compress(self.starts, alpha))
        long_words = sum(map(LONG_WORD.__lt__, map(len, compress(self.words, alpha))))
        return starts, long_words

    @cached_property
    def sentences(self) -> list[Sentence]:
        letters = self._letters[0]
        found, start = [], 0
        text = self.text
        ends = [m.end() for m in _END.finditer(text)]
        if self.skip:
            ends = [end for end in ends if not self.skipped(end - 1)]
        for end in [*ends, len(text)]:
            if end <= start:
                continue
            segment = text[start:end]
            stripped = segment.strip()
            if stripped:
                first = start + (len(segment) - len(segment.lstrip()))
                count = bisect_left(letters, end) - bisect_left(letters, start)
                found.append(Sentence(first, first + len(stripped), count))
            start = end
        return found

    @property
    def letter_words(self) -> tuple[int, int]:
        """How many words of letters the text has, and how many of them are long."""
        starts, long_words = self._letters
        return len(starts), long_words

    @property
    def words_per_sentence(self) -> float:
        sentences = max(1, sum(1 for s in self.sentences if s.words))
        return self.letter_words[0] / sentences

    @property
    def long_share(self) -> float:
        words, long_words = self.letter_words
        return 100 * long_words / words if words else 0.0

    @property
    def lix(self) -> float:
        return self.words_per_sentence + self.long_share if self.letter_words[0] else 0.0


def emails(text: str) -> list[tuple[int, int]]:
    """The spans of e-mail addresses, found from each ``@``."""
    found: list[tuple[int, int]] = []
    at = text.find("@")
    while at != -1:
        start = at
        while start > 0 and at - start < 64 and text[start - 1] in _LOCAL_CHARS:
            start -= 1
        domain = _DOMAIN.match(text, at + 1)
        if start < at and domain and (not found or start >= found[-1][1]):
            end = domain.end()
            while text[end - 1] in ".-":
                end -= 1
            found.append((start, end))
        at = text.find("@", at + 1)
    return found


def links(text: str, addresses: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The spans of links: from ``http://``, ``https://`` or ``www.``, or a name ending in a
    common top-level domain (``gullspang.se/bygglov``); not inside an e-mail address."""
    starts = [m.start() for m in _START.finditer(text)]
    for tld in _TLD.finditer(text):
        start = tld.start()
        while start > 0 and tld.start() - start < 253 and text[start - 1] in _NAME_CHARS:
            start -= 1
        if start < tld.start() and text[start] not in ".-":
            starts.append(start)
    found: list[tuple[int, int]] = []
    for start in sorted(set(starts)):
        if (found and start < found[-1][1]) or inside(start, addresses or []):
            continue
        rest = _REST.match(text, start)
        if rest:
            found.append((start, rest.end()))
    return found


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``position`` is inside one of the sorted, non-overlapping ``spans``."""
    index = bisect_left(spans, (position + 1,)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans, those that overlap made one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
