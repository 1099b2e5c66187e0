"""The Savings figures About the numbers lists beside the rest: the small-employer minimum's
history, Alberta's PIR performance measures, and what year the worked-example rates really are.

Kept apart from ``cor.figures`` so the Savings rules and their sources change together.
"""

from __future__ import annotations

from cor.formatting import money
from cor.models import Content, Figure
from cor.rates import stage_words


def minimum_figures(content: Content) -> list[Figure]:
    """Every version of the BC small-employer minimum, the one in force first, the older ones
    marked as history with the year they were stated."""
    bc = content.incentives.bc
    ordered = sorted(bc.small_employer_minimum, key=lambda m: m.status != "in force")
    return [
        Figure(
            topic="Incentive (BC)",
            figure=f"Small-employer minimum ({'in force' if m.status == 'in force' else 'history'}): {m.label}",
            value=f"{m.share_of_premium_pct}% of premium, up to {money(m.cap, whole=True)}",
            year=m.effective,
            source_url=str(m.source_url),
            note=f"{m.wording} {m.source_note}"
            if m.status == "in force"
            else f"{m.wording} Replaced by the rule in force. {m.source_note}",
        )
        for m in ordered
    ]


def pir_performance_figures(content: Content) -> list[Figure]:
    """Alberta PIR's performance measures (none when the content has no such rule)."""
    rule = content.incentives.ab.performance
    if rule is None:
        return []
    return [
        Figure(
            topic="Incentive (AB)",
            figure="PIR performance refund: improvement on your own record",
            value=f"{rule.improvement_pct_per_pct}% per 1% of improvement, up to {rule.improvement_max_pct}%",
            year=rule.effective,
            source_url=str(rule.source_url),
            note=rule.wording,
        ),
        Figure(
            topic="Incentive (AB)",
            figure="PIR performance refund: industry leadership",
            value=f"{rule.leadership_min_pct}% to {rule.leadership_max_pct}%",
            year=rule.effective,
            source_url=str(rule.source_url),
            note="The highest measure an employer qualifies for is the one paid.",
        ),
    ]


def rate_year_figures(content: Content) -> list[Figure]:
    """Each worked-example rate with what its source says about its year (it may be uncertain)."""
    return [
        Figure(
            topic="CU base rates (BC)",
            figure=f"CU {record.cu_code} {record.cu_name}: year of the rate",
            value=f"${record.base_rate} per $100, {stage_words(record)}",
            year=str(record.year),
            source_url=str(record.source_url),
            note=record.source_note,
        )
        for unit in content.units
        for record in unit.rates
        if record.rate_stage == "example" and record.base_rate is not None
    ]


def savings_figures(content: Content) -> list[Figure]:
    """The Savings page's figures for About the numbers."""
    return [*minimum_figures(content), *pir_performance_figures(content), *rate_year_figures(content)]
