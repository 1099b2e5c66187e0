"""The Readiness page in Chromium: a refresh keeps every answer, the PDF carries the verdict and
its chart, and a corrupt upload shows an error while the answers stay."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import FilePayload, Locator, Page, expect
from pypdf import PdfReader

from cor.content import default_content
from tests.e2e.conftest import goto, person_pause, wait_idle

pytestmark = pytest.mark.e2e

BANK = default_content().bank
# The first element's questions in the large-employer set, answered with varied options.
FIRST = [q for q in BANK.question_set("large") if q.element == BANK.elements[0].id][:3]
CHOICES = {q.id: BANK.scale(q.scale).options[i % 3].label for i, q in enumerate(FIRST)}


def open_readiness(page: Page, app_url: str) -> None:
    """Arrive as a user does: the home page, then the Readiness link in the navigation.

    (A deep link as the very first visit after the server starts makes Streamlit 1.67 show a
    "Page not found" dialog while it still runs the page: its pages are only known after the
    first run of app.py. Starting from home avoids depending on test order.)
    """
    goto(page, app_url)
    page.get_by_role("link", name="Readiness").first.click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Would you pass a COR audit today?")).to_be_visible()


def question(page: Page, number: int) -> Locator:
    q = FIRST[number - 1]
    return page.get_by_role("radiogroup", name=f"Q{number}. {q.text}")


def answer_three(page: Page) -> None:
    for n, q in enumerate(FIRST, start=1):
        question(page, n).get_by_text(CHOICES[q.id], exact=True).click()
        wait_idle(page)
    expect(page.get_by_text(f"3 of {len(BANK.question_set('large'))} questions answered")).to_be_visible()


def expect_answers(page: Page) -> None:
    for n, q in enumerate(FIRST, start=1):
        expect(question(page, n).get_by_role("radio", name=CHOICES[q.id], exact=True)).to_be_checked()


SHORT_NAMES = {"Answer": "Answer", "Results": "Results", "Action plan": "Plan", "Save and reports": "Save"}


def view(page: Page, name: str) -> None:
    page.get_by_role("radio", name=SHORT_NAMES[name], exact=True).click()
    wait_idle(page)


def test_a_refresh_keeps_every_answer_and_note(page: Page, app_url: str) -> None:
    open_readiness(page, app_url)
    answer_three(page)
    page.get_by_text("What the auditor looks for, and your notes").first.click()
    notes = page.get_by_label("Your notes").first
    notes.fill("Policy binder: <b>office</b> **shelf 2**")
    notes.press("Control+Enter")
    wait_idle(page)
    assert re.search(r"[?&]draft=[A-Za-z0-9_-]{32}", page.url), page.url
    page.reload()
    wait_idle(page)
    expect_answers(page)
    page.get_by_text("What the auditor looks for, and your notes").first.click()
    expect(page.get_by_label("Your notes").first).to_have_value("Policy binder: <b>office</b> **shelf 2**")


def test_the_pdf_report_has_the_verdict_and_the_chart(page: Page, app_url: str, tmp_path) -> None:
    open_readiness(page, app_url)
    answer_three(page)
    view(page, "Results")
    verdict = page.get_by_text(re.compile(r"^Would (not )?pass: ")).first
    expect(verdict).to_be_visible()
    sentence = verdict.inner_text().strip()
    view(page, "Save and reports")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download PDF report").click()
    path = tmp_path / "report.pdf"
    download.value.save_as(path)
    reader = PdfReader(path)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert " ".join(sentence.split()) in text
    assert sum(len(p.images) for p in reader.pages) >= 1, "the report has no chart image"


def test_a_corrupt_upload_shows_the_error_and_keeps_the_answers(page: Page, app_url: str) -> None:
    open_readiness(page, app_url)
    answer_three(page)
    view(page, "Save and reports")
    page.locator("input[type='file']").set_input_files(
        files=[
            FilePayload(name="assessment.json", mimeType="application/json", buffer=b'{"format": "cor-ready')
        ]
    )
    wait_idle(page)
    expect(page.get_by_text("it is not valid JSON")).to_be_visible()
    expect(page.get_by_text("Your current answers were not changed.")).to_be_visible()
    view(page, "Answer")
    expect_answers(page)


def choose_element(page: Page, number: int) -> None:
    """Pick an element in the "Jump to element" list, as a user does (click, then the option)."""
    box = page.get_by_role("combobox", name=re.compile("Jump to element"))
    box.click()
    page.keyboard.type(f"{number}. {BANK.elements[number - 1].name}")
    page.keyboard.press("Enter")
    wait_idle(page)


def test_answering_a_later_element_stays_on_that_element(page: Page, app_url: str) -> None:
    """At a person's pace, every answer on element 3 leaves the page on
    element 3, and the jump list's count for it is current."""
    open_readiness(page, app_url)
    choose_element(page, 3)
    element = BANK.elements[2]
    questions = [q for q in BANK.question_set("large") if q.element == element.id]
    jump = page.get_by_role("combobox", name="Jump to element")
    for number, q in enumerate(questions, start=1):
        group = page.get_by_role("radiogroup", name=f"Q{number}. {q.text}")
        group.get_by_text(BANK.scale(q.scale).options[number % 2].label, exact=True).click()
        person_pause(page, 700)  # a person reads the next question before clicking
        wait_idle(page)
        # the same element, and its count already includes this answer
        expect(jump).to_have_value(f"3. {element.name} ({number}/{len(questions)} answered)")
        expect(page.get_by_role("radiogroup", name=f"Q1. {questions[0].text}")).to_be_visible()


def test_next_element_starts_the_view_at_the_elements_heading(page: Page, app_url: str) -> None:
    """After "Next element" the first question is in view, not the new element's last."""
    open_readiness(page, app_url)
    page.get_by_role("button", name="Next element").scroll_into_view_if_needed()
    page.get_by_role("button", name="Next element").click()
    wait_idle(page)
    element = BANK.elements[1]
    heading = page.get_by_role("heading", name=f"2. {element.name}")
    expect(heading).to_be_in_viewport()
    first = next(q for q in BANK.question_set("large") if q.element == element.id)
    expect(page.get_by_role("radiogroup", name=f"Q1. {first.text}")).to_be_in_viewport()


def test_a_reload_keeps_the_view_and_the_element(page: Page, app_url: str) -> None:
    """The view and the element are in the address; a reload returns to them."""
    open_readiness(page, app_url)
    choose_element(page, 4)
    assert "element=" in page.url
    page.reload()
    wait_idle(page)
    expect(page.get_by_role("combobox", name="Jump to element")).to_have_value(
        re.compile(rf"^4\. {re.escape(BANK.elements[3].name)}")
    )
    view(page, "Results")
    assert "view=results" in page.url
    page.reload()
    wait_idle(page)
    expect(page.get_by_text("Answer at least one applicable question to see a result.")).to_be_visible()


def test_two_tabs_on_one_draft_keep_each_others_answers(page: Page, app_url: str) -> None:
    """Two tabs on one draft link, each answering a different question a second apart;
    after a reload both tabs show both answers (a merge per question, never a lost answer)."""
    open_readiness(page, app_url)
    first, second = FIRST[0], FIRST[1]
    question(page, 1).get_by_text(CHOICES[first.id], exact=True).click()
    wait_idle(page)
    link = page.url
    assert "draft=" in link, link
    other = page.context.new_page()
    goto(other, link)
    expect(question(other, 1).get_by_role("radio", name=CHOICES[first.id], exact=True)).to_be_checked()
    person_pause(other, 1000)  # a person, not a script
    question(other, 2).get_by_text(CHOICES[second.id], exact=True).click()
    wait_idle(other)
    person_pause(page, 1000)
    question(page, 3).get_by_text(CHOICES[FIRST[2].id], exact=True).click()  # the first tab goes on
    wait_idle(page)
    for tab in (page, other):
        tab.reload()
        wait_idle(tab)
        expect_answers(tab)
