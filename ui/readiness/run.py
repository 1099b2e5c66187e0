"""What every Readiness view needs, computed once per run by the page."""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from cor.charts.readiness import NotScoredReason, charted_not_scored, not_scored_reasons
from cor.models import Content, JurisdictionInfo, PassRule, Program, Question, QuestionBank
from cor.scoring import Scorecard, Verdict, score, verdict


@dataclass(frozen=True)
class ReadinessRun:
    """The program, its questions and the score of what is answered, for this run."""

    content: Content
    jurisdiction: JurisdictionInfo
    program: Program
    quick: bool
    questions: tuple[Question, ...]
    card: Scorecard
    verdict: Verdict | None
    #: Elements without a score, with why (shown as "not scored").
    reasons: dict[str, NotScoredReason] = field(default_factory=dict)

    @property
    def unscored(self) -> dict[str, str]:
        """Elements without a score, with the reason in words (the table lists them all)."""
        return {element: reason.words for element, reason in self.reasons.items()}

    @property
    def charted(self) -> dict[str, str]:
        """The elements without a score that the chart shows as an empty bar, with the reason."""
        return charted_not_scored(self.reasons)

    @property
    def bank(self) -> QuestionBank:
        return self.content.bank

    @property
    def rule(self) -> PassRule:
        return self.jurisdiction.pass_rule

    @property
    def label(self) -> str:
        """What the assessment is, as every report names it: a quick check says it is indicative."""
        if self.quick:
            return f"Quick check (indicative), {self.program.name}"
        return self.program.name


def readiness_run(
    content: Content, jurisdiction: JurisdictionInfo, program: Program, quick: bool
) -> ReadinessRun:
    questions = content.bank.question_set("quick" if quick else program.question_set)
    card = score(content.bank, questions, st.session_state["answers"])
    try:
        result: Verdict | None = verdict(card.points(), jurisdiction.pass_rule)
    except ValueError:
        result = None
    reasons = not_scored_reasons(card, result) if result is not None else {}
    return ReadinessRun(content, jurisdiction, program, quick, questions, card, result, reasons)
