"""Every relative link in README.md and docs/*.md leads somewhere: the file exists, and its
`#anchor` is a heading there, slugged as GitHub slugs it. Links to the web are not followed."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT
from markdown_it import MarkdownIt
from markdown_it.token import Token

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
PARSER = MarkdownIt("commonmark").enable("table")


def tokens(file: Path) -> list[Token]:
    """Every token, inline ones included (links, images, code spans), in document order."""
    flat: list[Token] = []
    for token in PARSER.parse(file.read_text(encoding="utf-8")):
        flat.append(token)
        flat.extend(token.children or [])
    return flat


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped (letters, digits,
    spaces, hyphens and underscores kept), each space a hyphen."""
    kept = re.sub(r"[^\w\- ]", "", heading.lower())
    return kept.replace(" ", "-")


def anchors(file: Path) -> set[str]:
    """The anchors of the headings in ``file``; a repeated one gets -1, -2, ... as on GitHub."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    flat = PARSER.parse(file.read_text(encoding="utf-8"))
    for before, token in itertools.pairwise(flat):
        if before.type != "heading_open":
            continue
        text = "".join(
            child.content for child in token.children or [] if child.type in ("text", "code_inline")
        )
        base = slug(text)
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(file: Path) -> list[str]:
    found = []
    for token in tokens(file):
        if token.type == "link_open":
            found.append(str(token.attrs["href"]))
        elif token.type == "image":
            found.append(str(token.attrs["src"]))
    return found


def broken(file: Path) -> list[str]:
    problems = []
    for link in links(file):
        parts = urlsplit(link)
        if parts.scheme or parts.netloc:
            continue  # the web, mail: not checked here
        target = (file.parent / unquote(parts.path)).resolve() if parts.path else file
        if not target.exists():
            problems.append(f"{file.name}: {link}: no such file")
        elif (
            parts.fragment
            and target.suffix == ".md"
            and unquote(parts.fragment) not in anchors(target)
        ):
            problems.append(f"{file.name}: {link}: no such heading in {target.name}")
    return problems


def test_slugs_as_github_makes_them():
    assert slug("One comment: --answers") == "one-comment---answers"
    assert slug("Training (for trainers)") == "training-for-trainers"
    assert slug("Vad gör man åt en kommentar?") == "vad-gör-man-åt-en-kommentar"


def test_a_missing_file_and_a_missing_heading_are_found(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "# Title\n\n## Part two\n\n[ok](#part-two) [gone](#part-three) [also](other.md)\n"
        "```\n# not a heading\n[not a link](nowhere.md)\n```\n",
        encoding="utf-8",
    )
    assert broken(page) == [
        "page.md: #part-three: no such heading in page.md",
        "page.md: other.md: no such file",
    ]


@pytest.mark.parametrize("file", DOCS, ids=lambda f: str(f.relative_to(ROOT)))
def test_every_relative_link_resolves(file):
    assert broken(file) == []


def test_the_readme_stays_a_front_page():
    """README.md holds what it is, the two commands, a tour and the guides' list: under 10 KB.
    Anything longer goes into a guide under docs/, with a line in the README's list."""
    size = len((ROOT / "README.md").read_bytes())
    assert size < 10 * 1024, f"README.md is {size:,} bytes; move a part to docs/"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guides = readme.split("\n## Guides\n", 1)[1]
    listed = {Path(link).name for link in links(ROOT / "README.md") if link.startswith("docs/")}
    missing = [doc.name for doc in (ROOT / "docs").glob("*.md") if doc.name not in listed]
    assert missing == [], f"guides not in the README's list: {missing}"
    assert all(f"](docs/{name})" in guides for name in listed if name.endswith(".md"))
