"""After the tab's websocket reconnects, run the page once so what the screen shows is stored.

Behind a balancer, when the process serving a tab dies, the browser reconnects to another
process, which starts a new, empty session and waits: Streamlit's browser code expects its old
session to be resumed and asks for no run. An answer clicked while the tab was reconnecting (the
answer in flight) then lived only in the browser until the person's next click. This
block watches the tab's websocket and, when it opens again after a drop, presses a hidden button:
a normal run that carries every widget's value, so the new session stores them (merged with the
draft, see ``ui.readiness.state.restore_draft``). A reconnect to the same process (a network blip)
costs one run and changes nothing.

The answer in flight is usually a fragment's rerun (Readiness draws its view in a fragment): a new
session cannot run a fragment it never drew, so Streamlit skips it, and the browser then clears
that fragment's widgets, the answer with them. So on a socket opened after a drop, a fragment's
rerun sent before the page has run once is held back and the page is run whole instead, with
every widget's value, the answer in flight included.
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
  // BackMsg field 11 (rerun_script) holding a non-empty field 5 (fragment_id): a fragment's rerun.
  function fields(bytes) {
    const found = {};
    let at = 0;
    const varint = () => {
      let value = 0, shift = 0, byte;
      do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80 && at < bytes.length);
      return value;
    };
    while (at < bytes.length) {
      const tag = varint(), number = Math.floor(tag / 8), wire = tag & 7;
      if (wire === 0) found[number] = varint();
      else if (wire === 2) { const length = varint(); found[number] = bytes.subarray(at, at + length); at += length; }
      else if (wire === 1) at += 8;
      else if (wire === 5) at += 4;
      else break;
    }
    return found;
  }
  function asBytes(data) {
    return data instanceof ArrayBuffer ? new Uint8Array(data)
      : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
  }
  function fragmentRerun(data) {
    const bytes = asBytes(data);
    const rerunScript = bytes && fields(bytes)[11];
    if (!rerunScript) return null;
    const fragment = fields(rerunScript)[5];
    return Boolean(fragment && fragment.length);
  }
  function Watched(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    if (String(url).includes("/_stcore/stream")) {
      let fresh = false;  // opened after a drop, and the page has not been run whole on it yet
      socket.addEventListener("open", () => {
        opened += 1;
        if (opened > 1) { fresh = true; setTimeout(rerun, 250); }
      });
      socket.addEventListener("message", (event) => {  // ForwardMsg field 6, script_finished: 0 is a whole run
        const bytes = fresh ? asBytes(event.data) : null;
        if (bytes && fields(bytes)[6] === 0) fresh = false;  // the page's fragments exist on this session now
      });
      const send = socket.send;
      socket.send = function (data) {
        if (fresh && fragmentRerun(data)) { setTimeout(rerun, 0); return; }  // run the page whole instead
        return send.call(socket, data);
      };
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
