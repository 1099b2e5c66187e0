"""Typed values of the consultants' workspace, shared by the repository and the pages.

A consultant works with *clients* (employers), records *assessments* of each client over time and
follows each client's *actions* until they are done. The values are frozen: a page changes one by
``model_copy(update=...)`` and hands it to the repository, which checks the ``version`` it was read
at so that two staff editing the same client never overwrite each other silently.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from cor.assessment import Assessment
from cor.codes import ascii_digits, cu_code
from cor.formatting import long_date

ActionStatus = Literal["open", "in_progress", "done"]
ACTION_STATUSES: tuple[ActionStatus, ...] = ("open", "in_progress", "done")

NAME_MAX_CHARS = 200
NOTES_MAX_CHARS = 5000
TITLE_MAX_CHARS = 500


#: The most workers a client record takes as typed (six digits).
WORKERS_MAX_DIGITS = 6


def workers_from_text(text: str) -> int | None:
    """A worker count as typed ("24", "1,200", full-width digits): a whole number from 1 to
    999,999, else None."""
    digits = ascii_digits(text.strip()).replace(",", "").replace(" ", "")
    if not digits.isdecimal() or len(digits) > WORKERS_MAX_DIGITS or int(digits) < 1:
        return None
    return int(digits)


def cu_codes_from_text(text: str) -> tuple[tuple[str, ...], str | None]:
    """CU codes as typed, separated by commas or semicolons: each six-digit code once, in order,
    and the last part that is not a CU code (None when every part is one)."""
    codes: list[str] = []
    wrong: str | None = None
    for part in text.replace(";", ",").split(","):
        if part.strip():
            code = cu_code(part)
            if code is None:
                wrong = part.strip()
            elif code not in codes:
                codes.append(code)
    return tuple(codes), wrong


def new_id() -> str:
    """An opaque record id: safe in a URL, and says nothing about the client it names."""
    return secrets.token_hex(12)


class Client(BaseModel):
    """One employer a consultant works with.

    ``version`` is 0 for a client not saved yet; the repository raises it by one on every save.
    ``certified_on`` is the date of the certification audit, for the cycle milestones on the
    client's timeline (None while the client is not certified).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(default_factory=new_id, pattern=r"^[0-9a-f]{24}$")
    owner: str = Field(min_length=1, max_length=NAME_MAX_CHARS)
    organisation: str = Field(min_length=1, max_length=NAME_MAX_CHARS)
    contact: str = Field(default="", max_length=NAME_MAX_CHARS)
    cu_codes: tuple[str, ...] = ()
    workers: int | None = Field(default=None, ge=1, le=1_000_000)
    partner_id: str | None = Field(default=None, max_length=NAME_MAX_CHARS)
    notes: str = Field(default="", max_length=NOTES_MAX_CHARS)
    certified_on: date | None = None
    shared_with: tuple[str, ...] = ()
    version: int = Field(default=0, ge=0)

    @field_validator("cu_codes", mode="before")
    @classmethod
    def _read_cu_codes(cls, value: object) -> tuple[str, ...]:
        """Every CU code through ``cor.codes.cu_code`` (full-width digits, spaces), each once."""
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            raise ValueError("CU codes come as a list of six-digit codes")
        codes: list[str] = []
        for raw in value:
            code = cu_code(raw)
            if code is None:
                raise ValueError(f"{str(raw)[:20]!r} is not a six-digit CU code")
            if code not in codes:
                codes.append(code)
        return tuple(codes)


class ClientAssessment(BaseModel):
    """One assessment of a client on one day (a visit), kept whole so visits can be compared."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(default_factory=new_id, pattern=r"^[0-9a-f]{24}$")
    client_id: str
    taken_on: date
    label: str = Field(default="", max_length=NAME_MAX_CHARS)
    assessment: Assessment


class ClientAction(BaseModel):
    """One action of a client's plan, usually for the question (``question_id``) it fixes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(default_factory=new_id, pattern=r"^[0-9a-f]{24}$")
    client_id: str
    question_id: str = Field(default="", max_length=NAME_MAX_CHARS)
    title: str = Field(min_length=1, max_length=TITLE_MAX_CHARS)
    status: ActionStatus = "open"
    owner: str = Field(default="", max_length=NAME_MAX_CHARS)
    due: date | None = None
    version: int = Field(default=0, ge=0)


class WorkspaceError(Exception):
    """A workspace request that cannot be done: said in words a user can read (no paths, no URLs)."""


class NotFoundError(WorkspaceError):
    """The record does not exist, or this user may not see it (the two are never told apart)."""


class UnavailableError(WorkspaceError):
    """The database cannot be used right now (server down, file unwritable): try again later."""


class AlreadyRecordedError(WorkspaceError):
    """The same assessment is recorded for this client already (on ``taken_on``): not added again."""

    def __init__(self, taken_on: date) -> None:
        self.taken_on = taken_on
        super().__init__(
            f"This assessment is already recorded for this client (the visit of {long_date(taken_on)}), "
            "so it was not added again."
        )


class ConflictError(WorkspaceError):
    """Someone else saved the record since this copy was read.

    ``stored`` is what the database holds now, ``attempted`` what this user tried to save (nothing
    was written), and ``changed`` names the fields where the two differ, so a page can show both
    and let the user choose: the second saver loses nothing.
    """

    def __init__(self, stored: Client | ClientAction, attempted: Client | ClientAction) -> None:
        self.stored = stored
        self.attempted = attempted
        skip = {"version"}
        self.changed: tuple[str, ...] = tuple(
            name
            for name in type(stored).model_fields
            if name not in skip and getattr(stored, name) != getattr(attempted, name)
        )
        fields = ", ".join(self.changed) if self.changed else "nothing visible"
        super().__init__(f"someone else saved this record first (differences: {fields})")
