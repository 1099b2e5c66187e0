"""The printed report says whom it is about, and its action table reads well on
paper (no wrapped "Blocks", no page holding a single row of the plan)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pypdf
import pytest

from cor.actions import action_plan
from cor.content import default_content
from cor.exports import report_pdf
from cor.exports.report_pdf import Subject, build_report, page_chunks
from cor.scoring import score, verdict

TODAY = date(2025, 3, 1)
C = default_content()
BANK = C.bank
PROGRAM = C.program("bc-large")
JURISDICTION = C.jurisdiction("BC")
QUESTIONS = BANK.question_set(PROGRAM.question_set)


def report(gaps: int, subject: Subject | None = None) -> list[str]:
    """The text of each page of a report whose first ``gaps`` questions have nothing in place."""
    answers = {
        q.id: next(
            o.id for o in BANK.scale(q.scale).options if o.credit == (Decimal(0) if i < gaps else Decimal(1))
        )
        for i, q in enumerate(QUESTIONS)
    }
    card = score(BANK, QUESTIONS, answers)
    plan = action_plan(BANK, QUESTIONS, answers, JURISDICTION.pass_rule, today=TODAY)
    assert len(plan) == gaps
    pdf = build_report(
        program=PROGRAM,
        jurisdiction=JURISDICTION,
        scorecard=card,
        verdict=verdict(card.points(), JURISDICTION.pass_rule),
        plan=plan,
        questions=QUESTIONS,
        notes={},
        generated_on=TODAY,
        subject=subject,
    )
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_the_cover_states_the_program_workers_and_industry() -> None:
    unit = next(u for u in C.units if u.code.startswith("72"))
    cover = report(3, Subject(workers=25, cu_code=unit.code, industry=unit.name))[0]
    assert f"Program: {PROGRAM.name} ({JURISDICTION.name})" in cover
    assert "Workers: 25" in cover
    assert f"Industry (classification unit, CU): {unit.code} {' '.join(unit.name.split())}" in cover


def test_a_cover_without_workers_or_industry_says_they_were_not_given() -> None:
    cover = report(3)[0]
    assert "Workers: not given" in cover
    assert "Industry (classification unit, CU): not given" in cover


def test_the_blocks_heading_is_one_word_on_one_line() -> None:
    pages = report(5)
    plan_page = next(page for page in pages if "Action, why it matters" in page)
    assert "Target Blocks" in plan_page, plan_page[:600]


@pytest.fixture
def no_chart_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The chart drawn with PDF primitives (same height on every machine, and faster)."""

    def fail(*_: object) -> bytes:
        raise RuntimeError("no renderer in this test")

    monkeypatch.setattr(report_pdf, "_chart_png", fail)


#: Plan lengths where an earlier report left one row alone on a page: the first row at
#: the foot of a page for every length, and the last row alone for 40.
LENGTHS = (1, 2, 9, 23, 40)


@pytest.mark.usefixtures("no_chart_renderer")
@pytest.mark.parametrize("gaps", LENGTHS)
def test_no_page_holds_a_single_row_of_the_plan_and_its_heading_stays_with_it(gaps: int) -> None:
    pages = report(gaps)
    rows_per_page = [page.count("Why it matters:") for page in pages]
    assert sum(rows_per_page) == gaps
    if gaps > 1:
        assert 1 not in rows_per_page, rows_per_page
    heading_page = next(page for page in pages if "in all, most important first" in page)
    assert "Why it matters:" in heading_page


def test_page_chunks_move_a_lone_last_row_and_a_lone_first_row() -> None:
    assert page_chunks([10] * 5, 5, 45, 45) == [3, 2]  # 4 + 1 would leave the last one alone
    assert page_chunks([10] * 3, 5, 16, 100) == [0, 3]  # only one row fits under the heading
    assert page_chunks([10] * 3, 5, 100, 100) == [3]
    assert page_chunks([], 5, 100, 100) == []
