"""The internal auditor's own certification: when to book the refresher, when it lapses, and
which maintenance audit falls after the lapse. The chosen partner's rule applies where our
sources have one; otherwise the general one."""

from __future__ import annotations

from datetime import date, timedelta

from cor.cycle.context import CycleContext
from cor.cycle.dates import add_years
from cor.cycle.model import Alert, Milestone
from cor.cycle.rules import auditor_rule, auditor_valid_years
from cor.formatting import count, long_date
from cor.models import Content


def auditor_rule_text(partner_id: str | None, content: Content) -> str:
    """What keeping an internal auditor certified takes: the partner's rule, or the general one."""
    rule = auditor_rule(partner_id, content)
    if rule:
        return rule.rule
    general = content.cycle.internal_auditor_refresher
    if partner_id is None:
        return general
    return f"{general} Our sources give no such rule for {content.partner(partner_id).short_name}: ask them."


def auditor_source(partner_id: str | None, content: Content) -> str:
    rule = auditor_rule(partner_id, content)
    rules = content.cycle
    return str(rule.source_url) if rule else str(rules.internal_auditor_source_url or rules.source_url)


def auditor_lapses(trained: date, partner_id: str | None, content: Content) -> date:
    return add_years(trained, auditor_valid_years(partner_id, content))


def auditor_milestones(context: CycleContext) -> list[Milestone]:
    if context.trained is None:
        return []
    partner_id = context.partner.id if context.partner else None
    rules, trained = context.rules, context.trained
    lapses = auditor_lapses(trained, partner_id, context.content)
    url = auditor_source(partner_id, context.content)
    lead = rules.refresher_lead_days
    return [
        Milestone(
            kind="auditor_refresher",
            due=lapses - timedelta(days=lead),
            title="Book the internal auditor's refresher",
            short="Refresher",
            detail=(
                f"Our suggestion: book it {count(lead, 'day')} before the auditor's certification lapses, "
                f"so there is no gap. {auditor_rule_text(partner_id, context.content)}"
            ),
            id="auditor-refresher",
            source_url=url,
        ),
        Milestone(
            kind="auditor_expiry",
            due=lapses,
            title="Internal auditor certification lapses",
            short="Auditor lapses",
            detail=(
                f"Trained on {long_date(trained)}; certification is valid "
                f"{count(auditor_valid_years(partner_id, context.content), 'year')}. After this date they "
                "cannot do an audit until they take the refresher."
            ),
            id="auditor-expiry",
            source_url=url,
        ),
    ]


def auditor_alerts(context: CycleContext, audits: list[Milestone]) -> list[Alert]:
    """A maintenance audit still to do whose deadline falls after the auditor's lapse."""
    if context.trained is None:
        return []
    partner_id = context.partner.id if context.partner else None
    lapses = auditor_lapses(context.trained, partner_id, context.content)
    alerts = []
    for audit in audits:
        if audit.kind != "maintenance" or audit.done_on or lapses < context.today or lapses >= audit.due:
            continue  # a lapse already past is reported by status(), with today's date
        opens = audit.earliest or date(audit.due.year, 1, 1)
        how = (
            "Have the refresher done first, or use an external auditor."
            if lapses < opens
            else "Do that audit before then, have the refresher done first, or use an external auditor."
        )
        alerts.append(
            Alert(
                level="warning",
                text=(
                    f"The internal auditor's certification lapses on {long_date(lapses)}, before "
                    f"the {audit.title.lower()} deadline ({long_date(audit.due)}). {how}"
                ),
                milestone_id=audit.id,
            )
        )
    return alerts
