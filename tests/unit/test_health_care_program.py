"""Health care's naturally aligned partner, BCMSA, runs a small-employer program:
BCMSA's COR FAQ and SafeCare BC's COR page both say employers under 20 may have every audit done
by trained internal auditors. The recommendation, the CU path and the directory must agree."""

from __future__ import annotations

import pytest

from cor.content import default_content
from cor.partners import directory
from cor.programs import partner_programs, recommend

C = default_content()


@pytest.mark.parametrize("workers", [1, 10, 19])
def test_bcmsa_recommends_its_own_small_program_below_twenty_workers(workers: int) -> None:
    chosen = recommend("BC", workers, C, partner_id="bcmsa")
    assert chosen.offered
    assert (chosen.id, chosen.rule_owner, chosen.partner_id) == ("bc-small", "BCMSA", "bcmsa")
    assert chosen.partner_program == "BCMSA Small Employer COR"
    assert "internal auditor" in chosen.caveat


@pytest.mark.parametrize("cu", ["766011", "766006"])
def test_a_ten_worker_health_care_employer_gets_bcmsas_small_program_through_its_cu(cu: str) -> None:
    chosen = recommend("BC", 10, C, cu_code=cu)
    assert (chosen.id, chosen.rule_owner, chosen.offered) == ("bc-small", "BCMSA", True)


def test_bcmsa_still_recommends_large_employer_cor_from_twenty_workers() -> None:
    chosen = recommend("BC", 20, C, cu_code="766011")
    assert (chosen.id, chosen.partner_program) == ("bc-large", "BCMSA Large Employer COR")


def test_the_directory_lists_exactly_the_programs_each_partners_own_bands_recommend() -> None:
    """The directory card (partner.programs) and the recommendation (partner bands) never disagree."""
    for partner in C.partners:
        bands = partner_programs(partner.id, C)
        if not bands:
            continue
        sizes = {C.program(band.program).size for band in bands}
        assert sizes == set(partner.programs), partner.id
    (bcmsa,) = [e for e in directory("BC", C) if e.partner.id == "bcmsa"]
    assert any("Small" in label for label in bcmsa.programs)
