"""What a user has entered in a readiness self-assessment, as one value.

The same shape travels three ways: the page's session state, the draft store (a refresh loses
nothing) and the assessment file (come back next month, or hand it to a consultant). Keeping it in
one model means the three never drift apart.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from cor.models import Jurisdiction

#: A note is a working remark, not a document: long enough for "where the binder is and who has it".
NOTE_MAX_CHARS = 2000
OWNER_MAX_CHARS = 200


class PlanEdit(BaseModel):
    """The user's own owner and target date for one action (either may be left to the suggestion)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    owner: str | None = Field(default=None, max_length=OWNER_MAX_CHARS)
    target: date | None = None

    def as_state(self) -> dict[str, str]:
        """The plain-dict form cor.actions.action_plan reads ("owner", "target" as ISO date)."""
        out: dict[str, str] = {}
        if self.owner:
            out["owner"] = self.owner
        if self.target:
            out["target"] = self.target.isoformat()
        return out


class Assessment(BaseModel):
    """Answers, notes, plan edits and the program choice of one self-assessment."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    jurisdiction: Jurisdiction | None = None
    workers: int | None = Field(default=None, ge=1, le=1_000_000)
    cu_code: str | None = Field(default=None, pattern=r"^\d{6}$")
    program_id: str | None = Field(default=None, pattern=r"^[a-z0-9-]+$")
    quick: bool = False
    answers: dict[str, str] = Field(default_factory=dict)
    notes: dict[str, str] = Field(default_factory=dict)
    plan_edits: dict[str, PlanEdit] = Field(default_factory=dict)
    saved_at: datetime | None = None
    #: Human-readable reasons for anything dropped while loading (never saved).
    skipped: tuple[str, ...] = Field(default=(), exclude=True)

    def plan_edits_state(self) -> dict[str, dict[str, str]]:
        return {qid: e.as_state() for qid, e in self.plan_edits.items() if e.as_state()}

    def payload(self) -> dict[str, Any]:
        """JSON-ready content (without the file envelope)."""
        return self.model_dump(mode="json", exclude={"saved_at", "skipped"}, exclude_none=False)

    @property
    def empty(self) -> bool:
        return not (self.answers or self.notes or self.plan_edits)
