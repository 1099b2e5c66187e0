"""The one workspace repository of this server process, shared by every session.

``cor.workspace.repository.Workspace`` holds one pooled database engine and is safe to share
between threads, so it is a cached resource: every page and every session uses the same one.
"""

from __future__ import annotations

import streamlit as st

from cor.workspace.repository import Workspace


@st.cache_resource(show_spinner=False)
def workspace() -> Workspace:
    return Workspace()
