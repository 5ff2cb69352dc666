"""Every shell example marked runnable in README.md and docs/ runs, in a fresh folder with
a fresh case log, and prints what the doc shows (the markers: tests/doc_examples.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, ROOT
from doc_examples import DocExampleError, Example, collect, output_matches, run

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
EXAMPLES = [example for doc in DOCS for example in collect(doc, ROOT)]
SAMPLE = DATA / "doc_examples" / "sample.md"


def test_the_docs_have_runnable_examples() -> None:
    assert len(EXAMPLES) >= 5


@pytest.fixture(scope="module")
def chart_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One flowchart cache for the examples (it holds no case; each gets a fresh case log)."""
    return tmp_path_factory.mktemp("doc-example-cache")


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.label for example in EXAMPLES])
def test_doc_example(example: Example, tmp_path: Path, chart_cache: Path) -> None:
    problems = run(example, tmp_path, ROOT, chart_cache)
    assert not problems, f"{example.label}:\n" + "\n\n".join(problems)


def test_collector_reads_markers_and_options() -> None:
    examples = collect(SAMPLE, DATA)
    assert [example.label for example in examples] == [
        "doc_examples/sample.md:13",
        "doc_examples/sample.md:21",
        "doc_examples/sample.md:36",
        "doc_examples/sample.md:46",
        "doc_examples/sample.md:55",
        "doc_examples/sample.md:63",
    ]
    assert [example.exit for example in examples] == [0, 0, 3, 0, 0, 0]
    assert examples[3].setups == ("grade-answers",)
    assert [example.ignore_output for example in examples] == [
        False,
        False,
        False,
        True,
        False,
        False,
    ]


def test_collector_runs_good_examples_and_reports_broken_ones(
    tmp_path: Path, chart_cache: Path
) -> None:
    examples = collect(SAMPLE, DATA)
    results = [
        run(example, tmp_path / str(n), ROOT, chart_cache) for n, example in enumerate(examples)
    ]
    assert results[:4] == [[], [], [], []]
    shown_wrong, script_fails = results[4:]
    assert len(shown_wrong) == 1
    assert "--- shown\neverything is fine\n--- printed\nbuilt-in flowchart: sound" in shown_wrong[0]
    assert len(script_fails) == 1
    assert script_fails[0].startswith("exit status 2, expected 0:\ngk-respond: error: 'kanske'")
    assert "never reached" not in script_fails[0]


def test_each_example_gets_a_fresh_case_log(tmp_path: Path, chart_cache: Path) -> None:
    """The transcript that saves case 0001 passes twice: nothing is left from the first run."""
    saving = collect(SAMPLE, DATA)[1]
    assert run(saving, tmp_path / "first", ROOT, chart_cache) == []
    assert run(saving, tmp_path / "second", ROOT, chart_cache) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "<!-- run -->\n\n```sh\ntrue\n```\n",
            "doc.md:1: a run marker must be the line right before",
        ),
        ("<!-- run -->\nSome prose.\n", "doc.md:1: a run marker must be the line right before"),
        (
            "Text.\n\n<!-- run: exit two -->\n```sh\ntrue\n```\n",
            "doc.md:3: unknown run option 'exit two'",
        ),
        (
            "<!-- run: setup nothing-here -->\n```sh\ntrue\n```\n",
            "doc.md:1: no setup 'nothing-here'",
        ),
        (
            "<!-- run -->\n```sh\nshown first\n$ true\n```\n",
            "doc.md:2: output before the first command",
        ),
    ],
)
def test_a_bad_marker_is_named_with_its_place(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "doc.md").write_text(text, encoding="utf-8")
    with pytest.raises(DocExampleError, match="^" + message.replace("(", r"\(")):
        collect(tmp_path / "doc.md", tmp_path)


@pytest.mark.parametrize(
    ("shown", "printed", "matches"),
    [
        (["a", "b"], ["a", "b"], True),
        (["a", "b"], ["a", "b "], False),
        (["a"], ["a", "b"], False),
        (["case …-0001"], ["case 2027-0001"], True),
        (["case …-0001"], ["case 2027-0002"], False),
        (["a", "…", "z"], ["a", "z"], True),
        (["a", "…", "z"], ["a", "b", "c", "z"], True),
        (["a", "…"], ["a", "b", "c"], True),
        (["a", "…", "z"], ["a", "b"], False),
        (["a.b"], ["axb"], False),
    ],
)
def test_shown_output_convention(shown: list[str], printed: list[str], matches: bool) -> None:
    assert output_matches(shown, printed) is matches
