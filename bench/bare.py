"""Generate the bare baseline of a page from the page's own rendered element tree.

After the real page has run (through ``app.py``, in the measured state), its AppTest element tree
holds everything a user sees: headings, texts, widgets with their labels, options and current
values, tables, chart specs, layout blocks. This module writes that tree back out as a Streamlit
script that makes the same calls with literal arguments and no logic (no scoring, no content
loading, no store), next to a copy of the real frame (``app.py``). Because it is regenerated from
the page on every bench run, the baseline follows the page as it changes and cannot drift.

Tables and chart specs (with the rows Streamlit moved out of them) are kept in a pickle the generated page loads once per process (the real
pages cache their content the same way), so the baseline pays for sending them, not building them.
An image (the workshop's QR code) is sent as a plain white PNG of the size the page asks for: its
bytes are gone once AppTest's run ends, and the baseline pays for sending an image, not drawing it.
"""

from __future__ import annotations

import json
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from streamlit.testing.v1.element_tree import Block, Element, ElementTree, Node

ROOT = Path(__file__).resolve().parents[1]
#: Widget element types whose current value the generated call must start from.
LAYOUT_SKIPPED = {"sidebar", "event"}
ALERTS = {"error", "warning", "info", "success"}
HEADINGS = {"title", "header", "subheader"}


@dataclass
class Writer:
    """Source lines being written, the assets they refer to, and a counter for synthetic keys."""

    lines: list[str] = field(default_factory=list)
    assets: list[Any] = field(default_factory=list)
    unkeyed: int = 0
    unsupported: list[str] = field(default_factory=list)

    def call(self, depth: int, text: str) -> None:
        self.lines.append("    " * depth + text)

    def asset(self, value: Any) -> str:
        self.assets.append(value)
        return f"ASSETS[{len(self.assets) - 1}]"

    def key(self, node: Element) -> str:
        user_key = getattr(node, "key", None)
        if user_key:
            return repr(user_key)
        self.unkeyed += 1
        return repr(f"bare.{self.unkeyed}")


def _opt(name: str, value: Any) -> str:
    """``, name=value`` when the value is set (so defaults stay defaults)."""
    return f", {name}={value!r}" if value not in (None, "", 0, False) else ""


def _text_call(node: Element, writer: Writer, depth: int) -> bool:
    proto, kind = node.proto, node.type
    if kind == "divider" or (kind == "markdown" and getattr(proto, "element_type", 0) == 3):
        writer.call(depth, "st.divider()")
    elif kind in HEADINGS:
        divider = _opt("divider", proto.divider) if kind != "title" else ""
        writer.call(depth, f"st.{kind}({proto.body!r}{divider})")
    elif kind == "markdown" and proto.body.strip() in ("---", "***", "___", ""):
        writer.call(depth, "st.divider()")
    elif kind in ("markdown", "caption"):
        writer.call(depth, f"st.{kind}({proto.body!r})")
    elif kind == "code":
        writer.call(
            depth, f"st.code({proto.code_text!r}, language={proto.language!r}, wrap_lines={proto.wrap_lines})"
        )
    elif kind in ALERTS:
        writer.call(depth, f"st.{kind}({proto.body!r}{_opt('icon', proto.icon)})")
    elif kind == "metric":
        writer.call(
            depth,
            f"st.metric({proto.label!r}, {proto.body!r}{_opt('delta', proto.delta)}{_opt('help', proto.help)})",
        )
    elif kind == "progress":
        writer.call(depth, f"st.progress({proto.value}{_opt('text', proto.text)})")
    else:
        return False
    return True


def _choice_call(node: Any, writer: Writer, depth: int) -> bool:
    proto, kind = node.proto, node.type
    key = writer.key(node)
    if kind in ("radio", "selectbox"):
        horizontal = _opt("horizontal", getattr(proto, "horizontal", False))
        writer.call(
            depth,
            f"st.{kind}({proto.label!r}, {list(node.options)!r}, index={node.index!r}, key={key}"
            f"{horizontal}{_opt('help', proto.help)})",
        )
    elif kind == "button_group":
        options = [o.content for o in proto.options]
        value = node.value
        current = value[0] if isinstance(value, list) and value else value
        writer.call(
            depth,
            f"st.segmented_control({proto.label!r}, {options!r}, default={current!r}, key={key}, "
            f"required={proto.required})",
        )
    elif kind in ("checkbox", "toggle"):
        writer.call(
            depth,
            f"st.{kind}({proto.label!r}, value={bool(node.value)}, key={key}{_opt('help', proto.help)})",
        )
    else:
        return False
    return True


def _entry_call(node: Any, writer: Writer, depth: int) -> bool:
    proto, kind = node.proto, node.type
    if kind in ("text_input", "text_area"):
        key = writer.key(node)
        writer.call(
            depth,
            f"st.{kind}({proto.label!r}, value={node.value or ''!r}, key={key}{_opt('max_chars', proto.max_chars)}"
            f"{_opt('placeholder', proto.placeholder)}{_opt('help', proto.help)})",
        )
    elif kind == "number_input":
        key = writer.key(node)
        low = proto.min if proto.has_min else None
        high = proto.max if proto.has_max else None
        cast = int if proto.format == "%d" else float
        bounds = (
            f"min_value={None if low is None else cast(low)!r}, max_value={None if high is None else cast(high)!r}, "
            f"step={cast(proto.step)!r}"
        )
        writer.call(depth, f"st.number_input({proto.label!r}, {bounds}, value={node.value!r}, key={key})")
    elif kind == "date_input":
        key = writer.key(node)
        writer.call(
            depth,
            f"st.date_input({proto.label!r}, value={writer.asset(node.value)}, min_value={writer.asset(_iso(proto.min))}, "
            f"max_value={writer.asset(_iso(proto.max))}, key={key}{_opt('help', proto.help)})",
        )
    else:
        return False
    return True


def _iso(text: str) -> Any:
    from datetime import date

    return date.fromisoformat(text) if text else None


def _action_call(node: Any, writer: Writer, depth: int) -> bool:
    proto, kind = node.proto, node.type
    if kind == "button" and proto.is_form_submitter:
        writer.call(depth, f"st.form_submit_button({proto.label!r}, type={proto.type or 'secondary'!r})")
    elif kind == "button":
        writer.call(
            depth,
            f"st.button({proto.label!r}, key={writer.key(node)}, type={proto.type or 'secondary'!r}"
            f"{_opt('icon', proto.icon)}{_opt('help', proto.help)}, disabled={proto.disabled})",
        )
    elif kind == "download_button":
        writer.call(
            depth,
            f"st.download_button({proto.label!r}, data=b'', key={writer.key(node)}{_opt('icon', proto.icon)})",
        )
    elif kind == "link_button":
        writer.call(depth, f"st.link_button({proto.label!r}, {proto.url!r}{_opt('icon', proto.icon)})")
    elif kind == "page_link":
        writer.call(
            depth, f"st.page_link(PAGES[{proto.page!r}], label={proto.label!r}{_opt('icon', proto.icon)})"
        )
    else:
        return False
    return True


def _data_call(node: Any, writer: Writer, depth: int) -> bool:
    proto, kind = node.proto, node.type
    if kind == "table":
        writer.call(depth, f"st.table({writer.asset(node.value)})")
    elif kind == "dataframe":
        writer.call(depth, f"st.dataframe({writer.asset(node.value)})")
    elif kind == "image":
        caption = node.proto.imgs[0].caption if node.proto.imgs else ""
        writer.call(
            depth, f"st.image({writer.asset(white_png(440, 440))}{_opt('caption', caption)}, width=440)"
        )
    elif kind == "file_uploader":
        writer.call(depth, f"st.file_uploader({proto.label!r}, key={writer.key(node)})")
    elif kind == "vega_lite_chart":
        writer.call(depth, f"st.vega_lite_chart({writer.asset(chart_spec(proto))})")
    else:
        return False
    return True


def _rows(arrow: bytes) -> list[dict[str, Any]]:
    import pyarrow as pa

    rows: list[dict[str, Any]] = pa.ipc.open_stream(arrow).read_all().to_pylist()
    return rows


def chart_spec(proto: Any) -> dict[str, Any]:
    """The spec the page handed to Streamlit, with its data back where it was: Streamlit moves
    top-level ``datasets`` and ``data`` out of the spec into Arrow tables, and a bare chart must
    send (and pay for) the same rows, not an empty chart."""
    spec: dict[str, Any] = json.loads(proto.spec)
    for dataset in proto.datasets:
        spec.setdefault("datasets", {})[dataset.name] = _rows(dataset.data.data)
    if proto.data.data:
        spec["data"] = {"values": _rows(proto.data.data)}
    return spec


def white_png(width: int, height: int) -> bytes:
    """A plain white greyscale PNG (written by hand: no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _element(node: Element, writer: Writer, depth: int) -> None:
    for emit in (_text_call, _choice_call, _entry_call, _action_call, _data_call):
        if emit(node, writer, depth):
            return
    writer.unsupported.append(node.type)


def _block(node: Block, writer: Writer, depth: int) -> None:
    children = list(node.children.values())
    kind = node.type
    if kind == "flex_container" and children and all(child.type == "column" for child in children):
        weights = [child.proto.weight for child in children]
        name = f"cols{len(writer.lines)}"
        writer.call(depth, f"{name} = st.columns({weights!r})")
        for position, column in enumerate(children):
            writer.call(depth, f"with {name}[{position}]:")
            _children(column, writer, depth + 1)
        return
    if kind == "tab_container":
        name = f"tabs{len(writer.lines)}"
        writer.call(depth, f"{name} = st.tabs({[getattr(child, 'label', '') for child in children]!r})")
        for position, tab in enumerate(children):
            writer.call(depth, f"with {name}[{position}]:")
            _children(tab, writer, depth + 1)
        return
    if kind == "form":
        writer.call(depth, f"with st.form({node.proto.form.form_id!r}):")
    elif kind == "expander":
        writer.call(depth, f"with st.expander({node.proto.label!r}):")
    elif kind == "flex_container":
        flex = node.proto.flex_container
        horizontal = flex.direction == flex.Direction.HORIZONTAL
        writer.call(depth, f"with st.container(border={flex.border}, horizontal={horizontal}):")
    else:
        writer.unsupported.append(kind)
        writer.call(depth, "with st.container():")
    _children(node, writer, depth + 1)


def _children(node: Node, writer: Writer, depth: int) -> None:
    before = len(writer.lines)
    for child in getattr(node, "children", {}).values():
        if child.type in LAYOUT_SKIPPED:
            continue
        if isinstance(child, Block):
            _block(child, writer, depth)
        else:
            _element(child, writer, depth)
    if len(writer.lines) == before:
        writer.call(depth, "pass")


PAGE_HEADER = '''"""Generated by bench/bare.py from the rendered element tree of app_pages/{page}.py: no logic."""

import pickle
from pathlib import Path

import streamlit as st

PAGES = {pages!r}


@st.cache_resource(show_spinner=False)
def _assets(path: str) -> list:  # keyed by path: each generated page has its own
    return pickle.loads(Path(path).read_bytes())


ASSETS = _assets(str(Path(__file__).parent.parent / "assets_{page}.pkl"))
'''


def _leaves(node: Node) -> list[Node]:
    children = list(getattr(node, "children", {}).values())
    return [leaf for child in children for leaf in _leaves(child)] if children else [node]


def _frame_parts(main: Block) -> int:
    """How many leading children of the main area the frame (app.py) draws before the page: its
    style sheet and the phone menu, a block of nothing but page links. The copied app.py draws
    them itself, so the bare page must not draw them a second time."""
    count = 0
    for child in main.children.values():
        leaves = [leaf.type for leaf in _leaves(child)]
        if child.type == "html" or (isinstance(child, Block) and set(leaves) <= {"page_link", "html"}):
            count += 1
            continue
        break
    return count


def _frame_tail(main: Block) -> int:
    """How many trailing children of the main area the frame draws after the page: the hidden
    reconnect button and its script (ui/reconnect.py), which the copied app.py draws itself."""
    count = 0
    for child in reversed(list(main.children.values())):
        leaves = _leaves(child)
        if leaves and all(
            leaf.type == "html" or getattr(leaf, "key", None) == "cor.reconnect" for leaf in leaves
        ):
            count += 1
            continue
        break
    return count


def generate(tree: ElementTree, page: str, directory: Path) -> list[str]:
    """Write ``directory``/app.py (the real frame) and app_pages/ (the bare page, stubs for the
    others). Returns the element types the generator could not reproduce (empty when faithful)."""
    writer = Writer()
    main = tree.children[0]
    assert isinstance(main, Block)
    page_part = Block(proto=None, root=main.root, type=main.type)
    children = list(main.children.items())
    page_part.children = dict(children[_frame_parts(main) : len(children) - _frame_tail(main)])
    _children(page_part, writer, 0)
    pages_dir = directory / "app_pages"
    pages_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "app.py", directory / "app.py")
    if (ROOT / ".streamlit").is_dir():  # the same server and theme settings when served
        shutil.copytree(ROOT / ".streamlit", directory / ".streamlit", dirs_exist_ok=True)
    names = {path.stem: f"app_pages/{path.name}" for path in (ROOT / "app_pages").glob("*.py")}
    url_paths = {"home": "home", **{name: name for name in names}}
    for name in names:
        (pages_dir / f"{name}.py").write_text('"""A stub: only the measured page is generated."""\n')
    header = PAGE_HEADER.format(page=page, pages={url_paths[n]: p for n, p in names.items()})
    (pages_dir / f"{page}.py").write_text(header + "\n" + "\n".join(writer.lines) + "\n")
    (directory / f"assets_{page}.pkl").write_bytes(pickle.dumps(writer.assets))
    return writer.unsupported


def element_types(tree: ElementTree) -> list[str]:
    """Every element and block type in document order: compares a bare page with its source."""
    found: list[str] = []

    def walk(node: Node) -> None:
        for child in getattr(node, "children", {}).values():
            if child.type not in LAYOUT_SKIPPED:
                found.append(child.type)
                walk(child)

    walk(tree.children[0])
    return found
