"""The quick check can be completed with the keyboard alone: Tab and Shift+Tab to move, arrow keys
along the view choice, Space to answer, to go to the next element and to open the results, which show a verdict.

Someone who cannot use a mouse (or a workshop projector driven from a keyboard) must reach the
verdict. The test presses only those keys after opening the workshop link; it never clicks.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import goto, wait_idle

pytestmark = pytest.mark.e2e

#: What has the keyboard focus: enough to decide the next key, as a person reading the screen would.
FOCUS = """
() => {
  const el = document.activeElement;
  const group = el && el.closest('[role="radiogroup"]');
  const label = group ? (group.getAttribute('aria-label') || '') : '';
  return {
    tag: el ? el.tagName.toLowerCase() : '',
    type: el && el.type ? el.type : '',
    text: el ? (el.innerText || el.getAttribute('aria-label') || '').trim() : '',
    disabled: !!(el && el.disabled),
    question: /^Q\\d+\\. /.test(label),
    answered: !!(group && group.querySelector('input[type="radio"]:checked')),
  };
}
"""
#: Every question on screen has an answer.
ALL_ON_SCREEN_ANSWERED = """
() => [...document.querySelectorAll('[role="radiogroup"]')]
  .filter(g => /^Q\\d+\\. /.test(g.getAttribute('aria-label') || ''))
  .every(g => g.querySelector('input[type="radio"]:checked'))
"""
MAX_KEYS = 600
VIEWS = {"Answer", "Results", "Plan", "Save"}  # the switcher's short names


def focus(page: Page) -> dict[str, Any]:
    return dict(page.evaluate(FOCUS))


def progress(page: Page) -> tuple[int, int]:
    text = page.get_by_text(re.compile(r"^\d+ of \d+ questions answered$")).first.inner_text()
    done, total = re.findall(r"\d+", text)[:2]
    return int(done), int(total)


def press(page: Page, key: str) -> None:
    page.keyboard.press(key)
    if key == "Space":
        wait_idle(page)


def answer_everything(page: Page) -> int:
    """Tab through the page answering each open question with Space; Space on "Next element" once
    the questions on screen are answered. Returns the keys pressed."""
    for pressed in range(MAX_KEYS):
        done, total = progress(page)
        if done == total:
            return pressed
        now = focus(page)
        if (now["question"] and now["type"] == "radio" and not now["answered"]) or (
            now["text"] == "Next element" and not now["disabled"] and page.evaluate(ALL_ON_SCREEN_ANSWERED)
        ):
            press(page, "Space")
        else:
            press(page, "Tab")
    raise AssertionError(f"not every question answered after {MAX_KEYS} keys: {progress(page)}")


def open_view(page: Page, name: str) -> None:
    """Shift+Tab back up to the View choice (one Tab stop), arrow along it to ``name``, Space."""
    for _ in range(MAX_KEYS):
        text = focus(page)["text"]
        if text == name:
            press(page, "Space")
            return
        press(page, "ArrowRight" if text in VIEWS else "Shift+Tab")
    raise AssertionError(f"the {name!r} view was never reached from the keyboard")


def test_the_quick_check_reaches_a_verdict_with_the_keyboard_alone(page: Page, app_url: str) -> None:
    goto(page, app_url)
    goto(page, f"{app_url}/readiness?quick=1")
    assert progress(page) == (0, 12)
    answer_everything(page)
    assert progress(page) == (12, 12)
    open_view(page, "Results")
    expect(page.get_by_text(re.compile(r"^Indicative only .* Would (not )?pass")).first).to_be_visible()
