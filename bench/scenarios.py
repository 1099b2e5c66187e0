"""The page states the bench measures, each with one real widget change to time.

A scenario opens a page through ``app.py`` as a user does, puts it in the state the issue names
(every question answered, three CUs, a date and a partner, a search, a client with two visits, a
workshop room), and then names the change a user makes. A timed rerun normally gets a **fresh**
value, one the page has never seen in this run (a user rarely types the same thing twice), so a
cache on the page's inputs cannot hide the work; the old flip between two values is kept for a
few pages as the "cache hit" row, which is what a cache is worth when inputs do repeat.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from streamlit.testing.v1 import AppTest

from cor.content import default_content

#: The date pinned on the Cycle page (the page reads "today" from this session key in tests).
TODAY = date(2026, 6, 1)


Step = tuple[str, Any]  # (widget key, value)


@dataclass(frozen=True)
class Change:
    """One widget (by user key and AppTest accessor) and the values a rerun sets it to.

    ``values`` are the two a "cache hit" rerun flips between. ``fresh`` gives turn ``n`` a (key,
    value) never given before (a question walk may move to another key); without it the change
    has no new value to give (a click, a page link) and every turn is the same click.
    ``session`` is what the user changed elsewhere before this rerun (real page only, e.g. the
    answers behind a Results view), so the page's inputs are new as well as its widget.
    """

    kind: (
        str  # AppTest accessor ("radio", "text_input", ...); "selectbox_index", "button_label", "switch_page"
    )
    key: str
    values: tuple[Any, Any]
    fresh: Callable[[int], Step] | None = None
    session: Callable[[AppTest, int], None] | None = None

    def step(self, turn: int, fresh: bool) -> Step:
        if fresh and self.fresh is not None:
            return self.fresh(turn)
        return self.key, self.values[turn % 2]

    def apply(self, at: AppTest, turn: int, fresh: bool = True, real: bool = True) -> None:
        """Set the widget to the value of this turn, without running the script."""
        if real and fresh and self.session is not None:
            self.session(at, turn)
        key, value = self.step(turn, fresh)
        if self.kind == "switch_page":  # a page with no widgets: the click is on its link
            at.switch_page(value)
            return
        if self.kind == "button_label":  # a button without a key: found by its label
            next(b for b in at.button if b.label == key).click()
            return
        widget = getattr(at, self.kind.removesuffix("_index"))(key=key)
        if self.kind == "selectbox_index":  # by position: the bare page holds labels, not ids
            widget.select_index(value % len(widget.options))
        elif self.kind == "text_input":
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


def gray(number: int, digits: int, base: int) -> list[int]:
    """``number`` in the modular ``base``-ary Gray code: one digit moves (by one) from each number
    to the next, and no two numbers below ``base ** digits`` share a code."""
    plain = [(number // base**place) % base for place in range(digits + 1)]
    return [(plain[place] - plain[place + 1]) % base for place in range(digits)]


def answer_walk(first_element_only: bool) -> Callable[[int], Step]:
    """Turn ``n`` changes one answer so that the set of answers is a new one on every turn (a
    Gray code over the questions' answers: 3 ** 10 sets on the first element alone)."""
    bank = default_content().bank
    every = bank.question_set("large")
    # the questions the Answer view shows as it opens, or all of them
    questions = [q for q in every if q.element == every[0].element] if first_element_only else list(every)
    answers = every_answer()
    options = {q.id: [o.id for o in bank.scale(q.scale).options if o.credit is not None] for q in questions}
    base = min(len(choices) for choices in options.values())

    def step(turn: int) -> Step:
        before, after = gray(turn, len(questions), base), gray(turn + 1, len(questions), base)
        place = next(p for p, (a, b) in enumerate(zip(before, after, strict=True)) if a != b)
        question = questions[place]
        choices = options[question.id]
        return f"rd.q.{question.id}", choices[
            (choices.index(answers[question.id]) + after[place]) % len(choices)
        ]

    return step


def _new_answers(at: AppTest, turn: int) -> None:
    """A user answered one more question differently before coming back to Results: the session's
    answers move along the same walk, so every Results rerun has a verdict it has not charted."""
    key, option = RESULTS_WALK(turn)
    answers = dict(at.session_state["answers"])
    answers[key.removeprefix("rd.q.")] = option
    at.session_state["answers"] = answers


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


def _room_open(at: AppTest) -> None:
    """The presenter opened a workshop room (the room's picture panel is on the page)."""
    next(b for b in at.button if b.label == "Open a workshop room").click().run()


#: The staff password the Workspace scenario signs in with (an account in a staff file the bench
#: writes once per process, named by the environment as a deployment does).
STAFF_PASSWORD = "bench staff password, not a secret"
STAFF_NAME = "bench"


def _workspace_env() -> None:
    """Staff sign-in configured for this process: a staff file with the bench's own account."""
    import os
    import tempfile
    from pathlib import Path

    from cor.staff import STAFF_FILE_ENV, add_account

    if not os.environ.get("COR_READY_BENCH_STAFF"):
        folder = Path(tempfile.mkdtemp(prefix="cor-bench-staff-"))
        add_account(folder / "staff.toml", STAFF_NAME, STAFF_PASSWORD)
        os.environ[STAFF_FILE_ENV] = str(folder / "staff.toml")
        os.environ["COR_READY_BENCH_STAFF"] = "1"


def _quick_file(best: int) -> bytes:
    """A quick-check assessment file, the first ``best`` answers best, the rest worst."""
    from cor.assessment import Assessment
    from cor.exports.assessment_file import dump

    bank = default_content().bank
    answers = {}
    for n, question in enumerate(bank.question_set("quick")):
        options = [o for o in bank.scale(question.scale).options if o.credit is not None]
        top, bottom = max(options, key=lambda o: o.credit or 0), min(options, key=lambda o: o.credit or 0)
        answers[question.id] = (top if n < best else bottom).id
    assessment = Assessment(jurisdiction="BC", program_id="bc-large", quick=True, answers=answers)
    return dump(assessment, saved_at=datetime(2026, 11, 1, 12, 0))


def _workspace_client(at: AppTest) -> None:
    """Signed in as a consultant, one client with two visits imported (so Progress draws its two
    charts) and the action plans those visits brought in."""
    at.text_input(key="auth.user").input(STAFF_NAME)
    at.text_input(key="auth.password").input(STAFF_PASSWORD)
    at.button[0].click().run()
    at.selectbox(key="ws.client").select("").run()
    at.text_input(key="ws.f.org").input("Harbour Builders Ltd")
    at.text_input(key="ws.f.contact").input("Sam Lee")
    at.text_input(key="ws.f.cus").input("721027")
    at.text_input(key="ws.f.workers").input("24")
    at.button(key="FormSubmitter:ws.client_form-Add the client").click().run()
    for best, day, label in ((3, date(2026, 3, 2), "First visit"), (9, date(2026, 9, 14), "Follow-up")):
        at.date_input(key="ws.visit_date").set_value(day)
        at.text_input(key="ws.visit_label").input(label)
        at.file_uploader(key="ws.upload").set_value(
            ("assessment.json", _quick_file(best), "application/json")
        )
        at.run()
        next(b for b in at.button if b.label == "Add the file's assessment").click().run()


def _workspace_seed() -> dict[str, Any]:
    _workspace_env()
    return {}


def _pick_action(turn: int) -> Step:
    """The next action of the client's plan each turn (by position; the list is walked round)."""
    return "ws.edit.pick", turn + 2


def _new_payroll(turn: int) -> Step:
    return "sv.pay.2", str(3_000_000 + 1_000 * (turn + 1))


def _new_workers(turn: int) -> Step:
    return "rd.workers", str(26 + turn % 50)


def _new_training_date(turn: int) -> Step:
    return "cy.certified", (date(2025, 12, 20) - timedelta(days=turn + 1)).isoformat()


#: Words a visitor might look for in the partner guide, walked in turn (no two turns alike before
#: the list comes round, and a search's cost is its matching, not a cache).
SEARCHES = ("trucking", "construction", "forestry", "manufacturing", "retail", "health", "municipal",
            "oil", "ports", "tourism", "education", "agriculture", "mining", "food", "transit", "care",
            "warehouse", "logging", "road", "energy")  # fmt: skip


def _new_search(turn: int) -> Step:
    return "pg.query", f"{SEARCHES[turn % len(SEARCHES)]}{' ' * (turn // len(SEARCHES))}"


ANSWER_WALK = answer_walk(first_element_only=True)
RESULTS_WALK = answer_walk(first_element_only=False)
QUESTION_KEY, QUESTION_VALUES = first_question_flip()

SCENARIOS: list[Scenario] = [
    Scenario(
        "Readiness, all answered",
        "readiness",
        _answered,
        as_opened,
        Change("radio", QUESTION_KEY, QUESTION_VALUES, fresh=ANSWER_WALK),
    ),
    Scenario(
        "Readiness, Results",
        "readiness",
        _results,
        _results_view,
        Change("text_input", "rd.workers", ("30", "25"), fresh=_new_workers, session=_new_answers),
    ),
    Scenario(
        "Savings, 3 CUs",
        "savings",
        _no_seed,
        _savings_rows,
        Change("text_input", "sv.pay.2", ("3100000", "3000000"), fresh=_new_payroll),
    ),
    Scenario(
        "Cycle, date + partner",
        "cycle",
        _pinned_today,
        _cycle_filled,
        Change("text_input", "cy.certified", ("2025-12-19", "2025-12-20"), fresh=_new_training_date),
    ),
    Scenario(
        "Partner guide, search",
        "partners",
        _no_seed,
        _searched,
        Change("text_input", "pg.query", ("trucking", "long term care"), fresh=_new_search),
    ),
    Scenario(
        "Workspace, pick an action",
        "workspace",
        _workspace_seed,
        _workspace_client,
        Change("selectbox_index", "ws.edit.pick", (0, 1), fresh=_pick_action),
    ),
    Scenario(
        "Workshop, Reset (room open)",
        "workshop",
        _no_seed,
        _room_open,
        Change("button_label", "Reset for the next demo", ("", "")),
    ),
    Scenario(
        "About the numbers",
        "about",
        _no_seed,
        as_opened,
        Change("switch_page", "", ("app_pages/about.py", "app_pages/about.py")),
    ),
]
