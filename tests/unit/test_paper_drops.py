"""Points by kind of evidence, compared like with like: the published audit's figure
is the points a documentation-only audit dropped (whole questions), so this bank's figure beside it
is counted the same way, not as the split of each question's points."""

from __future__ import annotations

from decimal import Decimal

from cor.audit_day import paper_drops, prepare, rows
from cor.content import default_content

C = default_content()


def test_a_question_checked_by_documents_and_interviews_is_dropped_whole_on_paper() -> None:
    q = next(q for q in C.bank.questions if set(q.evidence) == {"documentation", "interview"})
    paper = next(q for q in C.bank.questions if set(q.evidence) == {"documentation"})
    assert paper_drops([q, paper]) == Decimal(q.points) * 100 / (q.points + paper.points)


def test_the_bank_is_compared_with_the_published_audit_on_the_same_count() -> None:
    large = [q.id for q in C.bank.question_set("large")]
    plan = prepare(C, 50, 1, question_ids=large)
    expected = sum(
        q.points for q in C.bank.questions if q.id in large and set(q.evidence) - {"documentation"}
    )
    total = sum(q.points for q in C.bank.questions if q.id in large)
    assert plan.paper_drops_pct == Decimal(expected) * 100 / total
    assert plan.paper_drops_pct > plan.people_and_places_pct  # whole questions, not split shares
    labels = dict(rows(plan))
    assert "Points lost on paper alone, counted the same way here" in labels
    assert "In a published audit" not in labels
