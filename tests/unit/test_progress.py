"""Progress between visits and across clients (cor.workspace.progress)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from cor.assessment import Assessment
from cor.content import default_content
from cor.workspace.models import Client, ClientAction, ClientAssessment
from cor.workspace.progress import (
    actions_from,
    cohort,
    compare,
    next_audit,
    overdue,
    readiness,
    scored,
    timeline,
    trend,
)

CONTENT = default_content()
QUICK = CONTENT.bank.question_set("quick")


def quick(best: int) -> Assessment:
    answers = {}
    for n, question in enumerate(QUICK):
        options = [o for o in CONTENT.bank.scale(question.scale).options if o.credit is not None]
        top = max(options, key=lambda o: o.credit or 0)
        bottom = min(options, key=lambda o: o.credit or 0)
        answers[question.id] = (top if n < best else bottom).id
    return Assessment(jurisdiction="BC", program_id="bc-large", quick=True, answers=answers)


def halfway() -> Assessment:
    """Half credit wherever the scale has it, full credit elsewhere: no element under its floor,
    but the overall short of the bar."""
    answers = {}
    for question in QUICK:
        options = {o.id for o in CONTENT.bank.scale(question.scale).options}
        answers[question.id] = "partly" if "partly" in options else ("some" if "some" in options else "yes")
    assessment = Assessment(jurisdiction="BC", program_id="bc-large", quick=True, answers=answers)
    result = scored(CONTENT, assessment).verdict
    assert result is not None and not result.blocking_elements and not result.overall_met
    return assessment


def test_a_client_with_a_blocking_element_counts_as_blocked_even_when_the_overall_is_short_too() -> None:
    result = scored(CONTENT, quick(2)).verdict
    assert result is not None and result.blocking_elements and not result.overall_met
    assert readiness(result) == "blocked by an element"


def client(**changes: Any) -> Client:
    return Client(owner="dana", organisation="Harbour Builders", **changes)


def visit(c: Client, on: date, assessment: Assessment, label: str = "") -> ClientAssessment:
    return ClientAssessment(client_id=c.id, taken_on=on, label=label, assessment=assessment)


def test_a_stored_assessment_is_scored_on_its_own_question_set_and_rule() -> None:
    result = scored(CONTENT, quick(12))
    assert result.card.total == len(QUICK)
    assert result.verdict is not None and result.verdict.passed
    assert readiness(result.verdict) == "would pass"
    assert readiness(scored(CONTENT, quick(0)).verdict) == "blocked by an element"
    assert readiness(scored(CONTENT, halfway()).verdict) == "below the overall bar"
    assert readiness(scored(CONTENT, Assessment()).verdict) == "not scored"


def test_comparison_gives_each_elements_change_in_percentage_points() -> None:
    comparison = compare(CONTENT, quick(0), quick(12))
    assert comparison.before_overall == 0 and comparison.after_overall == 100
    assert comparison.overall_change == 100
    assert comparison.elements, "every element of the quick check is compared"
    assert all(row.change == Decimal(100) for row in comparison.elements)
    assert comparison.before_passed is False and comparison.after_passed is True


def test_comparison_with_an_unscored_visit_leaves_its_side_empty() -> None:
    comparison = compare(CONTENT, Assessment(), quick(12))
    assert comparison.before_overall is None and comparison.overall_change is None
    assert all(row.before_pct is None and row.change is None for row in comparison.elements)


def test_trend_is_oldest_first_and_skips_unscored_visits() -> None:
    c = client()
    visits = [
        visit(c, date(2026, 9, 1), quick(12)),
        visit(c, date(2026, 3, 1), quick(4)),
        visit(c, date(2026, 6, 1), Assessment()),
    ]
    points = trend(CONTENT, visits)
    assert [p.taken_on for p in points] == [date(2026, 3, 1), date(2026, 9, 1)]
    assert points[-1].overall_pct == 100 and points[-1].passed


def test_a_visits_action_plan_becomes_open_actions_with_suggested_dates() -> None:
    c = client()
    actions = actions_from(CONTENT, c.id, visit(c, date(2026, 3, 2), quick(9)), date(2026, 3, 2))
    assert len(actions) == 3
    assert {a.status for a in actions} == {"open"}
    assert all(a.due is not None and a.due > date(2026, 3, 2) for a in actions)
    assert all(a.question_id for a in actions)


def test_overdue_actions_are_past_due_and_not_done() -> None:
    c = client()
    late = ClientAction(client_id=c.id, title="Sign the policy", due=date(2026, 1, 5))
    done = ClientAction(client_id=c.id, title="Train crew", due=date(2026, 1, 1), status="done")
    later = ClientAction(client_id=c.id, title="Inspect", due=date(2026, 12, 1))
    undated = ClientAction(client_id=c.id, title="Someday")
    assert overdue([later, done, late, undated], date(2026, 2, 1)) == [late]


def test_a_certified_clients_next_audit_rolls_into_the_current_cycle() -> None:
    c = client(certified_on=date(2020, 5, 10))
    audit = next_audit(c, date(2026, 2, 1))
    assert audit is not None
    # 2020 -> recertified 2023 -> maintenance in 2024 and 2025 -> recertification by 10 May 2026
    assert audit.kind == "recertification" and audit.due == date(2026, 5, 10)
    assert next_audit(client(), date(2026, 2, 1)) is None


def test_the_timeline_holds_visits_actions_and_audits_in_date_order() -> None:
    c = client(certified_on=date(2025, 4, 1))
    entries = timeline(
        c,
        [visit(c, date(2025, 2, 1), quick(6), "First visit")],
        [ClientAction(client_id=c.id, title="Sign the policy", due=date(2025, 3, 1))],
        CONTENT,
        date(2025, 6, 1),
    )
    kinds = [e.kind for e in entries]
    assert kinds[:3] == ["assessment", "action due", "audit"]
    assert entries[0].text.startswith("Assessment (First visit): ")
    assert entries[2].text == "Certification audit"
    assert any(e.text == "Year 2 maintenance audit due" and e.on == date(2026, 12, 31) for e in entries)
    assert [e.on for e in entries] == sorted(e.on for e in entries)


def test_the_cohort_counts_readiness_weakest_elements_overdue_and_upcoming_audits() -> None:
    ready, weak, unseen = client(), client(certified_on=date(2023, 3, 1)), client()
    today = date(2026, 1, 15)
    late = ClientAction(client_id=weak.id, title="Fix it", due=date(2026, 1, 1))
    picture = cohort(
        CONTENT,
        [ready, weak, unseen],
        {ready.id: quick(12), weak.id: quick(2)},
        {weak.id: [late]},
        today,
    )
    assert picture.clients == 3
    assert picture.distribution == {
        "would pass": 1,
        "blocked by an element": 1,
        "below the overall bar": 0,
        "not scored": 1,
    }
    assert picture.weakest[0].clients_below_floor == 1 and picture.weakest[0].clients_scored == 2
    assert picture.overdue == ((weak.id, late),)
    assert [u.client_id for u in picture.upcoming] == [weak.id]
    assert picture.upcoming[0].milestone.due == date(2026, 3, 1)


def test_a_change_is_the_difference_of_the_figures_shown() -> None:
    from cor.formatting import show_pct
    from cor.workspace.progress import ElementChange

    row = ElementChange(element="e", name="E", before_pct=Decimal("45.19"), after_pct=Decimal("72.23"))
    assert row.before_pct is not None and row.after_pct is not None
    assert (show_pct(row.before_pct), show_pct(row.after_pct)) == ("45.1%", "72.2%")
    assert row.change == Decimal("27.1")


def test_an_action_met_by_a_later_visit_is_neither_open_nor_overdue() -> None:
    from cor.workspace.progress import action_counts, actions_from, met_on, outstanding, overdue

    harbour = client()
    first = visit(harbour, date(2026, 3, 2), quick(3))
    actions = [
        a.model_copy(update={"due": date(2026, 4, 1)})
        for a in actions_from(CONTENT, harbour.id, first, date(2026, 3, 2))
    ]
    manual = ClientAction(client_id=harbour.id, title="Order first-aid kits", due=date(2026, 4, 1))
    today = date(2026, 10, 1)
    assert len(outstanding([*actions, manual], met_on(CONTENT, actions, [first]))) == len(actions) + 1
    later = visit(harbour, date(2026, 9, 14), quick(12))
    met = met_on(CONTENT, [*actions, manual], [first, later])
    assert set(met) == {a.id for a in actions} and set(met.values()) == {date(2026, 9, 14)}
    assert outstanding([*actions, manual], met) == [manual] == overdue([*actions, manual], today, met)
    assert (
        action_counts([*actions, manual], met, today)
        == f"1 action open, 1 overdue, {len(actions)} met by the latest visit."
    )


def test_two_visits_on_one_day_the_one_recorded_last_decides_what_is_met() -> None:
    from cor.workspace.progress import actions_from, met_on

    harbour = client()
    morning = visit(harbour, date(2026, 3, 2), quick(3))
    afternoon = visit(harbour, date(2026, 3, 2), quick(12))
    actions = actions_from(CONTENT, harbour.id, morning, date(2026, 3, 2))
    assert set(met_on(CONTENT, actions, [morning, afternoon])) == {a.id for a in actions}
