"""The channel register for people and files: as text, as the public list for the website
(Markdown or HTML), as the full register (JSON or YAML, for backup), and read back from such
a file with every problem placed at its line. No UI.

The public list holds what the policy says should be published ("En förteckning över de
tjänster inom sociala medier där Gullspång kommun är aktiv ska också publiceras på
www.gullspang.se"): name, medium, address, unit and purpose. It never holds the
administrators, the day-to-day staff or their e-mail addresses and phone numbers: those are
for the municipality's own register, not for publishing.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

import yaml
from pydantic import ValidationError

from ..flowchart.problems import FlowchartError, Path, Problem, locate
from ..flowchart.yamlfile import parse
from ..strings import decimal, t
from ..untrusted import json_text, visible
from .channels import ADMINISTRATOR_FIELDS, Channel, clash, problems, where

# What the public list shows, in this order.
PUBLIC = ("name", "medium", "url", "unit", "purpose")


def hours(value: float, lang: str = "en") -> str:
    """Hours as a person writes them: ``6,5`` in Swedish, ``6.5`` in English."""
    return decimal(value, lang)


def _line(text: str) -> str:
    """Text on one line, every character visible."""
    return " ".join(visible(text).split())


def channel_text(channel: Channel, lang: str) -> str:
    """Every field, labelled, for reading in a terminal."""
    label = {name: t(lang, f"ch_f_{name}") for name in Channel.model_fields}
    rows = [
        (label["id"], channel.id),
        (label["name"], _line(channel.name)),
        (label["medium"], _line(channel.medium)),
        (label["url"], _line(channel.url)),
        (label["unit"], _line(channel.unit)),
        (label["purpose"], visible(channel.purpose)),
        (label["audience"], visible(channel.audience)),
    ]
    for number, admin in enumerate(channel.administrators, 1):
        parts = ", ".join(_line(getattr(admin, name)) for name in ADMINISTRATOR_FIELDS)
        rows.append((f"{t(lang, 'ch_admin')} {number}", parts))
    rows += [
        (label["daily"], ", ".join(map(_line, channel.daily))),
        (label["monitoring"], visible(channel.monitoring)),
        (label["hours_per_week"], hours(channel.hours_per_week, lang)),
        (label["approved_by"], _line(channel.approved_by)),
        (label["approved_on"], channel.approved_on.isoformat()),
    ]
    rows.append((label["checklist"], checklist_text(channel, lang)))
    if channel.response_due:
        rows.append((label["response_due"], channel.response_due))
    width = max(len(name) for name, _ in rows) + 2
    indent = "\n" + " " * width
    return "\n".join(
        f"{name + ':':<{width}}{value.replace(chr(10), indent)}" for name, value in rows
    )


def checklist_text(channel: Channel, lang: str) -> str:
    """The account checklist, one item a line: [x] done or [ ] to do, its id and text, and
    the note where the policy's wording is out of date."""
    from .checklist import items

    lines = []
    for item in items():
        box = "[x]" if item.id in channel.checklist else "[ ]"
        lines.append(f"{box} {item.id}: {item.text(lang)}")
        if item.note:
            lines.append(f"    {t(lang, 'cl_note')}: {item.note(lang)}")
    return "\n".join(lines)


def table_text(channels: Sequence[Channel], lang: str) -> str:
    """One channel a line: id, medium, name, unit, address."""
    if not channels:
        return t(lang, "no_channels")
    rows = [("id", t(lang, "ch_f_medium"), t(lang, "ch_f_name"), t(lang, "ch_f_unit"), "URL")]
    rows += [(c.id, _line(c.medium), _line(c.name), _line(c.unit), _line(c.url)) for c in channels]
    widths = [min(max(len(row[n]) for row in rows), 32) for n in range(4)]
    return "\n".join(
        "  ".join(f"{_cut(cell, width):<{width}}" for cell, width in zip(row, widths, strict=False))
        + "  "
        + row[4]
        for row in rows
    )


def _cut(cell: str, width: int) -> str:
    """``cell`` in ``width`` characters, ending in "…" where it was cut."""
    return cell if len(cell) <= width else cell[: width - 1] + "…"


# -- the public list for the website ----------------------------------------------------------
_MARKDOWN_SPECIAL = "\\`*_{}[]<>()#+!|~&"


def _markdown(text: str) -> str:
    """Text for a Markdown table cell: on one line, nothing in it read as markup or HTML."""
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in _line(text))


def _safe_url(url: str) -> str:
    """The address with every character that could end a link or start markup escaped."""
    return quote(_line(url), safe=":/?#@$&'*+,;=%-._~!")


def public_markdown(channels: Sequence[Channel], lang: str) -> str:
    lines = [f"# {t(lang, 'public_channels')}", ""]
    if not channels:
        return "\n".join([*lines, t(lang, "no_channels"), ""])
    lines.append("| " + " | ".join(t(lang, f"ch_f_{name}") for name in PUBLIC) + " |")
    lines.append("|" + " --- |" * len(PUBLIC))
    for c in channels:
        cells = [_markdown(c.name), _markdown(c.medium), f"<{_safe_url(c.url)}>"]
        cells += [_markdown(c.unit), _markdown(c.purpose)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def public_html(channels: Sequence[Channel], lang: str) -> str:
    """A fragment to paste into a page of the website: a heading and a table."""

    def text(value: str) -> str:
        return html.escape(_line(value), quote=True)

    out = [f'<section class="gk-channels" lang="{lang}">']
    out.append(f"<h2>{text(t(lang, 'public_channels'))}</h2>")
    if not channels:
        out += [f"<p>{text(t(lang, 'no_channels'))}</p>", "</section>", ""]
        return "\n".join(out)
    out.append("<table>")
    heads = "".join(f"<th>{text(t(lang, f'ch_f_{name}'))}</th>" for name in PUBLIC)
    out.append(f"<thead><tr>{heads}</tr></thead>")
    out.append("<tbody>")
    for c in channels:
        url = text(_safe_url(c.url))
        link = f'<a href="{url}" rel="noopener">{url}</a>'
        cells = [text(c.name), text(c.medium), link, text(c.unit), text(c.purpose)]
        out.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    out += ["</tbody>", "</table>", "</section>", ""]
    return "\n".join(out)


# -- the full register, for backup and import -------------------------------------------------
def register_data(channels: Sequence[Channel]) -> dict[str, Any]:
    return {"channels": [channel.data() for channel in channels]}


def register_json(channels: Sequence[Channel]) -> str:
    return json_text(register_data(channels)) + "\n"


def register_yaml(channels: Sequence[Channel]) -> str:
    return yaml.safe_dump(register_data(channels), allow_unicode=True, sort_keys=False, width=100)


def read_register(text: str, name: str, lang: str) -> list[Channel]:
    """The channels in a register file (YAML, or JSON, which YAML reads too), all checked;
    FlowchartError listing every problem, each at its line, if any channel is not right."""
    data, positions, literals = parse(text, name)

    def problem(path: Path, message: str) -> Problem:
        line, column = locate(positions, path)
        return Problem(name, line, column, message)

    if not isinstance(data, dict) or not isinstance(data.get("channels"), list):
        raise FlowchartError([problem((), t(lang, "ch_file_shape"))])
    found = [problem((key,), t(lang, "ch_file_shape")) for key in data if key != "channels"]
    channels: list[Channel] = []
    for index, item in enumerate(data["channels"]):
        path: Path = ("channels", index)
        try:
            channel = Channel.model_validate(_as_written(item, path, literals))
        except ValidationError as error:
            for loc, message in problems(error, lang, missing_together=True):
                what = f"{where(loc)}: {message}" if loc else message
                found.append(problem((*path, *loc), f"{_name(item, index)}{what}"))
            continue
        refused = clash(channel, channels)
        if refused:
            field = "id" if refused.key == "ch_duplicate_id" else "url"
            found.append(problem((*path, field), f"{_name(item, index)}{refused.message(lang)}"))
        channels.append(channel)
    if found:
        raise FlowchartError(found)
    return channels


def _name(item: Any, index: int) -> str:
    """``channels[2] (kommunen-facebook): `` for messages."""
    given = item.get("id") if isinstance(item, dict) else None
    return f"channels[{index + 1}]" + (f" ({given})" if isinstance(given, str) else "") + ": "


def _as_written(value: Any, path: Path, literals: dict[Path, str]) -> Any:
    """``value`` with every number or date YAML read back as the text it was written as (a
    phone number 0551360 stays 0551360), except the hours, which are a number."""
    if isinstance(value, dict):
        return {k: _as_written(v, (*path, k), literals) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_written(v, (*path, n), literals) for n, v in enumerate(value)]
    written = isinstance(value, int | float | date | datetime) and not isinstance(value, bool)
    if written and path in literals and path[-1] != "hours_per_week":
        return literals[path]
    return value
