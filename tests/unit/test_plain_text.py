"""``ui.state.plain``: what a user typed, or what came from a file or an address, reads exactly as
typed inside Markdown, with no formatting and no link (GFM also links bare addresses)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from ui.state import plain

# GFM's bare-address autolinks (remark-gfm, as Streamlit's frontend bundles them), run on the text
# after Markdown escapes are resolved
_GFM_AUTOLINKS = [
    re.compile(r"(https?://|www(?=\.))[-.\w]+", re.IGNORECASE),
    re.compile(r"[-.\w+]+@[-\w]+(?:\.[-\w]+)+"),
]


def as_read(markdown: str) -> str:
    """The text Markdown makes of ``markdown`` once its backslash escapes are resolved."""
    return re.sub(r"\\(.)", r"\1", markdown)


def test_an_address_a_www_name_and_an_email_form_no_autolink() -> None:
    for planted in ("https://evil.example/login", "WWW.evil.example", "user@evil.example", "HTTP://x.y"):
        text = as_read(plain(f"see {planted} now"))
        assert not any(pattern.search(text) for pattern in _GFM_AUTOLINKS), text
        assert text.replace("\u200b", "") == f"see {planted} now"  # the reader sees it unchanged


# text built from the pieces an autolink is made of, and any text besides
_PIECES = st.sampled_from(["www", "WwW", ".", "@", "://", "http", "s", "a", "1", " ", "\\", "\u200b", "_"])
_TEXTS = st.lists(_PIECES | st.text(max_size=5)).map("".join)


@given(_TEXTS)
def test_any_text_reads_as_typed_and_holds_no_autolink(typed: str) -> None:
    text = as_read(plain(typed))
    assert text.replace("\u200b", "") == typed.replace("\u200b", "")
    assert not any(pattern.search(text) for pattern in _GFM_AUTOLINKS)
