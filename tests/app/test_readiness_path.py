"""The employer's and the attendee's path on Readiness: no dead end after the last
question, a quick check that reads as indicative and fits a phone, a program box that stays
open while it is filled in and always names the program in force."""

from __future__ import annotations

from decimal import Decimal

from streamlit.testing.v1 import AppTest

from cor.content import default_content
from cor.models import Question
from tests.app.conftest import elements, open_page
from tests.conftest import ROOT

C = default_content()
BANK = C.bank
LARGE = BANK.question_set("large")
QUICK = BANK.question_set("quick")


def best(q: Question) -> str:
    return next(o.id for o in BANK.scale(q.scale).options if o.credit == Decimal(1))


def quick_link() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["quick"] = "1"
    at.run()
    return open_page(at, "readiness")


def buttons(at: AppTest) -> dict[str, bool]:
    """Each button on screen, by label, with whether it can be pressed."""
    return {button.label: not button.disabled for button in at.button}


def test_the_last_element_offers_see_your_result_which_opens_the_results(app: AppTest) -> None:
    """17.1: on the last element "Next element" greyed out and nothing led on."""
    app.session_state["answers"] = {q.id: best(q) for q in LARGE}
    at = open_page(app, "readiness")
    last = BANK.elements[-1]
    at.selectbox(key="rd.element").set_value(last.id).run()
    assert buttons(at).get("See your result") is True
    assert "Next element" not in buttons(at)
    next(b for b in at.button if b.label == "See your result").click().run()
    assert not at.exception
    assert at.segmented_control(key="rd.view").value == "Results"
    assert at.metric[0].label == "Overall score"


def test_the_quick_check_headline_says_indicative(app: AppTest) -> None:
    """17.1: the quick check showed a big green "Would pass" with the caveat below it."""
    at = quick_link()
    for q in QUICK:
        at.radio(key=f"rd.q.{q.id}").set_value(best(q)).run()
    next(b for b in at.button if b.label == "See your result").click().run()
    assert not at.success, "a quick check's pass is not the full assessment's green box"
    headline = at.info[0].value
    assert headline.startswith(f"Indicative only (quick check of {len(QUICK)} questions). Would pass")


def test_the_quick_check_shows_every_question_on_one_page_below_a_folded_program_box() -> None:
    """17.2: on ?quick=1 the box opened expanded (the first question two screens down) and the
    12 questions took 10 pages."""
    at = quick_link()
    box = at.expander[0]
    assert not box.proto.expanded
    assert box.label == "Your program: Large employer COR (BC) · change"
    shown = [radio.label for radio in at.radio if radio.key and radio.key.startswith("rd.q.")]
    assert shown == [f"Q{n}. {q.text}" for n, q in enumerate(QUICK, start=1)]
    assert not [box for box in at.selectbox if box.label == "Jump to element"]
    assert buttons(at).get("See your result") is True


def test_the_box_header_names_the_program_just_recommended(app: AppTest) -> None:
    """17.3: the header said "Large employer COR" while the program was Small."""
    at = open_page(app, "readiness")
    at.text_input(key="rd.workers").input("25").run()
    assert "Large employer COR" in at.expander[0].label
    at.text_input(key="rd.workers").input("5").run()
    assert at.selectbox(key="rd.program").value == "bc-small"
    assert at.expander[0].label == "Your program: Small employer COR (BC) · change"
    assert "tap" not in at.expander[0].label


def test_the_box_stays_open_for_the_industry_after_workers(app: AppTest) -> None:
    """17.3: entering Workers folded the box before the optional CU was picked."""
    at = open_page(app, "readiness")
    at.text_input(key="rd.workers").input("25").run()
    assert at.expander[0].proto.expanded
    at.selectbox(key="rd.cu").set_value(C.units[0].code).run()
    assert at.expander[0].proto.expanded
    at.segmented_control(key="rd.view").set_value("Results").run()
    assert not at.expander[0].proto.expanded


def download_labels(at: AppTest) -> list[str]:
    return [element.label for element in elements(at, "download_button")]


def test_results_and_plan_offer_the_report_and_the_plan_files(app: AppTest) -> None:
    """17.4: the PDF, CSV and XLSX were only under "Save and reports"."""
    answers = {q.id: best(q) for q in LARGE}
    answers[LARGE[0].id] = next(o.id for o in BANK.scale(LARGE[0].scale).options if o.credit == Decimal(0))
    app.session_state["answers"] = answers
    at = open_page(app, "readiness")
    wanted = ["Download PDF report", "Download action plan (CSV)", "Download action plan (XLSX)"]
    for view in ("Results", "Action plan"):
        at.segmented_control(key="rd.view").set_value(view).run()
        assert not at.exception
        assert download_labels(at) == wanted, view


def test_the_plan_table_gives_the_action_the_room_and_wraps_it(app: AppTest) -> None:
    """17.6: the Action column was cut off while Element was wide."""
    import json

    answers = {q.id: best(q) for q in LARGE}
    for q in LARGE[:3]:
        answers[q.id] = next(o.id for o in BANK.scale(q.scale).options if o.credit == Decimal(0))
    app.session_state["answers"] = answers
    at = open_page(app, "readiness")
    at.segmented_control(key="rd.view").set_value("Action plan").run()
    editor = at.data_editor[0].proto
    columns = json.loads(editor.columns)
    widths = {name: config.get("width") for name, config in columns.items()}
    assert widths["Action"] >= 2 * widths["Element"], widths
    assert widths["Action"] >= 360
    assert editor.row_height >= 3 * 20, "an action's text wraps over three lines"
