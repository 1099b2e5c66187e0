"""The planner's input checks: each refusal is a CycleInputError naming the field it is about,
so the page can show the message right under that field."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cor.cycle.dates import add_years, fits_calendar
from cor.cycle.model import MODE_LABELS, CycleInputError, Mode
from cor.formatting import count, long_date
from cor.models import Content, CycleRules, Partner, PartnerCycleRule, Program

CERTIFIED = MODE_LABELS["certified"].split(":")[0]
PLANNING = MODE_LABELS["planning"]


def _check_calendar(field: str, day: date, years: int) -> None:
    if not fits_calendar(day, years):
        raise CycleInputError(
            field,
            f"{long_date(day)} is too far ahead: a {years}-year cycle from it runs past the last date "
            "this planner can handle. Check the year.",
        )


def _certified_anchor(certified_on: date | None, today: date, rules: CycleRules) -> date:
    years = rules.certificate_years
    if certified_on is None:
        raise CycleInputError(
            "certified_on", "Enter the date your certification audit was completed on site."
        )
    if certified_on.year < rules.program_start_year:
        raise CycleInputError(
            "certified_on",
            f"{long_date(certified_on)} is before {rules.program_start_year}, when the COR program's "
            "standards were first published: no certificate is that old. Check the year.",
        )
    if certified_on > today:
        raise CycleInputError(
            "certified_on",
            f"{long_date(certified_on)} is in the future. If your certification audit is still "
            f'ahead, choose "{PLANNING}" and enter the planned date.',
        )
    _check_calendar("certified_on", certified_on, years)
    expires = add_years(certified_on, years)
    if expires < today:
        raise CycleInputError(
            "certified_on",
            f"A certificate from {long_date(certified_on)} expired on {long_date(expires)} "
            f"(certificates are valid {count(years, 'year')}). To hold COR again you need a "
            f're-certification audit: choose "{PLANNING}" and enter when you plan it.',
        )
    return certified_on


def _planned_anchor(planned_on: date | None, today: date, rules: CycleRules) -> date:
    years = rules.certificate_years
    if planned_on is None:
        raise CycleInputError("planned_on", "Enter the date you plan the certification audit for.")
    if planned_on < today:
        raise CycleInputError(
            "planned_on",
            f'{long_date(planned_on)} has passed. If that audit took place, choose "{CERTIFIED}" and '
            "enter the date it was completed; otherwise pick a date from today on.",
        )
    _check_calendar("planned_on", planned_on, years)
    horizon = add_years(today, years)
    if planned_on > horizon:
        raise CycleInputError(
            "planned_on",
            f"{long_date(planned_on)} is more than {count(years, 'year')} away: partner rules and incentives "
            f"may change by then. Plan a date before {long_date(horizon)}.",
        )
    return planned_on


def anchor_date(
    mode: Mode, certified_on: date | None, planned_on: date | None, today: date, rules: CycleRules
) -> date:
    """The certification audit date (done or planned), or a message for the field it came from."""
    if mode == "certified":
        return _certified_anchor(certified_on, today, rules)
    return _planned_anchor(planned_on, today, rules)


def trained_date(trained_on: date | None, today: date, rules: CycleRules) -> date | None:
    """The internal auditor's training date, if given and believable."""
    if trained_on is None:
        return None
    if trained_on > today:
        raise CycleInputError(
            "auditor_trained_on",
            f"{long_date(trained_on)} is in the future. Enter the date the internal auditor finished "
            'the course, or untick "trained" until then.',
        )
    if trained_on.year < rules.program_start_year:
        raise CycleInputError(
            "auditor_trained_on",
            f"{long_date(trained_on)} is before {rules.program_start_year}, when the COR program's "
            "standards were first published. Check the year.",
        )
    _check_calendar("auditor_trained_on", trained_on, rules.internal_auditor_valid_years)
    return trained_on


def done_dates(done: Sequence[date | None], anchor: date, today: date, years: int) -> dict[int, date]:
    """Recorded maintenance audits by cycle year (2, 3, ...), each in its own calendar year."""
    out: dict[int, date] = {}
    for index, day in enumerate(done[: years - 1]):
        if day is None:
            continue
        number = index + 2
        expected_year = anchor.year + number - 1
        field = f"maintenance_{number}"
        if day > today:
            raise CycleInputError(
                field,
                f"{long_date(day)} is in the future: record an audit once it is done. "
                "Planned audits appear in the schedule below.",
            )
        if day.year != expected_year:
            raise CycleInputError(
                field,
                f"The year {number} maintenance audit belongs to calendar year {expected_year} "
                f"(certification in {anchor.year}); {long_date(day)} is in {day.year}.",
            )
        out[number] = day
    return out


def find_program(content: Content, program_id: str) -> Program:
    """The program record, or a message for the program field."""
    try:
        return content.program(program_id)
    except LookupError:
        raise CycleInputError("program", f"Unknown program {program_id!r}.") from None


def find_partner(content: Content, partner_id: str | None) -> Partner | None:
    """The partner record (None for "not sure"), or a message for the partner field."""
    if partner_id is None:
        return None
    try:
        return content.partner(partner_id)
    except LookupError:
        raise CycleInputError("partner", f"Unknown certifying partner {partner_id!r}.") from None


def partner_rule(partner_id: str | None, content: Content) -> PartnerCycleRule | None:
    """The certifying partner's own cycle rules, if our sources give it any."""
    if partner_id is None:
        return None
    return next((rule for rule in content.cycle.partner_rules if rule.partner == partner_id), None)
