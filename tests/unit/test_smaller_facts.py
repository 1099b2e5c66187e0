"""Smaller corrections of facts, each as the source states it: the OHS Regulation section
for a worker representative's training, BCFSC's refresher for BASE auditors, and the later
incentive payment rounds."""

from __future__ import annotations

from datetime import date

from cor.content import default_content
from cor.cycle import schedule

C = default_content()


def test_the_worker_representatives_four_hours_cite_section_3_28_and_members_3_27() -> None:
    question = next(q for q in C.bank.questions if q.id == "jhsc-training")
    assert "section 3.27: at least 8 hours" in question.look_for
    assert "section 3.28: 4 hours for a worker health and safety representative" in question.look_for


def test_bcfscs_seven_hour_refresher_applies_to_base_auditors_too() -> None:
    (rule,) = [r for r in C.cycle.auditor_rules if r.partner == "bcfsc"]
    assert "BASE" in rule.rule and "7 hours" in rule.rule
    assert rule.effective >= "2024"


def test_each_credit_date_says_later_payment_rounds_exist() -> None:
    plan = schedule(certified_on=date(2025, 3, 14), today=date(2025, 6, 1))
    credits = [m for m in plan.milestones if m.kind == "incentive_credit"]
    assert credits
    for credit in credits:
        assert "later round" in credit.detail and "December" in credit.detail
