"""Small widgets shared by the screens."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Footer, Static

from ..triage import Comment
from ..untrusted import preview

COLLAPSED_LINES = 3
COLLAPSED_CHARS = 180  # about three lines of an 80-column terminal


class CommentPanel(Static):
    """The comment, collapsed to a few lines and shown literally (never as markup)."""

    def show(self, comment: Comment, lang: str) -> None:
        from ..strings import t

        self.border_title = Content(t(lang, "comment_heading"))
        details = " · ".join(x for x in (comment.author, comment.url) if x)
        self.border_subtitle = Content(preview(details, 1, 60)[0]) if details else ""
        if not comment.text.strip():
            self.update(Content(t(lang, "no_comment")))
            return
        text, more = preview(comment.text, COLLAPSED_LINES, COLLAPSED_CHARS)
        if more:
            text += " … " + t(lang, "whole_comment")
        self.update(Content(text))


def footer() -> Footer:
    """The screen's main keys; ? (F1 in a text field) lists them all, Ctrl+P included."""
    return Footer(compact=True, show_command_palette=False)
