"""Every figure the app uses, with its source and year, for the "About the numbers" page.

One generator per topic, each reading one part of the content, so a new kind of fact gets its own
small generator and its own place on the page; ``figures`` lists them in page order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from cor.audit_day import sampling_figures
from cor.content import default_content
from cor.cycle.figures import cycle_figures
from cor.formatting import month_day, workers
from cor.models import Content, Figure, PartnerCycleRule
from cor.programs import size_band_figures
from cor.savings_figures import savings_figures


def pass_rules(content: Content) -> Iterator[Figure]:
    for info in content.jurisdictions:
        rule = info.pass_rule
        yield Figure(
            topic=f"Pass rule ({info.code})",
            figure="Overall score needed / minimum per element",
            value=f"{rule.overall_min_pct}% / {rule.element_min_pct}%",
            year=info.effective,
            source_url=str(info.source_url),
            note=info.source_note,
        )


def policies(content: Content) -> Iterator[Figure]:
    """The regulator's own policies the rules rest on, dated."""
    for info in content.jurisdictions:
        for policy in info.policies:
            yield Figure(
                topic=f"Program policy ({info.code})",
                figure=policy.name,
                value="in force from",
                year=policy.effective,
                source_url=str(policy.source_url),
                note=f"{policy.covers} {policy.source_note}".strip(),
            )


def programs(content: Content) -> Iterator[Figure]:
    for program in content.programs:
        yield Figure(
            topic=f"Programs ({program.jurisdiction})",
            figure=program.name,
            value=workers(program.min_workers, program.max_workers),
            year=program.effective,
            source_url=str(program.source_url),
            note=program.summary,
        )


def bc_incentive(content: Content) -> Iterator[Figure]:
    bc = content.incentives.bc
    yield Figure(
        topic="Incentive (BC)",
        figure="Share of base assessment per certified CU",
        value=f"{bc.rate_pct}%",
        year=bc.effective,
        source_url=str(bc.source_url),
        note=bc.source_note,
    )
    # the small-employer minimum's versions are listed once, by cor.savings_figures


def ab_incentive(content: Content) -> Iterator[Figure]:
    ab = content.incentives.ab
    yield Figure(
        topic="Incentive (AB)",
        figure="PIR refund: first COR year / each maintenance year / maximum",
        value=f"{ab.first_year_pct}% / {ab.maintenance_year_pct}% / {ab.maximum_pct}%",
        year=ab.effective,
        source_url=str(ab.source_url),
        note=ab.source_note,
    )


def audit_cycle(content: Content) -> Iterator[Figure]:
    rules = content.cycle
    topic = f"Audit cycle ({content.planner_jurisdiction().code})"
    yield Figure(
        topic=topic,
        figure="Certificate life / maintenance deadline / internal auditor certification",
        value=f"{rules.certificate_years} years / {month_day(rules.maintenance_due)} each year / "
        f"{rules.internal_auditor_valid_years} years",
        year=rules.effective,
        source_url=str(rules.source_url),
        note=rules.source_note,
    )
    yield Figure(
        topic=topic,
        figure="Incentive credited (estimate): by this date of the year after the audit year",
        value=month_day(rules.incentive_credit_by),
        year=rules.effective,
        source_url=str(rules.incentive_source_url or rules.source_url),
        note=rules.incentive_credit,
    )
    yield Figure(
        topic=topic,
        figure="COR Ready's own planning choices: calendar reminders / refresher booking lead",
        value=f"{', '.join(str(days) for days in rules.reminder_days)} days before each audit deadline / "
        f"{rules.refresher_lead_days} days before the auditor's certification lapses",
        year=rules.effective,
        source_url=str(rules.internal_auditor_source_url or rules.source_url),
        note="Suggestions of this app, not partner rules. " + rules.internal_auditor_refresher,
    )


def _partner_rule_terms(rule: PartnerCycleRule) -> str:
    terms = []
    if rule.min_gap_months is not None:
        terms.append(f"{rule.min_gap_months} months between audits")
    if rule.report_due_days is not None:
        terms.append(f"report within {rule.report_due_days} days")
    if rule.notice_days is not None:
        terms.append(f"notice {rule.notice_days} days ahead")
    if rule.year_end_due is not None:
        terms.append(f"year-end audit due {month_day(rule.year_end_due)}")
    return "; ".join(terms)


def partner_cycle_rules(content: Content) -> Iterator[Figure]:
    topic = f"Audit cycle ({content.planner_jurisdiction().code})"
    for rule in content.cycle.partner_rules:
        yield Figure(
            topic=topic,
            figure=f"Partner rule: {content.partner(rule.partner).short_name}",
            value=_partner_rule_terms(rule),
            year=rule.effective,
            source_url=str(rule.source_url),
            note=rule.note,
        )


def base_rates(content: Content) -> Iterator[Figure]:
    topic = f"CU base rates ({content.cu_jurisdiction().code})" if content.units else ""
    for unit in content.units:
        for rate in unit.rates:
            if rate.base_rate is None or rate.rate_stage == "example":
                continue  # a worked example's rate is listed once, with its year's caveat (savings_figures)
            yield Figure(
                topic=topic,
                figure=f"{unit.code} {unit.name}",
                value=f"${rate.base_rate} per $100",
                year=str(rate.year),
                source_url=str(rate.source_url),
                note=f"Confidence: {rate.confidence}. {rate.source_note}".strip(),
            )


#: The topics of the About page, in the order it shows them.
TOPICS: tuple[Callable[[Content], Iterable[Figure]], ...] = (
    pass_rules,
    policies,
    programs,
    size_band_figures,
    bc_incentive,
    ab_incentive,
    audit_cycle,
    partner_cycle_rules,
    cycle_figures,
    sampling_figures,
    savings_figures,
    base_rates,
)


def figures(content: Content | None = None) -> list[Figure]:
    """Every figure, topic by topic (the public default reads the app's own content)."""
    content = content or default_content()
    by_topic: dict[str, list[Figure]] = {}
    for generator in TOPICS:
        for figure in generator(content):
            by_topic.setdefault(figure.topic, []).append(figure)
    return [figure for group in by_topic.values() for figure in group]
