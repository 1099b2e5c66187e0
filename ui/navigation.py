"""A labelled page menu for phones.

Below 768 px Streamlit folds the top navigation into a sidebar behind an unlabelled arrow icon,
which phone users read as decoration (issue 9, item 20). On narrow screens the frame therefore
shows a "Menu" button with every page by name; on wider screens it is hidden and the top
navigation does the job.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.navigation.page import StreamlitPage

#: Streamlit's own breakpoint for folding the top navigation (checked in Chromium, 1.67).
WIDE_PX = 768
_CSS = f"""
<style>
@media (min-width: {WIDE_PX}px) {{ .st-key-phone_menu {{ display: none; }} }}
</style>
"""


def phone_menu(pages: Sequence[StreamlitPage]) -> None:
    """A "Menu" button listing the visible pages, shown only on narrow screens."""
    st.html(_CSS)
    with st.container(key="phone_menu"), st.popover("Menu", icon=":material/menu:"):
        for page in pages:
            if page.visibility == "visible":
                st.page_link(page, label=page.title, icon=page.icon or None)
