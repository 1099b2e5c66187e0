"""The Partner guide understands trade words: each partner's sector has a source-backed
list of the words people use, construction codes (72...) lead to BCCSA, and a word that belongs to
no listed sector still says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cor.content import CONTENT_DIR, ContentError, default_content, load_content
from cor.partners import lookup

C = default_content()


@pytest.mark.parametrize(
    ("typed", "partner"),
    [
        ("roofing", "bccsa"),
        ("plumber", "bccsa"),
        ("electrician", "bccsa"),
        ("Roofers", "bccsa"),
        ("logging truck", "bcfsc"),
        ("restaurant", "go2hr"),
        ("sawmill", "msabc"),
    ],
)
def test_a_trade_word_finds_the_partner_of_its_sector(typed: str, partner: str) -> None:
    found = lookup(typed, "BC", C)
    assert [p.id for p in found.partners] == [partner] and not found.message


@pytest.mark.parametrize(("typed", "cu"), [("framing", "721024"), ("trucking company", "732019")])
def test_trade_words_with_a_cu_of_their_own_still_find_the_cu(typed: str, cu: str) -> None:
    assert cu in [u.code for u in lookup(typed, "BC", C).units]


def test_care_home_finds_the_health_care_cus() -> None:
    assert {u.code for u in lookup("care home", "BC", C).units} == {"766011", "766006"}


@pytest.mark.parametrize("typed", ["72", "721", "7215"])
def test_the_start_of_a_construction_code_leads_to_bccsa(typed: str) -> None:
    found = lookup(typed, "BC", C)
    assert [p.id for p in found.partners] == ["bccsa"] and not found.message


def test_every_trade_word_list_names_a_partner_of_the_province_and_its_source() -> None:
    assert {t.partner for t in C.trade_words} >= {
        "bccsa",
        "safetydriven",
        "bcfsc",
        "go2hr",
        "msabc",
        "agsafe",
    }
    for trade in C.trade_words:
        assert C.partner(trade.partner).jurisdiction == "BC"
        assert str(trade.source_url).startswith("http") and trade.effective


def test_a_trade_list_for_an_unknown_partner_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    path = root / "partners.toml"
    path.write_text(
        path.read_text("utf-8").replace('partner = "msabc"\nsector', 'partner = "nobody"\nsector'), "utf-8"
    )
    with pytest.raises(ContentError, match="unknown partner 'nobody'"):
        load_content(root)


def test_an_auto_mechanic_is_not_sent_to_construction() -> None:
    assert not lookup("mechanic", "BC", C).partners


def test_the_trade_list_that_found_a_partner_is_named_and_none_for_other_words() -> None:
    from cor.partners import trade_sector

    trade = trade_sector("Roofers", "bccsa", C)
    assert trade is not None and trade.sector.startswith("Construction")
    assert trade_sector("roofer", "go2hr", C) is None
