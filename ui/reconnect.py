"""After the tab's websocket reconnects, run the page once so what the screen shows is stored.

Behind a balancer, when the process serving a tab dies, the browser reconnects to another
process, which starts a new, empty session and waits: Streamlit's browser code expects its old
session to be resumed and asks for no run. An answer clicked while the tab was reconnecting (the
answer in flight) then lived only in the browser until the person's next click. This
block watches the tab's websocket and, when it opens again after a drop, presses a hidden button:
a normal run that carries every widget's value, so the new session stores them (merged with the
draft, see ``ui.readiness.state.restore_draft``). A reconnect to the same process (a network blip)
costs one run and changes nothing.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

KEY = "cor-reconnect"


_SCRIPT = """
<style>.st-key-cor-reconnect { display: none; }</style>
<script>
(() => {
  const win = window.parent && window.parent.document ? window.parent : window;
  if (win.__corReadyReconnect) return;
  win.__corReadyReconnect = true;
  const Native = win.WebSocket;
  let opened = 0;
  function rerun() {
    const button = win.document.querySelector(".st-key-cor-reconnect button");
    if (button) button.click();
  }
  function Watched(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    if (String(url).includes("/_stcore/stream")) {
      socket.addEventListener("open", () => {
        opened += 1;
        if (opened > 1) setTimeout(rerun, 250);
      });
    }
    return socket;
  }
  Watched.prototype = Native.prototype;
  for (const name of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Watched[name] = Native[name];
  win.WebSocket = Watched;
  opened = 1;  // the socket this page already has
})();
</script>
"""


def rerun_after_reconnect() -> None:
    """The hidden button and the script that presses it after a reconnect (every page)."""
    with st.container(key=KEY):
        st.button("Store what this page shows", key="cor.reconnect")
        st.html(_SCRIPT, unsafe_allow_javascript=True)


def sent_before_drawn() -> dict[str, Any]:
    """What the browser sent with this run for keyed widgets this session has not drawn yet, by
    key: text as ``str``, a pressed button (or form submit) as ``True``.

    A tab that reconnected to another process (its own died) may send its first message to the
    new session with a form's fields and its Save click: the new session has no record of those
    widgets, so Streamlit holds the values under element ids (``$$ID-<hash>-<key>``) that
    ``st.session_state`` does not list, and calls no ``on_click``. A page that fills fields from
    the database on its first run would otherwise replace what was typed, and the click is lost.
    """
    ctx = get_script_run_ctx()
    if ctx is None:
        return {}
    sent: dict[str, Any] = {}
    for widget in ctx.session_state.get_widget_states():
        key = widget.id.split("-", 2)[-1] if widget.id.startswith("$$ID-") else ""
        kind = widget.WhichOneof("value")
        if not key or key in st.session_state:
            continue
        if kind == "string_value":
            sent[key] = widget.string_value
        elif kind == "trigger_value" and widget.trigger_value:
            sent[key] = True
    return sent
