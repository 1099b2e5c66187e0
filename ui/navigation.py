"""The frame's phone helpers: one labelled page menu, and the right keyboard for number fields.

Below 768 px Streamlit folds the top navigation into a sidebar behind an unlabelled arrow icon,
which phone users read as decoration. On narrow screens the frame therefore
shows a "Menu" button with every page by name and hides that arrow, so a phone has one menu, not
two; on wider screens the Menu is hidden and the top navigation does the job.

Streamlit's text fields cannot ask for a keyboard, so a phone opened the letter keyboard for a
worker count, a payroll or a date. The frame marks those fields with ``inputmode`` (digits for a
count; digits and a point for money, rates and dates, which cor reads as 2025.03.14 or 20250314),
found by their widget keys, on every page, as Streamlit draws them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

import streamlit as st
from streamlit.navigation.page import StreamlitPage

#: Streamlit's own breakpoint for folding the top navigation (checked in Chromium, 1.67).
WIDE_PX = 768
_CSS = f"""
<style>
.st-key-phone_keyboards {{ display: none; }}
@media (min-width: {WIDE_PX}px) {{ .st-key-phone_menu {{ display: none; }} }}
@media (max-width: {WIDE_PX - 0.02}px) {{ [data-testid="stExpandSidebarButton"] {{ display: none; }} }}
</style>
"""

#: Widget keys (or key prefixes, ending in ".") of the fields that want a number keyboard.
NUMERIC_KEYS = ("rd.workers", "ws.f.workers")
DECIMAL_KEYS = (
    "sv.pay.",
    "sv.rate.",
    "sv.abimprove",
    "sv.ablead",
    "sv.abprem",
    "sv.audit",
    "sv.maint",
    "sv.prem",
    "cy.certified",
    "cy.planned",
    "cy.done",
    "cy.auditor_on",
)


def key_selector(key: str) -> str:
    """The CSS selector of the input inside the widget with ``key`` (Streamlit names its box
    ``st-key-`` + the key, with characters a class cannot hold made dashes); a key ending in "."
    or a number-less prefix matches every numbered widget that starts with it."""
    name = "st-key-" + re.sub(r"[^A-Za-z0-9_-]", "-", key)
    return f'[class*="{name}"] input'


def keyboard_modes() -> dict[str, str]:
    """Selector -> inputmode, for the script below (and its tests)."""
    modes = {key_selector(key): "numeric" for key in NUMERIC_KEYS}
    modes |= {key_selector(key): "decimal" for key in DECIMAL_KEYS}
    modes['[data-testid="stNumberInputField"]'] = "numeric"  # st.number_input: whole counts here
    return modes


_KEYBOARD_SCRIPT = """<script>(() => {
  const doc = (window.parent && window.parent.document) || document;
  if (doc.corKeyboards) return;
  doc.corKeyboards = true;
  const modes = %s;
  const mark = () => {
    for (const [selector, mode] of Object.entries(modes)) {
      doc.querySelectorAll(selector).forEach((field) => {
        if (field.getAttribute("inputmode") !== mode) field.setAttribute("inputmode", mode);
      });
    }
  };
  mark();
  new MutationObserver(mark).observe(doc.body, {childList: true, subtree: true});
})();</script>"""


def phone_menu(pages: Sequence[StreamlitPage], current: StreamlitPage) -> None:
    """A "Menu" button listing the visible pages, shown only on narrow screens, and the keyboard
    hints for number fields. The menu closes once a page is chosen (it stayed open over the new
    page, catching the first tap): its key names the page, so each page draws a new, closed one."""
    st.html(_CSS)
    with st.container(key="phone_keyboards"):  # hidden: a script takes no room on the page
        st.html(_KEYBOARD_SCRIPT % json.dumps(keyboard_modes()), unsafe_allow_javascript=True)
    with (
        st.container(key="phone_menu"),
        st.popover("Menu", icon=":material/menu:", key=f"phone_menu.{current.url_path or 'home'}"),
    ):
        for page in pages:
            if page.visibility == "visible":
                st.page_link(page, label=page.title, icon=page.icon or None)
