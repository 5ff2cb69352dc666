"""The reply checker: a typical reply, and 1 MB of text, beside a bare pass over the text.

Run from a checkout with the package installed:  python benchmarks/reply_speed.py [--runs N]

It measures, interleaved (so all see the same machine load):
  typical   check() on a typical 600-character reply (target: under 5 ms, so that the editor
            can check on every pause)
  1 MB      check() on 1 MB of replies from the corpus (target: under 1 s)
  baseline  re.findall(r"\\w+") over the same 1 MB: one pass of the regular-expression
            engine, the floor any checker stands on; the ratio says how many such passes the
            checker costs, whatever the machine
and then linearity: 0.25, 0.5 and 1 MB, of prose and of texts made to trap a backtracking
regular expression (long runs of one character, of digits, of "a-", of "@"): the time per MB
must stay flat. Not a test: figures vary by machine.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

import yaml

from gk_respond.reply.check import check
from gk_respond.reply.load import load

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "replies"
MB = 1_000_000
TRAPS = {
    "prose": None,
    "one letter": "a",
    "digits": "1",
    "digits and spaces": "1 ",
    "a-": "a-",
    "a.": "a.",
    "@": "a@",
    "capitals": "A ",
    "braces": "{a",
    "line breaks": "\n",
}


def prose(size: int) -> str:
    texts = [
        c["text"] for f in sorted(CORPUS.glob("*.yaml")) for c in yaml.safe_load(f.read_text())
    ]
    whole = "\n".join(texts)
    return (whole * (size // len(whole) + 1))[:size]


def typical_reply() -> str:
    """A good reply of about 600 characters from the corpus's kind."""
    return (
        "Hej Lena!\nJag heter Maria och arbetar med kommunikation på Gullspångs kommun. Tack "
        "för att du skriver. Det stämmer inte att kommunen har slutat ploga i Hova. Vi plogar "
        "som vanligt när det har kommit mer än fem centimeter snö, och gång- och cykelvägarna "
        "plogas först. Har du frågor om din gata kan du skriva till info@gullspang.se. Vi "
        "följer vädret och skickar ut bilarna så fort det behövs. Här kan du läsa mer om hur "
        "snöröjningen går till: https://www.gullspang.se/snorojning\nTack igen för att du "
        "hörde av dig, och ha en fin vinter!\nHälsningar Maria, "
        "Gullspångs kommun\n"
    )


def timed(action, runs: int) -> float:
    best = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best.append(time.perf_counter() - start)
    return statistics.median(best)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    rules = load()
    reply = typical_reply()
    big = prose(MB)
    word = re.compile(r"\w+")
    typical, whole, floor = [], [], []
    for _ in range(runs):  # interleaved
        typical.append(timed(lambda: check(reply, rules, outcome="correct"), 50))
        whole.append(timed(lambda: check(big, rules, outcome="correct", platform="x"), 1))
        floor.append(timed(lambda: word.findall(big), 1))
    t, w, f = (statistics.median(x) for x in (typical, whole, floor))
    print(f"typical reply ({len(reply)} characters): {t * 1000:.2f} ms (target: under 5 ms)")
    print(
        f"1 MB of replies: {w:.3f} s (target: under 1 s); {w / f:.1f}× one regex pass ({f:.3f} s)"
    )
    print("\nlinearity (seconds per MB at 0.25, 0.5 and 1 MB):")
    for name, piece in TRAPS.items():
        per_mb = []
        for size in (MB // 4, MB // 2, MB):
            text = prose(size) if piece is None else (piece * (size // len(piece) + 1))[:size]
            seconds = timed(lambda text=text: check(text, rules, outcome="correct"), 1)
            per_mb.append(seconds / (size / MB))
        spread = max(per_mb) / min(per_mb)
        figures = "  ".join(f"{x:.3f}" for x in per_mb)
        print(f"  {name:<18} {figures}   (largest/smallest: {spread:.2f})")


if __name__ == "__main__":
    main()
