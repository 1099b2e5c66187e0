"""Every figure the app uses, with its source and year, for the "About the numbers" page.

One generator per topic, each reading one part of the content, so a new kind of fact gets its own
small generator and its own place on the page; ``figures`` lists them in page order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from cor.audit_day import sampling_figures
from cor.content import default_content
from cor.cycle.figures import cycle_figures
from cor.figure import sourced_figure
from cor.formatting import month_day, workers
from cor.models import Content, Figure, PartnerCycleRule
from cor.programs import size_band_figures
from cor.savings_figures import savings_figures


def pass_rules(content: Content) -> Iterator[Figure]:
    for info in content.jurisdictions:
        rule = info.pass_rule
        yield sourced_figure(
            info,
            f"Pass rule ({info.code})",
            "Overall score needed / minimum per element",
            f"{rule.overall_min_pct}% / {rule.element_min_pct}%",
        )


def policies(content: Content) -> Iterator[Figure]:
    """The regulator's own policies the rules rest on, dated."""
    for info in content.jurisdictions:
        for policy in info.policies:
            note = f"{policy.covers} {policy.source_note}".strip()
            yield sourced_figure(policy, f"Program policy ({info.code})", policy.name, "in force from", note)


def programs(content: Content) -> Iterator[Figure]:
    for program in content.programs:
        value = workers(program.min_workers, program.max_workers)
        yield sourced_figure(
            program, f"Programs ({program.jurisdiction})", program.name, value, program.summary
        )


def bc_incentive(content: Content) -> Iterator[Figure]:
    bc = content.incentives.bc
    yield sourced_figure(bc, "Incentive (BC)", "Share of base assessment per certified CU", f"{bc.rate_pct}%")
    # the small-employer minimum's versions are listed once, by cor.savings_figures


def ab_incentive(content: Content) -> Iterator[Figure]:
    ab = content.incentives.ab
    yield sourced_figure(
        ab,
        "Incentive (AB)",
        "PIR refund: first COR year / each maintenance year / maximum",
        f"{ab.first_year_pct}% / {ab.maintenance_year_pct}% / {ab.maximum_pct}%",
    )


def audit_cycle(content: Content) -> Iterator[Figure]:
    rules = content.cycle
    topic = f"Audit cycle ({content.planner_jurisdiction().code})"
    yield sourced_figure(
        rules,
        topic,
        "Certificate life / maintenance deadline / internal auditor certification",
        f"{rules.certificate_years} years / {month_day(rules.maintenance_due)} each year / "
        f"{rules.internal_auditor_valid_years} years",
    )
    yield sourced_figure(
        rules,
        topic,
        "Incentive credited (estimate): by this date of the year after the audit year",
        month_day(rules.incentive_credit_by),
        rules.incentive_credit,
        rules.incentive_source_url,
    )
    yield sourced_figure(
        rules,
        topic,
        "COR Ready's own planning choices: calendar reminders / refresher booking lead",
        f"{', '.join(str(days) for days in rules.reminder_days)} days before each audit deadline / "
        f"{rules.refresher_lead_days} days before the auditor's certification lapses",
        "Suggestions of this app, not partner rules. " + rules.internal_auditor_refresher,
        rules.internal_auditor_source_url,
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
        name = f"Partner rule: {content.partner(rule.partner).short_name}"
        yield sourced_figure(rule, topic, name, _partner_rule_terms(rule), rule.note)


def base_rates(content: Content) -> Iterator[Figure]:
    topic = f"CU base rates ({content.cu_jurisdiction().code})" if content.units else ""
    for unit in content.units:
        for rate in unit.rates:
            if rate.base_rate is None or rate.rate_stage == "example":
                continue  # a worked example's rate is listed once, with its year's caveat (savings_figures)
            yield sourced_figure(
                rate,
                topic,
                f"{unit.code} {unit.name}",
                f"${rate.base_rate} per $100",
                f"Confidence: {rate.confidence}. {rate.source_note}".strip(),
                year=str(rate.year),
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
