"""Where the planner's rules come from, said to the user: the sources of each rule a schedule
applied, a partner's statements that conflict with its rule, and the note for users of a province
whose rules the planner does not follow (Alberta)."""

from __future__ import annotations

from datetime import date

from cor.content import default_content
from cor.cycle.dates import year_end
from cor.cycle.inputs import partner_rule
from cor.cycle.model import Schedule
from cor.cycle.rules import maintenance_pass
from cor.formatting import show_pct
from cor.models import Content, JurisdictionInfo, Program


def maintenance_pass_note(jurisdiction: str, content: Content) -> str | None:
    """ "Maintenance audits pass at 60% overall (Energy Safety Canada) ..." or, without a figure
    in our sources, that the mark is lower but unconfirmed. None where no such rule is recorded."""
    rule = maintenance_pass(jurisdiction, content)
    if rule is None:
        return None
    certification = content.jurisdiction(jurisdiction).pass_rule.overall_min_pct
    if rule.overall_min_pct is None:
        return f"Maintenance audit pass mark: unconfirmed in our sources, ask your partner. {rule.note}"
    return (
        f"{rule.stated_by}'s maintenance audits pass at {show_pct(rule.overall_min_pct)} overall, lower "
        f"than the {show_pct(certification)} for certification; that is {rule.stated_by}'s figure, "
        f"not a rule for every partner. {rule.note}"
    )


def _elsewhere(jurisdiction: str | None, content: Content) -> JurisdictionInfo | None:
    """The province picked, when the planner's rules (cycle.toml) are not its own; else None."""
    info = content.jurisdictions_by_code.get(jurisdiction or "")
    return None if info is None or info.cycle_planner else info


def _large_program(jurisdiction: str, content: Content) -> Program | None:
    return next((p for p in content.programs if p.jurisdiction == jurisdiction and p.size == "large"), None)


def _follows(info: JurisdictionInfo, content: Content) -> str:
    return f"This planner follows {content.planner_jurisdiction().name}'s rules. In {info.name}: "


def jurisdiction_summary(jurisdiction: str | None, content: Content | None = None) -> str | None:
    """For a user of another province (Alberta), in words without links (the links are in
    jurisdiction_sources): the planner follows the rules of cycle.toml's province (BC), what the
    user's province's COR asks instead, and its maintenance pass mark. None for the planner's own."""
    content = content or default_content()
    info = _elsewhere(jurisdiction, content)
    if info is None:
        return None
    program = _large_program(info.code, content)
    note = _follows(info, content) + (f"{program.maintenance_auditor.lower()}." if program else "")
    pass_note = maintenance_pass_note(info.code, content)
    return f"{note} {pass_note}" if pass_note else note


def jurisdiction_sources(jurisdiction: str | None, content: Content | None = None) -> list[str]:
    """The sources of jurisdiction_summary, as Markdown bullets."""
    content = content or default_content()
    info = _elsewhere(jurisdiction, content)
    if info is None:
        return []
    program = _large_program(info.code, content)
    lines = (
        [f"- {info.name} COR: [{program.name}, {program.effective}]({program.source_url})."]
        if program
        else []
    )
    rule = maintenance_pass(info.code, content)
    if rule:
        lines.append(
            f"- {info.name} maintenance audits: [{rule.stated_by}, {rule.effective}]({rule.source_url})."
        )
    return lines


def jurisdiction_note(jurisdiction: str | None, content: Content | None = None) -> str | None:
    """For a user of another province (Alberta): the planner follows the rules of cycle.toml's
    province (BC), and what the user's province's COR asks instead (its large-employer program's
    maintenance audits, with source). None for the planner's own province."""
    content = content or default_content()
    info = _elsewhere(jurisdiction, content)
    if info is None:
        return None
    program = _large_program(info.code, content)
    note = _follows(info, content) + (
        f"{program.maintenance_auditor.lower()} ([source, {program.effective}]({program.source_url}))."
        if program
        else ""
    )
    pass_note = maintenance_pass_note(info.code, content)
    rule = maintenance_pass(info.code, content)
    if pass_note and rule:
        return f"{note} {pass_note} ([source, {rule.effective}]({rule.source_url}))"
    return note


def rule_sources(sched: Schedule, today: date, content: Content | None = None) -> list[str]:
    """Each rule the schedule applies, as a Markdown bullet naming its source and year.

    The partner's line says which of its rules our sources hold, or that they hold none (so the
    user knows to ask about notice and reports rather than assume there are no such rules).
    A partner statement that conflicts with its rule follows, with its own source.
    """
    content = content or default_content()
    rules = content.cycle
    planner = content.planner_jurisdiction()
    deadline = year_end(today.year, rules.maintenance_due)
    lines = [
        f"- Certificate valid {rules.certificate_years} years; one audit each calendar year, on site by "
        f"{deadline.day} {deadline:%B} ([{planner.regulator}, {rules.effective}]({rules.source_url})).",
        f"- Incentive timing: {rules.incentive_credit} Credit dates shown are our estimate "
        f"([{planner.regulator} incentives]({rules.incentive_source_url})).",
    ]
    pass_rule = maintenance_pass(planner.code, content)
    if pass_rule:
        lines.append(
            f"- {maintenance_pass_note(planner.code, content)} "
            f"([{pass_rule.effective}]({pass_rule.source_url}))."
        )
    rule = partner_rule(sched.partner_id, content)
    if rule:
        timing = f"; [audit timing]({rule.timing_source_url})" if rule.timing_source_url else ""
        lines.append(
            f"- {sched.partner_name}: {rule.note} ([source, {rule.effective}]({rule.source_url}){timing})."
        )
        lines += [
            f"- {sched.partner_name} also says: {conflict.text} ([source, {conflict.effective}]"
            f"({conflict.source_url})). The planner uses the earlier date; confirm with them."
            for conflict in rule.conflicts
        ]
    elif sched.partner_id:
        lines.append(
            f"- {sched.partner_name}: no extra cycle rules in our sources; ask them about notice and reports."
        )
    return lines
