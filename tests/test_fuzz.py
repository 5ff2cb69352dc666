"""Fuzzing: hostile flowchart files, ``--answers`` texts, batch lines and scenario files,
none of which may give a traceback, run without bound, or fill the memory (issue 17).

Hypothesis draws the inputs; each runs through ``gk_respond.cli.main`` in a worker process
(``fuzz_worker.py``) capped with ``setrlimit``: 1 GiB of address space, and a CPU-time
budget per run far above what a run needs. CPU time, not wall-clock time, so a busy machine
does not fail the suite; there is no hypothesis deadline either. In CI the suite is
derandomised (a fixed seed) with a bounded number of examples. Longer runs, with a random
seed, for developers:

    GK_RESPOND_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/test_fuzz.py -q

(``--hypothesis-show-statistics`` shows what was drawn; a failure prints the input that
caused it, and hypothesis keeps it in ``.hypothesis/`` to try first next time.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_charts import alias_bomb, back_edges, chain, comb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HERE = Path(__file__).resolve().parent
MINIMAL = (HERE / "data" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
SCENARIO = (
    HERE.parent / "gk_respond" / "training" / "scenarios" / "01_library_story_time.yaml"
).read_text(encoding="utf-8")
MEMORY = 1024 * 1024 * 1024
CPU_SECONDS = 60  # per run; a run needs well under one

LONG_RUN = "GK_RESPOND_FUZZ_EXAMPLES" in os.environ


def fuzz(examples: int):
    """Hypothesis settings: a fixed seed and ``examples`` examples in CI, or as many as
    GK_RESPOND_FUZZ_EXAMPLES says with a random seed."""
    return settings(
        max_examples=int(os.environ.get("GK_RESPOND_FUZZ_EXAMPLES", examples)),
        derandomize=not LONG_RUN,
        deadline=None,
        database=None if not LONG_RUN else settings.default.database,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


class Worker:
    """A fuzz_worker.py process; started again after a run that killed it."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> subprocess.Popen[str]:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                [sys.executable, str(HERE / "fuzz_worker.py"), str(MEMORY), str(CPU_SECONDS)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                env=self.env,
                cwd=HERE,
            )
        return self.process

    def run(self, argv: list[str], stdin: bytes = b"", files: dict[str, str] | None = None):
        process = self.start()
        request = {"argv": argv, "stdin": stdin.decode("latin-1"), "files": files or {}}
        assert process.stdin and process.stdout
        process.stdin.write(json.dumps(request) + "\n")
        process.stdin.flush()
        answer = process.stdout.readline()
        if not answer:
            code = process.wait()
            pytest.fail(f"the run was killed (exit {code}: over the memory or CPU cap): {argv}")
        result = json.loads(answer)
        assert result["error"] is None, result["error"]
        assert "Traceback" not in result["stderr"], result["stderr"]
        return result

    def stop(self) -> None:
        if self.process is not None:
            self.process.stdin.close()  # type: ignore[union-attr]
            self.process.wait()


@pytest.fixture(scope="module")
def worker(cli_env):
    worker = Worker({**cli_env, "PYTHONPATH": str(HERE.parent)})
    yield worker
    worker.stop()


# -- strategies ------------------------------------------------------------------------------
ESCAPES = ["\\e[2J", "\\a", "\\0", "\\u202e", "\\x9b", "\\u2028", "\\t", "\\n", "\\\\", '\\"']
SNIPPETS = [
    "x: &a [1, 2]\ny: [*a, *a, *a]",
    "<<: {a: 1}",
    "key: !!python/object:os.system ls",
    "\tindented: with a tab",
    "flag: yes",
    "date: 2026-02-30",
    "number: " + "9" * 5000,
    "deep: " + "[" * 40 + "]" * 40,
    "---\nsecond: document",
    "? complex\n: key",
    "alias: *nowhere",
    "- a list item",
    'weird: "\\u202e\\u0000"',
    'aliases: ["y,e", " n", "y\u0435s"]',
    "  start: prohibited",
    "start: prohibited",
    "version: 1.0",
]
hostile_text = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(ESCAPES), max_size=4).map("".join),
    st.integers(0, 5000).map(lambda n: "x" * n),
    st.sampled_from(["ja", "nej", "yes", "yeſ", "ｙｅｓ", "oké", "oke\u0301", "YES", ""]),
)


@st.composite
def mutated_chart(draw) -> str:
    """minimal.yaml with a few mutations: values replaced, lines dropped, repeated, moved,
    or hostile snippets inserted."""
    lines = MINIMAL.split("\n")
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["value", "drop", "repeat", "swap", "snippet", "char"]))
        if kind == "value" and '"' in lines[at]:
            head, _, tail = lines[at].partition('"')
            value = draw(hostile_text).replace('"', "")
            lines[at] = f'{head}"{value}"{tail.partition(chr(34))[2]}'
        elif kind == "drop":
            del lines[at]
        elif kind == "repeat":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "snippet":
            indent = " " * draw(st.sampled_from([0, 2, 4, 6]))
            snippet = draw(st.sampled_from(SNIPPETS))
            lines.insert(at, "\n".join(indent + part for part in snippet.split("\n")))
        elif kind == "char":
            column = draw(st.integers(0, len(lines[at])))
            char = draw(st.characters(codec="utf-8"))
            lines[at] = lines[at][:column] + char + lines[at][column:]
        if not lines:
            lines = [""]
    return "\n".join(lines)


hostile_chart = st.one_of(
    mutated_chart(),
    st.integers(1, 300).map(chain),
    st.integers(1, 60).map(lambda n: chain(n, "yes_no")),  # up to 2^60 paths
    st.integers(1, 300).map(back_edges),
    st.integers(1, 300).map(comb),
    st.tuples(st.integers(1, 50_000), st.integers(1, 3_000)).map(lambda a: alias_bomb(*a)),
    st.text(max_size=200),
)

QUESTIONS = ["prohibited", "positive", "factual_error", "owns_channel", "q0", "q1", "PROHIBITED"]
answer_word = st.one_of(st.sampled_from(QUESTIONS), hostile_text)
separator = st.sampled_from(",;\n")
answers_text = st.one_of(
    st.lists(
        st.tuples(answer_word, st.sampled_from(["=", "", "=="]), answer_word, separator),
        max_size=12,
    ).map(lambda pairs: "".join(f"{q}{sep}{a}{end}" for q, sep, a, end in pairs)),
    st.text(alphabet=st.sampled_from("=,;\n aåjJnNeſ\u202e\x1b"), max_size=200),
    st.integers(1, 200_000).map(lambda n: "x=y," * n),
)


@given(chart=hostile_chart, answers=answers_text)
@fuzz(examples=40)
def test_a_hostile_flowchart_never_gives_a_traceback(worker, chart, answers):
    files = {"chart.yaml": chart}
    checked = worker.run(["check", "chart.yaml"], files=files)
    assert checked["code"] in (0, 1)
    for argv in (
        ["paths", "--flowchart", "chart.yaml", "--format", "json"],
        ["diagram", "--flowchart", "chart.yaml"],
        ["--answers", answers or "prohibited=ja", "--flowchart", "chart.yaml"],
    ):
        result = worker.run(argv, files=files)
        assert result["code"] in ((1,) if checked["code"] == 1 else (0, 2, 3)), result


@given(answers=answers_text, fmt=st.sampled_from(["text", "json", "markdown"]))
@fuzz(examples=60)
def test_any_answers_text_gives_an_outcome_an_error_or_incomplete(worker, answers, fmt):
    result = worker.run(["--answers", "-", "--format", fmt], stdin=answers.encode("utf-8"))
    assert result["code"] in (0, 2, 3), result
    if fmt == "json":
        json.loads(result["stdout"])
    assert len(result["stderr"]) < 20_000  # the errors listed are capped


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(answer_word, inner, max_size=4),
    max_leaves=12,
)
case = st.dictionaries(
    st.sampled_from(["id", "answers", "comment", "url", "answer", "ID"]),
    json_value | answers_text,
    max_size=4,
).map(json.dumps)
raw_line = st.one_of(
    case,
    st.sampled_from(
        [
            '{"id": "a\\ud800", "answers": "prohibited=ja"}',
            '{"id": 1e400, "answers": "prohibited=ja"}',
            '{"id": NaN, "answers": "prohibited=ja"}',
            '{"answers": {"prohibited": "ja", "prohibited": "nej"}}',
            '{"id": 1, "id": 2}',
            "[" * 50_000,
            '{"id": ' + "1" * 5000 + "}",
        ]
    ),
    st.text(max_size=100),
)
batch_input = st.lists(
    st.one_of(raw_line.map(lambda line: line.encode("utf-8")), st.binary(max_size=50)),
    max_size=8,
)


@given(lines=batch_input)
@fuzz(examples=40)
def test_any_batch_lines_give_one_json_result_each(worker, lines):
    data = b"\n".join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines)
    result = worker.run(["--batch", "-"], stdin=data)
    assert result["code"] in (0, 2, 3), result

    def refuse(word: str):
        raise AssertionError(f"{word} written")

    out = [json.loads(line, parse_constant=refuse) for line in result["stdout"].splitlines()]
    given = [n for n, line in enumerate(data.split(b"\n"), 1) if line.strip()]
    assert [r["line"] for r in out] == given


@st.composite
def mutated_scenario(draw) -> str:
    lines = SCENARIO.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["value", "drop", "repeat", "snippet"]))
        if kind == "value" and ":" in lines[at]:
            head = lines[at].partition(":")[0]
            lines[at] = f'{head}: "{draw(hostile_text).replace(chr(34), "")}"'
        elif kind == "drop":
            del lines[at]
        elif kind == "repeat":
            lines.insert(at, lines[at])
        else:
            lines.insert(at, draw(st.sampled_from(SNIPPETS)))
        if not lines:
            lines = [""]
    return "\n".join(lines)


@given(scenario=st.one_of(mutated_scenario(), st.text(max_size=200)))
@fuzz(examples=30)
def test_a_hostile_scenario_file_never_gives_a_traceback(worker, scenario):
    result = worker.run(["train", "--check", "scenario.yaml"], files={"scenario.yaml": scenario})
    assert result["code"] in (0, 1), result
