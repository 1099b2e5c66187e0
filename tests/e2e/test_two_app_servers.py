"""Two `streamlit run` processes on one PostgreSQL database, as behind a load balancer.

A draft started in a browser on the first server opens, with every answer, on the second: the
servers share the database, not memory. Driven in Debian's Chromium like the other e2e tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from cor.content import default_content
from cor.store import DraftStore
from tests.conftest import Place
from tests.e2e.conftest import goto, wait_idle
from tests.e2e.servers import app_server

pytestmark = pytest.mark.e2e

BANK = default_content().bank
FIRST = BANK.question_set("large")[0]
CHOICE = BANK.scale(FIRST.scale).options[1].label


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.fixture
def two_servers(postgres_place: Place, tmp_path: Path) -> Iterator[tuple[str, str]]:
    assert postgres_place.url is not None
    with ExitStack() as servers:
        # Each server gets its own SQLite path too: if DATABASE_URL were ignored, nothing would be shared.
        first, second = (
            servers.enter_context(
                app_server(
                    _folder(tmp_path / f"server-{number}"),
                    {
                        "DATABASE_URL": postgres_place.url,
                        "COR_READY_DRAFT_DB": str(tmp_path / f"server-{number}.sqlite3"),
                    },
                )
            )
            for number in (1, 2)
        )
        yield first, second


def test_a_draft_from_one_server_opens_on_the_other(
    page: Page, two_servers: tuple[str, str], postgres_place: Place
) -> None:
    first, second = two_servers
    goto(page, first)
    page.get_by_role("link", name="Readiness").first.click()
    wait_idle(page)
    group = page.get_by_role("radiogroup", name=f"Q1. {FIRST.text}")
    group.get_by_text(CHOICE, exact=True).click()
    wait_idle(page)
    expect(group.get_by_role("radio", name=CHOICE, exact=True)).to_be_checked(timeout=60_000)
    expect(page.get_by_text("Drafts cannot be kept")).to_have_count(0)
    found = re.search(r"[?&]draft=([A-Za-z0-9_-]{32})", page.url)
    assert found, page.url
    goto(page, second)
    goto(page, f"{second}/readiness?draft={found.group(1)}")
    again = page.get_by_role("radiogroup", name=f"Q1. {FIRST.text}")
    # A busy machine renders slowly: wait on what a user would see, never on a fixed delay.
    expect(again.get_by_role("radio", name=CHOICE, exact=True)).to_be_checked(timeout=60_000)
    assert DraftStore(url=postgres_place.url, days=30).load(found.group(1)) is not None
