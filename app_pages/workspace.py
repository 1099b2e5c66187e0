"""Workspace: association staff's clients, their assessments over time and their action plans.

Anonymous visitors see only the sign-in (or how to turn the workspace on); no client data is
read before a staff member is signed in. Building blocks: ui/workspace/panels.py,
ui/workspace/progress.py; the page's state and widget keys: ui/workspace/state.py.
"""

from functools import partial

import streamlit as st

from cor.workspace.models import WorkspaceError
from ui.state import content, plain
from ui.workspace import panels, progress
from ui.workspace.auth import current_staff, sign_in_panel, sign_out
from ui.workspace.state import Keys

st.title("Consultants' workspace")
staff = current_staff()
if staff is None:
    sign_in_panel()
    st.stop()
sign_out(staff)
panels.replay_save_after_reconnect(staff)  # a Save sent to this process by a tab whose own died
panels.show_flash()
try:
    clients = panels.my_clients(staff)
except WorkspaceError as exc:
    st.error(plain(str(exc)), icon=":material/error:")
    st.stop()

view = st.segmented_control(
    "View", ["Clients", "All clients"], default="Clients", required=True, key=Keys.VIEW
)
if view == "All clients":
    progress.cohort_section(staff, clients)
    st.stop()

client = panels.client_picker(staff, clients)
if client is None:
    st.subheader("New client")
    panels.client_form(staff, None, content())
    st.stop()
# while the database is away: what was read last (my_clients has said so at the top)
repo = panels.workspace()
visits = panels.remembered(
    f"visits.{client.id}", partial(repo.list_assessments, staff.name, client.id, admin=staff.admin)
)
actions = panels.remembered(
    f"actions.{client.id}", partial(repo.list_actions, staff.name, client.id, admin=staff.admin)
)
details_tab, visits_tab, progress_tab, plan_tab, timeline_tab = st.tabs(
    ["Details", "Assessments", "Progress", "Action plan", "Timeline"], key=Keys.TAB
)
with details_tab:
    panels.client_form(staff, client, content())
    panels.sharing_panel(staff, client)
    panels.delete_client_panel(staff, client, visits)
with visits_tab:
    panels.assessments_section(staff, client, visits)
    panels.delete_visit_panel(staff, visits)
with progress_tab:
    progress.progress_section(staff, client, visits, actions)
with plan_tab:
    panels.actions_section(staff, client, actions, visits)
with timeline_tab:
    progress.timeline_section(client, visits, actions)
