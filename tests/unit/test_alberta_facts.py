"""Alberta as its own sources state it: the government's program is "Partnerships"
(PIR is WCB-Alberta's refund program), employer reviews are on hold, the pass rule carries its own
source and date, and the SECOR note says how current it is."""

from __future__ import annotations

from cor.content import default_content
from cor.figures import figures

C = default_content()
AB = C.jurisdiction("AB")


def test_the_government_of_albertas_role_is_partnerships_not_wcbs_pir() -> None:
    (government,) = [r for r in C.roles if r.id == "ab-government"]
    assert government.name == "Government of Alberta (Partnerships)"
    assert "Injury Reduction" not in government.name
    assert "Injury Reduction" not in AB.partners_program.name
    assert AB.regulator.startswith("Government of Alberta (Partnerships)")


def test_the_government_role_says_employer_reviews_are_on_hold_and_promises_no_revocation() -> None:
    (government,) = [r for r in C.roles if r.id == "ab-government"]
    does = " ".join(government.does)
    assert "revoke" not in does.lower()
    assert "on hold" in does and "OHS Abstract" in does


def test_albertas_pass_rule_is_dated_and_sourced_by_the_partners_that_state_it_not_the_iso_page() -> None:
    (rule,) = [f for f in figures(C) if f.topic == "Pass rule (AB)"]
    iso = next(n for n in AB.notes if n.title.startswith("ISO"))
    assert rule.year != iso.effective
    assert "apply-for-cor-equivalency" not in rule.source_url
    assert "albertaforestproducts.ca" in rule.source_url


def test_the_secor_replacement_note_says_how_current_its_status_is() -> None:
    note = next(n for n in AB.notes if n.title.startswith("SECOR"))
    assert "2023" in note.title and note.effective == "2023"
    assert "Ask your certifying partner" in note.text
