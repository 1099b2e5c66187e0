"""Program by size is the certifying partner's rule: each partner's published bands,
whose rule chose the program, and the general answer with its caveat when the partner is unknown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cor.content import CONTENT_DIR, ContentError, default_content, load_content
from cor.programs import partner_programs, recommend

C = default_content()


def test_two_workers_in_a_construction_cu_get_bccsas_small_employer_program() -> None:
    """BCCSA's Small COR is "19 or less" with no minimum: not an owner/operator program."""
    chosen = recommend("BC", 2, C, cu_code="721024")
    assert chosen.id == "bc-small"
    assert (chosen.rule_owner, chosen.partner_id, chosen.partner_program) == (
        "BCCSA",
        "bccsa",
        "BCCSA Small COR",
    )
    assert str(chosen.rule_source_url) == "https://www.bccsa.ca/index.php?id=115"


@pytest.mark.parametrize(
    ("workers", "program", "name"),
    [
        (1, "bc-owner-operator", "IOO (individual owner/operator)"),
        (2, "bc-small", "ISEBASE (individual/small employer)"),
        (5, "bc-small", "ISEBASE (individual/small employer)"),
        (6, "bc-small", "SEBASE (small employer)"),
        (19, "bc-small", "SEBASE (small employer)"),
        (20, "bc-large", "BASE (SAFE Companies)"),
    ],
)
def test_forestry_follows_bcfscs_ioo_isebase_sebase_and_base_bands(
    workers: int, program: str, name: str
) -> None:
    chosen = recommend("BC", workers, C, partner_id="bcfsc")
    assert (chosen.id, chosen.partner_program, chosen.rule_owner) == (program, name, "BCFSC")


@pytest.mark.parametrize(
    ("workers", "program"), [(2, "bc-owner-operator"), (3, "bc-small"), (20, "bc-large")]
)
def test_trucking_follows_safetydrivens_bands(workers: int, program: str) -> None:
    chosen = recommend("BC", workers, C, cu_code="732019")
    assert (chosen.id, chosen.rule_owner) == (program, "SafetyDriven")


def test_go2hr_certifies_large_employers_only_and_says_so_for_a_small_one() -> None:
    chosen = recommend("BC", 8, C, partner_id="go2hr")
    assert not chosen.offered
    assert chosen.rule_owner == "General rule"
    assert "large employers only" in chosen.caveat
    assert recommend("BC", 25, C, partner_id="go2hr").partner_program == "go2HR OHS COR (large employers)"


def test_without_a_partner_the_general_answer_says_it_is_general_and_never_owner_operator() -> None:
    chosen = recommend("BC", 2, C)
    assert chosen.id == "bc-small"
    assert chosen.rule_owner == "General rule" and chosen.partner_id is None
    assert "Each certifying partner sets its own bands" in chosen.caveat


def test_a_cu_with_no_partner_in_our_sources_gets_the_general_answer_and_the_reason() -> None:
    chosen = recommend("BC", 40, C, cu_code="763025")
    assert (chosen.id, chosen.rule_owner) == ("bc-large", "General rule")
    assert "no certifying partner for CU 763025" in chosen.caveat


def test_the_old_call_keeps_working_for_both_provinces() -> None:
    assert recommend("BC", 20).id == "bc-large"
    assert recommend("AB", 11, C).id == "ab-cor"
    assert recommend("AB", 10, C).id == "ab-secor"


def test_every_partner_band_names_a_known_program_and_a_source() -> None:
    program_ids = {p.id for p in C.programs}
    for partner in C.partners:
        for band in partner_programs(partner.id, C):
            assert band.program in program_ids
            assert str(band.source_url).startswith("http")


def test_an_unknown_partner_is_a_key_error_with_a_message() -> None:
    with pytest.raises(KeyError, match="no-such-partner"):
        recommend("BC", 5, C, partner_id="no-such-partner")


def test_zero_workers_is_refused_with_a_message() -> None:
    with pytest.raises(ValueError, match="at least one worker"):
        recommend("BC", 0, C, partner_id="bccsa")


def test_about_the_numbers_lists_every_partner_band_with_its_source() -> None:
    from cor.programs import size_band_figures

    shown = {(f.topic, f.figure, f.value) for f in size_band_figures(C)}
    assert ("Programs by size (BCCSA)", "BCCSA Small COR", "1-19 workers") in shown
    assert ("Programs by size (BCFSC)", "ISEBASE (individual/small employer)", "2-5 workers") in shown
    assert ("Programs by size (BCFSC)", "IOO (individual owner/operator)", "1 worker") in shown
    assert len(shown) == len(C.partner_programs)


def test_a_partner_band_naming_an_unknown_program_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    path = root / "programs.toml"
    text = path.read_text("utf-8").replace(
        'name = "BCCSA Small COR"\nprogram = "bc-small"', 'name = "BCCSA Small COR"\nprogram = "bc-tiny"'
    )
    path.write_text(text, "utf-8")
    with pytest.raises(ContentError) as err:
        load_content(root)
    assert "programs.toml" in str(err.value) and "BCCSA Small COR" in str(err.value)
    assert "unknown program 'bc-tiny'" in str(err.value)


def test_a_partner_without_bands_in_our_sources_gets_the_general_rule_saying_so() -> None:
    chosen = recommend("AB", 8, C, partner_id="ab-acsa")
    assert (chosen.id, chosen.rule_owner, chosen.offered) == ("ab-secor", "General rule", True)
    assert "do not give ACSA's own size bands" in chosen.caveat
