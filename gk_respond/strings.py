"""The few UI strings that are not domain text (domain text lives in flowchart.yaml)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "sv": {
        "path": "Vägen hit",
        "steps": "Gör så här",
        "guidance": "Vägledning",
        "source": "Källa",
        "question": "Fråga",
        "answer": "Svar",
        "outcome": "Utfall",
        "incomplete": "Svaren tar slut före ett utfall. Nästa fråga",
        "options": "Svar",
        "flowchart": "Flödesschema",
        "version": "version",
    },
    "en": {
        "path": "How you got here",
        "steps": "What to do",
        "guidance": "Guidance",
        "source": "Source",
        "question": "Question",
        "answer": "Answer",
        "outcome": "Outcome",
        "incomplete": "The answers stop before an outcome. Next question",
        "options": "Answers",
        "flowchart": "Flowchart",
        "version": "version",
    },
}


def t(lang: str, key: str) -> str:
    return STRINGS[lang][key]
