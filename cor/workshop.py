"""Workshop rooms: the room's combined quick-check picture, from anonymous summaries.

At a workshop every attendee answers the quick check on their own phone, privately. An attendee
who ticks "share my result with the room" sends only a *summary* (per-element percentages and
whether it would pass), under a random per-phone id so a changed answer replaces the earlier
summary instead of counting twice. No names, no answers, no notes. The presenter sees totals and
the weakest elements, and only once a few phones have shared (``MIN_SHOWN``), so no single
attendee's result can be read off the screen.

Rooms are kept by ``cor.workspace.repository.Workspace`` (shared by every app instance) and
deleted with every summary when the presenter closes them, or on their own after a few hours:
nothing about a workshop is kept afterwards.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from cor.formatting import tenth_down
from cor.scoring import Verdict

#: The room picture shows nothing until this many phones have shared.
MIN_SHOWN = 3


class QuickSummary(BaseModel):
    """What one phone shares: per-element percentages and whether it would pass. Nothing else."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    element_pct: dict[str, Decimal]
    overall_pct: Decimal
    passed: bool


class WeakElement(BaseModel):
    model_config = ConfigDict(frozen=True)

    element: str
    name: str
    average_pct: Decimal
    below_floor: int


class RoomPicture(BaseModel):
    """The room's combined picture (empty lists and ``shown=False`` below ``MIN_SHOWN`` phones)."""

    model_config = ConfigDict(frozen=True)

    phones: int
    shown: bool
    would_pass: int
    weakest: tuple[WeakElement, ...]


def summary_of(result: Verdict) -> QuickSummary:
    """The shareable part of one phone's verdict, to a tenth of a percent (no finer trace), cut
    as every score is shown (``cor.formatting.SCORE_RULE``), so the projector and the phone agree."""
    return QuickSummary(
        element_pct={element: tenth_down(pct) for element, pct in result.element_pct.items()},
        overall_pct=tenth_down(result.overall_pct),
        passed=result.passed,
    )


def room_picture(
    summaries: Sequence[QuickSummary],
    names: Mapping[str, str],
    element_floor: Decimal,
    top: int = 3,
) -> RoomPicture:
    """How many phones would pass, and the elements with the lowest average score.

    Elements are ranked by how many phones are below the element floor, then by average.
    """
    phones = len(summaries)
    if phones < MIN_SHOWN:
        return RoomPicture(phones=phones, shown=False, would_pass=0, weakest=())
    scores: dict[str, list[Decimal]] = {}
    for one in summaries:
        for element, pct in one.element_pct.items():
            scores.setdefault(element, []).append(pct)
    weak = [
        WeakElement(
            element=element,
            name=names.get(element, element),
            average_pct=sum(values, Decimal(0)) / len(values),
            below_floor=sum(value < element_floor for value in values),
        )
        for element, values in scores.items()
    ]
    weak.sort(key=lambda w: (-w.below_floor, w.average_pct, w.name))
    return RoomPicture(
        phones=phones,
        shown=True,
        would_pass=sum(one.passed for one in summaries),
        weakest=tuple(weak[:top]),
    )


def normalise_code(text: object) -> str | None:
    """A room code as typed or read from a link (case, spaces and dashes forgiven), or None."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    code = text.strip().upper().replace(" ", "").replace("-", "")
    return code if re.fullmatch(r"[A-Z0-9]{4,12}", code) else None


def summaries_from(stored: Sequence[Mapping[str, Any]]) -> list[QuickSummary]:
    """The room's stored summaries, skipping any that are not a summary's shape."""
    out: list[QuickSummary] = []
    for one in stored:
        try:
            out.append(QuickSummary.model_validate(one))
        except ValidationError:
            continue
    return out


def new_phone_id() -> str:
    """A random id for one attendee's session: says nothing about who they are."""
    return secrets.token_hex(16)


__all__ = [
    "MIN_SHOWN",
    "QuickSummary",
    "RoomPicture",
    "WeakElement",
    "new_phone_id",
    "normalise_code",
    "room_picture",
    "summaries_from",
    "summary_of",
]
