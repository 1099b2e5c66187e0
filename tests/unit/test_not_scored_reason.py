"""Why an element has no score is a structured reason, and the chart's choice of which not-scored
elements get a bar reads that reason, never the words shown for it."""

from __future__ import annotations

from cor.charts.readiness import NotScoredReason, charted_not_scored, not_scored, not_scored_reasons
from cor.content import default_content
from cor.scoring import score, verdict


def _answered_with_one_element_all_not_applicable() -> tuple[dict[str, NotScoredReason], dict[str, str]]:
    bank = default_content().bank
    questions = bank.question_set("large")
    first, last = questions[0].element, questions[-1].element
    answers = {}
    for question in questions:
        options = bank.scale(question.scale).options
        if question.element == first:
            answers[question.id] = next(o for o in options if o.credit is not None).id
        elif question.element == last:
            answers[question.id] = next(o for o in options if o.credit is None).id  # Not applicable
    card = score(bank, questions, answers)
    result = verdict(card.points())
    return not_scored_reasons(card, result), not_scored(card, result)


def test_each_element_without_a_score_has_its_reason_and_the_words_come_from_it() -> None:
    reasons, words = _answered_with_one_element_all_not_applicable()
    bank = default_content().bank
    last = bank.question_set("large")[-1].element
    assert reasons[last] is NotScoredReason.ALL_NOT_APPLICABLE
    assert words[last] == "Not scored: every answer is Not applicable"
    unanswered = [element for element, reason in reasons.items() if element != last]
    assert unanswered and all(reasons[e] is NotScoredReason.NO_APPLICABLE_ANSWER for e in unanswered)
    assert {words[e] for e in unanswered} == {"Not scored: no applicable answer yet"}


def test_only_an_element_answered_entirely_not_applicable_gets_an_empty_bar_on_the_chart() -> None:
    reasons, words = _answered_with_one_element_all_not_applicable()
    charted = charted_not_scored(reasons)
    assert charted == {e: words[e] for e, r in reasons.items() if r is NotScoredReason.ALL_NOT_APPLICABLE}
    assert len(charted) == 1
