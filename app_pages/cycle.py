"""Cycle planner: every date of the three-year COR cycle, today's view of it, and a calendar file.

Missing a maintenance audit loses the COR and the incentive, so this page turns the rules (and
the certifying partner's own rules, from content) into dates, says what is next and how long is
left, and warns early about anything late or impossible.

Top to bottom: the inputs (each with a slot under it for the planner's message) -> the schedule
from cor.cycle -> four sections showing it. The building blocks are in ui/cycle.py.
"""

import streamlit as st

from cor.cycle import status
from ui import cycle as planner
from ui.state import content, local_today

rules = content()
today = local_today()

st.title("Your three-year audit cycle")
st.write(
    "A COR certificate lasts three years: the certification audit, a maintenance audit in each of "
    "the next two calendar years, then re-certification before it expires. Miss one and the COR, "
    "and its incentive, are lost. Enter where you are to get every date, and a calendar file."
)
planner.province_note(rules)

form = planner.Form()
mode, anchor = planner.cycle_position(form)
done = planner.maintenance_done(form, mode, anchor, today, rules)
program_id, partner_id = planner.program_and_partner(form, rules)
trained_on = planner.auditor_trained_on(form)

schedule = planner.build(
    form,
    rules,
    today,
    mode=mode,
    anchor=anchor,
    done=done,
    program_id=program_id,
    partner_id=partner_id,
    trained_on=trained_on,
)
if schedule is not None:
    view = status(schedule, today, rules)
    planner.today_section(schedule, view, today)
    planner.glance_section(schedule, view, today, rules)
    planner.auditor_section(schedule, rules)
    planner.sources_section(schedule, today, rules)
