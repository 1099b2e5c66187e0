"""Pages render, cor decides: no module under ui/ or app_pages/ works out a rule.

A rule here means what the house rules put in cor/: arithmetic on scores, money or dates. The
check reads each module's syntax tree (no import, no run) and flags

- arithmetic (``+ - * / // % **``, also augmented) that is not on text or lists and either uses a
  number other than 1 (a step or a 1-based position is counting, not a rule) or a name that
  reads as a score, an amount of money or a date;
- ``Decimal(...)``, ``Fraction(...)``, ``timedelta(...)`` and ``relativedelta(...)``: exact money
  and date arithmetic start there.

Screen layout does arithmetic too (pixel heights, cards two to a row): each such case is listed
in ``LAYOUT`` with its reason, matched by file and expression, so a new one is a decision a
reviewer reads (an entry the code no longer has is harmless). ``OWNED_ELSEWHERE`` lists rules still in a page that another change is moving
to cor/; the test fails once one is gone, so the list only shrinks.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT

_ARITHMETIC = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
_EXACT_OR_DATE_CALLS = {"Decimal", "Fraction", "timedelta", "relativedelta"}
#: Names that read as a score, an amount of money or a date (matched inside identifiers).
_RULE_WORDS = re.compile(
    r"pct|percent|score|points|payroll|rate|incentive|premium|refund|saving|money|amount|cents|dollar"
    r"|credit|answered|total|date|day|today|due|year|month|week|deadline|taken_on|expire",
    re.IGNORECASE,
)

#: (file, expression) -> why it is layout, not a rule.
LAYOUT: dict[tuple[str, str], str] = {
    ("ui/cycle.py", "(len(rows) + 1) * 35 + 3"): "the table's height in pixels: rows of 35 px and a header",
    ("ui/navigation.py", "WIDE_PX - 0.02"): "a CSS breakpoint just under the wide layout's",
    ("ui/partners.py", "i + 2"): "cards two to a row",
    ("ui/workshop.py", "i % 4"): "unmasking a websocket key four bytes at a time",
    ("ui/workspace/progress.py", "len(ids) - 2"): "the second-last visit preselected for a comparison",
    ("ui/readiness/answer.py", "card.answered / card.total"): "the progress bar's fill (0 to 1)",
}
#: (file, expression) -> who moves it to cor/.
OWNED_ELSEWHERE: dict[tuple[str, str], str] = {
    ("ui/savings/sections.py", "Decimal(0)"): "the Savings page's parse-once change (issue 22, item 3)",
}


def _stringish(node: ast.expr) -> bool:
    """Text or a list: ``+`` and ``%`` on these join or format, they do not compute."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str | bytes)
    if isinstance(node, ast.JoinedStr | ast.List | ast.Tuple | ast.ListComp | ast.Set | ast.Dict):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in {"join", "format", "strip", "lower", "upper", "capitalize", "replace"}
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id in {"str", "plain", "repr"}
    if isinstance(node, ast.BinOp):
        return _stringish(node.left) or _stringish(node.right)
    return False


def _numbers(node: ast.expr) -> set[object]:
    return {
        leaf.value
        for leaf in ast.walk(node)
        if isinstance(leaf, ast.Constant)
        and isinstance(leaf.value, int | float)
        and not isinstance(leaf.value, bool)
    }


def _identifiers(node: ast.expr) -> set[str]:
    found: set[str] = set()
    for leaf in ast.walk(node):
        if isinstance(leaf, ast.Name):
            found.add(leaf.id)
        elif isinstance(leaf, ast.Attribute):
            found.add(leaf.attr)
    return found


def _is_rule(left: ast.expr, right: ast.expr) -> bool:
    if _stringish(left) or _stringish(right):
        return False
    operands = (left, right)
    numbers = set().union(*(_numbers(operand) for operand in operands)) - {1}
    names = set().union(*(_identifiers(operand) for operand in operands))
    return bool(numbers) or any(_RULE_WORDS.search(name) for name in names)


def _call_name(node: ast.Call) -> str:
    if isinstance(node.func, ast.Name):
        return node.func.id
    return node.func.attr if isinstance(node.func, ast.Attribute) else ""


def rules_in(source: str) -> Iterator[tuple[int, str]]:
    """Line and expression of each rule the module's source works out."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.BinOp) and isinstance(node.op, _ARITHMETIC):
            if _is_rule(node.left, node.right):
                yield node.lineno, ast.unparse(node)
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, _ARITHMETIC):
            if _is_rule(node.target, node.value):
                yield node.lineno, ast.unparse(node)
        elif isinstance(node, ast.Call) and _call_name(node) in _EXACT_OR_DATE_CALLS:
            yield node.lineno, ast.unparse(node)


def _page_modules() -> list[Path]:
    return sorted([*(ROOT / "ui").rglob("*.py"), *(ROOT / "app_pages").rglob("*.py")])


def _found() -> dict[tuple[str, str], int]:
    """Every rule in ui/ and app_pages/ (outermost expression only), by (file, expression)."""
    found: dict[tuple[str, str], int] = {}
    for path in _page_modules():
        name = path.relative_to(ROOT).as_posix()
        seen: list[str] = []
        for line, expression in sorted(rules_in(path.read_text("utf-8")), key=lambda hit: -len(hit[1])):
            if not any(expression in outer for outer in seen):  # (a + 1) * 35 is one finding
                seen.append(expression)
                found[(name, expression)] = line
    return found


def test_no_module_under_ui_or_app_pages_works_out_a_rule() -> None:
    unexplained = {
        f"{name}:{line}: {expression}"
        for (name, expression), line in _found().items()
        if (name, expression) not in LAYOUT and (name, expression) not in OWNED_ELSEWHERE
    }
    assert not unexplained, "rules belong in cor/ (or add layout arithmetic to LAYOUT with why)"


def test_the_list_of_rules_still_to_move_only_shrinks() -> None:
    found = _found()
    assert [key for key in OWNED_ELSEWHERE if key not in found] == []  # moved: take it off the list


def test_the_check_catches_a_rule_planted_in_a_page() -> None:
    planted = """
from datetime import timedelta
from decimal import Decimal
import streamlit as st

payroll = st.number_input("Payroll")
rate = st.number_input("Base rate")
st.write(payroll * rate / 100 * Decimal("0.10"))          # an incentive worked out on the page
st.write(result.overall_pct >= 80)                        # fine: a comparison, not arithmetic
due = local_today() + timedelta(days=30)                  # a deadline worked out on the page
overall = earned / possible * 100                         # a score worked out on the page
total += row.amount                                       # a sum of money
"""
    found = [expression for _, expression in rules_in(planted)]
    assert "payroll * rate / 100 * Decimal('0.10')" in found
    assert "Decimal('0.10')" in found
    assert "local_today() + timedelta(days=30)" in found and "timedelta(days=30)" in found
    assert "earned / possible * 100" in found
    assert "total += row.amount" in found
    assert not any(">=" in expression for expression in found)


def test_the_check_leaves_text_lists_and_counting_alone() -> None:
    harmless = """
label = client.organisation + mine
message = "Shared with: " + ", ".join(names)
topics = [topic for topic in groups] + [ERRATA, SCORES]
state.scroll_to_view += 1
shown = f"{count} answered" + ("" if done else " so far")
position = index + 1
"""
    assert list(rules_in(harmless)) == []
