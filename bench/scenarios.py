"""The page states the bench measures, each with one real widget change to time.

A scenario opens a page through ``app.py`` as a user does, puts it in the state the issue names
(every question answered, three CUs, a date and a partner, a search), and then names one widget
and two values to flip between. Every timed rerun flips it, so each rerun follows a real change
(never a rerun with nothing changed) and the page does the work a click makes it do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from streamlit.testing.v1 import AppTest

from cor.content import default_content

#: The date pinned on the Cycle page (the page reads "today" from this session key in tests).
TODAY = date(2026, 6, 1)


@dataclass(frozen=True)
class Change:
    """One widget (by user key and AppTest accessor) and the two values a rerun flips between."""

    kind: str  # AppTest accessor: "radio", "text_input", "number_input", "selectbox", ...
    key: str
    values: tuple[Any, Any]

    def apply(self, at: AppTest, turn: int) -> None:
        """Set the widget to the value of this turn (alternating), without running the script."""
        if self.kind == "switch_page":  # a page with no widgets: the click is on its link
            at.switch_page(self.values[turn % 2])
            return
        widget = getattr(at, self.kind)(key=self.key)
        value = self.values[turn % 2]
        if self.kind == "text_input":
            widget.input(value)
        else:
            widget.set_value(value)


@dataclass(frozen=True)
class Scenario:
    """A page in a given state: how to get there from a fresh AppTest, and what to change."""

    name: str
    page: str  # file under app_pages/
    seed: Callable[[], dict[str, Any]]  # session state a user brings (draft, pinned date)
    drive: Callable[[AppTest], None]  # widget steps after the page opened
    change: Change


def every_answer() -> dict[str, str]:
    """One applicable answer per question of the large-employer set, mixing full and partial credit."""
    bank = default_content().bank
    answers: dict[str, str] = {}
    for position, question in enumerate(bank.question_set("large")):
        credited = [o for o in bank.scale(question.scale).options if o.credit is not None]
        answers[question.id] = credited[position % len(credited)].id
    return answers


def first_question_flip() -> tuple[str, tuple[str, str]]:
    """The first question of the first element, and two of its answers (a real answer change)."""
    bank = default_content().bank
    question = bank.question_set("large")[0]
    options = [o.id for o in bank.scale(question.scale).options if o.credit is not None]
    answers = every_answer()
    other = next(o for o in options if o != answers[question.id])
    return f"rd.q.{question.id}", (other, answers[question.id])


def _answered() -> dict[str, Any]:
    return {"answers": every_answer()}


def _results() -> dict[str, Any]:
    return {"answers": every_answer(), "rd.workers": "25"}


def _results_view(at: AppTest) -> None:
    """The Results view, chosen as the switcher does: through the page's typed state."""
    at.session_state["readiness"].view = "Results"
    at.run()


def _pinned_today() -> dict[str, Any]:
    return {"today": TODAY}


def _no_seed() -> dict[str, Any]:
    return {}


def _savings_rows(at: AppTest) -> None:
    """Three CU rows, filled as a user would (the page's own 'Add another CU' button)."""
    at.selectbox(key="sv.cu.0").set_value("766011").run()
    at.text_input(key="sv.pay.0").input("11000000").run()
    for row in (1, 2):
        at.button(key="sv.add").click().run()
        at.text_input(key=f"sv.pay.{row}").input(f"{row * 1_500_000}").run()
        at.text_input(key=f"sv.rate.{row}").input("3.47").run()


def _cycle_filled(at: AppTest) -> None:
    at.text_input(key="cy.certified").input("2025-12-20").run()
    at.selectbox(key="cy.partner").set_value("safetydriven").run()


def _searched(at: AppTest) -> None:
    at.text_input(key="pg.query").input("long term care").run()


def as_opened(at: AppTest) -> None:
    """The page as it opens: nothing to fill."""


QUESTION_KEY, QUESTION_VALUES = first_question_flip()

SCENARIOS: list[Scenario] = [
    Scenario(
        "Readiness, all answered",
        "readiness",
        _answered,
        as_opened,
        Change("radio", QUESTION_KEY, QUESTION_VALUES),
    ),
    Scenario(
        "Readiness, Results",
        "readiness",
        _results,
        _results_view,
        Change("text_input", "rd.workers", ("30", "25")),
    ),
    Scenario(
        "Savings, 3 CUs",
        "savings",
        _no_seed,
        _savings_rows,
        Change("text_input", "sv.pay.2", ("3100000", "3000000")),
    ),
    Scenario(
        "Cycle, date + partner",
        "cycle",
        _pinned_today,
        _cycle_filled,
        Change("selectbox", "cy.partner", ("bcmea", "safetydriven")),
    ),
    Scenario(
        "Partner guide, search",
        "partners",
        _no_seed,
        _searched,
        Change("text_input", "pg.query", ("trucking", "long term care")),
    ),
    Scenario(
        "About the numbers",
        "about",
        _no_seed,
        as_opened,
        Change("switch_page", "", ("app_pages/about.py", "app_pages/about.py")),
    ),
]
