"""Every figure the app uses, with its source and year, for the "About the numbers" page."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from cor.content import default_content
from cor.incentives import money
from cor.models import Content


class Figure(BaseModel):
    model_config = ConfigDict(frozen=True)

    topic: str
    figure: str
    value: str
    year: str
    source_url: str
    note: str = ""


def figures(content: Content | None = None) -> list[Figure]:
    c = content or default_content()
    out: list[Figure] = []
    for j in c.jurisdictions:
        out.append(
            Figure(
                topic=f"Pass rule ({j.code})",
                figure="Overall score needed / minimum per element",
                value=f"{j.pass_rule.overall_min_pct}% / {j.pass_rule.element_min_pct}%",
                year=j.effective,
                source_url=str(j.source_url),
                note=j.source_note,
            )
        )
    for p in c.programs:
        size = f"{p.min_workers}+" if p.max_workers is None else f"{p.min_workers}-{p.max_workers}"
        out.append(
            Figure(
                topic=f"Programs ({p.jurisdiction})",
                figure=f"{p.name}: workers",
                value=size,
                year=p.effective,
                source_url=str(p.source_url),
                note=p.summary,
            )
        )
    bc = c.incentives.bc
    out.append(
        Figure(
            topic="Incentive (BC)",
            figure="Share of base assessment per certified CU",
            value=f"{bc.rate_pct}%",
            year=bc.effective,
            source_url=str(bc.source_url),
            note=bc.source_note,
        )
    )
    for m in bc.small_employer_minimum:
        out.append(
            Figure(
                topic="Incentive (BC)",
                figure=f"Small-employer minimum: {m.label}",
                value=f"{m.share_of_premium_pct}% of premium, up to {money(m.cap, whole=True)}",
                year=m.effective,
                source_url=str(m.source_url),
                note=f"{m.source_note} {bc.minimum_conflict_note}",
            )
        )
    ab = c.incentives.ab
    out.append(
        Figure(
            topic="Incentive (AB)",
            figure="PIR refund: first COR year / each maintenance year / maximum",
            value=f"{ab.first_year_pct}% / {ab.maintenance_year_pct}% / {ab.maximum_pct}%",
            year=ab.effective,
            source_url=str(ab.source_url),
            note=ab.source_note,
        )
    )
    cy = c.cycle
    out.append(
        Figure(
            topic="Audit cycle (BC)",
            figure="Certificate life / maintenance deadline / internal auditor certification",
            value=f"{cy.certificate_years} years / {cy.maintenance_due} each year / {cy.internal_auditor_valid_years} years",
            year=cy.effective,
            source_url=str(cy.source_url),
            note=cy.source_note,
        )
    )
    out.append(
        Figure(
            topic="Audit cycle (BC)",
            figure="Incentive credited (estimate): by this date of the year after the audit year",
            value=cy.incentive_credit_by,
            year=cy.effective,
            source_url=str(cy.incentive_source_url or cy.source_url),
            note=cy.incentive_credit,
        )
    )
    out.append(
        Figure(
            topic="Audit cycle (BC)",
            figure="COR Ready's own planning choices: calendar reminders / refresher booking lead",
            value=f"{', '.join(str(d) for d in cy.reminder_days)} days before each audit deadline / "
            f"{cy.refresher_lead_days} days before the auditor's certification lapses",
            year=cy.effective,
            source_url=str(cy.internal_auditor_source_url or cy.source_url),
            note="Suggestions of this app, not partner rules. " + cy.internal_auditor_refresher,
        )
    )
    for rule in cy.partner_rules:
        parts = []
        if rule.min_gap_months is not None:
            parts.append(f"{rule.min_gap_months} months between audits")
        if rule.report_due_days is not None:
            parts.append(f"report within {rule.report_due_days} days")
        if rule.notice_days is not None:
            parts.append(f"notice {rule.notice_days} days ahead")
        if rule.year_end_due is not None:
            parts.append(f"year-end audit due {rule.year_end_due}")
        out.append(
            Figure(
                topic="Audit cycle (BC)",
                figure=f"Partner rule: {c.partner(rule.partner).short_name}",
                value="; ".join(parts),
                year=rule.effective,
                source_url=str(rule.source_url),
                note=rule.note,
            )
        )
    for unit in c.units:
        for r in unit.rates:
            if r.base_rate is None:
                continue
            out.append(
                Figure(
                    topic="CU base rates (BC)",
                    figure=f"{unit.code} {unit.name}",
                    value=f"${r.base_rate} per $100",
                    year=str(r.year),
                    source_url=str(r.source_url),
                    note=f"Confidence: {r.confidence}. {r.source_note}".strip(),
                )
            )
    return out
