"""What a user has entered in a readiness self-assessment, as one value.

The same shape travels three ways: the page's session state, the draft store (a refresh loses
nothing) and the assessment file (come back next month, or hand it to a consultant). Keeping it in
one model means the three never drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

import regex
from pydantic import BaseModel, ConfigDict, Field

from cor.formatting import count, long_date
from cor.models import Jurisdiction

#: A note is a working remark, not a document: long enough for "where the binder is and who has it".
NOTE_MAX_CHARS = 2000
OWNER_MAX_CHARS = 200
#: The largest workforce the programs are planned for (a typing slip beyond it, not an employer).
WORKERS_MAX = 1_000_000
#: Target dates further than this from today get a "check the year" warning.
TARGET_WARN_YEARS = 3
#: One user-perceived character (grapheme cluster), as the ``regex`` package defines it.
_GRAPHEME = regex.compile(r"\X")


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
    workers: int | None = Field(default=None, ge=1, le=WORKERS_MAX)
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


# --- two tabs on one draft -------------------------------------------------------------------

_SCALARS = ("jurisdiction", "workers", "cu_code", "program_id", "quick")
_MAPS = ("answers", "notes", "plan_edits")


def _pick(base: Any, mine: Any, stored: Any) -> Any:
    """This tab's value when this tab changed it since its last sync, else what is stored."""
    return mine if mine != base else stored


def _merge_map(base: Mapping[str, Any], mine: Mapping[str, Any], stored: Mapping[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for key in dict.fromkeys([*stored, *mine, *base]):
        value = _pick(base.get(key), mine.get(key), stored.get(key))
        if value is not None:
            merged[key] = value
    return merged


def merge(base: Assessment, mine: Assessment, stored: Assessment | None) -> Assessment:
    """Three-way merge of one draft, question by question.

    ``base`` is what this tab last read from or wrote to the store, ``mine`` is what this tab shows
    now and ``stored`` is what the store holds now (another tab may have saved since). What this
    tab changed since ``base`` wins; everything else comes from ``stored``, so two tabs answering
    different questions never lose each other's answers. With nothing stored (a new or expired
    draft) this tab's values are kept as they are.
    """
    if stored is None:
        return mine
    values: dict[str, Any] = {
        field: _pick(getattr(base, field), getattr(mine, field), getattr(stored, field)) for field in _SCALARS
    }
    for field in _MAPS:
        values[field] = _merge_map(getattr(base, field), getattr(mine, field), getattr(stored, field))
    return Assessment(**values)


# --- what a person types ---------------------------------------------------------------------


def characters(text: str) -> int:
    """Characters as a person counts them (grapheme clusters): an emoji, a flag or a letter with
    its accent is one, however many code points or UTF-16 units it takes."""
    return len(_GRAPHEME.findall(text))


def clip_note(text: str, limit: int = NOTE_MAX_CHARS) -> tuple[str, bool]:
    """The note cut to ``limit`` characters as a person counts them, and whether it was cut.

    Keeping what fits (rather than refusing the whole paste) means a long note is never lost.
    """
    clusters = _GRAPHEME.findall(text)
    if len(clusters) <= limit:
        return text, False
    return "".join(clusters[:limit]), True


class WorkersError(ValueError):
    """A worker count that cannot be used; ``str(exc)`` is the message shown at the field."""


def parse_workers(text: str, maximum: int = WORKERS_MAX) -> int | None:
    """The number of workers typed in a field, or None when the field is empty.

    Raises WorkersError for anything else than a whole number from 1 to ``maximum``, so the page
    shows why at the field and never keeps a recommendation made for an earlier number.
    Thousands separators ("1,200", "1 200") are accepted; "1e3", "12.5", "-5" and "0" are not.
    """
    cleaned = text.strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        return None
    if not cleaned.isascii() or not cleaned.isdigit():
        raise WorkersError(f"Enter the number of workers as a whole number, from 1 to {maximum:,}.")
    workers = int(cleaned)
    if workers < 1:
        raise WorkersError("Count at least 1 worker (the owner counts when they work in the business).")
    if workers > maximum:
        raise WorkersError(f"{workers:,} is more workers than COR Ready can plan for (at most {maximum:,}).")
    return workers


def target_warning(target: date, today: date, years: int = TARGET_WARN_YEARS) -> str | None:
    """A word of warning for a target date far in the past or future (likely a typing slip)."""
    if target < today - timedelta(days=365 * years):
        return f"{long_date(target)} is more than {count(years, 'year')} ago: check the year."
    if target > today + timedelta(days=365 * years):
        return f"{long_date(target)} is more than {count(years, 'year')} away: check the year."
    return None
