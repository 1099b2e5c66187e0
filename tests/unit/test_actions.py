"""Gap analysis: what becomes an action, in which order, and what finishing them would do."""

from __future__ import annotations

from datetime import date

from cor.actions import action_plan, actions_to_pass, projected
from cor.content import default_content
from cor.models import Question
from cor.scoring import score, verdict

BANK = default_content().bank
QUESTIONS = BANK.question_set("large")
TODAY = date(2026, 11, 21)


def best(q: Question) -> str:
    return BANK.scale(q.scale).options[0].id  # the first option earns full credit


def worst(q: Question) -> str:
    return next(o.id for o in BANK.scale(q.scale).options if o.credit == 0)


def answers_with(**per_element: str) -> dict[str, str]:
    """Every question fully met, except the elements named: "worst" for those."""
    return {q.id: worst(q) if q.element in per_element else best(q) for q in QUESTIONS}


def test_only_shortfalls_become_actions_and_not_applicable_is_not_one() -> None:
    answers = answers_with(inspections="worst")
    na_question = next(q for q in QUESTIONS if q.element == "training")
    answers[na_question.id] = next(o.id for o in BANK.scale(na_question.scale).options if o.credit is None)
    plan = action_plan(BANK, QUESTIONS, answers, today=TODAY)
    assert {a.element for a in plan} == {"inspections"}
    assert len(plan) == sum(1 for q in QUESTIONS if q.element == "inspections")


def test_blocking_elements_come_first_then_the_largest_gains() -> None:
    answers = answers_with(inspections="worst")
    # a partial answer elsewhere: a gain, but not in a blocking element
    big = max((q for q in QUESTIONS if q.element == "leadership"), key=lambda q: q.points)
    partly = next(o for o in BANK.scale(big.scale).options if o.credit is not None and 0 < o.credit < 1)
    answers[big.id] = partly.id
    plan = action_plan(BANK, QUESTIONS, answers, today=TODAY)
    blocking = [a.blocking for a in plan]
    assert blocking == sorted(blocking, reverse=True), "blocking actions must come first"
    assert plan[-1].question_id == big.id
    gains = [a.points_recoverable for a in plan if a.blocking]
    assert gains == sorted(gains, reverse=True)
    assert [a.rank for a in plan] == list(range(1, len(plan) + 1))


def test_the_users_owner_and_target_replace_the_suggestions() -> None:
    answers = answers_with(inspections="worst")
    first = action_plan(BANK, QUESTIONS, answers, today=TODAY)[0]
    edits = {first.question_id: {"owner": "Dana (site lead)", "target": "2027-02-01"}}
    edited = action_plan(BANK, QUESTIONS, answers, today=TODAY, edits=edits)[0]
    assert edited.owner == "Dana (site lead)"
    assert edited.target == date(2027, 2, 1)


def test_finishing_every_action_reaches_full_marks() -> None:
    answers = answers_with(inspections="worst", training="worst")
    plan = action_plan(BANK, QUESTIONS, answers, today=TODAY)
    assert projected(BANK, QUESTIONS, answers, plan, len(plan)).overall_pct == 100
    assert projected(BANK, QUESTIONS, answers, plan, 0) == verdict(score(BANK, QUESTIONS, answers).points())


def test_actions_to_pass_is_the_fewest_actions_in_plan_order() -> None:
    answers = answers_with(inspections="worst")
    plan = action_plan(BANK, QUESTIONS, answers, today=TODAY)
    needed = actions_to_pass(BANK, QUESTIONS, answers, plan)
    assert needed is not None and needed > 0
    assert projected(BANK, QUESTIONS, answers, plan, needed).passed
    assert not projected(BANK, QUESTIONS, answers, plan, needed - 1).passed


def test_actions_to_pass_is_zero_when_already_passing() -> None:
    answers = answers_with()
    assert actions_to_pass(BANK, QUESTIONS, answers, action_plan(BANK, QUESTIONS, answers, today=TODAY)) == 0
