"""A client's progress between visits, and the picture across a consultant's clients.

Pure functions over the workspace's records: score a stored assessment the way the Readiness page
does (same question set, same pass rule), compare two visits element by element, follow the trend,
and sum up a cohort (how ready, where weakest, which actions are overdue, which audits come next).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from cor.actions import Action, action_plan
from cor.assessment import Assessment
from cor.cycle import Milestone, add_years, plan
from cor.formatting import count, show_pct, tenth_down
from cor.models import Content, PassRule, Program, Question
from cor.scoring import Scorecard, Verdict, score, verdict
from cor.workspace.models import Client, ClientAction, ClientAssessment

Readiness = Literal["would pass", "blocked by an element", "below the overall bar", "not scored"]
READINESS_ORDER: tuple[Readiness, ...] = (
    "would pass",
    "blocked by an element",
    "below the overall bar",
    "not scored",
)
#: Audits this many days ahead or fewer count as upcoming in the cohort view.
UPCOMING_DAYS = 120


class Scored(BaseModel):
    """One assessment scored: its program, questions, points per element and verdict."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    program: Program
    rule: PassRule
    questions: tuple[Question, ...]
    card: Scorecard
    verdict: Verdict | None


def program_of(content: Content, assessment: Assessment) -> Program:
    """The assessment's program, else the first program of its province (the content's default)."""
    if assessment.program_id:
        for program in content.programs:
            if program.id == assessment.program_id:
                return program
    jurisdiction = assessment.jurisdiction or content.default_jurisdiction().code
    return next(p for p in content.programs if p.jurisdiction == jurisdiction)


def scored(content: Content, assessment: Assessment) -> Scored:
    """Score an assessment as the Readiness page does (quick check or the program's full set)."""
    program = program_of(content, assessment)
    rule = content.jurisdiction(program.jurisdiction).pass_rule
    tag = "quick" if assessment.quick else program.question_set
    questions = content.bank.question_set(tag)
    card = score(content.bank, questions, assessment.answers)
    try:
        result: Verdict | None = verdict(card.points(), rule)
    except ValueError:
        result = None
    return Scored(program=program, rule=rule, questions=questions, card=card, verdict=result)


def readiness(result: Verdict | None) -> Readiness:
    """One word for a verdict. An element under its floor blocks certification whatever the
    overall score, so a client with a blocking element is "blocked by an element" even when the
    overall score is short too (the element is the one thing no overall gain can make up)."""
    if result is None:
        return "not scored"
    if result.passed:
        return "would pass"
    return "blocked by an element" if result.blocking_elements else "below the overall bar"


# --- two visits -------------------------------------------------------------------------------


def as_shown(pct: Decimal) -> Decimal:
    """A percentage as ``cor.formatting.show_pct`` prints it (``tenth_down``: cut to a tenth)."""
    return tenth_down(pct)


class ElementChange(BaseModel):
    model_config = ConfigDict(frozen=True)

    element: str
    name: str
    before_pct: Decimal | None
    after_pct: Decimal | None

    @property
    def change(self) -> Decimal | None:
        """The change between the two scores *as shown* (each to one decimal, rounded down like
        ``show_pct``), so 45.1% -> 72.2% reads +27.1 wherever it is printed."""
        if self.before_pct is None or self.after_pct is None:
            return None
        return as_shown(self.after_pct) - as_shown(self.before_pct)


class Comparison(BaseModel):
    model_config = ConfigDict(frozen=True)

    before_overall: Decimal | None
    after_overall: Decimal | None
    before_passed: bool | None
    after_passed: bool | None
    elements: tuple[ElementChange, ...]

    @property
    def overall_change(self) -> Decimal | None:
        if self.before_overall is None or self.after_overall is None:
            return None
        return as_shown(self.after_overall) - as_shown(self.before_overall)


def compare(content: Content, before: Assessment, after: Assessment) -> Comparison:
    """Per-element scores of two visits, in the bank's element order (unscored sides are None)."""
    first, second = scored(content, before).verdict, scored(content, after).verdict
    rows = []
    for element in content.bank.elements:
        was = first.element_pct.get(element.id) if first else None
        now = second.element_pct.get(element.id) if second else None
        if was is None and now is None:
            continue
        rows.append(ElementChange(element=element.id, name=element.name, before_pct=was, after_pct=now))
    return Comparison(
        before_overall=first.overall_pct if first else None,
        after_overall=second.overall_pct if second else None,
        before_passed=first.passed if first else None,
        after_passed=second.passed if second else None,
        elements=tuple(rows),
    )


class TrendPoint(BaseModel):
    model_config = ConfigDict(frozen=True)

    taken_on: date
    label: str
    overall_pct: Decimal
    passed: bool
    element_pct: dict[str, Decimal]


def trend(content: Content, visits: Sequence[ClientAssessment]) -> list[TrendPoint]:
    """Overall and element scores of every scored visit, oldest first."""
    points = []
    for visit in sorted(visits, key=lambda v: v.taken_on):
        result = scored(content, visit.assessment).verdict
        if result is None:
            continue
        points.append(
            TrendPoint(
                taken_on=visit.taken_on,
                label=visit.label,
                overall_pct=result.overall_pct,
                passed=result.passed,
                element_pct=dict(result.element_pct),
            )
        )
    return points


def plan_for(content: Content, assessment: Assessment, today: date) -> list[Action]:
    """The action plan of one assessment, as the Readiness page makes it."""
    result = scored(content, assessment)
    return action_plan(
        content.bank,
        result.questions,
        assessment.answers,
        result.rule,
        today=today,
        edits=assessment.plan_edits_state(),
    )


def actions_from(
    content: Content, client_id: str, visit: ClientAssessment, today: date
) -> list[ClientAction]:
    """New workspace actions for a visit's action plan (status open, owner and date suggested)."""
    return [
        ClientAction(
            client_id=client_id,
            question_id=action.question_id,
            title=action.action[:500],
            owner=action.owner[:200],
            due=action.target,
        )
        for action in plan_for(content, visit.assessment, today)
    ]


# --- dates -----------------------------------------------------------------------------------


def met_on(
    content: Content, actions: Sequence[ClientAction], visits: Sequence[ClientAssessment]
) -> dict[str, date]:
    """Actions (by id) that the client's latest visit shows met, with that visit's date.

    An action for a question is met when the latest visit answered the question and its plan
    has no action for it any more (the answer earned what the plan asks). Done actions, actions
    with no question, and questions the visit did not ask (a quick check) are left as they are.
    Every count of open and overdue actions (screen, cohort export, client PDF) reads this."""
    if not visits:
        return {}
    # the latest by date; on one date, the one recorded last (visits come oldest first)
    latest = max(enumerate(visits), key=lambda pair: (pair[1].taken_on, pair[0]))[1]
    answered = latest.assessment.answers
    still_short = {action.question_id for action in plan_for(content, latest.assessment, latest.taken_on)}
    return {
        action.id: latest.taken_on
        for action in actions
        if action.status != "done"
        and action.question_id
        and action.question_id in answered
        and action.question_id not in still_short
    }


def outstanding(actions: Sequence[ClientAction], met: Mapping[str, date] | None = None) -> list[ClientAction]:
    """Actions still to do: not done, and not met by a later visit."""
    return [a for a in actions if a.status != "done" and a.id not in (met or {})]


def overdue(
    actions: Sequence[ClientAction], today: date, met: Mapping[str, date] | None = None
) -> list[ClientAction]:
    """Actions still to do whose due date has passed, oldest first."""
    late = [a for a in outstanding(actions, met) if a.due is not None and a.due < today]
    return sorted(late, key=lambda a: (a.due or today, a.title))


def action_counts(actions: Sequence[ClientAction], met: Mapping[str, date], today: date) -> str:
    """The one sentence of open, overdue and met actions (the workspace screen says the same)."""
    return (
        f"{count(len(outstanding(actions, met)), 'action')} open, {len(overdue(actions, today, met))} "
        f"overdue, {len(met)} met by the latest visit."
    )


def cycle_milestones(client: Client, today: date) -> list[Milestone]:
    """The client's audit cycle from its certification date, rolled forward to the current cycle."""
    if client.certified_on is None:
        return []
    start = client.certified_on
    for _ in range(50):
        if add_years(start, 3) >= today:
            break
        start = add_years(start, 3)
    return plan(start)


def next_audit(client: Client, today: date) -> Milestone | None:
    upcoming = [m for m in cycle_milestones(client, today) if m.is_audit and m.due >= today]
    return min(upcoming, key=lambda m: m.due, default=None)


TimelineKind = Literal["assessment", "action due", "action done", "audit"]


class TimelineEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    on: date
    kind: TimelineKind
    text: str


def timeline(
    client: Client,
    visits: Sequence[ClientAssessment],
    actions: Sequence[ClientAction],
    content: Content,
    today: date,
) -> list[TimelineEntry]:
    """Assessments, action due dates and cycle audits of one client, by date."""
    entries: list[TimelineEntry] = []
    for visit in visits:
        result = scored(content, visit.assessment).verdict
        outcome = (
            f"{show_pct(result.overall_pct)} overall, {readiness(result)}" if result else "not scored yet"
        )
        label = f" ({visit.label})" if visit.label else ""
        entries.append(
            TimelineEntry(on=visit.taken_on, kind="assessment", text=f"Assessment{label}: {outcome}")
        )
    for action in actions:
        if action.due is not None:
            kind: TimelineKind = "action done" if action.status == "done" else "action due"
            entries.append(TimelineEntry(on=action.due, kind=kind, text=action.title))
    for milestone in cycle_milestones(client, today):
        entries.append(TimelineEntry(on=milestone.due, kind="audit", text=f"{milestone.title} due"))
    if client.certified_on is not None:
        entries.append(TimelineEntry(on=client.certified_on, kind="audit", text="Certification audit"))
    return sorted(entries, key=lambda e: (e.on, e.kind, e.text))


# --- the cohort ------------------------------------------------------------------------------


class WeakSpot(BaseModel):
    model_config = ConfigDict(frozen=True)

    element: str
    name: str
    average_pct: Decimal
    clients_below_floor: int
    clients_scored: int


class UpcomingAudit(BaseModel):
    model_config = ConfigDict(frozen=True)

    client_id: str
    organisation: str
    milestone: Milestone


class Cohort(BaseModel):
    model_config = ConfigDict(frozen=True)

    clients: int
    distribution: dict[str, int]
    weakest: tuple[WeakSpot, ...]
    overdue: tuple[tuple[str, ClientAction], ...]
    upcoming: tuple[UpcomingAudit, ...]


def _weak_spots(content: Content, verdicts: Sequence[Verdict]) -> list[WeakSpot]:
    names = {e.id: e.name for e in content.bank.elements}
    by_element: dict[str, list[tuple[Decimal, Decimal]]] = {}
    for result in verdicts:
        for element, pct in result.element_pct.items():
            by_element.setdefault(element, []).append((pct, result.element_min_pct))
    spots = [
        WeakSpot(
            element=element,
            name=names.get(element, element),
            average_pct=sum((pct for pct, _ in values), Decimal(0)) / len(values),
            clients_below_floor=sum(pct < floor for pct, floor in values),
            clients_scored=len(values),
        )
        for element, values in by_element.items()
    ]
    return sorted(spots, key=lambda s: (-s.clients_below_floor, s.average_pct, s.name))


def cohort(
    content: Content,
    clients: Sequence[Client],
    latest: Mapping[str, Assessment],
    actions: Mapping[str, Sequence[ClientAction]],
    today: date,
    top: int = 5,
    met: Mapping[str, date] | None = None,
) -> Cohort:
    """Across clients: readiness of each client's latest assessment, the weakest elements,
    overdue actions (with the client's id) and audits due within ``UPCOMING_DAYS``."""
    distribution: dict[str, int] = dict.fromkeys(READINESS_ORDER, 0)
    verdicts: list[Verdict] = []
    for client in clients:
        result = scored(content, latest[client.id]).verdict if client.id in latest else None
        distribution[readiness(result)] += 1
        if result is not None:
            verdicts.append(result)
    late = [(client.id, a) for client in clients for a in overdue(actions.get(client.id, ()), today, met)]
    late.sort(key=lambda pair: (pair[1].due or today, pair[1].title))
    horizon = today + timedelta(days=UPCOMING_DAYS)
    upcoming = []
    for client in clients:
        audit = next_audit(client, today)
        if audit is not None and audit.due <= horizon:
            upcoming.append(
                UpcomingAudit(client_id=client.id, organisation=client.organisation, milestone=audit)
            )
    upcoming.sort(key=lambda u: (u.milestone.due, u.organisation))
    return Cohort(
        clients=len(clients),
        distribution=distribution,
        weakest=tuple(_weak_spots(content, verdicts)[:top]),
        overdue=tuple(late),
        upcoming=tuple(upcoming),
    )
