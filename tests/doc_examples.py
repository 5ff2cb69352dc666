"""Runnable shell examples in Markdown: find them, run them, compare what they show.

A fenced block is runnable when the line before its opening fence is a marker comment,
which GitHub does not render:

    <!-- run -->
    <!-- run: exit 2 -->
    <!-- run: setup comment-file, setup flowchart-copy -->
    <!-- run: ignore-output -->

Options, separated by commas: ``exit N`` (the block ends with exit status N, not 0),
``setup NAME`` (run ``tests/data/doc_setup/NAME.sh`` in the folder first; repeatable),
``ignore-output`` (a transcript's output is not compared; the exit status still is).

A block with lines starting ``$ `` is a transcript: each ``$ `` line (with the lines that
continue it after a trailing backslash) is a command, and the lines after it, up to the
next command, are what it prints on standard output and standard error together. The
shown output is compared line by line, exactly, except that ``…`` on a line matches any
text on that line, and a line that is only ``…`` matches any number of lines. Any other
block is a script, run with ``set -e -o pipefail``: every command must succeed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt

MARKER = re.compile(r"<!--\s*run(?::(?P<options>.*?))?\s*-->")
SETUPS = Path(__file__).resolve().parent / "data" / "doc_setup"
STEP = "@@gk-doc-example-step@@"
ELLIPSIS = "…"
PROMPT = "$ "
TIMEOUT = 120  # a safety net only: no example comes near it


class DocExampleError(ValueError):
    """A marker that cannot be read: the message names the file and line."""


@dataclass(frozen=True)
class Example:
    file: Path
    line: int  # the opening fence's line, counted from 1
    code: str
    exit: int = 0
    setups: tuple[str, ...] = ()
    ignore_output: bool = False
    label: str = field(default="", compare=False)


def _options(text: str, where: str) -> dict[str, object]:
    found: dict[str, object] = {"exit": 0, "setups": (), "ignore_output": False}
    for option in filter(None, (part.strip() for part in (text or "").split(","))):
        words = option.split()
        if words[0] == "exit" and len(words) == 2 and words[1].isdigit():
            found["exit"] = int(words[1])
        elif words[0] == "setup" and len(words) == 2:
            if not (SETUPS / f"{words[1]}.sh").is_file():
                raise DocExampleError(f"{where}: no setup {words[1]!r} in {SETUPS}")
            found["setups"] = (*found["setups"], words[1])  # type: ignore[misc]
        elif words == ["ignore-output"]:
            found["ignore_output"] = True
        else:
            raise DocExampleError(
                f"{where}: unknown run option {option!r} (exit N, setup NAME, ignore-output)"
            )
    return found


def collect(file: Path, root: Path) -> list[Example]:
    """Every marked block in ``file``; a marker not right before a fenced block is an error."""
    tokens = MarkdownIt("commonmark").parse(file.read_text(encoding="utf-8"))
    examples = []
    for index, token in enumerate(tokens):
        if token.type != "html_block" or not token.map:
            continue
        for offset, text in enumerate(token.content.splitlines()):
            marker = MARKER.fullmatch(text.strip())
            if not marker:
                continue
            line = token.map[0] + offset + 1
            where = f"{file.relative_to(root)}:{line}"
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            last_line = offset == len(token.content.splitlines()) - 1
            if not (
                last_line and after and after.type == "fence" and after.map == [line, after.map[1]]
            ):
                raise DocExampleError(
                    f"{where}: a run marker must be the line right before a ``` block"
                )
            options = _options(marker["options"], where)
            try:
                transcript(after.content)
            except DocExampleError as error:
                raise DocExampleError(f"{file.relative_to(root)}:{line + 1}: {error}") from None
            examples.append(
                Example(
                    file=file,
                    line=line + 1,
                    code=after.content,
                    exit=options["exit"],  # type: ignore[arg-type]
                    setups=options["setups"],  # type: ignore[arg-type]
                    ignore_output=options["ignore_output"],  # type: ignore[arg-type]
                    label=f"{file.relative_to(root)}:{line + 1}",
                )
            )
    return examples


def transcript(code: str) -> list[tuple[str, list[str]]] | None:
    """The (command, shown output) pairs of a transcript, or None for a script."""
    lines = code.splitlines()
    if not any(line.startswith(PROMPT) for line in lines):
        return None
    steps: list[tuple[str, list[str]]] = []
    continued = False
    for line in lines:
        if continued:
            steps[-1] = (steps[-1][0] + "\n" + line, [])
        elif line.startswith(PROMPT):
            steps.append((line[len(PROMPT) :], []))
        elif steps:
            steps[-1][1].append(line)
        else:
            raise DocExampleError(f"output before the first command: {line!r}")
        continued = line.endswith("\\") and not steps[-1][1]
    return steps


def _line_matches(shown: str, actual: str) -> bool:
    if ELLIPSIS not in shown:
        return shown == actual
    pattern = ".*".join(re.escape(part) for part in shown.split(ELLIPSIS))
    return re.fullmatch(pattern, actual, re.DOTALL) is not None


def output_matches(shown: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` lines are what ``shown`` shows, with the ``…`` convention."""
    if not shown:
        return not actual
    head, rest = shown[0], shown[1:]
    if head.strip() == ELLIPSIS:
        return any(output_matches(rest, actual[skip:]) for skip in range(len(actual) + 1))
    return bool(actual) and _line_matches(head, actual[0]) and output_matches(rest, actual[1:])


def environment(folder: Path, cache: Path | None = None) -> dict[str, str]:
    """A fresh case log in ``folder``, a private flowchart cache (``cache``, else one in
    ``folder``), fixed language (English), time zone, width and handler, and ``gk-respond`` from the
    virtual environment running the tests."""
    bin_dir = str(Path(sys.executable).parent)
    (folder / "home").mkdir()
    return {
        "PATH": os.pathsep.join([bin_dir, os.environ.get("PATH", os.defpath)]),
        "HOME": str(folder / "home"),
        # English, as the docs are written (the locale picks the language; C.UTF-8 would be
        # Swedish), with UTF-8 text: LC_CTYPE, since en_US.UTF-8 need not be installed
        "LANG": "en_US.UTF-8",
        "LC_CTYPE": "C.UTF-8",
        "TZ": "UTC",
        "COLUMNS": "100",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONUNBUFFERED": "1",  # standard output and error in the order they were written
        "GK_RESPOND_DB": str(folder / "data" / "cases.db"),
        "GK_RESPOND_CACHE_DIR": str(cache or folder / "cache"),
        "GK_RESPOND_HANDLER": "Anna Andersson",
    }


def run(example: Example, folder: Path, root: Path, cache: Path | None = None) -> list[str]:
    """Run ``example`` in a new folder under ``folder``; return what is wrong (nothing when
    it does what the doc says). ``cache`` is a flowchart cache to share between runs."""
    work = folder / "work"
    work.mkdir(parents=True)
    (folder / "data").mkdir()
    env = environment(folder, cache) | {"DOC_ROOT": str(root)}
    for name in example.setups:
        setup = _bash(["bash", "-e", str(SETUPS / f"{name}.sh")], work, env)
        if setup.returncode:
            return [f"setup {name} failed ({setup.returncode}):\n{setup.stdout}"]
    steps = transcript(example.code)
    if steps is None:
        result = _bash(["bash", "-e", "-o", "pipefail", _script(folder, example.code)], work, env)
        if result.returncode != example.exit:
            return [f"exit status {result.returncode}, expected {example.exit}:\n{result.stdout}"]
        return []
    script = "".join(
        f"{command}\n__s=$?; printf '\\n{STEP}\\n'; (exit $__s)\n" for command, _ in steps
    )
    result = _bash(["bash", _script(folder, script)], work, env)
    problems = []
    if result.returncode != example.exit:
        problems.append(f"exit status {result.returncode}, expected {example.exit}")
    printed = result.stdout.split(f"\n{STEP}\n")
    for (command, shown), actual in zip(steps, printed, strict=False):
        lines = actual.splitlines()
        if not example.ignore_output and not output_matches(shown, lines):
            problems.append(
                f"$ {command}\n--- shown\n"
                + "\n".join(shown)
                + "\n--- printed\n"
                + "\n".join(lines)
            )
    return problems


def _script(folder: Path, text: str) -> str:
    path = folder / "example.sh"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _bash(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run bash with no standard input (a command that reads it gets end of file at once)."""
    return subprocess.run(
        args,
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )
