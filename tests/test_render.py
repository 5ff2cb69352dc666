"""The summary and the Markdown export of a triage keep the comment literal."""

from __future__ import annotations

from tui_helpers import CHART

from gk_respond.render import triage_markdown, triage_text
from gk_respond.triage import Comment, Triage


def finished(comment: Comment) -> Triage:
    triage = Triage(CHART, comment)
    for word in ("ja", "ja"):
        triage.walk.answer(word)
    return triage


def test_markdown_fences_the_comment_longer_than_its_backticks():
    comment = Comment(text="see ```` here\n# not a heading\n[x](javascript:alert(1))")
    text = triage_markdown(finished(comment), "en")
    assert "`````text\nsee ```` here\n# not a heading\n[x](javascript:alert(1))\n`````" in text
    assert text.startswith("# Remove the comment\n")
    assert text.index("## The comment you found") < text.index("## How you got here")


def test_fields_are_inline_code_and_control_characters_visible():
    comment = Comment(url="https://x.example/`a`", author="Eve\x1b[2J", platform="x")
    text = triage_markdown(finished(comment), "sv")
    assert "- Adress (URL): `` https://x.example/`a` ``" in text
    assert "- Skribent (namn eller användarnamn): ` Eve␛[2J `" in text
    assert "- Plattform: ` X `" in text
    assert "\x1b" not in text


def test_no_comment_no_comment_section():
    text = triage_markdown(finished(Comment()), "sv")
    assert "Kommentaren du har hittat" not in text
    assert triage_text(finished(Comment()), "sv").startswith("Ta bort kommentaren\n")


def test_plain_text_summary_starts_with_the_comment():
    text = triage_text(finished(Comment(text="rad 1\nrad\x072", url="https://e.example")), "sv")
    assert text.startswith(
        "Kommentaren du har hittat:\n  rad 1\n  rad␇2\n  Adress (URL): https://e.example\n\n"
        "Ta bort kommentaren\n"
    )


def test_ticked_steps_reach_the_summary_and_the_export():
    triage = finished(Comment(text="x"))
    triage.ticked = {0, 2}
    text = triage_text(triage, "sv")
    assert "   1. [x] Spara en kopia" in text and "   2. [ ] Avpublicera" in text
    markdown = triage_markdown(triage, "sv")
    assert "- [x] Spara en kopia" in markdown and "- [ ] Avpublicera" in markdown
    assert "- [x] Innehåller kommentaren sekretessbelagda" in markdown
