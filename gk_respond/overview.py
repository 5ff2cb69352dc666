"""The whole chart at once: the decision table (every path) and a Mermaid diagram."""

from __future__ import annotations

import json
import textwrap

from .csvfile import csv_text
from .flowchart.engine import Chart
from .render import WIDTH, answer_label, outcome_data
from .strings import t


def paths_rows(chart: Chart, lang: str) -> list[dict]:
    """One row a path: its outcome, its answers, and the steps and guidance it gets (an
    outcome's ``when:`` parts only on the paths they apply to)."""
    rows = []
    for steps, outcome in chart.paths():
        data = outcome_data(chart, outcome, lang, steps)
        rows.append(
            {
                "outcome": outcome,
                "title": data["title"],
                "path": [{"question": s.question, "answer": s.answer} for s in steps],
                "answers": ",".join(f"{s.question}={s.answer}" for s in steps),
                "steps": [step["text"] for step in data["steps"]],
                "guidance": [section["id"] for section in data["guidance"]],
            }
        )
    return rows


def paths_text(chart: Chart, lang: str) -> str:
    lines = [f"{chart.flowchart.title(lang)} ({t(lang, 'version')} {chart.flowchart.version})", ""]
    for number, row in enumerate(paths_rows(chart, lang), 1):
        lines.append(f"{number:>2}. {row['title']} [{row['outcome']}]")
        asked = " · ".join(
            f"{chart.question(s['question']).title(lang)} "
            f"{answer_label(chart, s['question'], s['answer'], lang)}"
            for s in row["path"]
        )
        lines.append(f"    {asked}")
        lines.append(f"    --answers {row['answers']}")
        lines += [
            textwrap.fill(text, WIDTH, initial_indent=f"    {step:>2}) ", subsequent_indent=" " * 8)
            for step, text in enumerate(row["steps"], 1)
        ]
        titles = ", ".join(chart.flowchart.guidance[gid].title(lang) for gid in row["guidance"])
        if titles:
            guidance = f"{t(lang, 'guidance')}: {titles}"
            lines.append(
                textwrap.fill(guidance, WIDTH, initial_indent=" " * 4, subsequent_indent=" " * 4)
            )
    return "\n".join(lines)


def paths_json(chart: Chart, lang: str) -> str:
    data = {"flowchart_version": chart.flowchart.version, "paths": paths_rows(chart, lang)}
    return json.dumps(data, ensure_ascii=False, indent=2)


def paths_csv(chart: Chart, lang: str) -> str:
    """The paths as CSV in the product's convention (`csvfile`), ending with a line end."""
    questions = list(chart.flowchart.questions)
    rows: list[list[object]] = [["path", "outcome", "title", *questions, "steps", "guidance"]]
    for number, row in enumerate(paths_rows(chart, lang), 1):
        given = {step["question"]: step["answer"] for step in row["path"]}
        rows.append(
            [
                number,
                row["outcome"],
                row["title"],
                *(given.get(q, "") for q in questions),
                # one cell each: the steps one a line, numbered as the outcome shows them
                "\n".join(f"{n}. {text}" for n, text in enumerate(row["steps"], 1)),
                " ".join(row["guidance"]),
            ]
        )
    return csv_text(rows)


def _label(text: str) -> str:
    """Text made safe inside a quoted Mermaid label."""
    return (
        text.replace("#", "#35;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
    )


def mermaid(chart: Chart, lang: str) -> str:
    fc = chart.flowchart
    lines = ["flowchart TD"]
    for nid in fc.nodes:
        lines.append(f'    n_{nid}{{"{_label(chart.question(fc.question_at(nid)).title(lang))}"}}')
    for oid, outcome in fc.outcomes.items():
        lines.append(f'    o_{oid}(["{_label(outcome.title(lang))}"])')
    for nid, node in fc.nodes.items():
        qid = fc.question_at(nid)
        for answer, target in node.next.items():
            kind = "o" if chart.is_outcome(target) else "n"
            label = _label(answer_label(chart, qid, answer, lang))
            lines.append(f'    n_{nid} -->|"{label}"| {kind}_{target}')
    lines.append("    classDef outcome fill:#e8f1e4,stroke:#2e6b30,color:#102910")
    lines.append("    class " + ",".join(f"o_{oid}" for oid in fc.outcomes) + " outcome")
    return "\n".join(lines)
