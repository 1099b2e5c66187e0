"""The Readiness page as a user drives it: program choice, answering, verdicts, plan, save/resume.

Expected scores are computed here from the rule itself (points-weighted over applicable
questions; pass = overall >= 80% and every element >= 50%), never copied from the page's output.
"""

from __future__ import annotations

import json
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from cor.assessment import NOTE_MAX_CHARS
from cor.content import default_content
from cor.models import AnswerOption, Question
from tests.app.conftest import elements, open_page
from tests.conftest import ROOT

C = default_content()
BANK = C.bank
LARGE = BANK.question_set("large")
NAMES = {e.id: e.name for e in BANK.elements}
RULE = C.jurisdiction("BC").pass_rule


def opt(q: Question, credit: str | None) -> str:
    """The id of the option of ``q`` with the given credit ("1", "0.5", "0", or None for N/A)."""
    want = None if credit is None else Decimal(credit)
    option: AnswerOption = next(o for o in BANK.scale(q.scale).options if o.credit == want)
    return option.id


def open_notes(at: AppTest, question_id: str) -> AppTest:
    """Open a question's "What the auditor looks for, and your notes" panel, as a user clicks it
    (its content, the notes box among it, is drawn only while it is open)."""
    at.session_state[f"rd.panel.{question_id}"] = True
    return at.run()


def has(q: Question, credit: str) -> bool:
    return any(o.credit == Decimal(credit) for o in BANK.scale(q.scale).options)


def pct(answers: dict[str, str], questions: tuple[Question, ...] = LARGE) -> Fraction:
    """Overall % by the rule: points x credit over the points of applicable answered questions."""
    earned = possible = Fraction(0)
    for q in questions:
        if q.id not in answers:
            continue
        credit = BANK.scale(q.scale).option(answers[q.id]).credit
        if credit is None:
            continue
        earned += q.points * Fraction(credit)
        possible += q.points
    return earned * 100 / possible


def shown(value: Fraction) -> str:
    """A percentage as the page shows it: one decimal, rounded down, no trailing .0."""
    d = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.1"), rounding=ROUND_DOWN)
    return f"{d:.0f}%" if d == d.to_integral_value() else f"{d}%"


def all_best() -> dict[str, str]:
    return {q.id: opt(q, "1") for q in LARGE}


def readiness(app: AppTest, answers: dict[str, str] | None = None) -> AppTest:
    if answers is not None:
        app.session_state["answers"] = dict(answers)
    return open_page(app, "readiness")


def show(at: AppTest, view: str) -> AppTest:
    at.segmented_control(key="rd.view").set_value(view).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def workers(at: AppTest, n: int | str) -> AppTest:
    at.text_input(key="rd.workers").input(str(n)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# --- the page and the program choice -------------------------------------------------------


def test_the_page_says_it_is_an_unofficial_estimate(app: AppTest) -> None:
    at = readiness(app)
    assert at.title[0].value == "Would you pass a COR audit today?"
    assert "unofficial estimate" in at.caption[0].value
    assert "not your certifying partner's audit" in at.caption[0].value


@pytest.mark.parametrize(
    ("province", "count", "program"),
    [
        ("BC", 25, "bc-large"),
        ("BC", 20, "bc-large"),
        ("BC", 19, "bc-small"),
        ("BC", 2, "bc-small"),  # the general rule: owner/operator programs are some partners' only
        ("AB", 11, "ab-cor"),
        ("AB", 10, "ab-secor"),
    ],
)
def test_the_program_is_recommended_from_province_and_workers(
    app: AppTest, province: str, count: int, program: str
) -> None:
    at = readiness(app)
    at.radio(key="rd.jurisdiction").set_value(province).run()
    workers(at, count)
    box = at.selectbox(key="rd.program")
    assert box.value == program
    expected = C.program(program)
    assert f"{expected.name} (recommended)" in box.options
    who = " ".join(m.value for m in at.markdown)
    assert expected.certification_auditor in who
    assert expected.maintenance_auditor in who


def test_the_workers_field_explains_how_to_count(app: AppTest) -> None:
    at = readiness(app)
    help_text = at.text_input(key="rd.workers").help
    assert "owner" in help_text
    assert "2,080" in help_text  # go2HR's full-time-equivalent rule, from the programs content


def test_alberta_shows_the_iso_route_and_its_dated_direction_while_bc_says_there_is_none(
    app: AppTest,
) -> None:
    at = readiness(app)
    assert not at.info
    assert any("No ISO 45001 / CSA Z45001 route" in c.value for c in at.caption)
    at.radio(key="rd.jurisdiction").set_value("AB").run()
    ab = C.jurisdiction("AB")
    assert any(ab.iso_equivalency_note in i.value for i in at.info)
    shown_notes = " ".join(m.value for m in at.markdown)
    for note in ab.notes:
        if note.status == "background":  # governance history belongs in the guide, not here
            assert note.title not in shown_notes
        else:
            assert f"**{note.title}** ({note.status}, {note.effective})" in shown_notes


def test_a_chosen_program_is_kept_when_the_worker_count_changes(app: AppTest) -> None:
    at = workers(readiness(app), 25)
    at.selectbox(key="rd.program").set_value("bc-small").run()
    assert any("You chose this program" in c.value for c in at.caption)
    workers(at, 30)
    assert at.selectbox(key="rd.program").value == "bc-small"


def test_the_program_decides_how_many_questions_are_asked(app: AppTest) -> None:
    at = workers(readiness(app), 5)
    small = len(BANK.question_set(C.program("bc-small").question_set))
    assert at.get("progress")[0].proto.text == f"0 of {small} questions answered"


def test_the_quick_check_asks_about_twelve_questions(app: AppTest) -> None:
    at = readiness(app)
    at.toggle(key="rd.quick").set_value(True).run()
    quick = BANK.question_set("quick")
    assert 10 <= len(quick) <= 14
    assert at.get("progress")[0].proto.text == f"0 of {len(quick)} questions answered"


def test_a_bc_industry_names_the_certifying_partner(app: AppTest) -> None:
    at = readiness(app)
    at.selectbox(key="rd.cu").set_value("766011").run()
    assert any("BC Municipal Safety Association" in m.value or "BCMSA" in m.value for m in at.markdown)
    assert at.session_state["cu_code"] == "766011"


# --- answering -------------------------------------------------------------------------------


def test_answers_and_notes_survive_moving_between_elements_and_pages(app: AppTest) -> None:
    at = readiness(app)
    first = next(q for q in LARGE if q.element == BANK.elements[0].id)
    at.radio(key=f"rd.q.{first.id}").set_value(opt(first, "0.5")).run()
    open_notes(at, first.id).text_area(key=f"rd.n.{first.id}").input("Policy is in the red binder").run()
    assert "(1/" in at.selectbox(key="rd.element").format_func(BANK.elements[0].id)
    at.button(key="rd.next").click().run()
    assert at.selectbox(key="rd.element").value == BANK.elements[1].id
    open_page(at, "home")
    at = open_page(at, "readiness")
    at.selectbox(key="rd.element").set_value(BANK.elements[0].id).run()
    assert at.radio(key=f"rd.q.{first.id}").value == opt(first, "0.5")
    assert open_notes(at, first.id).text_area(key=f"rd.n.{first.id}").value == "Policy is in the red binder"
    assert at.get("progress")[0].proto.text.startswith("1 of ")


def test_progress_counts_an_answer_in_the_same_rerun(app: AppTest) -> None:
    at = readiness(app)
    q = next(q for q in LARGE if q.element == BANK.elements[0].id)
    at.radio(key=f"rd.q.{q.id}").set_value(opt(q, "1")).run()
    assert at.get("progress")[0].proto.text == f"1 of {len(LARGE)} questions answered"
    assert "(1/" in at.selectbox(key="rd.element").format_func(q.element)


def test_each_element_shows_its_progress_in_the_jump_list(app: AppTest) -> None:
    insp = [q for q in LARGE if q.element == "inspections"]
    at = readiness(app, {q.id: opt(q, "1") for q in insp[:3]})
    box = at.selectbox(key="rd.element")
    assert box.format_func("inspections").endswith(f"(3/{len(insp)} answered)")


# --- results: the four scoring paths -------------------------------------------------------


def test_pass_when_overall_and_every_element_meet_the_bar(app: AppTest) -> None:
    at = show(readiness(app, all_best()), "Results")
    assert at.success[0].value.startswith("Would pass: overall 100%")
    assert not at.error
    assert at.metric[0].value == "100%"


def test_fail_on_overall_when_every_element_is_above_the_floor(app: AppTest) -> None:
    answers = {q.id: opt(q, "0.5") if has(q, "0.5") else opt(q, "1") for q in LARGE}
    expected = pct(answers)
    assert Fraction(50) <= expected < Fraction(80)  # the case we mean to test
    at = show(readiness(app, answers), "Results")
    text = at.error[0].value
    assert text.startswith(f"Would not pass: the overall score is {shown(expected)}")
    assert "points below the 80% needed" in text
    assert not any(name in text for name in NAMES.values())
    assert at.metric[0].value == shown(expected)


def test_fail_on_one_element_even_when_the_overall_score_passes(app: AppTest) -> None:
    answers = all_best()
    insp = {q.id: q for q in LARGE if q.element == "inspections"}
    # Inspections at 37.5%: 20 + 0.5 x (15 + 10 + 10 + 15) ... built from the points in content.
    chosen = {"insp-schedule": "1", "insp-checklist": "0", "insp-followup": "0.5", "insp-pre-use": "0"}
    for qid, q in insp.items():
        answers[qid] = opt(q, chosen.get(qid, "0"))
    element = pct({k: v for k, v in answers.items() if k in insp}, tuple(insp.values()))
    overall = pct(answers)
    assert element < 50 <= 80 <= overall
    at = show(readiness(app, answers), "Results")
    text = at.error[0].value
    gap = Fraction(50) - element
    gap_shown = f"{Decimal(gap.numerator) / Decimal(gap.denominator):.1f}".removesuffix(".0")
    assert f"Inspections is at {shown(element)}, {gap_shown} points below the 50% floor" in text
    assert f"even though the overall score of {shown(overall)} meets the bar" in text
    assert at.metric[2].value == "1"
    table = at.table[0].value
    row = table[table["Element"] == "Inspections"].iloc[0]
    assert row["Score"] == shown(element)
    assert row["Status"].startswith("Blocks certification")


def test_a_not_applicable_answer_leaves_the_question_out_of_the_score(app: AppTest) -> None:
    answers = all_best()
    q = next(q for q in LARGE if q.element == "inspections")
    answers[q.id] = opt(q, "0")
    at = show(readiness(app, answers), "Results")
    with_no = at.metric[0].value
    assert with_no == shown(pct(answers)) != "100%"
    answers[q.id] = opt(q, None)
    at.session_state["answers"] = answers
    at.run()
    assert at.metric[0].value == "100%"
    assert at.success[0].value.startswith("Would pass")
    table = at.table[0].value
    assert table[table["Element"] == "Inspections"].iloc[0]["Score"] == "100%"


def test_an_element_answered_all_not_applicable_is_not_scored_and_does_not_block(app: AppTest) -> None:
    answers = all_best()
    for q in LARGE:
        if q.element == "joint-committee":
            answers[q.id] = opt(q, None)
    at = show(readiness(app, answers), "Results")
    assert at.success[0].value.startswith("Would pass")
    table = at.table[0].value
    elements = list(table["Element"])
    # Listed as not scored, the same words as the PDF, never silently missing.
    assert len(elements) == len(NAMES)
    row = table[table["Element"] == NAMES["joint-committee"]].iloc[0]
    assert row["Status"] == "Not scored: every answer is Not applicable"
    chart = at.get("vega_lite_chart")[0].proto.spec
    assert "Not scored: every answer is Not applicable" in chart


def test_everything_not_applicable_asks_for_an_applicable_answer(app: AppTest) -> None:
    at = show(readiness(app, {q.id: opt(q, None) for q in LARGE}), "Results")
    assert "Answer at least one applicable question" in at.info[0].value
    assert not at.error and not at.exception


def test_results_show_the_chart_with_both_thresholds_and_its_table(app: AppTest) -> None:
    at = show(readiness(app, all_best()), "Results")
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    rules = [layer for layer in spec["layer"] if layer["mark"]["type"] == "rule"]
    lines = {row["pct"] for layer in rules for row in layer["data"]["values"]}
    assert lines == {float(RULE.element_min_pct), float(RULE.overall_min_pct)}
    bars = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")
    assert len(bars["data"]["values"]) == len(NAMES)
    assert list(at.table[0].value["Element"]) == [e.name for e in BANK.elements]


def test_a_partial_assessment_is_marked_provisional(app: AppTest) -> None:
    some = dict(list(all_best().items())[:5])
    at = show(readiness(app, some), "Results")
    assert any(f"Provisional: 5 of {len(LARGE)} questions answered" in c.value for c in at.caption)


# --- action plan -----------------------------------------------------------------------------


def blocking_inspections() -> dict[str, str]:
    answers = {
        q.id: opt(q, "0.5") if has(q, "0.5") and i % 4 == 0 else opt(q, "1") for i, q in enumerate(LARGE)
    }
    for q in LARGE:
        if q.element == "inspections":
            answers[q.id] = opt(q, "0")
    return answers


def test_the_action_plan_puts_blocking_elements_first_with_evidence_and_points(app: AppTest) -> None:
    at = show(readiness(app, blocking_inspections()), "Action plan")
    table = at.data_editor[0].value
    insp = [q for q in LARGE if q.element == "inspections"]
    top = table.head(len(insp))
    assert set(top["Element"]) == {"Inspections"}
    assert all(top["Blocking"])
    assert not any(table.iloc[len(insp) :]["Blocking"])
    assert list(top["Question points"]) == sorted(top["Question points"], reverse=True)
    first = next(q for q in insp if q.action == top.iloc[0]["Action"])
    assert top.iloc[0]["Evidence to produce"] == first.look_for
    assert top.iloc[0]["Question points"] == first.points
    start_here = [m.value for m in at.markdown if first.action in m.value]
    assert start_here and start_here[0].startswith("1. ")


def test_the_projection_says_how_many_actions_reach_a_pass(app: AppTest) -> None:
    at = show(readiness(app, blocking_inspections()), "Action plan")
    insp = [q for q in LARGE if q.element == "inspections"]
    text = " ".join(m.value for m in at.markdown)
    assert "would be enough to pass" in text
    at.slider(key="rd.done").set_value(len(insp)).run()
    assert at.success[-1].value.startswith("Would pass")
    at.slider(key="rd.done").set_value(0).run()
    assert at.warning[-1].value.startswith("Would not pass")


def test_owner_and_target_edits_are_kept_by_question(app: AppTest) -> None:
    at = show(readiness(app, blocking_inspections()), "Action plan")
    table = at.data_editor[0].value
    at.session_state["rd.plan_editor"] = {
        "edited_rows": {0: {"Owner": '=HYPERLINK("http://x")', "Target date": "2031-02-03"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    first = next(q for q in LARGE if q.action == table.iloc[0]["Action"])
    assert at.session_state["plan_edits"][first.id] == {
        "owner": '=HYPERLINK("http://x")',
        "target": "2031-02-03",
    }
    show(at, "Results")
    show(at, "Action plan")
    again = at.data_editor[0].value
    assert again.iloc[0]["Owner"] == '=HYPERLINK("http://x")'
    assert str(again.iloc[0]["Target date"])[:10] == "2031-02-03"


# --- save, resume, reports -----------------------------------------------------------------


def test_the_save_view_offers_every_download(app: AppTest) -> None:
    at = show(readiness(app, all_best()), "Save and reports")
    labels = [b.label for b in elements(at, "download_button")]
    assert labels == [
        "Download assessment file (JSON)",
        "Download PDF report",
        "Download action plan (CSV)",
        "Download action plan (XLSX)",
    ]
    assert at.file_uploader[0].label == "Resume from an assessment file"


def upload(at: AppTest, data: bytes, name: str = "assessment.json") -> AppTest:
    at.file_uploader[0].set_value((name, data, "application/json")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\xff garbage", "not text"),
        (b'{"format": "cor-ready-assessment", "version": 1, "answers": {', "not valid JSON"),
        (b'{"hello": "world"}', "not a COR Ready assessment file"),
        (b'{"format": "cor-ready-assessment", "version": 99}', "newer version of COR Ready"),
        (b'{"format": "cor-ready-assessment", "version": 1, "answers": []}', "damaged"),
        (b" " * (300 * 1024), "too large"),
    ],
)
def test_a_bad_file_shows_an_error_under_the_uploader_and_keeps_the_answers(
    app: AppTest, data: bytes, message: str
) -> None:
    before = blocking_inspections()
    at = show(readiness(app, before), "Save and reports")
    upload(at, data)
    assert message in at.error[0].value
    assert any("not changed" in c.value for c in at.caption)
    assert at.session_state["answers"] == before
    show(at, "Answer")
    first = LARGE[0]
    assert at.radio(key=f"rd.q.{first.id}").value == before[first.id]


def test_a_good_file_replaces_the_answers_once(app: AppTest) -> None:
    saved = {q.id: opt(q, "0") for q in LARGE[:4]}
    doc = {
        "format": "cor-ready-assessment",
        "version": 1,
        "program_id": "bc-small",
        "quick": False,
        "answers": {**saved, "a-retired-question": "yes"},
        "notes": {LARGE[0].id: "From the file"},
        "plan_edits": {},
    }
    at = show(readiness(app, all_best()), "Save and reports")
    upload(at, json.dumps(doc).encode())
    # It would replace answers: asked first, nothing changed yet.
    assert at.session_state["answers"] == all_best()
    assert "replaces the" in at.warning[0].value
    at.button(key="rd.replace").click().run()
    assert at.session_state["answers"] == saved
    assert "4 answers loaded" in at.success[0].value
    assert any("1 answer is for questions" in w.value for w in at.warning)
    assert at.selectbox(key="rd.program").value == "bc-small"
    # The same file is applied once: later answers are not overwritten by reruns.
    at.session_state["answers"][LARGE[0].id] = opt(LARGE[0], "1")
    at.run()
    assert at.session_state["answers"][LARGE[0].id] == opt(LARGE[0], "1")
    show(at, "Answer")
    assert at.radio(key=f"rd.q.{LARGE[0].id}").value == opt(LARGE[0], "1")
    assert open_notes(at, LARGE[0].id).text_area(key=f"rd.n.{LARGE[0].id}").value == "From the file"


def test_start_over_clears_everything(app: AppTest) -> None:
    at = show(readiness(app, all_best()), "Save and reports")
    at.button(key="rd.reset").click().run()
    assert at.session_state["answers"] == {}
    show(at, "Answer")
    assert at.get("progress")[0].proto.text.startswith("0 of ")


# --- drafts: a refresh loses nothing ------------------------------------------------------


def fresh_session(token: str | None) -> AppTest:
    """What a browser refresh does: a brand-new session opening the same URL."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if token is not None:
        at.query_params["draft"] = token
    at.run()
    return open_page(at, "readiness")


def test_a_refresh_brings_back_answers_notes_and_program(app: AppTest) -> None:
    at = workers(readiness(app), 5)
    q = LARGE[0]
    at.radio(key=f"rd.q.{q.id}").set_value(opt(q, "0")).run()
    open_notes(at, q.id).text_area(key=f"rd.n.{q.id}").input("ask Sam").run()
    token = at.query_params["draft"]
    token = token[0] if isinstance(token, list) else token
    again = fresh_session(token)
    assert again.radio(key=f"rd.q.{q.id}").value == opt(q, "0")
    assert open_notes(again, q.id).text_area(key=f"rd.n.{q.id}").value == "ask Sam"
    assert again.text_input(key="rd.workers").value == "5"
    assert again.selectbox(key="rd.program").value == "bc-small"


@pytest.mark.parametrize("token", ["nonsense", "A" * 32, "<script>alert(1)</script>"])
def test_a_bad_or_unknown_draft_link_starts_fresh_with_a_quiet_note(token: str) -> None:
    at = fresh_session(token)
    assert not at.exception
    assert "was not found" in at.caption[0].value
    assert at.get("progress")[0].proto.text.startswith("0 of ")


@pytest.mark.parametrize(
    ("variable", "value"), [("COR_READY_DRAFT_DAYS", "soon"), ("COR_READY_DRAFT_DB", "")]
)
def test_an_unusable_draft_store_is_explained_and_answering_still_works(
    app: AppTest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, variable: str, value: str
) -> None:
    if variable == "COR_READY_DRAFT_DB":
        blocker = tmp_path / "a-file"
        blocker.write_text("not a folder")
        value = str(blocker / "drafts.sqlite3")
    monkeypatch.setenv(variable, value)
    at = readiness(app)
    assert any("Drafts cannot be kept on this server" in c.value for c in at.caption)
    if variable == "COR_READY_DRAFT_DAYS":  # a wrong setting: drafts are off, the link has none
        assert "draft" not in at.query_params
    else:  # a place that may be fixed while the tab is open: the link keeps its draft
        assert "draft" in at.query_params
    q = LARGE[0]
    at.radio(key=f"rd.q.{q.id}").set_value(opt(q, "1")).run()
    assert not at.exception
    assert at.session_state["answers"] == {q.id: opt(q, "1")}


def test_user_notes_are_never_rendered_as_markdown_or_html(app: AppTest) -> None:
    note = "**bold** <img src=x onerror=alert(1)>"
    answers = blocking_inspections()
    app.session_state["notes"] = {q.id: note for q in LARGE}
    at = readiness(app, answers)
    for view in ("Answer", "Results", "Action plan", "Save and reports"):
        show(at, view)
        assert not any(note in m.value for m in at.markdown)


def test_a_workshop_link_opens_the_quick_check() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["quick"] = "1"
    at.run()
    at.switch_page("app_pages/readiness.py").run()
    assert not at.exception
    assert at.toggle(key="rd.quick").value is True
    quick = default_content().bank.question_set("quick")
    assert at.get("progress")[0].proto.text == f"0 of {len(quick)} questions answered"


# --- what people tripped over ----------------------------------------------------


def token_of(at: AppTest) -> str:
    token = at.query_params["draft"]
    return token[0] if isinstance(token, list) else token


def answer(at: AppTest, q: Question, credit: str | None) -> AppTest:
    at.radio(key=f"rd.q.{q.id}").set_value(opt(q, credit)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_two_tabs_on_one_draft_keep_each_others_answers(app: AppTest) -> None:
    """Tab 2's answer was lost when tab 1 saved next."""
    first, second, third = LARGE[0], LARGE[1], LARGE[2]
    tab_one = answer(readiness(app), first, "1")
    tab_two = fresh_session(token_of(tab_one))
    answer(tab_two, second, "0")
    answer(tab_one, third, "0.5")
    stored = fresh_session(token_of(tab_one)).session_state["answers"]
    assert stored == {first.id: opt(first, "1"), second.id: opt(second, "0"), third.id: opt(third, "0.5")}
    # and tab 1 shows tab 2's answer on its next run
    tab_one.run()
    assert tab_one.radio(key=f"rd.q.{second.id}").value == opt(second, "0")


def test_each_answer_is_stored_before_the_page_is_drawn(app: AppTest) -> None:
    """A reload right after an answer shows it (the store has it, whatever the callback)."""
    at = readiness(app)
    q = LARGE[0]
    at.session_state[f"rd.q.{q.id}"] = opt(q, "0")  # the widget's own value, no callback
    at.run()
    assert at.get("progress")[0].proto.text.startswith("1 of ")
    assert fresh_session(token_of(at)).session_state["answers"] == {q.id: opt(q, "0")}


def test_start_over_gets_a_new_link_and_the_old_link_keeps_its_answers(app: AppTest) -> None:
    """The first client's link must not show the second client's answers."""
    q = LARGE[0]
    at = answer(readiness(app), q, "1")
    old = token_of(at)
    show(at, "Save and reports")
    at.button(key="rd.reset").click().run()
    new = token_of(at)
    assert new != old
    show(at, "Answer")
    answer(at, LARGE[1], "0")
    assert fresh_session(old).session_state["answers"] == {q.id: opt(q, "1")}
    assert fresh_session(new).session_state["answers"] == {LARGE[1].id: opt(LARGE[1], "0")}


def test_a_broken_draft_store_never_shows_a_server_path(
    app: AppTest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The store's error text names its file; the user sees a plain sentence."""
    blocker = tmp_path / "secret-folder-name"
    blocker.write_text("not a folder")
    monkeypatch.setenv("COR_READY_DRAFT_DB", str(blocker / "drafts.sqlite3"))
    at = readiness(app)
    shown_text = " ".join(c.value for c in at.caption)
    assert "Drafts cannot be kept on this server" in shown_text
    assert "secret-folder-name" not in shown_text and str(tmp_path) not in shown_text


def test_a_file_that_would_replace_answers_can_be_undone(app: AppTest) -> None:
    """Replacing asks first (see above) and the replacement can be undone."""
    before = all_best()
    doc = {"format": "cor-ready-assessment", "version": 1, "answers": {LARGE[0].id: opt(LARGE[0], "0")}}
    at = show(readiness(app, before), "Save and reports")
    upload(at, json.dumps(doc).encode())
    at.button(key="rd.replace").click().run()
    assert at.session_state["answers"] == {LARGE[0].id: opt(LARGE[0], "0")}
    at.button(key="rd.undo").click().run()
    assert at.session_state["answers"] == before
    assert "previous answers are back" in at.success[0].value


def test_a_file_with_nothing_usable_is_refused_and_the_answers_stay(app: AppTest) -> None:
    """A file from another content version loaded "0 answers" over the user's."""
    before = blocking_inspections()
    doc = {"format": "cor-ready-assessment", "version": 1, "answers": {"retired-1": "yes", "retired-2": "no"}}
    at = show(readiness(app, before), "Save and reports")
    upload(at, json.dumps(doc).encode())
    assert "nothing COR Ready can use" in at.error[0].value
    assert at.session_state["answers"] == before


def test_each_bad_file_shows_its_own_message_and_leaves_no_chip(app: AppTest) -> None:
    """The first file's message stayed and rejected files piled up."""
    at = show(readiness(app, blocking_inspections()), "Save and reports")
    upload(at, b"\x00\xff garbage")
    assert "not text" in at.error[0].value
    assert not at.file_uploader[0].value
    upload(at, b'{"hello": "world"}')
    assert len(at.error) == 1 and "not a COR Ready assessment file" in at.error[0].value
    assert not at.file_uploader[0].value


def test_a_note_over_the_limit_keeps_what_fits_and_says_so(app: AppTest) -> None:
    """Counted as a person counts (an emoji is one character)."""
    at = readiness(app)
    q = LARGE[0]
    open_notes(at, q.id).text_area(key=f"rd.n.{q.id}").input("👍🏽" * (NOTE_MAX_CHARS + 10)).run()
    at.run()
    assert at.session_state["notes"][q.id] == "👍🏽" * NOTE_MAX_CHARS
    assert open_notes(at, q.id).text_area(key=f"rd.n.{q.id}").value == "👍🏽" * NOTE_MAX_CHARS
    assert any("the rest was left out" in w.value for w in at.warning)


def test_jump_list_counts_follow_the_program_and_are_current(app: AppTest) -> None:
    """After switching to the small program the list showed the large program's totals."""
    at = workers(readiness(app), 25)
    at = workers(at, 5)
    small = BANK.question_set(C.program("bc-small").question_set)
    first = BANK.elements[0].id
    total = sum(q.element == first for q in small)
    box = at.selectbox(key="rd.element")
    assert box.format_func(first).endswith(f"(0/{total} answered)")
    q = next(q for q in small if q.element == first)
    answer(at, q, "1")
    assert at.selectbox(key="rd.element").format_func(first).endswith(f"(1/{total} answered)")


@pytest.mark.parametrize("typed", ["0", "-5", "12,000,000", "1e3"])
def test_an_impossible_worker_count_says_why_and_drops_the_recommendation(app: AppTest, typed: str) -> None:
    """The previous recommendation stayed with no word at the field."""
    at = workers(readiness(app), 25)
    assert "(recommended)" in " ".join(at.selectbox(key="rd.program").options)
    workers(at, typed)
    assert at.error and "worker" in at.error[0].value
    assert "(recommended)" not in " ".join(at.selectbox(key="rd.program").options)


def test_research_notes_and_raw_links_stay_in_the_sources_expander(app: AppTest) -> None:
    """ "(source 000)" and raw URLs once reached the page body."""
    at = readiness(app)
    at.radio(key="rd.jurisdiction").set_value("AB").run()
    sources = next(e for e in at.expander if e.label == "Sources")
    body = [
        m.value
        for m in [*at.markdown, *at.caption, *at.info]
        if m not in [*sources.markdown, *sources.caption]
    ]
    assert not any("(source 0" in text or "http" in text for text in body)
    assert any("http" in m.value for m in sources.markdown)


def test_the_program_box_folds_when_the_user_moves_on_not_while_they_fill_it_in(app: AppTest) -> None:
    """The box was once a screen and a half tall on a phone, and folded as soon as Workers was
    typed, before the optional CU was picked."""
    at = readiness(app)
    assert at.expander[0].label == "Your program"
    workers(at, 25)
    assert at.expander[0].label.startswith("Your program: Large employer COR")
    assert at.expander[0].proto.expanded  # the CU may still come
    answer(at, LARGE[0], "1")
    assert not at.expander[0].proto.expanded


def test_a_target_date_years_away_gets_a_warning(app: AppTest) -> None:
    """A slip of the year (2205 for 2025) went by without a word."""
    answers = blocking_inspections()
    at = show(readiness(app, answers), "Action plan")
    first = at.data_editor[0].value.iloc[0]
    question = next(q for q in LARGE if q.action == first["Action"])
    at.session_state["plan_edits"] = {question.id: {"target": "2205-01-31"}}
    at.run()
    assert any("check the year" in w.value for w in at.warning)


def test_on_a_phone_the_plan_can_be_a_stacked_list_with_owner_and_date(app: AppTest) -> None:
    """At 390 px the grid showed only "#" and half of "Action"."""
    at = show(readiness(app, blocking_inspections()), "Action plan")
    at.toggle(key="rd.plan_as_list").set_value(True).run()
    first = next(box for box in at.text_input if box.label == "Owner")
    assert at.date_input[0].label == "Target date"
    assert at.session_state["plan_edits"] == {}  # untouched cards keep the suggested dates
    first.input("Dana").run()
    assert list(at.session_state["plan_edits"].values()) == [{"owner": "Dana"}]
