"""The planner's vocabulary: a dated milestone, a cycle year, an alert, a schedule and its view
from today, and the input error that names its field.

Frozen models: a schedule is computed once per set of inputs and may be cached and shared.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

MilestoneKind = Literal[
    "certification",
    "maintenance",
    "recertification",
    "report_due",
    "notice",
    "incentive_credit",
    "auditor_refresher",
    "auditor_expiry",
]
Mode = Literal["planning", "certified"]
State = Literal["done", "passed", "overdue", "next", "upcoming", "expected"]
Level = Literal["error", "warning", "info"]

AUDIT_KINDS: tuple[MilestoneKind, ...] = ("certification", "maintenance", "recertification")

#: How the page names each mode; messages refer the user to these exact words.
MODE_LABELS: dict[Mode, str] = {
    "certified": "Certified: the certification audit is done",
    "planning": "Planning the certification audit",
}
_CERTIFIED = MODE_LABELS["certified"].split(":")[0]
_PLANNING = MODE_LABELS["planning"]


class Milestone(BaseModel):
    """One dated step of the cycle: an audit, a deadline around one, or an expected credit."""

    model_config = ConfigDict(frozen=True)

    kind: MilestoneKind
    due: date
    title: str
    detail: str = ""
    id: str = ""
    short: str = ""
    earliest: date | None = None
    latest: date | None = None
    done_on: date | None = None
    estimate: bool = False
    source_url: str = ""

    @property
    def on(self) -> date:
        """The date to show: when it was done, else when it is due."""
        return self.done_on or self.due

    @property
    def is_audit(self) -> bool:
        return self.kind in AUDIT_KINDS


class CycleYear(BaseModel):
    """A calendar year of the cycle and the audit it holds, with that year's on-site deadline."""

    model_config = ConfigDict(frozen=True)

    number: int
    calendar_year: int
    audit: str
    deadline: date


class Alert(BaseModel):
    """Something the user must know, worded to be shown as it is."""

    model_config = ConfigDict(frozen=True)

    level: Level
    text: str
    milestone_id: str | None = None


class Schedule(BaseModel):
    model_config = ConfigDict(frozen=True)

    mode: Mode
    certification_on: date
    expires_on: date
    program_id: str
    program_name: str
    partner_id: str | None
    partner_name: str | None
    auditor_trained_on: date | None
    years: tuple[CycleYear, ...]
    milestones: tuple[Milestone, ...]
    alerts: tuple[Alert, ...]
    source_url: str

    def milestone(self, milestone_id: str) -> Milestone:
        found = next((m for m in self.milestones if m.id == milestone_id), None)
        if found is None:
            raise KeyError(f"No milestone {milestone_id!r} in this schedule.")
        return found

    def of_kind(self, kind: MilestoneKind) -> list[Milestone]:
        return [m for m in self.milestones if m.kind == kind]


class MilestoneStatus(BaseModel):
    model_config = ConfigDict(frozen=True)

    milestone: Milestone
    state: State
    days_left: int


class CycleStatus(BaseModel):
    """The cycle seen from one day: what is done, what comes next, what is late or impossible."""

    model_config = ConfigDict(frozen=True)

    today: date
    items: tuple[MilestoneStatus, ...]
    next: Milestone | None
    days_left: int | None
    alerts: tuple[Alert, ...]

    @property
    def done(self) -> list[Milestone]:
        return [i.milestone for i in self.items if i.state == "done"]

    @property
    def overdue(self) -> list[Milestone]:
        return [i.milestone for i in self.items if i.state == "overdue"]

    def state_of(self, milestone_id: str) -> State:
        return next(i.state for i in self.items if i.milestone.id == milestone_id)


class CycleInputError(ValueError):
    """A user's input the planner cannot use. ``field`` names the input, so the page can show
    the message right under it."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(message)
