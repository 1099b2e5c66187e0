"""The Savings figures About the numbers lists beside the rest: the small-employer minimum's
history, Alberta's PIR performance measures, and what year the worked-example rates really are.

Kept apart from ``cor.figures`` so the Savings rules and their sources change together.
"""

from __future__ import annotations

from cor.figure import sourced_figure
from cor.incentives.minimum import minimum_status, minimum_terms
from cor.models import Content, Figure
from cor.rates import stage_words


def minimum_figures(content: Content) -> list[Figure]:
    """Every version of the BC small-employer minimum, the one in force first, the older ones
    marked as history with the year they were stated."""
    ordered = sorted(content.incentives.bc.small_employer_minimum, key=lambda m: m.status != "in force")
    return [
        sourced_figure(
            version,
            "Incentive (BC)",
            f"Small-employer minimum ({minimum_status(version)}): {version.label}",
            minimum_terms(version),
            f"{version.wording} {version.source_note}"
            if version.status == "in force"
            else f"{version.wording} Replaced by the rule in force. {version.source_note}",
        )
        for version in ordered
    ]


def pir_performance_figures(content: Content) -> list[Figure]:
    """Alberta PIR's performance measures (none when the content has no such rule)."""
    rule = content.incentives.ab.performance
    if rule is None:
        return []
    return [
        sourced_figure(
            rule,
            "Incentive (AB)",
            "PIR performance refund: improvement on your own record",
            f"{rule.improvement_pct_per_pct}% per 1% of improvement, up to {rule.improvement_max_pct}%",
            rule.wording,
        ),
        sourced_figure(
            rule,
            "Incentive (AB)",
            "PIR performance refund: industry leadership",
            f"{rule.leadership_min_pct}% to {rule.leadership_max_pct}%",
            "The highest measure an employer qualifies for is the one paid.",
        ),
    ]


def rate_year_figures(content: Content) -> list[Figure]:
    """Each worked-example rate with what its source says about its year (it may be uncertain)."""
    return [
        sourced_figure(
            record,
            "CU base rates (BC)",
            f"CU {record.cu_code} {record.cu_name}: year of the rate",
            f"${record.base_rate} per $100, {stage_words(record)}",
            year=str(record.year),
        )
        for unit in content.units
        for record in unit.rates
        if record.rate_stage == "example" and record.base_rate is not None
    ]


def savings_figures(content: Content) -> list[Figure]:
    """The Savings page's figures for About the numbers."""
    return [*minimum_figures(content), *pir_performance_figures(content), *rate_year_figures(content)]
