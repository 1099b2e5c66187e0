"""Values from an address or a file are shown as plain text in a real browser: GFM's bare-address
autolinks (a URL with a scheme, ``www.`` and an e-mail address) form no link (issue 17 item 17)."""

from __future__ import annotations

import urllib.parse

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import goto

pytestmark = pytest.mark.e2e

PLANTED = ["https://evil.example/login", "www.evil.example", "user@evil.example"]


def _without_query(href: str) -> str:
    """Where a link goes, without its query: a heading's anchor carries the page's own address."""
    return href.split("?", 1)[0]


@pytest.mark.parametrize("planted", PLANTED)
def test_a_link_planted_in_the_partner_guide_address_is_shown_but_not_clickable(
    page: Page, app_url: str, planted: str
) -> None:
    goto(page, f"{app_url}/partners?cu={urllib.parse.quote(planted, safe='')}")
    warning = page.get_by_test_id("stAlert").filter(has_text=planted)
    expect(warning).to_have_count(1)  # the value is quoted, as typed ...
    # ... and nothing in the rendered page links to it (the program's own contacts and the
    # headings' anchors, which carry the page's own address in their query, may be links)
    links = page.locator("[data-testid='stMain'] a").evaluate_all(
        "links => links.map(a => [a.textContent, a.getAttribute('href')])"
    )
    planted_links = [link for link in links if "evil.example" in link[0] + _without_query(link[1])]
    assert not planted_links, planted_links
