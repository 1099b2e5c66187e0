"""Workspace: association staff's clients, their assessments over time and their action plans.

Anonymous visitors see only the sign-in (or how to turn the workspace on); no client data is
read before a staff member is signed in. Building blocks: ui/workspace.py, ui/workspace_progress.py.
"""

import streamlit as st

from cor.workspace.models import WorkspaceError
from ui import workspace as ws
from ui import workspace_progress as wp
from ui.auth import current_staff, sign_in_panel, sign_out
from ui.state import content, plain

st.title("Consultants' workspace")
staff = current_staff()
if staff is None:
    sign_in_panel()
    st.stop()
assert staff is not None
sign_out(staff)
ws.show_flash()
try:
    clients = ws.my_clients(staff)
except WorkspaceError as exc:
    st.error(plain(str(exc)), icon=":material/error:")
    st.stop()

view = st.segmented_control(
    "View", ["Clients", "All clients"], default="Clients", required=True, key="ws.view"
)
if view == "All clients":
    wp.cohort_section(staff, clients)
    st.stop()

client = ws.client_picker(staff, clients)
if client is None:
    st.subheader("New client")
    ws.client_form(staff, None, content())
    st.stop()
assert client is not None
visits = ws.workspace().list_assessments(staff.name, client.id, admin=staff.admin)
actions = ws.workspace().list_actions(staff.name, client.id, admin=staff.admin)
details, assessments, progress, plan, dates = st.tabs(
    ["Details", "Assessments", "Progress", "Action plan", "Timeline"], key="ws.tab"
)
with details:
    ws.client_form(staff, client, content())
    ws.sharing_panel(staff, client)
    ws.delete_client_panel(staff, client, visits)
with assessments:
    ws.assessments_section(staff, client, visits)
    ws.delete_visit_panel(staff, visits)
with progress:
    wp.progress_section(staff, client, visits, actions)
with plan:
    ws.actions_section(staff, client, actions, visits)
with dates:
    wp.timeline_section(client, visits, actions)
