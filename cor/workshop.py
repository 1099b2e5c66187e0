"""Workshop rooms: each phone's blurred share, and the room's picture estimated from them.

At a workshop every attendee answers the quick check on their own phone. An attendee who ticks
"add my result to the room" shares, for each element, only *whether it is below the element
floor*, and whether the whole check would pass: no score, no answer, no note, no name.

Why blurred, not just counted: any exact figure of a room can be "differenced".
Someone who shares from every phone but one, with answers they know, subtracts their own part and
reads off the last person's result (with averages: ``3 x average - own``). Rounding or banding a
figure does not stop it: they can place their own phones just at a band's edge. So every yes/no a
phone shares is blurred before it is stored (randomised response): half the time it is the true
answer, half the time a coin toss. The coin is a keyed hash of the room's secret salt, the phone
and the true value, so sharing again with the same answers gives the same coin (no averaging the
blur away by repeating) and nobody without the room's salt, not even the attacker about their own
phones, knows which values were tossed. A shared "yes" is then true three times in four, whoever
reads it and whatever else they know; the room picture only estimates totals from the blurred
values, and shows nothing until ``MIN_SHOWN`` phones have shared.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from cor.scoring import Verdict

#: The room picture shows nothing until this many phones have shared (and no element's figure
#: until this many phones have answered it).
MIN_SHOWN = 5
_ELEMENT_ID = r"[a-z0-9][a-z0-9-]{0,63}"


class SharedResult(BaseModel):
    """What one phone's share is stored as: blurred yes/no values, nothing else."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    passed: bool
    #: element id -> "below the element floor" (blurred); only elements the phone has answered.
    below: dict[str, bool] = Field(max_length=64)


class WeakElement(BaseModel):
    model_config = ConfigDict(frozen=True)

    element: str
    name: str
    #: Estimated phones below the element floor (whole number), of ``phones`` that answered it.
    below: int
    phones: int


class RoomPicture(BaseModel):
    """The room's picture: estimates from blurred shares (nothing below ``MIN_SHOWN`` phones)."""

    model_config = ConfigDict(frozen=True)

    phones: int
    shown: bool
    #: Estimated phones that would pass today (whole number between 0 and ``phones``).
    would_pass: int
    weakest: tuple[WeakElement, ...]


def _told(salt: str, phone: str, item: str, truth: bool) -> bool:
    """Randomised response for one yes/no: the truth half the time, else a coin; keyed and repeatable."""
    digest = hmac.new(salt.encode(), f"{phone}|{item}|{truth}".encode(), hashlib.sha256).digest()
    keep, coin = digest[0] & 1, digest[1] & 1
    return truth if keep else bool(coin)


def blurred(result: Verdict, salt: str, phone: str) -> SharedResult:
    """The blurred share of one phone's verdict: per element, whether it is below the floor."""
    below = {
        element: _told(salt, phone, element, pct < result.element_min_pct)
        for element, pct in result.element_pct.items()
    }
    return SharedResult(passed=_told(salt, phone, "passed", result.passed), below=below)


def estimate(told_yes: int, total: int) -> int:
    """How many of ``total`` are really "yes", estimated from ``told_yes`` blurred answers.

    A blurred answer is "yes" with odds 3/4 when true and 1/4 when not, so the expected count of
    "yes" is ``t/2 + total/4`` for ``t`` true ones: ``t = 2 x (told_yes - total/4)``, kept
    between 0 and ``total`` and rounded to a whole phone.
    """
    if total <= 0:
        return 0
    raw = 2 * (Decimal(told_yes) - Decimal(total) / 4)
    return int(min(Decimal(total), max(Decimal(0), raw)).quantize(Decimal(1), ROUND_HALF_UP))


def room_picture(shares: Sequence[SharedResult], names: Mapping[str, str], top: int = 3) -> RoomPicture:
    """About how many phones would pass, and the elements with most phones below the floor.

    Elements answered by fewer than ``MIN_SHOWN`` phones are left out; ranked by the estimated
    share below the floor, then by name.
    """
    phones = len(shares)
    if phones < MIN_SHOWN:
        return RoomPicture(phones=phones, shown=False, would_pass=0, weakest=())
    told: dict[str, list[bool]] = {}
    for one in shares:
        for element, below in one.below.items():
            told.setdefault(element, []).append(below)
    weak = [
        WeakElement(
            element=element,
            name=names.get(element, element),
            below=estimate(sum(values), len(values)),
            phones=len(values),
        )
        for element, values in told.items()
        if len(values) >= MIN_SHOWN
    ]
    weak.sort(key=lambda w: (-Decimal(w.below) / w.phones, w.name))
    return RoomPicture(
        phones=phones,
        shown=True,
        would_pass=estimate(sum(one.passed for one in shares), phones),
        weakest=tuple(weak[:top]),
    )


def normalise_code(text: object) -> str | None:
    """A room code as typed or read from a link (case, spaces and dashes forgiven), or None."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    code = text.strip().upper().replace(" ", "").replace("-", "")
    return code if re.fullmatch(r"[A-Z0-9]{4,12}", code) else None


def shares_from(stored: Sequence[Mapping[str, Any]]) -> list[SharedResult]:
    """The room's stored shares, skipping any that are not a share's shape."""
    out: list[SharedResult] = []
    for one in stored:
        try:
            share = SharedResult.model_validate(one)
        except ValidationError:
            continue
        if all(re.fullmatch(_ELEMENT_ID, element) for element in share.below):
            out.append(share)
    return out


def phone_of(salt: str, browser: str) -> str:
    """The id a browser shares under in one room: one browser is one phone, and the id says
    nothing about the browser outside this room (a keyed hash with the room's salt)."""
    return hmac.new(salt.encode(), browser.encode(), hashlib.sha256).hexdigest()[:32]


def new_phone_id() -> str:
    """A random id for one session, when the browser cannot be recognised."""
    return secrets.token_hex(16)


__all__ = [
    "MIN_SHOWN",
    "RoomPicture",
    "SharedResult",
    "WeakElement",
    "blurred",
    "estimate",
    "new_phone_id",
    "normalise_code",
    "phone_of",
    "room_picture",
    "shares_from",
]
