"""How a typed answer is matched to an option: one rule for the file's aliases and for what
users type.

The rule: Unicode NFC, then lower case (``str.lower``), never case-folding. Case-folding
(``casefold``) and compatibility forms (NFKC) go further than case: they take ``yeſ`` (long s)
or ``ｙｅｓ`` (full-width) as ``yes``, and "ß" as "ss"; here a word matches an alias only when it
is the same letters, composed the same way, in any case. NFC makes ``oké`` typed with a
combining accent the same as ``oké`` typed with one key.
"""

from __future__ import annotations

import unicodedata

# What separates answers in ``--answers`` (``q=a,q=a``): an alias holding one cannot be typed.
SEPARATORS = ",;="


def answer_key(word: str) -> str:
    """The form in which a typed word and an alias are compared."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", word.strip()).lower())


def alias_problem(alias: str) -> str | None:
    """Why ``alias`` cannot be an answer's alias, or None."""
    if alias != alias.strip():
        return "starts or ends with a space"
    if found := [c for c in SEPARATORS if c in alias] or [c for c in alias if c in "\n\r"]:
        return f"holds {found[0]!r}, which separates answers in --answers"
    scripts = sorted({_script(c) for c in alias if c.isalpha()})
    if len(scripts) > 1:
        return (
            f"mixes scripts ({', '.join(s.title() for s in scripts)}): a look-alike letter from "
            "another alphabet makes a word that reads the same but does not match"
        )
    return None


def _script(letter: str) -> str:
    """The script of a letter, by its Unicode name (LATIN SMALL LETTER A: Latin)."""
    return unicodedata.name(letter, "UNKNOWN").split(" ")[0]
