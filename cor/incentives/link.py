"""An estimate's inputs as a link: URL query parameters and back (``to_query`` / ``from_query``),
so a consultant can send an estimate. Pure string handling, tested without Streamlit.

Anyone can type a link: values stay text (a wrong number still shows, with its message), a value
too long to be real is left out whole, and a province the content does not know falls back to
the content's default jurisdiction.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from pydantic import BaseModel, ConfigDict, Field

from cor.codes import cu_code
from cor.content import default_content
from cor.incentives.rows import MAX_ROWS

#: Longest value kept from a link: enough for any real number, short enough to stay harmless.
MAX_PARAM_CHARS = 40


def default_jurisdiction() -> str:
    """The code of the jurisdiction an estimate is for when nothing says otherwise (content's)."""
    return default_content().default_jurisdiction().code


class SharedRow(BaseModel):
    """One CU row as typed (text, so a wrong value in a link still shows, with its message)."""

    model_config = ConfigDict(frozen=True)

    cu: str = ""
    year: str = ""
    payroll: str = ""
    rate: str = ""


class SharedInputs(BaseModel):
    """Everything an estimate needs, as it travels in a URL's query string."""

    model_config = ConfigDict(frozen=True)

    jurisdiction: str = Field(default_factory=default_jurisdiction)
    rows: tuple[SharedRow, ...] = (SharedRow(),)
    audit_cost: str = ""
    maintenance_cost: str = ""
    first_audit_year: str = ""
    total_premium: str = ""
    minimum: str = ""
    industry_premium: str = ""
    secor: bool = False
    #: Link parameters left out because they were too long (their names, for a plain message).
    ignored: tuple[str, ...] = ()


_ROW_KEYS = {"cu": "cu", "year": "yr", "payroll": "pay", "rate": "rate"}
_OTHER_KEYS = {
    "audit_cost": "audit",
    "maintenance_cost": "maint",
    "first_audit_year": "first",
    "total_premium": "prem",
    "minimum": "min",
    "industry_premium": "abprem",
}
_ROW_PARAM = re.compile(r"^(cu|yr|pay|rate)(\d{1,2})$")


def to_query(shared: SharedInputs) -> dict[str, str]:
    """Query parameters for a link to this estimate; empty inputs are left out."""
    params: dict[str, str] = {"j": shared.jurisdiction}
    for i, row in enumerate(shared.rows[:MAX_ROWS]):
        for field, key in _ROW_KEYS.items():
            value = getattr(row, field).strip()
            if value:
                params[f"{key}{i}"] = value
    for field, key in _OTHER_KEYS.items():
        value = getattr(shared, field).strip()
        if value:
            params[key] = value
    if shared.secor:
        params["secor"] = "1"
    return params


def is_shared_link(params: Mapping[str, object]) -> bool:
    """Whether a query string carries an estimate (not just, say, a CU from the partner guide)."""
    return any(_ROW_PARAM.match(k) or k in _OTHER_KEYS.values() or k in ("j", "secor") for k in params)


def link_value(params: Mapping[str, str | list[str]], key: str) -> tuple[str, bool]:
    """One link parameter as text, and whether it was too long to keep. A value longer than
    MAX_PARAM_CHARS is dropped whole (never cut: a cut number is a wrong number)."""
    raw = params.get(key, "")
    if isinstance(raw, list):
        raw = raw[-1] if raw else ""
    text = str(raw).strip()
    if len(text) > MAX_PARAM_CHARS:
        return "", True
    return text, False


def from_query(
    params: Mapping[str, str | list[str]], jurisdictions: Collection[str] | None = None
) -> SharedInputs:
    """Read a link's query parameters back. Unknown keys are ignored, a value too long to be real
    is left out (and named in ``ignored``), a CU code is read whatever its digits, rows keep their
    positions (a gap becomes an empty row) up to MAX_ROWS, and a jurisdiction not among
    ``jurisdictions`` (the content's codes by default) is the default one."""
    ignored: list[str] = []

    def value(key: str) -> str:
        text, too_long = link_value(params, key)
        if too_long:
            ignored.append(key)
        return cu_code(text) or text if key.startswith("cu") else text

    indices = sorted(
        {int(m.group(2)) for k in params if (m := _ROW_PARAM.match(k)) and int(m.group(2)) < MAX_ROWS}
    )
    count = indices[-1] + 1 if indices else 1
    rows = tuple(
        SharedRow(**{field: value(f"{key}{i}") for field, key in _ROW_KEYS.items()}) for i in range(count)
    )
    code = value("j").upper()
    known = jurisdictions if jurisdictions is not None else default_content().jurisdictions_by_code
    others = {field: value(key) for field, key in _OTHER_KEYS.items()}
    return SharedInputs(
        jurisdiction=code if code in known else default_jurisdiction(),
        rows=rows,
        secor=value("secor").lower() in ("1", "true", "yes", "on"),
        ignored=tuple(ignored),
        **others,
    )


def carried_cu(text: object) -> str | None:
    """The CU code carried to Savings (``?cu=`` from the partner guide, or the guide's choice):
    a six-digit code however its digits were typed, or None for anything else."""
    if not isinstance(text, str) or len(text) > MAX_PARAM_CHARS:
        return None
    return cu_code(text)


def choice_from_link(text: str, choices: Sequence[int], default: int | None) -> int | None:
    """A whole number from a link (a rate year, an audit year, a version) if it is one of
    ``choices``, else ``default``: anyone can type a link, so "²", "-1" or a year without a rate
    fall back instead of failing."""
    if text.isascii() and text.isdigit() and int(text) in choices:
        return int(text)
    return default
