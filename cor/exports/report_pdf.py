"""The readiness report as a PDF: what a consultant hands over after a gap analysis.

Built with fpdf2's core Helvetica font in the Windows-1252 encoding. No Unicode TrueType font
ships inside the installed packages (fpdf2 bundles none, and vl-convert keeps its fonts inside
its binary), and system fonts differ from machine to machine, so user text is mapped to
Windows-1252 instead: accents, smart quotes, dashes and the euro sign survive as typed; letters
with other marks lose the mark ("ő" -> "o"); anything else (CJK, emoji) becomes "?". The report
never fails because of what a user typed.

The element chart is the same Altair chart the Readiness page shows, rendered to PNG by
vl-convert (works offline: Vega runs inside the vl-convert binary). If that rendering fails for
any reason, the bars are drawn with fpdf2 primitives instead, so the report still has its chart.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from fpdf import FPDF, FontFace
from fpdf.enums import Align, MethodReturnValue, TableBordersLayout, TableCellFillMode, XPos, YPos

from cor.actions import Action
from cor.charts.readiness import (
    BLOCKING_COLOUR,
    MEETS_COLOUR,
    NotScoredReason,
    charted_not_scored,
    element_chart,
    not_scored,
    not_scored_reasons,
    status_text,
)
from cor.formatting import count, show_pct
from cor.models import JurisdictionInfo, Program, Question
from cor.scoring import Scorecard, Verdict, explain

ENCODING = "windows-1252"

QUICK_TITLE = "Quick check - indicative only"

DISCLAIMER = (
    "An unofficial readiness estimate using COR Ready's own questions; not your certifying partner's audit."
)

#: Longest owner name printed in the action table; a row taller than a page cannot be split.
OWNER_MAX = 120

#: Pixel width the chart is rendered at (then scaled to the page width): wide enough that the
#: element names sit on the left and the bars keep most of the room, as on a desktop screen.
CHART_WIDTH_PX = 560

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# Characters outside Windows-1252 with a plain-text equivalent a reader would recognise.
_PLAIN = {
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2015": "—",  # horizontal bar
    "\u2212": "-",  # minus sign
    "\u2032": "'",  # prime
    "\u2033": '"',  # double prime
    "\u2190": "<-",
    "\u2192": "->",
    "\u2194": "<->",
    "\u21d2": "=>",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2260": "!=",
    "\u2248": "~",
    "\u2713": "v",
    "\u2714": "v",
    "\u2717": "x",
    "\u2718": "x",
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow no-break space
    "\u2007": " ",  # figure space
    "\u200b": "",  # zero-width space
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
}


#: Variation selectors (text or emoji style): they change how the character before them looks.
_INVISIBLE_MARKS = frozenset({"\ufe0e", "\ufe0f"})


def _symbol_name(ch: str) -> str:
    try:
        return unicodedata.name(ch).lower()
    except ValueError:
        return ""


def _encodable(ch: str) -> bool:
    try:
        ch.encode(ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def pdf_text(text: object) -> str:
    """Any text as the PDF's core font can print it, never raising.

    Windows-1252 characters are kept (so "Zoë’s crew — ok" prints as typed); others are replaced
    by a plain equivalent, by their letter without its accent, an emoji or symbol by its name in
    brackets ("[thumbs up sign]"), or else by "?". Line breaks are kept,
    tabs become spaces and other control characters are dropped.
    """
    text = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif unicodedata.category(ch) == "Cc":
            continue
        elif ch in _PLAIN:
            out.append(_PLAIN[ch])
        elif _encodable(ch):
            out.append(ch)
        elif ch in _INVISIBLE_MARKS or "\U0001f3fb" <= ch <= "\U0001f3ff":
            continue  # emoji variation selectors and skin tones: part of the emoji before them
        elif unicodedata.category(ch) == "So" and _symbol_name(ch):
            out.append(f"[{_symbol_name(ch)}]")  # an emoji reads as its name, not "?"
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            out.append(base if base and base != ch and all(_encodable(c) for c in base) else "?")
    return "".join(out)


def _long_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _points(value: Decimal) -> str:
    """Points without trailing zeros: 7.5, 10."""
    value = Decimal(value)
    return f"{value:.0f}" if value == value.to_integral_value() else f"{value.normalize():f}"


def _year(effective: str) -> str:
    return effective[:4]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


class _Report(FPDF):
    """Letter pages with a running header and a footer that repeats the disclaimer."""

    def __init__(self, running_title: str, quick: bool = False, full_total: int = 0) -> None:
        super().__init__(orientation="portrait", unit="mm", format="Letter")
        self.running_title = running_title
        self.quick = quick
        self.full_total = full_total
        self.core_fonts_encoding = ENCODING
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(auto=True, margin=20)
        self.alias_nb_pages()

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.running_title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(200, 200, 200)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "", 7.5)
        self.set_text_color(90, 90, 90)
        self.cell(self.epw - 25, 5, pdf_text(DISCLAIMER))
        self.cell(25, 5, f"Page {self.page_no()} of {{nb}}", align=Align.R)
        self.set_text_color(0, 0, 0)

    # --- small writing helpers ------------------------------------------------------------

    def heading(self, text: str, size: float = 14) -> None:
        if self.get_y() > self.page_break_trigger - 30:
            self.add_page()
        self.ln(3)
        self.set_font("Helvetica", "B", size)
        self.multi_cell(0, size * 0.5, pdf_text(text), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def paragraph(self, text: str, size: float = 10, style: str = "", gap: float = 1.5) -> None:
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, size * 0.5, pdf_text(text), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(gap)


# --- sections ------------------------------------------------------------------------------


def _score_and_verdict(pdf: _Report, scorecard: Scorecard, verdict: Verdict) -> None:
    """The overall score, large, with its bar; the verdict sentence in a tinted box beside it."""
    # Overall score, large, with the bar it is measured against.
    top = pdf.get_y()
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(45, 5, "Overall score", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "B", 30)
    pdf.cell(45, 14, show_pct(verdict.overall_pct), new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(45, 5, f"needs {show_pct(verdict.overall_min_pct)}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    bottom = pdf.get_y()

    # The verdict sentence in a tinted box beside it; the words carry the meaning, not the tint.
    pdf.set_xy(pdf.l_margin + 50, top)
    tint = (253, 236, 224) if not verdict.passed else (224, 238, 248)
    pdf.set_fill_color(*tint)
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(
        pdf.epw - 50,
        6,
        pdf_text(explain(verdict, scorecard.names())),
        align=Align.L,
        fill=True,
        padding=3,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_fill_color(255, 255, 255)
    pdf.set_y(max(bottom, pdf.get_y()) + 3)


@dataclass(frozen=True)
class Subject:
    """Who the report is about, as the employer entered it (each part may be missing)."""

    workers: int | None = None
    cu_code: str | None = None
    industry: str | None = None


def _subject_lines(program: Program, jurisdiction: JurisdictionInfo, subject: Subject) -> list[str]:
    """The program, the worker count and the industry (CU), so a reader of the printed report
    knows which employer and which audit it was made for; a missing part says so."""
    workers = f"{subject.workers:,}" if subject.workers else "not given"
    if subject.cu_code:
        industry = f"{subject.cu_code} {subject.industry}" if subject.industry else subject.cu_code
    else:
        industry = "not given"
    return [
        f"Program: {program.name} ({jurisdiction.name})",
        f"Workers: {workers}",
        f"Industry (classification unit, CU): {industry}",
    ]


def _cover(
    pdf: _Report,
    program: Program,
    jurisdiction: JurisdictionInfo,
    scorecard: Scorecard,
    verdict: Verdict,
    generated_on: date,
    subject: Subject,
) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 24)
    pdf.cell(0, 12, "COR readiness report", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if pdf.quick:
        pdf.set_font("Helvetica", "B", 14)
        pdf.set_text_color(160, 50, 0)
        pdf.cell(0, 8, QUICK_TITLE, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "", 13)
    pdf.multi_cell(
        0,
        6.5,
        pdf_text(f"{jurisdiction.name}: {program.name}"),
        align=Align.L,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_font("Helvetica", "", 10)
    for line in _subject_lines(program, jurisdiction, subject):
        pdf.multi_cell(0, 5.5, pdf_text(line), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(80, 80, 80)
    pdf.cell(0, 6, f"Generated on {_long_date(generated_on)}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(4)

    _score_and_verdict(pdf, scorecard, verdict)
    answered, total = scorecard.answered, scorecard.total
    progress = f"Based on {answered} of {total} questions answered."
    if pdf.quick:
        progress = (
            f"Quick check: {total} of the {pdf.full_total} questions of the program, so the result is "
            f"indicative only. {progress}"
        )
    if answered < total:
        progress += (
            f" The {total - answered} unanswered questions are not counted yet, so the score is provisional."
        )
    pdf.paragraph(
        f"{progress} Pass rule in {jurisdiction.name}: at least {show_pct(verdict.overall_min_pct)} "
        f"overall and at least {show_pct(verdict.element_min_pct)} in every element "
        f"(source: {jurisdiction.source_url}, {_year(jurisdiction.effective)}).",
        size=9,
    )
    pdf.paragraph(DISCLAIMER, size=9, style="I")


def _chart_png(verdict: Verdict, names: Mapping[str, str], unscored: Mapping[str, str]) -> bytes:
    """The Readiness page's chart at a fixed width, as PNG bytes (vl-convert, offline)."""
    import vl_convert

    chart = element_chart(verdict, names, unscored).properties(width=CHART_WIDTH_PX)
    return vl_convert.vegalite_to_png(chart.to_json(), scale=2)


def _chart_description(verdict: Verdict, names: Mapping[str, str]) -> str:
    parts = [f"{names.get(e, e)} {show_pct(p)}" for e, p in verdict.element_pct.items()]
    return pdf_text(
        f"Bar chart of element scores with lines at the {show_pct(verdict.element_min_pct)} element floor "
        f"and the {show_pct(verdict.overall_min_pct)} overall bar: " + "; ".join(parts) + "."
    )


def _draw_bars(pdf: _Report, verdict: Verdict, names: Mapping[str, str]) -> None:
    """Fallback chart drawn with PDF primitives, used only when the PNG cannot be rendered."""
    label_w, gap, row_h = 58.0, 2.0, 9.0
    left = pdf.l_margin + label_w + gap
    width = pdf.epw - label_w - gap - 4
    rows = list(verdict.element_pct.items())
    height = row_h * len(rows)
    pdf.ln(8)
    top = pdf.get_y()
    for i, (element, pct) in enumerate(rows):
        y = top + i * row_h
        blocking = element in verdict.blocking_elements
        pdf.set_font("Helvetica", "", 8.5)
        name = pdf_text(names.get(element, element))
        lines = pdf.multi_cell(label_w, 3.8, name, dry_run=True, output=MethodReturnValue.LINES)
        line_count = len(lines) if isinstance(lines, list) else 1
        pdf.set_xy(pdf.l_margin, y + (row_h - 3.8 * min(line_count, 2)) / 2)
        pdf.multi_cell(label_w, 3.8, name, align=Align.R)
        bar_w = width * float(pct) / 100
        pdf.set_fill_color(*_hex(BLOCKING_COLOUR if blocking else MEETS_COLOUR))
        if bar_w > 0:
            pdf.rect(left, y + 1.5, bar_w, row_h - 3, style="F")
        label = f"{show_pct(pct)} - blocks" if blocking else show_pct(pct)
        pdf.set_font("Helvetica", "B", 8.5)
        inside = float(pct) >= 60
        pdf.set_text_color(*((255, 255, 255) if inside else (30, 30, 30)))
        lw = pdf.get_string_width(label) + 2
        pdf.set_xy(left + bar_w - lw - 1 if inside else left + bar_w + 1, y + 1.5)
        pdf.cell(lw, row_h - 3, label)
        pdf.set_text_color(0, 0, 0)
    pdf.set_draw_color(50, 50, 50)
    pdf.set_line_width(0.4)
    pdf.set_font("Helvetica", "", 7.5)
    for value, text, offset in (
        (verdict.element_min_pct, f"Element floor {show_pct(verdict.element_min_pct)}", 3.5),
        (verdict.overall_min_pct, f"Overall bar {show_pct(verdict.overall_min_pct)}", 7.5),
    ):
        x = left + width * float(value) / 100
        with pdf.local_context(dash_pattern={"dash": 1.5, "gap": 1}):
            pdf.line(x, top - 1, x, top + height)
        tw = pdf.get_string_width(text)
        pdf.text(min(x - tw / 2, pdf.w - pdf.r_margin - tw), top - offset + 1.5, text)
    pdf.set_draw_color(120, 120, 120)
    pdf.set_line_width(0.2)
    pdf.line(left, top + height, left + width, top + height)
    for tick in (0, 25, 50, 75, 100):
        x = left + width * tick / 100
        pdf.text(x - pdf.get_string_width(str(tick)) / 2, top + height + 4, str(tick))
    pdf.set_y(top + height + 7)
    pdf.set_font("Helvetica", "I", 8)
    pdf.cell(
        0,
        4,
        "Element score (%). Chart drawn without the app's chart renderer; the table below gives the same figures.",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )


def _opaque_png(png: bytes) -> tuple[bytes, int, int]:
    """The PNG without its alpha channel (the chart's background is white anyway): smaller, and
    every PDF viewer shows it the same way."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as img:
        rgb = img.convert("RGB")
    out = io.BytesIO()
    rgb.save(out, format="PNG", optimize=True)
    return out.getvalue(), rgb.width, rgb.height


_HEADING_ROOM = 14.0  # mm a section heading takes


def _chart(
    pdf: _Report, verdict: Verdict, names: Mapping[str, str], reasons: Mapping[str, NotScoredReason]
) -> None:
    charted = charted_not_scored(reasons)
    try:
        png, px_w, px_h = _opaque_png(_chart_png(verdict, names, charted))
    except Exception:  # any renderer failure: the report must still have its chart
        png, px_w, px_h = None, 0, 0
    width = pdf.epw
    height = width * px_h / px_w if png else 9.0 * len(verdict.element_pct) + 20
    room = pdf.page_break_trigger - pdf.get_y() - _HEADING_ROOM
    if height > room:
        if png and room >= 0.75 * height:  # shrink a little rather than leave most of the page empty
            width, height = width * room / height, room
        else:  # keep the heading with its chart
            pdf.add_page()
    pdf.heading("Element scores")
    if png is None:
        _draw_bars(pdf, verdict, names)
        return
    pdf.image(
        io.BytesIO(png),
        x=pdf.l_margin + (pdf.epw - width) / 2,
        w=width,
        h=height,
        alt_text=_chart_description(verdict, names),
    )
    pdf.ln(2)


_STRIPE = (246, 247, 249)
_HEAD = FontFace(emphasis="BOLD", fill_color=(232, 236, 241))
_BLOCK_STYLE = FontFace(emphasis="BOLD", color=(160, 50, 0))


def _scores_table(pdf: _Report, scorecard: Scorecard, verdict: Verdict) -> None:
    pdf.heading("Scores by element")
    pdf.paragraph(
        "Points are weighted: each question carries its own points, and 'not applicable' answers "
        "leave the total. Unanswered questions are not counted.",
        size=9,
    )
    unscored = not_scored(scorecard, verdict)
    pdf.set_font("Helvetica", "", 9)
    with pdf.table(
        col_widths=(50, 20, 30, 15, 65),
        text_align=("LEFT", "CENTER", "CENTER", "CENTER", "LEFT"),
        headings_style=_HEAD,
        line_height=4.6,
        padding=(1.2, 1.5),
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        cell_fill_color=_STRIPE,
        cell_fill_mode=TableCellFillMode.ROWS,
        width=pdf.epw,
    ) as table:
        table.row(["Element", "Answered", "Points earned / possible", "Score", "Status"])
        for e in scorecard.elements:
            scored = e.element in verdict.element_pct
            blocking = e.element in verdict.blocking_elements
            row = table.row()
            row.cell(pdf_text(e.name))
            row.cell(f"{e.answered} of {e.total}")
            row.cell(f"{_points(e.earned)} / {_points(e.possible)}" if scored else "-")
            row.cell(show_pct(verdict.element_pct[e.element]) if scored else "-")
            if scored:
                row.cell(pdf_text(status_text(verdict, e.element)), style=_BLOCK_STYLE if blocking else None)
            else:
                row.cell(pdf_text(unscored[e.element]))
    pdf.ln(2)


_PLAN_HEADINGS = (
    "#",
    "Element",
    "Action, why it matters, evidence to produce",
    "Question points",
    "Owner",
    "Target",
    "Blocks",
)
_PLAN_FONT = 8.5
_PLAN_LINE = 4.2
_PLAN_PAD = 1.2
#: Added to each row's measured height when planning pages, so fpdf2 never has to break a page
#: inside a chunk the plan thought would fit.
_ROW_SLACK = 0.6


def _plan_widths(pdf: _Report) -> tuple[float, ...]:
    """Column widths: the short columns as wide as their heading or widest value (so "Blocks"
    and a date never wrap), the action column gets the rest."""
    pdf.set_font("Helvetica", "B", _PLAN_FONT)
    fit = [pdf.get_string_width(text) + 2 * _PLAN_PAD + 1 for text in ("#", "Blocks", "2026-12-31")]
    number, blocks, target = (max(8.0, fit[0]), fit[1], fit[2])
    element, points, owner = 28.0, 16.0, 23.0
    action = pdf.epw - number - element - points - owner - target - blocks
    return (number, element, action, points, owner, target, blocks)


def _plan_cells(action: Action) -> list[str]:
    return [
        str(action.rank),
        pdf_text(action.element_name),
        pdf_text(f"{action.action}\nWhy it matters: {action.why}\nEvidence to produce: {action.look_for}"),
        _points(action.points_recoverable),
        pdf_text(_clip(action.owner, OWNER_MAX)),
        action.target.isoformat(),
        "Yes" if action.blocking else "No",
    ]


def _row_height(pdf: _Report, cells: Sequence[str], widths: Sequence[float], style: str = "") -> float:
    """A table row's height as fpdf2 lays it out: its tallest cell's lines plus padding."""
    pdf.set_font("Helvetica", style, _PLAN_FONT)
    tallest = 1
    for text, width in zip(cells, widths, strict=True):
        lines = pdf.multi_cell(
            width - 2 * _PLAN_PAD, _PLAN_LINE, text, dry_run=True, output=MethodReturnValue.LINES
        )
        tallest = max(tallest, len(lines) if isinstance(lines, list) else 1)
    return tallest * _PLAN_LINE + 2 * _PLAN_PAD + _ROW_SLACK


def page_chunks(heights: Sequence[float], heading: float, first_room: float, page_room: float) -> list[int]:
    """How many rows go on each page, with the heading row repeated on each: no page holds a
    single row of a longer table (a lone first row starts on the next page; a lone last row
    takes its neighbour with it). Rooms are the heights available on the first and later pages."""
    if not heights:
        return []
    chunks: list[int] = []
    room, count = first_room - heading, 0
    for height in heights:
        if count and height > room:
            chunks.append(count)
            room, count = page_room - heading, 0
        room -= height
        count += 1
    chunks.append(count)
    if len(chunks) > 1 and chunks[0] == 1:  # a lone first row: start the table on a new page
        return [0, *page_chunks(heights, heading, page_room, page_room)]
    if len(chunks) > 1 and chunks[-1] == 1 and chunks[-2] > 2:
        chunks[-2] -= 1
        chunks[-1] += 1
    return chunks


def _plan_intro(plan: Sequence[Action]) -> str:
    blocking = sum(1 for a in plan if a.blocking)
    recoverable = sum((a.points_recoverable for a in plan), Decimal(0))
    intro = (
        f"{count(len(plan), 'action')}, worth {_points(recoverable)} question points in all, most important first. "
        "Each action says why it matters and the evidence to produce for the auditor."
    )
    if blocking:
        intro += (
            f" The first {blocking} are in elements that block certification: no overall score "
            "makes up for an element below the floor, so they come first."
        )
    return intro


def _plan_table(pdf: _Report, plan: Sequence[Action]) -> None:
    if not plan:
        pdf.heading("Action plan")
        pdf.paragraph("No actions: every answered question earned its full question points.")
        return
    intro = _plan_intro(plan)
    widths = _plan_widths(pdf)
    rows = [_plan_cells(action) for action in plan]
    heading = _row_height(pdf, _PLAN_HEADINGS, widths, "B")
    heights = [_row_height(pdf, row, widths) for row in rows]
    pdf.set_font("Helvetica", "", 9)
    intro_lines = pdf.multi_cell(0, 4.5, pdf_text(intro), dry_run=True, output=MethodReturnValue.LINES)
    line_count = len(intro_lines) if isinstance(intro_lines, list) else 1
    above = _HEADING_ROOM + 4.5 * line_count + 1.5 + heading + sum(heights[:2])
    if pdf.get_y() + above > pdf.page_break_trigger:  # the heading and its intro go with the table
        pdf.add_page()
    pdf.heading("Action plan")
    pdf.paragraph(intro, size=9)
    first_room = pdf.page_break_trigger - pdf.get_y()
    page_room = pdf.page_break_trigger - pdf.t_margin - 10  # the running header takes about 10 mm
    start = 0
    for page, on_page in enumerate(page_chunks(heights, heading, first_room, page_room)):
        if page:
            pdf.add_page()
        if on_page:
            _plan_rows(pdf, widths, rows[start : start + on_page], plan[start : start + on_page])
        start += on_page
    pdf.ln(2)


def _plan_rows(
    pdf: _Report, widths: Sequence[float], rows: Sequence[list[str]], plan: Sequence[Action]
) -> None:
    pdf.set_font("Helvetica", "", _PLAN_FONT)
    with pdf.table(
        col_widths=tuple(widths),
        text_align=("CENTER", "LEFT", "LEFT", "CENTER", "LEFT", "CENTER", "CENTER"),
        headings_style=_HEAD,
        line_height=_PLAN_LINE,
        padding=(_PLAN_PAD, _PLAN_PAD),
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        cell_fill_color=_STRIPE,
        cell_fill_mode=TableCellFillMode.ROWS,
        width=pdf.epw,
        v_align="TOP",
    ) as table:
        table.row(list(_PLAN_HEADINGS))
        for cells, action in zip(rows, plan, strict=True):
            row = table.row()
            for text in cells[:-1]:
                row.cell(text)
            row.cell(cells[-1], style=_BLOCK_STYLE if action.blocking else None)


_BLANK = re.compile(r"^\s*$")


def _notes(pdf: _Report, questions: Sequence[Question], notes: Mapping[str, str]) -> None:
    pdf.heading("Your notes")
    by_id = {q.id: q for q in questions}
    ordered = [q.id for q in questions if q.id in notes] + [k for k in notes if k not in by_id]
    written = [(k, str(notes[k])) for k in ordered if notes[k] and not _BLANK.match(str(notes[k]))]
    if not written:
        pdf.paragraph("No notes were added.")
        return
    for question_id, note in written:
        q = by_id.get(question_id)
        if pdf.get_y() > pdf.page_break_trigger - 20:  # keep a question with the start of its note
            pdf.add_page()
        title = q.text if q else f"Question '{question_id}' (not among this program's questions)"
        pdf.paragraph(title, size=9.5, style="B", gap=0.5)
        pdf.paragraph(note, size=9.5, gap=3)


def _audit_day(pdf: _Report, rows: Sequence[tuple[str, str]]) -> None:
    """What the auditor is likely to do on the day (cor.audit_day.rows), when the user gave sites."""
    if not rows:
        return
    pdf.heading("Audit day: who the auditor talks to, and where")
    for label, value in rows:
        pdf.paragraph(f"{label}: {value}", size=9.5, gap=1)


def _sources(pdf: _Report, program: Program, jurisdiction: JurisdictionInfo, generated_on: date) -> None:
    pdf.heading("Sources and limits")
    pdf.paragraph(DISCLAIMER, style="B", size=9.5)
    rule = jurisdiction.pass_rule
    pdf.paragraph(
        f"Pass rule ({jurisdiction.name}): at least {show_pct(rule.overall_min_pct)} overall and at least "
        f"{show_pct(rule.element_min_pct)} in every element. Source: {jurisdiction.source_url} "
        f"({_year(jurisdiction.effective)}). {jurisdiction.source_note}".strip(),
        size=9,
    )
    pdf.paragraph(
        f"Program ({program.name}): {program.summary} Source: {program.source_url} ({_year(program.effective)}).",
        size=9,
    )
    pdf.paragraph(
        "Questions: COR Ready's own question bank, organised by a common list of elements. Each "
        "certifying partner owns its audit instrument, element list and scoring; ask yours for "
        "its current audit tool before your audit.",
        size=9,
    )
    pdf.paragraph(
        f"Target dates: suggested from the report date ({generated_on.isoformat()}): 30 days for actions in "
        "blocking elements, later for the rest, unless you set your own.",
        size=9,
    )


# --- entry point ---------------------------------------------------------------------------


def build_report(
    *,
    program: Program,
    jurisdiction: JurisdictionInfo,
    scorecard: Scorecard,
    verdict: Verdict,
    plan: Sequence[Action],
    questions: Sequence[Question],
    notes: Mapping[str, str],
    generated_on: date,
    quick: bool = False,
    full_total: int | None = None,
    audit_day: Sequence[tuple[str, str]] = (),
    subject: Subject | None = None,
) -> bytes:
    """The full report as PDF bytes, ready for ``st.download_button``.

    ``quick`` marks a quick check: the cover, the running title and the progress line then say
    the result is indicative (``full_total``: how many questions the full program asks).
    ``audit_day``: the audit-day expectations (:func:`cor.audit_day.rows`), shown when given.
    ``subject``: the worker count and industry (CU) the cover states with the program.
    Never raises because of user text (notes, owners): see :func:`pdf_text`.
    """
    names = scorecard.names()
    kind = " (quick check, indicative)" if quick else ""
    running = pdf_text(_clip(f"COR readiness report{kind} - {jurisdiction.name}: {program.name}", 110))
    pdf = _Report(running, quick=quick, full_total=full_total or scorecard.total)
    pdf.set_title("COR readiness report")
    pdf.set_subject(pdf_text(f"{jurisdiction.name}: {program.name}"))
    pdf.set_author("COR Ready")
    pdf.set_creator("COR Ready")
    pdf.set_lang("en-CA")
    _cover(pdf, program, jurisdiction, scorecard, verdict, generated_on, subject or Subject())
    _chart(pdf, verdict, names, not_scored_reasons(scorecard, verdict))
    pdf.add_page()
    _scores_table(pdf, scorecard, verdict)
    _plan_table(pdf, plan)
    _audit_day(pdf, audit_day)
    _notes(pdf, questions, notes)
    _sources(pdf, program, jurisdiction, generated_on)
    return bytes(pdf.output())


__all__ = ["DISCLAIMER", "Subject", "build_report", "pdf_text"]
