"""`gk-respond check` on a `when:` made to be expensive: it is reported, not searched for ever.
(The usual `when:` mistakes are files in data/broken/.)"""

from __future__ import annotations

from pathlib import Path

TEXT = "{sv: a, en: a}"


def diamonds(levels: int) -> str:
    """Two questions at every level after the first, either answer leading to either node of
    the next level, and a step whose `when:` names every question: the search for a path
    that meets it could visit 2**levels (node, questions met) states."""
    lines = [
        'version: "1"',
        f"title: {TEXT}",
        "source: s",
        "start: a0",
        "answer_sets:",
        "  yes_no:",
        f"    - {{id: ja, label: {TEXT}}}",
        f"    - {{id: nej, label: {TEXT}}}",
        "questions:",
    ]
    nodes = ["a0"] + [f"{side}{i}" for i in range(1, levels) for side in "ab"]
    for node in nodes:
        lines.append(
            f"  {node}: {{title: {TEXT}, text: {TEXT}, help: {TEXT}, example: {TEXT}, "
            "answers: yes_no, source: s}"
        )
    lines.append("nodes:")
    for node in nodes:
        level = int(node[1:])
        nxt = ("end", "end") if level == levels - 1 else (f"a{level + 1}", f"b{level + 1}")
        lines.append(f"  {node}: {{next: {{ja: {nxt[0]}, nej: {nxt[1]}}}}}")
    when = ", ".join(f"{node}: [ja, nej]" for node in nodes)
    lines += [
        "outcomes:",
        "  end:",
        f"    title: {TEXT}",
        f"    summary: {TEXT}",
        "    source: s",
        "    steps:",
        f"      - text: {TEXT}",
        f"      - text: {TEXT}",
        f"        when: {{{when}}}",
    ]
    return "\n".join(lines) + "\n"


def test_a_when_too_costly_to_search_is_reported(gk, tmp_path: Path):
    chart = tmp_path / "diamonds.yaml"
    text = diamonds(22)
    chart.write_text(text, encoding="utf-8")
    line = 1 + next(i for i, found in enumerate(text.splitlines()) if "when:" in found)
    result = gk("check", str(chart))  # the fixture's timeout guards against a hang
    assert result.returncode == 1, result.stdout
    assert f"{chart}:{line}:" in result.stderr
    assert "outcome 'end', step 2: when: too many combinations to check" in result.stderr
    assert "the flowchart has 1 problem(s)" in result.stderr


def test_a_small_diamond_is_searched_to_the_end(gk, tmp_path: Path):
    """The same shape, small: no path asks both questions of a level, so the `when:` that
    names them all can never hold, and check says so."""
    chart = tmp_path / "diamonds.yaml"
    chart.write_text(diamonds(4), encoding="utf-8")
    result = gk("check", str(chart))
    assert result.returncode == 1
    assert "outcome 'end', step 2: when: no path to 'end' has a0=ja or nej and " in result.stderr
