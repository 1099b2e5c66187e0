"""On a 390 px phone the timeline's plot is about 260 px wide, and the audit labels
ran into each other ("Year 2 audit" over "Re-certification"). The chart is rendered by Vega
itself (vl-convert, offline) and the labels' boxes are measured from the SVG it draws."""

from __future__ import annotations

import itertools
import json
import re
from datetime import date

import pytest
import vl_convert

from cor.charts.cycle import timeline_dict
from cor.content import default_content
from cor.cycle import schedule, status

C = default_content()
TODAY = date(2026, 12, 7)
PHONE_PLOT_PX = 260  # a 390 px screen less the page margins and the lane names
TEXT = re.compile(r'<text([^>]*)transform="translate\(([-\d.]+),([-\d.]+)\)"([^>]*)>([^<]*)</text>')
BANDS = {"Year 1", "Year 2", "Year 3", "Re-cert"}  # the year bands' own names, each inside its band


def _attribute(pattern: str, attributes: str) -> str:
    found = re.search(pattern, attributes)
    assert found is not None, pattern
    return found.group(1)


def label_boxes(svg: str) -> list[tuple[str, float, float, float, float]]:
    """Each text mark's box (left, top, right, bottom), its width estimated generously at 0.55 em
    a character, as a sans-serif font sets it."""
    boxes = []
    for match in TEXT.finditer(svg):
        attributes, text = match.group(1) + match.group(4), match.group(5)
        if "text mark" not in attributes or text in BANDS:
            continue
        x, y = float(match.group(2)), float(match.group(3))
        size = float(_attribute(r'font-size="([\d.]+)px"', attributes))
        width = 0.55 * size * len(text)
        anchor = _attribute(r'text-anchor="(\w+)"', attributes)
        left = {"middle": x - width / 2, "end": x - width}.get(anchor, x)
        boxes.append((text, left, y - 0.8 * size, left + width, y + 0.2 * size))
    return boxes


@pytest.mark.parametrize("partner", [None, *(p.id for p in C.partners if p.jurisdiction == "BC")])
@pytest.mark.parametrize("certified_on", [date(2025, 3, 14), date(2025, 9, 1)])
def test_no_two_labels_overlap_on_a_phone(partner: str | None, certified_on: date) -> None:
    plan = schedule(certified_on=certified_on, today=TODAY, partner=partner, content=C)
    spec = timeline_dict(plan, TODAY, status(plan, TODAY, C))
    spec["width"] = PHONE_PLOT_PX
    boxes = label_boxes(vl_convert.vegalite_to_svg(json.dumps(spec)))
    assert len(boxes) >= 5  # the audits and today
    clashes = [
        (a[0], b[0])
        for a, b in itertools.combinations(boxes, 2)
        if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
    ]
    assert not clashes
