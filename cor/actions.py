"""Gap analysis: every shortfall becomes an action, ordered by what matters for certification.

Actions in elements that block certification (below the element floor) come first, because no
overall score can compensate for them; then the largest point gains. The projected score shows
what finishing the first N actions would do to the verdict.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from cor.models import PassRule, Question, QuestionBank
from cor.scoring import Verdict, chosen_option, score, verdict


class Action(BaseModel):
    model_config = ConfigDict(frozen=True)

    rank: int
    question_id: str
    element: str
    element_name: str
    question: str
    action: str
    why: str
    evidence: tuple[str, ...]
    look_for: str
    answer: str
    points_recoverable: Decimal
    blocking: bool
    owner: str
    target: date


def _target(today: date, rank: int, blocking: bool) -> date:
    """Suggested target: blockers within 30 days, then the rest spread over the next months."""
    if blocking:
        return today + timedelta(days=30)
    return today + timedelta(days=60 + 30 * (rank // 5))


def action_plan(
    bank: QuestionBank,
    questions: Sequence[Question],
    answers: Mapping[str, str | None],
    rule: PassRule | None = None,
    today: date | None = None,
    edits: Mapping[str, Mapping[str, str]] | None = None,
) -> list[Action]:
    """One action per answered question that earned less than its points, in priority order.

    ``edits`` maps question id to the user's own "owner" and "target" (ISO date) for that action.
    """
    today = today or date.today()
    edits = edits or {}
    card = score(bank, questions, answers)
    try:
        v = verdict(card.points(), rule)
        blocking = set(v.blocking_elements)
    except ValueError:
        return []
    names = card.names()
    gaps = []
    for q in questions:
        option = chosen_option(bank, q, answers)
        if option is None or option.credit is None or option.credit >= 1:
            continue
        gaps.append((q, option.label, q.points * (1 - option.credit)))
    gaps.sort(key=lambda g: (g[0].element not in blocking, -g[2], g[0].id))
    plan = []
    for rank, (q, label, recoverable) in enumerate(gaps, start=1):
        edit = edits.get(q.id, {})
        target = _target(today, rank, q.element in blocking)
        if edit.get("target"):
            with contextlib.suppress(ValueError):
                target = date.fromisoformat(str(edit["target"]))
        plan.append(
            Action(
                rank=rank,
                question_id=q.id,
                element=q.element,
                element_name=names.get(q.element, q.element),
                question=q.text,
                action=q.action,
                why=q.why,
                evidence=q.evidence,
                look_for=q.look_for,
                answer=label,
                points_recoverable=recoverable,
                blocking=q.element in blocking,
                owner=str(edit.get("owner") or q.owner),
                target=target,
            )
        )
    return plan


def projected(
    bank: QuestionBank,
    questions: Sequence[Question],
    answers: Mapping[str, str | None],
    plan: Sequence[Action],
    done: int,
    rule: PassRule | None = None,
) -> Verdict:
    """The verdict if the first ``done`` actions were completed (their questions fully met)."""
    improved = dict(answers)
    by_id = {q.id: q for q in questions}
    for action in plan[:done]:
        q = by_id[action.question_id]
        best = max(
            (o for o in bank.scale(q.scale).options if o.credit is not None),
            key=lambda o: o.credit or Decimal(0),
        )
        improved[q.id] = best.id
    return verdict(score(bank, questions, improved).points(), rule)


def actions_to_pass(
    bank: QuestionBank,
    questions: Sequence[Question],
    answers: Mapping[str, str | None],
    plan: Sequence[Action],
    rule: PassRule | None = None,
) -> int | None:
    """The fewest actions, taken in plan order, that would bring the verdict to a pass (0 when it
    already passes), or None when even the whole plan would not (unanswered questions remain)."""
    return next(
        (n for n in range(len(plan) + 1) if projected(bank, questions, answers, plan, n, rule).passed),
        None,
    )
