"""What the speed work (issue 18) must not change: batch mode's output and `paths` in every
format, byte for byte, on a fixed input, as the release before it wrote them. The inputs
and a frozen copy of the flowchart are in tests/data/pinned/ (so that an edit of the
product's flowchart does not move them); sha256.json holds the digests of the outputs.
Regenerate a digest only for a deliberate change of the output, and say so."""

from __future__ import annotations

import hashlib
import json
import tracemalloc
from pathlib import Path

import pytest

from gk_respond.flowchart.engine import Chart
from gk_respond.flowchart.load import load
from gk_respond.overview import write_paths_csv, write_paths_json, write_paths_text

PINNED = Path(__file__).parent / "data" / "pinned"
DIGESTS = json.loads((PINNED / "sha256.json").read_text(encoding="utf-8"))
FLOWCHART = str(PINNED / "flowchart.yaml")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_batch_output_is_byte_identical(gk, lang):
    done = gk("--batch", str(PINNED / "batch.jsonl"), "--flowchart", FLOWCHART, "--lang", lang)
    assert done.returncode == 2, done.stderr  # some lines are errors, on purpose
    lines = done.stdout.splitlines()
    assert len(lines) == 26 and {json.loads(line)["status"] for line in lines} == {
        "outcome",
        "incomplete",
        "error",
    }
    assert digest(done.stdout) == DIGESTS[f"batch-{lang}.jsonl"]


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
@pytest.mark.parametrize(
    ("chart", "lang"), [("flowchart", "sv"), ("flowchart", "en"), ("comb", "sv")]
)
def test_paths_output_is_byte_identical(gk, fmt, chart, lang):
    done = gk("paths", "--flowchart", str(PINNED / f"{chart}.yaml"), "--lang", lang,
              "--format", fmt)  # fmt: skip
    assert done.returncode == 0, done.stderr
    name = f"paths-{lang}.{fmt}" if chart == "flowchart" else f"comb.{fmt}"
    assert digest(done.stdout) == DIGESTS[name]


class Counted:
    """A sink that keeps only how much was written."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, text: str) -> int:
        self.size += len(text)
        return len(text)


def written(tmp_path: Path, size: int, write) -> tuple[int, int]:
    """How much ``write`` writes for a comb of ``size`` questions, and the most memory it
    holds at once meanwhile (the chart loaded before)."""
    from hostile_charts import comb

    file = tmp_path / f"comb{size}.yaml"
    file.write_text(comb(size), encoding="utf-8")
    chart = Chart(load(file))
    out = Counted()
    tracemalloc.start()
    try:
        write(chart, "sv", out)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return out.size, peak


@pytest.mark.parametrize("write", [write_paths_text, write_paths_json, write_paths_csv])
def test_paths_are_written_path_by_path(tmp_path, write):
    """The memory `paths` holds grows with the longest path, not with what it writes: a
    comb of 2n questions writes four times what a comb of n does (about n² answers), and
    holds at most about twice as much (its longest path)."""
    small, small_peak = written(tmp_path, 150, write)
    large, large_peak = written(tmp_path, 300, write)
    assert large > 3.5 * small
    assert large_peak < 2.5 * small_peak, (small_peak, large_peak)
