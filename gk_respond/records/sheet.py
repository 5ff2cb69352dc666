"""The case sheet for the diarium: one case as a PDF a registrar can file. No UI.

Written with fpdf2, as PDF/A-2b as fpdf2 makes it (``enforce_compliance``: XMP metadata with
the PDF/A identification, an sRGB output intent, every font embedded, no encryption); the
font is DejaVu Sans, shipped in ``gk_respond/fonts`` with its licence, so å, ä, ö, Greek,
Cyrillic and most other scripts render. A character DejaVu has no glyph for, and every
control, format or bidirectional character, is written as ``<U+XXXX>``, never as a box or
not at all, and a note says so: the PDF shows the characters the comment holds, and
nothing in it is read as markup.
"""

from __future__ import annotations

import io
import unicodedata
from functools import cache
from pathlib import Path

from ..flowchart.engine import Chart
from ..untrusted import visible
from .attachments import Attachment
from .evidence_lines import size_text
from .evidence_texts import say
from .store import Case
from .view import (
    fields,
    finding_lines,
    history_lines,
    local_time,
    path_lines,
    step_lines,
)

FONTS = Path(__file__).resolve().parent.parent / "fonts"
_REGULAR, _BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"
_FAMILY = "DejaVuSans"


@cache
def _covered() -> frozenset[int]:
    """The code points DejaVu Sans (and so its bold) has glyphs for."""
    from fontTools.ttLib import TTFont

    with TTFont(str(_REGULAR), lazy=True) as font:
        return frozenset(font.getBestCmap())


def printable(text: str) -> tuple[str, bool]:
    """``text`` as the sheet shows it: a line break kept, and every character that is not
    a plain printable one (a control character, a bidirectional override, a zero-width or
    other format character, a line or paragraph separator) or that the font has no glyph
    for written as ``<U+XXXX>``; and whether any was."""
    covered, out, marked = _covered(), [], False
    for char in text.replace("\r\n", "\n").replace("\r", "\n"):
        if char == "\n" or (ord(char) in covered and unicodedata.category(char) not in _HIDDEN):
            out.append(char)
        else:
            out.append(f"<U+{_stood_for(ord(char)):04X}>")
            marked = True
    return "".join(out), marked


def _stood_for(code: int) -> int:
    """The control character a symbol from ``untrusted.visible`` stands for (␛ for ESC, ␡
    for DEL, ␤ for a line break in a one-line field): the font has none of those symbols,
    so the sheet names the character itself."""
    if 0x2400 <= code <= 0x241F:
        return code - 0x2400
    return {0x2421: 0x7F, 0x2424: 0x0A}.get(code, code)


_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"})


def case_pdf(
    case: Case, chart: Chart, lang: str, files: list[tuple[Attachment, bytes]], now: str = ""
) -> bytes:
    """The case sheet as PDF bytes: every field, the comment verbatim, the path, the steps
    ticked or not, notes, reply, history, and each attachment by name and SHA-256, images
    shown."""
    from ..triage import utc_now

    sheet = _Sheet(case.number, lang)
    sheet.section_fields(case, chart, lang)
    comment, missing = printable(case.comment_text)
    sheet.heading(say(lang, "comment_verbatim"))
    sheet.body(comment or "–")
    sheet.small(say(lang, "sha256_comment"))
    sheet.body(case.comment_sha256)
    for key, lines in (
        ("path", path_lines(chart, case, lang)),
        ("steps", step_lines(chart, case, lang)),
        ("notes", case.notes.splitlines()),
        ("reply", case.reply_text.splitlines()),
        ("reply_findings", finding_lines(case, lang)),
        ("history", history_lines(case, chart, lang)),
    ):
        if any(line.strip() for line in lines):
            from ..strings import t

            sheet.heading(t(lang, key))
            for line in lines:
                shown, lacking = printable(line)
                missing |= lacking
                sheet.body(shown)
    if files:
        sheet.heading(say(lang, "attachments"))
        for attachment, data in files:
            missing |= sheet.attachment(attachment, data, lang)
    if missing:
        sheet.small(say(lang, "missing_glyph_note"))
    made = local_time(now or utc_now())
    sheet.small(say(lang, "sheet_made", at=made, version=_version()))
    return bytes(sheet.output())


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gk-respond")
    except PackageNotFoundError:
        return "?"


@cache
def _sheet_class():  # fpdf2 is imported only when a sheet is made
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    # left-aligned, wrapped at spaces; a run too long for a line is broken inside it (fpdf2
    # does that by itself), so nothing is lost off the page
    _LINES = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT, "align": "L", "wrapmode": "WORD"}

    class Sheet(FPDF):
        def __init__(self, number: str, lang: str) -> None:
            super().__init__(format="A4", enforce_compliance="PDF/A-2B")
            self.number, self.lang = number, lang
            self.add_font(_FAMILY, "", str(_REGULAR))
            self.add_font(_FAMILY, "B", str(_BOLD))
            self.set_title(f"{say(lang, 'sheet_title')} {number}")
            self.set_subject(say(lang, "sheet_subtitle", case=number))
            self.set_creator("gk-respond")
            self.set_lang(lang)
            self.set_auto_page_break(True, 18)
            self.add_page()
            self.set_font(_FAMILY, "B", 16)
            self.cell(0, 9, f"{say(lang, 'sheet_title')} {number}", new_x=XPos.LMARGIN,
                      new_y=YPos.NEXT)  # fmt: skip
            self.set_font(_FAMILY, "", 10)
            self.cell(0, 6, say(lang, "sheet_subtitle", case=number), new_x=XPos.LMARGIN,
                      new_y=YPos.NEXT)  # fmt: skip
            self.ln(3)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(_FAMILY, "", 8)
            page = say(self.lang, "sheet_page", case=self.number, page=self.page_no())
            self.cell(0, 5, page, align="C")

        def heading(self, text: str) -> None:
            self.ln(3)
            self.set_font(_FAMILY, "B", 12)
            self.multi_cell(0, 7, text, **_LINES)
            self.set_font(_FAMILY, "", 10)

        def body(self, text: str) -> None:
            self.set_font(_FAMILY, "", 10)
            self.multi_cell(0, 5, text or " ", **_LINES)

        def small(self, text: str) -> None:
            self.ln(2)
            self.set_font(_FAMILY, "", 8)
            self.multi_cell(0, 4, text, **_LINES)
            self.set_font(_FAMILY, "", 10)

        def section_fields(self, case: Case, chart: Chart, lang: str) -> None:
            """The one-line fields as a table: labels in bold, in a column as wide as
            the widest, the values wrapped beside them."""
            rows = fields(case, chart, lang)
            self.set_font(_FAMILY, "B", 10)
            width = min(max(self.get_string_width(label) for label, _ in rows) + 4, 70)
            for label, value in rows:
                self.set_font(_FAMILY, "B", 10)
                self.cell(width, 5, label)
                self.set_font(_FAMILY, "", 10)
                self.multi_cell(0, 5, printable(value)[0] or " ", **_LINES)

        def attachment(self, a: Attachment, data: bytes, lang: str) -> bool:
            name, missing = printable(a.name.replace("\n", "␤"))
            self.set_font(_FAMILY, "B", 10)
            self.multi_cell(0, 5, f"{a.number}. {name}", **_LINES)
            self.body(f"{a.media_type}, {size_text(a.size, lang)}")
            self.body(f"SHA-256 {a.sha256}")
            by, _ = printable(a.attached_by)
            self.body(say(lang, "attached_by", at=local_time(a.attached_at), by=by))
            if a.withdrawn:
                note, _ = printable(
                    say(lang, "withdrawn_note", at=local_time(a.withdrawn_at or ""),
                        by=a.withdrawn_by or "", reason=a.withdrawn_reason or "")
                )  # fmt: skip
                self.body(note)
            if a.image:
                self.picture(data, lang)
            self.ln(2)
            return missing

        def picture(self, data: bytes, lang: str) -> None:
            width = self.w - self.l_margin - self.r_margin
            height = min(120.0, self.h - self.t_margin - self.b_margin - 10)
            try:
                from PIL import Image

                with Image.open(io.BytesIO(data)) as image:
                    pixels_w, pixels_h = image.size
                    image.verify()
                scale = min(width / pixels_w, height / pixels_h, 0.3)  # at most ~85 dpi
                w, h = pixels_w * scale, pixels_h * scale
                if self.get_y() + h > self.page_break_trigger:
                    self.add_page()
                self.image(io.BytesIO(data), x=self.l_margin, y=self.get_y(), w=w, h=h)
                self.set_y(self.get_y() + h + 1)
            except Exception as error:  # a picture that cannot be read: say so, go on
                self.body(say(lang, "image_unshown", error=visible(str(error))[:200]))

    return Sheet


def _Sheet(number: str, lang: str):  # the class, made on first use
    return _sheet_class()(number, lang)
