"""The facts a safety professional expects that were missing ("Missing"): each shown
with its source, or, where no source states it, as a question for the partner."""

from __future__ import annotations

from datetime import date

from cor.content import default_content
from cor.cycle import schedule
from cor.cycle.auditor import auditor_rule_text
from cor.cycle.sources import maintenance_pass_note, rule_sources
from cor.figures import figures

C = default_content()
TODAY = date(2025, 6, 1)


def test_no_bc_maintenance_pass_mark_is_invented_the_planner_says_ask_your_partner() -> None:
    note = maintenance_pass_note("BC", C)
    assert note is not None and "ask your partner" in note
    assert "%" not in note.split("ask your partner")[0]
    lines = "\n".join(rule_sources(schedule(certified_on=date(2025, 3, 14), today=TODAY), TODAY, C))
    assert "ask your partner" in lines


def test_energy_safety_canadas_60_percent_is_shown_as_its_own_figure_not_alberta_wide() -> None:
    note = maintenance_pass_note("AB", C)
    assert note is not None
    assert note.startswith("Energy Safety Canada's maintenance audits pass at 60% overall")
    assert "not a rule for every partner" in note


def test_bcmsas_internal_auditor_rule_is_shown_for_bcmsa() -> None:
    (rule,) = [r for r in C.cycle.auditor_rules if r.partner == "bcmsa"]
    assert "2 internal audits" in rule.rule and "7 hours" in rule.rule and "3 months" in rule.rule
    assert "2 internal audits" in auditor_rule_text("bcmsa", C)  # what the planner shows for BCMSA
    assert any(f.figure == "Internal auditor: BCMSA" for f in figures(C))


def test_worksafebcs_own_cor_policies_are_listed_with_their_date() -> None:
    shown = {f.figure: f for f in figures(C) if f.topic == "Program policy (BC)"}
    assert set(shown) == {"Assessment Manual policy AP1-42-4", "Prevention Manual policy D2-111-4"}
    assert all(f.year == "2019-01-01" and "worksafebc.com" in f.source_url for f in shown.values())


def test_misrepresentation_can_cost_the_certificate_and_past_incentives() -> None:
    text = C.incentives.bc.misrepresentation
    assert "certificate" in text and "repay" in text


def test_size_changes_and_the_audit_period_are_questions_for_the_partner_not_invented_rules() -> None:
    from cor.programs import recommend

    general = recommend("BC", 25, C)
    assert "If your size changes during the cycle, ask your partner" in general.caveat
    (employer,) = [r for r in C.roles if r.id == "employer" and r.jurisdiction == "BC"]
    told = " ".join(employer.does)
    assert "size changes" in told and "months of records" in told
