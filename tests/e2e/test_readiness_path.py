"""The path in Chromium at a person's pace (about a second between clicks): a 390 px
phone answers the quick check on one page and reaches its indicative result from the last
question; a desktop user reaches the result from the last element; notes stay where they were
opened."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from cor.content import default_content
from tests.e2e.conftest import goto, person_pause, wait_idle

pytestmark = pytest.mark.e2e

BANK = default_content().bank
QUICK = BANK.question_set("quick")
LARGE = BANK.question_set("large")
A_PERSONS_PAUSE_MS = 1_000
SLOW = 30_000  # what a page shows after a run that can take seconds on a busy machine


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"browser errors on the phone: {errors}"


def click(page: Page, target) -> None:
    person_pause(page, A_PERSONS_PAUSE_MS)
    target.click()
    wait_idle(page)


def test_a_phone_answers_the_quick_check_on_one_page_and_sees_an_indicative_result(
    phone: Page, app_url: str
) -> None:
    goto(phone, app_url)
    goto(phone, f"{app_url}/readiness?quick=1")
    expect(phone.get_by_text("Your program: Large employer COR (BC) · change")).to_be_visible(timeout=SLOW)
    first = phone.get_by_role("radiogroup", name=f"Q1. {QUICK[0].text}")
    expect(first).to_be_in_viewport(timeout=SLOW)  # not two screens down under an open program box
    for number, question in enumerate(QUICK, start=1):
        group = phone.get_by_role("radiogroup", name=f"Q{number}. {question.text}")
        group.scroll_into_view_if_needed()
        click(phone, group.get_by_text(BANK.scale(question.scale).options[0].label, exact=True))
    expect(phone.get_by_text(f"{len(QUICK)} of {len(QUICK)} questions answered")).to_be_visible(timeout=SLOW)
    expect(phone.get_by_role("button", name="Next element")).to_have_count(0, timeout=SLOW)
    see = phone.get_by_role("button", name="See your result")
    see.scroll_into_view_if_needed()
    click(phone, see)
    headline = phone.get_by_text(
        re.compile(r"^Indicative only \(quick check of 12 questions\)\. Would (not )?pass")
    )
    expect(headline).to_be_visible(timeout=SLOW)
    expect(headline).to_be_in_viewport(timeout=SLOW)


def test_the_last_element_leads_to_the_result_on_a_desktop(page: Page, app_url: str) -> None:
    goto(page, app_url)
    goto(page, f"{app_url}/readiness?element={BANK.elements[-1].id}")
    last = [q for q in LARGE if q.element == BANK.elements[-1].id]
    for number, question in enumerate(last, start=1):
        group = page.get_by_role("radiogroup", name=f"Q{number}. {question.text}")
        click(page, group.get_by_text(BANK.scale(question.scale).options[0].label, exact=True))
    expect(page.get_by_role("button", name="Next element")).to_have_count(0, timeout=SLOW)
    see = page.get_by_role("button", name="See your result")
    see.scroll_into_view_if_needed()
    click(page, see)
    verdict = page.get_by_text(re.compile(r"^Would (not )?pass: ")).first
    expect(verdict).to_be_in_viewport(timeout=SLOW)
    expect(page.get_by_role("radio", name="Results", exact=True)).to_be_checked(timeout=SLOW)


def test_an_employer_downloads_the_pdf_from_the_results_and_it_names_the_employer(
    page: Page, app_url: str, tmp_path
) -> None:
    """17.3 and 17.4: the program box stays open for the CU after Workers, and the report is on
    the Results, its cover naming the program, the workers and the industry."""
    from pypdf import PdfReader

    goto(page, app_url)
    goto(page, f"{app_url}/readiness")
    workers = page.get_by_role("textbox", name="Workers")
    workers.fill("12")
    workers.press("Enter")
    wait_idle(page)
    industry = page.get_by_role("combobox", name=re.compile("Industry"))
    expect(industry).to_be_visible(timeout=SLOW)  # the box is still open after Workers
    expect(page.get_by_text("Your program: Small employer COR (BC) · change")).to_be_visible(timeout=SLOW)
    click(page, industry)
    page.keyboard.type("721024")
    page.keyboard.press("Enter")
    wait_idle(page)
    first = next(q for q in BANK.question_set("small"))
    group = page.get_by_role("radiogroup", name=f"Q1. {first.text}")
    click(page, group.get_by_text(BANK.scale(first.scale).options[1].label, exact=True))
    expect(industry).to_be_hidden(timeout=SLOW)  # answering is moving on: the box folds
    click(page, page.get_by_role("radio", name="Results", exact=True))
    with page.expect_download(timeout=120_000) as download:  # the PDF is built on the click
        page.get_by_role("button", name="Download PDF report").click()
    path = tmp_path / "report.pdf"
    download.value.save_as(path)
    cover = " ".join(PdfReader(path).pages[0].extract_text().split())
    assert "Program: Small employer COR (British Columbia)" in cover
    assert "Workers: 12" in cover
    assert "Industry (classification unit, CU): 721024 Framing or Residential Forming" in cover


def test_a_notes_panel_opens_only_where_it_was_opened_and_a_note_is_marked(page: Page, app_url: str) -> None:
    """17.5: the panel opened on question 1 stayed open on question 1 of every later element,
    and nothing marked the questions with a note."""
    goto(page, app_url)
    goto(page, f"{app_url}/readiness")
    click(page, page.get_by_text("What the auditor looks for, and your notes").first)
    notes = page.get_by_label("Your notes").filter(visible=True)
    expect(notes).to_have_count(1, timeout=SLOW)
    notes.fill("Binder on shelf 2")
    notes.press("Control+Enter")
    wait_idle(page)
    expect(page.get_by_text("What the auditor looks for, and your notes (note written)")).to_have_count(
        1, timeout=SLOW
    )
    next_element = page.get_by_role("button", name="Next element")
    next_element.scroll_into_view_if_needed()
    click(page, next_element)
    expect(page.get_by_role("heading", name=f"2. {BANK.elements[1].name}")).to_be_visible(timeout=SLOW)
    expect(page.get_by_label("Your notes").filter(visible=True)).to_have_count(
        0, timeout=SLOW
    )  # none open on element 2
    expect(page.get_by_text("(note written)")).to_have_count(0, timeout=SLOW)
