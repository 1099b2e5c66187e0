"""Which estimator the Savings page shows for a jurisdiction: one per ``incentive_model`` in the
jurisdiction's content record, so a province added as content gets its own (or none) without a
branch on its code.

Each estimator draws its inputs and result, the rules behind its number (with the CSV lines they
add) and its sources; the page puts them in place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from cor import incentives
from ui.savings import inputs, sections
from ui.savings.inputs import ExtraRow, Rows
from ui.state import content

Result = incentives.Estimate | incentives.PIREstimate | None


@dataclass(frozen=True)
class Shown:
    """What an estimator put on the page: its result (None until the inputs allow one) and, for an
    estimator with CU rows, those rows (the CSV lists the ones left out)."""

    result: Result = None
    rows: Rows | None = None


@dataclass(frozen=True)
class Estimator:
    estimate: Callable[[str], Shown]
    rules: Callable[[Result], list[ExtraRow]]
    sources: Callable[[str], None]


def rated_estimate(jurisdiction: str) -> Shown:
    """BC: the CU rows (with a rate list for consultants) and the total over them."""
    st.subheader("Your classification units")
    sections.rates_intro()
    sections.rate_list_loader()
    rows = inputs.cu_rows()
    st.subheader("Your estimate")
    return Shown(inputs.bc_estimate(rows), rows)


def rated_rules(result: Result) -> list[ExtraRow]:
    """BC: the conditions that void the incentive, and the small-employer minimum."""
    st.subheader("Conditions that void the incentive")
    sections.good_standing_checklist()
    st.subheader("Small-employer minimum")
    return sections.small_employer_minimum(result if isinstance(result, incentives.Estimate) else None)


def pir_estimate(jurisdiction: str) -> Shown:
    """Alberta: the PIR refund of each year of the cycle."""
    st.subheader("Your Alberta PIR refund")
    return Shown(sections.pir_refund())


def no_estimate(jurisdiction: str) -> Shown:
    """A jurisdiction COR Ready has no estimator for yet: what its program is called, and who runs it."""
    info = content().jurisdiction(jurisdiction)
    st.subheader("Your incentive")
    st.info(
        f"COR Ready cannot estimate the {info.incentive_program} of {info.name} yet. "
        f"Ask {info.regulator} what COR is worth to you.",
        icon=":material/info:",
    )
    return Shown()


def no_rules(result: Result) -> list[ExtraRow]:
    return []


ESTIMATORS: dict[str, Estimator] = {
    "bc_experience_rating": Estimator(rated_estimate, rated_rules, sections.bc_sources),
    "ab_pir": Estimator(pir_estimate, no_rules, sections.ab_sources),
    "none": Estimator(no_estimate, no_rules, sections.jurisdiction_sources),
}


def estimator(jurisdiction: str) -> Estimator:
    """The estimator of the jurisdiction's incentive model (content's ``incentive_model``)."""
    return ESTIMATORS[content().jurisdiction(jurisdiction).incentive_model]
