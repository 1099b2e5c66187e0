"""The PDF readiness report: it opens, says what the app says, and never breaks on user text."""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import NamedTuple

import pypdf
import pytest

from cor.actions import Action, action_plan
from cor.audit_day import prepare
from cor.audit_day import rows as audit_day_rows
from cor.content import default_content
from cor.exports import report_pdf
from cor.exports.report_pdf import DISCLAIMER, build_report, pdf_text
from cor.models import JurisdictionInfo, Program, Question, QuestionBank
from cor.scoring import Scorecard, Verdict, explain, score, verdict

TODAY = date(2025, 3, 1)


def _option(bank: QuestionBank, q: Question, *, credit: Decimal | None) -> str:
    return next(o for o in bank.scale(q.scale).options if o.credit == credit).id


def _answers(bank: QuestionBank, questions: tuple[Question, ...], *, weak: str | None) -> dict[str, str]:
    """Every question fully met, except the ``weak`` element where nothing is in place."""
    return {q.id: _option(bank, q, credit=Decimal(0) if q.element == weak else Decimal(1)) for q in questions}


class Built(NamedTuple):
    """What a report was built from."""

    program: Program
    jurisdiction: JurisdictionInfo
    card: Scorecard
    verdict: Verdict
    plan: list[Action]
    questions: tuple[Question, ...]


def _report(
    *,
    weak: str | None = "legislation",
    notes: Mapping[str, str] | None = None,
    edits: Mapping[str, Mapping[str, str]] | None = None,
    quick: bool = False,
    audit_day: tuple[tuple[str, str], ...] = (),
) -> tuple[bytes, Built]:
    c = default_content()
    bank = c.bank
    program = c.program("bc-large")
    jurisdiction = c.jurisdiction(program.jurisdiction)
    questions = bank.question_set("quick" if quick else program.question_set)
    answers = _answers(bank, questions, weak=weak)
    card = score(bank, questions, answers)
    v = verdict(card.points(), jurisdiction.pass_rule)
    plan = action_plan(bank, questions, answers, jurisdiction.pass_rule, today=TODAY, edits=edits)
    pdf = build_report(
        program=program,
        jurisdiction=jurisdiction,
        scorecard=card,
        verdict=v,
        plan=plan,
        questions=questions,
        notes=notes or {},
        generated_on=TODAY,
        quick=quick,
        full_total=len(bank.question_set(program.question_set)),
        audit_day=audit_day,
    )
    return pdf, Built(program, jurisdiction, card, v, plan, questions)


@functools.cache
def _default_report() -> tuple[bytes, Built]:
    """The common case, built once: legislation has nothing in place, everything else is met."""
    return _report()


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    """Words separated by single spaces: wrapping in the PDF does not change what it says."""
    return re.sub(r"\s+", " ", text).strip()


def test_report_opens_and_states_the_verdict_program_and_overall_score() -> None:
    pdf, ctx = _default_report()
    assert pdf.startswith(b"%PDF")
    text = _flat(_text(pdf))
    v = ctx.verdict
    assert "COR readiness report" in text
    assert _flat(explain(v, ctx.card.names())) in text
    assert "Would not pass" in text
    assert ctx.program.name in text
    assert ctx.jurisdiction.name in text
    assert "1 March 2025" in text


def test_report_shows_the_plan_with_blocking_actions_first() -> None:
    pdf, ctx = _default_report()
    text = _flat(_text(pdf))
    plan: list[Action] = ctx.plan
    assert plan and plan[0].blocking
    first, last = _flat(pdf_text(plan[0].action)), _flat(pdf_text(plan[-1].action))
    assert first in text and last in text
    assert text.index(first) < text.index(last)
    assert plan[0].target.isoformat() in text


def test_report_scores_table_gives_points_and_the_blocking_gap() -> None:
    pdf, ctx = _default_report()
    text = _flat(_text(pdf))
    legislation = next(e for e in ctx.card.elements if e.element == "legislation")
    # Nothing in place: 0 of all its points, 50 points below the 50% floor.
    assert f"0 / {legislation.possible:.0f}" in text
    assert "Blocks certification: 50 percentage points below the 50% floor" in text


def test_report_contains_the_chart_as_an_image() -> None:
    pdf, _ = _default_report()
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert sum(len(page.images) for page in reader.pages) >= 1


def test_report_draws_the_chart_itself_when_the_renderer_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("renderer unavailable")

    monkeypatch.setattr(report_pdf, "_chart_png", broken)
    pdf, _ = _report()
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert sum(len(page.images) for page in reader.pages) == 0  # drawn, not a picture
    text = _flat(_text(pdf))
    assert "Chart drawn without the app's chart renderer" in text
    assert "0% - blocks" in text  # the blocking bar's label, drawn as text
    assert "Element floor 50%" in text


def test_note_with_non_latin1_text_does_not_crash_and_keeps_what_can_be_printed() -> None:
    questions = default_content().bank.question_set("large")
    q = questions[0]
    pdf, _ = _report(notes={q.id: "Zoë’s crew — 日本"})
    text = _text(pdf)
    # Accents, curly apostrophe and dash are printable; the Japanese characters become "?".
    assert "Zoë’s crew — ??" in text
    assert "日本" not in text
    assert _flat(q.text) in _flat(text)


def test_letters_outside_the_font_lose_only_their_accent() -> None:
    assert pdf_text("Dvořák ≥ 3 → ok") == "Dvorák >= 3 -> ok"
    assert pdf_text("tab\there\r\nnull\x00gone 👷") == "tab here\nnullgone [construction worker]"


def test_owner_names_in_any_script_and_of_any_length_do_not_break_the_report() -> None:
    questions = default_content().bank.question_set("large")
    leg = [q for q in questions if q.element == "legislation"]
    edits = {leg[0].id: {"owner": "Łukasz Żółć"}, leg[1].id: {"owner": "Safety lead " * 60}}
    pdf, _ = _report(edits=edits)
    text = _flat(_text(pdf))
    assert "?ukasz Zó?c" in text  # Ł and ł have no Latin-1 form; Ż loses its dot; ó is kept
    assert "Safety lead Safety lead" in text


def test_long_unbroken_note_wraps_inside_the_page() -> None:
    questions = default_content().bank.question_set("large")
    token = "x" * 400
    pdf, _ = _report(notes={questions[0].id: token})
    lines = [line for line in _text(pdf).splitlines() if set(line.strip()) == {"x"}]
    assert len(lines) > 1  # wrapped onto several lines rather than running off the page
    assert sum(len(line.strip()) for line in lines) == len(token)  # and nothing was lost


def test_report_names_its_sources_and_says_it_is_unofficial() -> None:
    pdf, ctx = _default_report()
    text = _flat(_text(pdf))
    jurisdiction = ctx.jurisdiction
    assert DISCLAIMER in text
    assert str(jurisdiction.source_url) in text
    assert jurisdiction.effective[:4] in text
    assert str(ctx.program.source_url) in text


def test_passing_assessment_says_so_and_has_no_actions() -> None:
    pdf, ctx = _report(weak=None)
    text = _flat(_text(pdf))
    assert ctx.verdict.passed
    assert "Would pass" in text
    assert "No actions: every answered question earned its full question points." in text
    assert "No notes were added." in text


def test_notes_appear_under_their_question_in_question_order() -> None:
    questions = default_content().bank.question_set("large")
    first, later = questions[0], questions[10]
    pdf, _ = _report(notes={later.id: "Second note", first.id: "First note", questions[5].id: "   "})
    text = _flat(_text(pdf))
    notes = text[text.index("Your notes") :]
    assert notes.index(_flat(first.text)) < notes.index("First note") < notes.index(_flat(later.text))
    assert notes.index(_flat(later.text)) < notes.index("Second note")
    assert _flat(questions[5].text) not in notes  # a blank note is not printed


def test_a_quick_check_report_says_it_is_a_quick_check_and_indicative() -> None:
    """It read "Large employer COR, 12 of 12 answered" with no word of a quick check."""
    pdf, _ = _report(quick=True)
    text = _flat(_text(pdf))
    full = len(default_content().bank.question_set("large"))
    assert "Quick check - indicative only" in text
    assert f"of the {full} questions of the program, so the result is indicative only" in text
    assert "Quick check" not in _flat(_text(_default_report()[0]))


def test_the_action_plan_gives_each_action_its_evidence_and_why_it_matters() -> None:
    """The PDF plan had neither the evidence to produce nor why the action matters."""
    pdf, facts = _default_report()
    text = _flat(_text(pdf))
    plan = facts.plan
    assert isinstance(plan, list)
    first = plan[0]
    assert _flat(f"Why it matters: {first.why}") in text
    assert _flat(f"Evidence to produce: {first.look_for}") in text
    assert "question points in all" in text


def test_an_emoji_in_a_note_prints_as_its_name_not_question_marks() -> None:
    """Emoji printed as "???"; the core font has no emoji, so the name is printed."""
    assert (
        pdf_text("Great job 👍🏽, binder ✅ here")
        == "Great job [thumbs up sign], binder [white heavy check mark] here"
    )
    assert "?" not in pdf_text("🙂👷‍♀️")


AUDIT_DAY_HEADING = "Audit day: who the auditor talks to, and where"


def test_the_audit_day_expectations_the_user_asked_for_are_in_the_report() -> None:
    c = default_content()
    questions = c.bank.question_set(c.program("bc-large").question_set)
    plan = prepare(c, 50, 5, "bccsa", [q.id for q in questions])
    rows = tuple(audit_day_rows(plan))
    text = _flat(_text(_report(audit_day=rows)[0]))
    assert AUDIT_DAY_HEADING in text
    for label, value in rows:
        assert _flat(f"{label}: {value}") in text
    assert "Interviews to expect: 19 interviews" in text  # Energy Safety Canada: 50 employees, at least 19
    assert "Sites the auditor visits: 3 of your 5 sites" in text
    assert "BCCSA's own sampling rules are not in our sources" in text


def test_without_sites_the_report_has_no_audit_day_section() -> None:
    text = _flat(_text(_default_report()[0]))
    assert AUDIT_DAY_HEADING not in text
