"""The whole flowchart for the policy owner: a tree with the current walk marked, and the
decision table (every path, as ``gk-respond paths`` gives it)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ... import overview, render
from ...flowchart.engine import Chart, Walk
from ..auth import Signed, settings_of
from ..pages import lang_of, page

router = APIRouter()


def tree(chart: Chart, walk: Walk | None, lang: str) -> dict[str, Any]:
    """The chart from the start as nested data: each question with its answers, each
    answer leading on; the answers of ``walk`` marked, and where it stands."""
    taken = {(s.node, s.answer) for s in walk.path} if walk else set()
    here = walk.node if walk else None

    def node(nid: str, on_path: bool) -> dict[str, Any]:
        qid = chart.question_at(nid)
        answers = []
        for option in chart.options(qid):
            target = chart.flowchart.nodes[nid].next[option.id]
            chosen = on_path and (nid, option.id) in taken
            entry: dict[str, Any] = {"label": option.label(lang), "taken": chosen}
            if chart.is_outcome(target):
                entry["outcome"] = chart.flowchart.outcomes[target].title(lang)
                entry["here"] = chosen and target == here
            else:
                entry["next"] = node(target, chosen)
            answers.append(entry)
        title = chart.question(qid).title(lang)
        return {"title": title, "here": on_path and nid == here, "answers": answers}

    return node(chart.start, True)


@router.get("/flowchart")
async def flowchart_page(request: Request, actor: Signed, draft: str = "") -> Response:
    chart, lang = settings_of(request).chart, lang_of(request)
    found = request.app.state.drafts.get(draft, actor.name) if draft else None
    rows = [
        {
            **row,
            "steps": [
                f"{chart.question(s['question']).title(lang)} "
                f"{render.answer_label(chart, s['question'], s['answer'], lang)}"
                for s in row["path"]
            ],
        }
        for row in overview.paths_rows(chart, lang)
    ]
    walk = found.triage.walk if found else None
    return page(
        request,
        "flowchart.html",
        tree=tree(chart, walk, lang),
        rows=rows,
        walking=found,
        version=chart.flowchart.version,
    )
