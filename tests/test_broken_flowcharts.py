"""Every broken flowchart is refused, each problem named at its line.

Each file in ``data/broken`` is a small variation of ``data/valid/minimal.yaml`` that breaks one
thing. Its first lines say what ``gk-respond check`` must report:

    # expect: LINE: SUBSTRING    stderr has a line "FILE:LINE[:COLUMN]: ...SUBSTRING..."
    # expect: -: SUBSTRING       the same for a problem with no line ("FILE: ...SUBSTRING...")
    # xfail: REASON              a known bug: the expectation is how it should behave

and the problem count ("the flowchart has N problem(s)") must equal the number of expect lines.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
BROKEN = DATA / "broken"
MINIMAL = DATA / "valid" / "minimal.yaml"
MAX_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Expect:
    line: int | None  # None: the problem has no line
    text: str


def header(path: Path) -> tuple[list[Expect], str | None]:
    """The ``# expect:`` lines of a broken file, and its ``# xfail:`` reason if any."""
    expects: list[Expect] = []
    xfail = None
    for raw in path.read_bytes().splitlines():
        if not raw.startswith(b"#"):
            break
        line = raw.decode("utf-8")  # the header is UTF-8 even where the rest is not
        if found := re.fullmatch(r"# expect: (-|\d+): (.+)", line):
            number = None if found[1] == "-" else int(found[1])
            expects.append(Expect(number, found[2]))
        elif line.startswith("# xfail: "):
            xfail = line.removeprefix("# xfail: ")
    return expects, xfail


def broken(*names: str) -> list:
    """pytest params for the broken files (all, or those named), known bugs marked xfail."""
    paths = [BROKEN / f"{name}.yaml" for name in names] or sorted(BROKEN.glob("*.yaml"))
    params = []
    for path in paths:
        reason = header(path)[1]
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(path, id=path.name, marks=marks))
    return params


def reported(stderr: str, file: Path | str, expect: Expect) -> bool:
    where = re.escape(str(file)) + (": " if expect.line is None else rf":{expect.line}(:\d+)?: ")
    return any(re.match(where, line) and expect.text in line for line in stderr.splitlines())


def assert_reports(result: subprocess.CompletedProcess[str], file: Path | str, expects) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    missing = [e for e in expects if not reported(result.stderr, file, e)]
    assert not missing, f"not reported: {missing}\nstderr:\n{result.stderr}"
    assert f"the flowchart has {len(expects)} problem(s)" in result.stderr, result.stderr


# -- the data itself ----------------------------------------------------------------------
def test_every_broken_file_says_what_to_expect():
    files = sorted(BROKEN.glob("*.yaml"))
    assert len(files) >= 40
    for path in files:
        assert header(path)[0], f"{path.name} has no '# expect: LINE: TEXT' line"


def test_the_minimal_flowchart_is_sound(gk):
    result = gk("check", str(MINIMAL))
    assert result.returncode == 0, result.stderr
    assert "sound" in result.stdout
    assert "3 questions, 3 nodes, 3 outcomes, 4 paths" in result.stdout


# -- every broken file --------------------------------------------------------------------
@pytest.mark.parametrize("path", broken())
def test_check_reports_the_problem_at_its_line(gk, path: Path):
    assert_reports(gk("check", str(path)), path, header(path)[0])


@pytest.mark.parametrize(
    "path",
    broken("duplicate_key", "empty", "not_utf8", "unknown_key", "cycle", "several_problems"),
)
def test_answers_mode_reports_a_broken_flowchart_like_check(gk, path: Path):
    result = gk("--flowchart", str(path), "--answers", "x=ja")
    assert_reports(result, path, header(path)[0])
    assert result.stderr == gk("check", str(path)).stderr


def test_every_problem_of_a_file_is_listed_in_line_order(gk):
    path = BROKEN / "several_problems.yaml"
    expects = header(path)[0]
    assert len(expects) == 3
    result = gk("check", str(path))
    assert_reports(result, path, expects)
    lines = [
        int(found[1])
        for line in result.stderr.splitlines()
        if (found := re.match(re.escape(str(path)) + r":(\d+):", line))
    ]
    assert lines == sorted(e.line for e in expects)


@pytest.mark.parametrize(
    "path", broken("duplicate_key", "not_utf8", "tab_indent", "syntax_error", "cycle")
)
def test_windows_line_endings_give_the_same_lines(gk, path: Path, tmp_path: Path):
    crlf = tmp_path / path.name
    crlf.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert_reports(gk("check", str(crlf)), crlf, header(path)[0])


# -- problems made here rather than committed ---------------------------------------------
def padded(size: int) -> bytes:
    """The minimal flowchart followed by a comment, ``size`` bytes in all."""
    base = MINIMAL.read_bytes()
    comment = b"# " + b"x" * (size - len(base) - 3) + b"\n"
    data = base + comment
    assert len(data) == size
    return data


def test_a_file_over_the_size_limit(gk, tmp_path: Path):
    big = tmp_path / "big.yaml"
    big.write_bytes(padded(MAX_BYTES + 1))
    result = gk("check", str(big))
    expect = Expect(None, "the file is larger than 1,048,576 bytes, the most a flowchart may be")
    assert_reports(result, big, [expect])


def test_a_file_at_the_size_limit_is_read(gk, tmp_path: Path):
    full = tmp_path / "full.yaml"
    full.write_bytes(padded(MAX_BYTES))
    result = gk("check", str(full))
    assert result.returncode == 0, result.stderr


def test_a_byte_order_mark_is_accepted(gk, tmp_path: Path):
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbf" + MINIMAL.read_bytes())
    result = gk("check", str(bom))
    assert result.returncode == 0, result.stderr


def test_a_missing_file(gk, tmp_path: Path):
    missing = tmp_path / "missing.yaml"
    assert_reports(gk("check", str(missing)), missing, [Expect(None, "no such file")])


def test_a_folder_given_as_the_file(gk, tmp_path: Path):
    assert_reports(gk("check", str(tmp_path)), tmp_path, [Expect(None, "is a folder, not a file")])


def chain_of_questions(count: int) -> str:
    """A valid flowchart of ``count`` questions in a row, both answers leading to the next:
    2**count paths."""
    text = "{sv: a, en: a}"
    lines = [
        'version: "1"',
        f"title: {text}",
        "source: s",
        "start: q0",
        "answer_sets:",
        "  yes_no:",
        f"    - {{id: ja, label: {text}}}",
        f"    - {{id: nej, label: {text}}}",
        "questions:",
    ]
    for i in range(count):
        lines.append(
            f"  q{i}: {{title: {text}, text: {text}, help: {text}, example: {text}, "
            "answers: yes_no, source: s}"
        )
    lines.append("nodes:")
    for i in range(count):
        target = f"q{i + 1}" if i < count - 1 else "end"
        lines.append(f"  q{i}: {{next: {{ja: {target}, nej: {target}}}}}")
    lines.append("outcomes:")
    lines.append(f"  end: {{title: {text}, summary: {text}, steps: [{{text: {text}}}], source: s}}")
    return "\n".join(lines) + "\n"


def test_a_chart_with_many_paths_is_counted(gk, tmp_path: Path):
    chart = tmp_path / "paths.yaml"
    chart.write_text(chain_of_questions(10), encoding="utf-8")
    result = gk("check", str(chart))
    assert result.returncode == 0, result.stderr
    assert "10 questions, 10 nodes, 1 outcomes, 1,024 paths" in result.stdout


def test_check_finishes_on_a_chart_with_very_many_paths(cli_env, tmp_path: Path):
    chart = tmp_path / "many_paths.yaml"
    chart.write_text(chain_of_questions(40), encoding="utf-8")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "gk_respond", "check", str(chart)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=cli_env,
            timeout=300,  # a guard against a hang, not a measure of speed
        )
    except subprocess.TimeoutExpired:
        pytest.fail("gk-respond check hung on a chart with 2**40 paths")
    assert result.returncode == 0, result.stderr
    assert "sound" in result.stdout
