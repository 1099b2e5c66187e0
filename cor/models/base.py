"""What every content record shares: the base classes, the aliases fields are typed with
(``Effective``, ``SourceUrl``, ``Slug``, ``CuCode``, ``MonthDay``) and the
lookup by id that says what exists when an id is not found."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cached_property
from typing import Annotated, Any, Self, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, GetCoreSchemaHandler, HttpUrl
from pydantic_core import core_schema

#: A jurisdiction's code, as content/jurisdictions.toml lists it: two capital letters, e.g. BC. Any
#: record naming one must name a jurisdiction of the content (cor.content.check_references): a new
#: province arrives as content, not as a change to this type.
Jurisdiction = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


def _real_date(text: str) -> str:
    if len(text) > 4:
        try:
            date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a date of the calendar") from None
    return text


#: A year ("2024") or a full ISO date ("2019-10-01"): when a fact took effect or was stated.
Effective = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}-\d{2})?$"), AfterValidator(_real_date)]
#: Where a fact comes from: a web address a reader can open.
SourceUrl = HttpUrl
#: A record's id, as other records and the app refer to it: lower-case words joined by dashes.
Slug = Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]
#: A WorkSafeBC classification unit code: six ASCII digits (typed codes go through cor.codes first).
CuCode = Annotated[str, Field(pattern=r"^\d{6}$")]


class MonthDay(str):
    """A day of every year, written "MM-DD" in content (e.g. "12-31"), checked and split into
    ``month`` and ``day`` once at load time. It is still the string it was written as, so it
    reads the same on the page; 02-29 is accepted (a leap day exists in some years)."""

    month: int
    day: int

    def __new__(cls, text: str) -> MonthDay:
        month_text, dash, day_text = text.partition("-")
        if not (dash and len(month_text) == 2 and len(day_text) == 2 and text.isascii()):
            raise ValueError(f"{text!r} is not a month and day written MM-DD")
        try:
            date(2000, int(month_text), int(day_text))  # 2000 is a leap year: 02-29 is a day
        except ValueError:
            raise ValueError(f"{text!r} is not a day of the year (MM-DD)") from None
        value = super().__new__(cls, text)
        value.month, value.day = int(month_text), int(day_text)
        return value

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls, core_schema.str_schema(), serialization=core_schema.to_string_ser_schema()
        )


class NotInContent(KeyError):
    """A lookup by id found nothing: the message says what was looked for and what exists."""

    def __init__(self, kind: str, wanted: object, known: Any) -> None:
        self.kind = kind
        self.wanted = wanted
        super().__init__(
            f"no {kind} {wanted!r} in the content (known: {', '.join(map(str, known)) or 'none'})"
        )

    def __str__(self) -> str:
        return str(self.args[0])


RecordT = TypeVar("RecordT")


def lookup(table: Mapping[str, RecordT], wanted: str, kind: str) -> RecordT:
    """``table[wanted]``, or NotInContent naming the ``kind`` of record and the ids that exist."""
    try:
        return table[wanted]
    except KeyError:
        raise NotInContent(kind, wanted, table) from None


class Record(BaseModel):
    """Base of every content record: strict (unknown fields are typos) and immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy whose lookup tables are built afresh: tables cached on the original describe its
        fields, not the updated ones (pydantic copies the instance dict, caches included)."""
        copied = super().model_copy(update=update, deep=deep)
        for klass in type(self).__mro__:
            for name, attribute in vars(klass).items():
                if isinstance(attribute, cached_property):
                    copied.__dict__.pop(name, None)
        return copied


class Sourced(Record):
    """A record that states a fact: where it comes from and when it applies."""

    source_url: SourceUrl
    effective: Effective
    source_note: str = ""
