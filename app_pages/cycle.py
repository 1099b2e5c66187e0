"""Cycle planner: every date of the three-year COR cycle, today's view of it, and a calendar file.

Missing a maintenance audit loses the COR and the incentive, so this page turns the rules (and
the certifying partner's own rules, from content) into dates, says what is next and how long is
left, and warns early about anything late or impossible.

Top to bottom: the inputs (each with a slot under it for the planner's message) -> the schedule
from cor.cycle -> four sections showing it. The building blocks are in ui/cycle.py.
"""

import streamlit as st

from cor.cycle import status
from ui import cycle as cy
from ui.state import content, local_today

c = content()
today = local_today()

st.title("Your three-year audit cycle")
st.write(
    "A COR certificate lasts three years: the certification audit, a maintenance audit in each of "
    "the next two calendar years, then re-certification before it expires. Miss one and the COR, "
    "and its incentive, are lost. Enter where you are to get every date, and a calendar file."
)
cy.province_note(c)

fields: cy.Fields = {}
mode, anchor = cy.cycle_position(fields, today)
done = cy.maintenance_done(fields, mode, anchor, today, c)
program_id, partner_id = cy.program_and_partner(fields, c)
trained_on = cy.auditor_trained_on(fields, today)

plan = cy.build(
    fields,
    c,
    today,
    mode=mode,
    anchor=anchor,
    done=done,
    program_id=program_id,
    partner_id=partner_id,
    trained_on=trained_on,
)
if plan is not None:
    view = status(plan, today)
    cy.today_section(plan, view, today)
    cy.glance_section(plan, view, today, c)
    cy.auditor_section(plan, c)
    cy.sources_section(plan, today, c)
