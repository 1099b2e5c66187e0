"""The client-ready PDF a consultant leaves after a follow-up visit.

It names the organisation, its industry (CUs), its certifying partner and program, says where
the latest assessment stands and what changed since the previous visit, lists the answers, and
gives the action plan with the evidence to produce and why each action matters, with the status
the consultant keeps in the workspace. User text goes through the readiness report's
``pdf_text`` (never fails on what someone typed) and carries its disclaimer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from fpdf import FPDF, FontFace
from fpdf.enums import Align, TableBordersLayout, XPos, YPos

from cor.actions import Action
from cor.exports.report_pdf import DISCLAIMER, pdf_text
from cor.formatting import long_date, show_pct
from cor.models import Content
from cor.scoring import chosen_option, explain
from cor.workspace.models import Client, ClientAction, ClientAssessment
from cor.workspace.progress import (
    Comparison,
    Scored,
    action_counts,
    compare,
    met_on,
    plan_for,
    scored,
)

_HEAD = FontFace(emphasis="BOLD", fill_color=(232, 236, 241))
STATUS_WORDS = {"open": "Open", "in_progress": "In progress", "done": "Done"}
EVIDENCE_WORDS = {"documentation": "documents", "interview": "interviews", "observation": "observation"}


class _ClientPdf(FPDF):
    def __init__(self, running_title: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="Letter")
        self.running_title = running_title
        self.core_fonts_encoding = "windows-1252"
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(auto=True, margin=20)
        self.alias_nb_pages()

    def header(self) -> None:
        if self.page_no() > 1:
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, self.running_title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(3)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "", 7.5)
        self.cell(self.epw - 25, 5, pdf_text(DISCLAIMER))
        self.cell(25, 5, f"Page {self.page_no()} of {{nb}}", align=Align.R)

    def heading(self, text: str, size: float = 13) -> None:
        if self.get_y() > self.page_break_trigger - 30:
            self.add_page()
        self.ln(3)
        self.set_font("Helvetica", "B", size)
        self.multi_cell(0, size * 0.5, pdf_text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def paragraph(self, text: str, size: float = 10, style: str = "") -> None:
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, size * 0.5, pdf_text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)


def _industry(content: Content, client: Client) -> str:
    parts = []
    for code in client.cu_codes:
        unit = content.unit(code)
        parts.append(f"{code} {unit.name} ({unit.industry})" if unit else f"{code} (not in COR Ready's list)")
    return "; ".join(parts) or "not recorded"


def _partner(content: Content, client: Client) -> str:
    if not client.partner_id:
        return "not chosen yet"
    match = [p for p in content.partners if p.id == client.partner_id]
    return match[0].name if match else client.partner_id


def _cover(
    pdf: _ClientPdf, content: Content, client: Client, latest: Scored, consultant: str, on: date
) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 10, pdf_text(client.organisation), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.paragraph("COR readiness follow-up", size=13, style="B")
    facts = [
        ("Prepared on", long_date(on)),
        ("Prepared by", consultant),
        ("Contact", client.contact or "not recorded"),
        ("Industry (CUs)", _industry(content, client)),
        ("Certifying partner", _partner(content, client)),
        ("Program", latest.program.name),
        ("Workers", str(client.workers) if client.workers else "not recorded"),
    ]
    for label, value in facts:
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(42, 5.5, pdf_text(label))
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 5.5, pdf_text(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    if latest.verdict is not None:
        pdf.paragraph(explain(latest.verdict, latest.card.names()), style="B")
    else:
        pdf.paragraph("The latest assessment has no scored answer yet.")
    pdf.paragraph(DISCLAIMER, size=9)


def _change(
    pdf: _ClientPdf, comparison: Comparison, before: ClientAssessment, after: ClientAssessment
) -> None:
    pdf.heading(f"Change since the last visit ({long_date(before.taken_on)} to {long_date(after.taken_on)})")
    overall = comparison.overall_change
    if overall is not None and comparison.before_overall is not None and comparison.after_overall is not None:
        pdf.paragraph(
            f"Overall score: {show_pct(comparison.before_overall)} then {show_pct(comparison.after_overall)} "
            f"({_signed(overall)} percentage points)."
        )
    pdf.set_font("Helvetica", "", 9)
    with pdf.table(
        col_widths=(80, 25, 25, 30), headings_style=_HEAD, borders_layout=TableBordersLayout.HORIZONTAL_LINES
    ) as table:
        table.row(["Element", "Before", "Now", "Change (percentage points)"])
        for row in comparison.elements:
            cells = table.row()
            cells.cell(pdf_text(row.name))
            cells.cell(show_pct(row.before_pct) if row.before_pct is not None else "-")
            cells.cell(show_pct(row.after_pct) if row.after_pct is not None else "-")
            cells.cell(_signed(row.change) if row.change is not None else "-")


def _signed(value: Decimal) -> str:
    """A change in percentage points with its sign: +12.5, -3, 0."""
    number = value.quantize(Decimal("0.1"))
    return f"+{number}" if number > 0 else f"{number}"


def _answers(pdf: _ClientPdf, content: Content, latest: Scored, visit: ClientAssessment) -> None:
    pdf.heading(f"Answers at the visit of {long_date(visit.taken_on)}")
    names = latest.card.names()
    pdf.set_font("Helvetica", "", 8.5)
    with pdf.table(
        col_widths=(35, 85, 30, 30),
        headings_style=_HEAD,
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        v_align="TOP",
    ) as table:
        table.row(["Element", "Question", "Answer", "Note"])
        for question in latest.questions:
            option = chosen_option(content.bank, question, visit.assessment.answers)
            cells = table.row()
            cells.cell(pdf_text(names.get(question.element, question.element)))
            cells.cell(pdf_text(question.text))
            cells.cell(pdf_text(option.label if option else "Not answered"))
            cells.cell(pdf_text(visit.assessment.notes.get(question.id, "")[:300]))


def _plan(pdf: _ClientPdf, plan: Sequence[Action], actions: Sequence[ClientAction]) -> None:
    pdf.heading("Action plan")
    if not plan:
        pdf.paragraph("No actions: every answered question earned its full points.")
        return
    kept = {a.question_id: a for a in actions if a.question_id}
    for item in plan:
        tracked = kept.get(item.question_id)
        status = STATUS_WORDS.get(tracked.status, tracked.status) if tracked else "Open"
        owner = tracked.owner if tracked and tracked.owner else item.owner
        due = tracked.due if tracked and tracked.due else item.target
        blocks = " - blocks certification" if item.blocking else ""
        pdf.paragraph(f"{item.rank}. {item.action}", size=10, style="B")
        evidence = ", ".join(EVIDENCE_WORDS.get(kind, kind) for kind in item.evidence)
        pdf.paragraph(
            f"{item.element_name}{blocks}. Status: {status}. Owner: {owner}. Due: {long_date(due)}.\n"
            f"Why it matters: {item.why}\n"
            f"Evidence to produce ({evidence}): {item.look_for}",
            size=9,
        )


def _counts(pdf: _ClientPdf, actions: Sequence[ClientAction], met: Mapping[str, date], today: date) -> None:
    if actions:
        pdf.paragraph(
            f"Tracked actions on {long_date(today)}: " + action_counts(actions, met, today), size=10
        )


def build_client_report(
    *,
    content: Content,
    client: Client,
    visits: Sequence[ClientAssessment],
    actions: Sequence[ClientAction],
    consultant: str,
    generated_on: date,
) -> bytes:
    """The client PDF from the client's visits (the latest, compared with the one before)."""
    if not visits:
        raise ValueError("Record an assessment for this client before making the client report.")
    ordered = sorted(visits, key=lambda v: v.taken_on)
    latest_visit = ordered[-1]
    latest = scored(content, latest_visit.assessment)
    pdf = _ClientPdf(pdf_text(f"COR readiness follow-up - {client.organisation}"[:110]))
    pdf.set_title("COR readiness follow-up")
    pdf.set_author("COR Ready")
    pdf.set_lang("en-CA")
    _cover(pdf, content, client, latest, consultant, generated_on)
    if len(ordered) > 1:
        _change(
            pdf, compare(content, ordered[-2].assessment, latest_visit.assessment), ordered[-2], latest_visit
        )
    else:
        pdf.heading("Change since the last visit")
        pdf.paragraph("This is the first recorded visit: the next report will show the change.")
    _plan(pdf, plan_for(content, latest_visit.assessment, latest_visit.taken_on), actions)
    _counts(pdf, actions, met_on(content, actions, ordered), generated_on)
    pdf.add_page()
    _answers(pdf, content, latest, latest_visit)
    return bytes(pdf.output())


__all__ = ["build_client_report"]
