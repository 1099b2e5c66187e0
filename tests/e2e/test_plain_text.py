"""Values from an address or a file are shown as plain text in a real browser: GFM's bare-address
autolinks (a URL with a scheme, ``www.`` and an e-mail address) form no link."""

from __future__ import annotations

import json
import urllib.parse

import pytest
from playwright.sync_api import FilePayload, Page, expect

from cor.content import default_content
from tests.e2e.conftest import goto, wait_idle

pytestmark = pytest.mark.e2e

PLANTED = ["https://evil.example/login", "www.evil.example", "user@evil.example"]


def _without_query(href: str) -> str:
    """Where a link goes, without its query: a heading's anchor carries the page's own address."""
    return href.split("?", 1)[0]


def planted_links(page: Page) -> list[list[str]]:
    """Links on the page whose text or destination is the planted address.

    The program's own contacts and the headings' anchors (which carry the page's own address in
    their query) may be links; nothing the address or a file planted may.
    """
    links = page.locator("[data-testid='stMain'] a").evaluate_all(
        "links => links.map(a => [a.textContent, a.getAttribute('href')])"
    )
    return [link for link in links if "evil.example" in link[0] + _without_query(link[1])]


@pytest.mark.parametrize("planted", PLANTED)
def test_a_link_planted_in_the_partner_guide_address_is_shown_but_not_clickable(
    page: Page, app_url: str, planted: str
) -> None:
    goto(page, f"{app_url}/partners?cu={urllib.parse.quote(planted, safe='')}")
    warning = page.get_by_test_id("stAlert").filter(has_text=planted)
    expect(warning).to_have_count(1)  # the value is quoted, as typed ...
    # ... and nothing on the page links to it
    assert not planted_links(page), planted_links(page)


def test_a_program_id_planted_in_a_file_is_shown_but_not_clickable_on_readiness(
    page: Page, app_url: str
) -> None:
    goto(page, app_url)
    page.get_by_role("link", name="Readiness").first.click()
    wait_idle(page)
    page.get_by_role("radio", name="Save", exact=True).click()
    wait_idle(page)
    first = default_content().bank.question_set("large")[0]
    answer = default_content().bank.scale(first.scale).options[0].id
    for planted in PLANTED:
        data = {
            "format": "cor-ready-assessment",
            "version": 1,
            "program_id": planted,
            "answers": {first.id: answer},
        }
        page.locator("input[type='file']").set_input_files(
            files=[
                FilePayload(
                    name="assessment.json", mimeType="application/json", buffer=json.dumps(data).encode()
                )
            ]
        )
        wait_idle(page)
        expect(
            page.get_by_test_id("stAlert").filter(has_text=f"The file's program ({planted})")
        ).to_have_count(1)
        assert not planted_links(page), planted_links(page)
