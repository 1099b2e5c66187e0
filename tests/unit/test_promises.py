"""No page promises what the rules do not keep ("Done when").

A small list of privacy and eligibility promises, each with the fact that would have to hold for it
to be true. Every text a page can show (app_pages/, ui/, cor/ and content/) is scanned; a promise
whose fact does not hold fails the test, naming the file and line. Add a phrase here when a new
kind of promise appears; change the fact only with the rule it reads.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from cor.content import default_content
from cor.store import configured_days
from tests.conftest import ROOT

C = default_content()


@dataclass(frozen=True)
class Promise:
    name: str
    pattern: re.Pattern[str]
    fact: str
    holds: Callable[[], bool]


def _no_answers_kept_on_the_server() -> bool:
    """Drafts are kept server-side for ``COR_READY_DRAFT_DAYS`` days (at least 1): never true today."""
    return configured_days() < 1


def _no_certified_employer_is_refused() -> bool:
    """WorkSafeBC: a valid certificate can still be refused an incentive (content says so)."""
    return "refused" not in C.incentives.bc.all_conditions_ticked


def _every_partner_uses_year_end() -> bool:
    """True only if no partner sets its own audit date (anniversary, or an earlier year-end)."""
    return not any(r.maintenance_due_on or r.year_end_due for r in C.cycle.partner_rules)


PROMISES = (
    Promise(
        "answers never leave the phone",
        re.compile(
            r"stays? on (?:your|this|their) (?:phone|device)|(?:only|just) on your (?:phone|device)"
            r"|never leaves? (?:your|this) (?:phone|device)|(?:nothing|no answers?) (?:is|are) (?:stored|kept|saved)",
            re.IGNORECASE,
        ),
        "COR Ready keeps no answers on its server",
        _no_answers_kept_on_the_server,
    ),
    Promise(
        "the estimate is certain to be paid",
        re.compile(
            r"estimate (?:above )?applies|(?:incentive|credit|refund) is guaranteed|guaranteed (?:incentive|credit|refund)"
            r"|you will (?:receive|get) (?:the|your|an?) (?:incentive|credit|refund)",
            re.IGNORECASE,
        ),
        "an employer in good standing with a valid certificate is never refused an incentive",
        _no_certified_employer_is_refused,
    ),
    Promise(
        "31 December is everyone's deadline",
        re.compile(r"(?:by|before) (?:December 31|31 December)(?![^.]*partner)", re.IGNORECASE),
        "every certifying partner's audits are due by the end of the calendar year",
        _every_partner_uses_year_end,
    ),
)

SCANNED = ("app_pages", "ui", "cor", "content")
SUFFIXES = {".py", ".toml", ".md", ".csv"}


def _docstrings(tree: ast.AST) -> set[int]:
    """Ids of the docstring nodes (developer text, never shown on a page)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _python_strings(path: Path) -> Iterator[tuple[int, str]]:
    """The string literals of a module (f-strings' fixed parts included), docstrings left out."""
    tree = ast.parse(path.read_text("utf-8"))
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node.lineno, node.value


def _data_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Content lines, its editors' comments left out."""
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.lstrip().startswith(("#", "<!--")):
            yield number, line


def page_texts() -> Iterator[tuple[str, int, str]]:
    """(file, line, text) of everything a page can show: the string literals of the code that
    renders pages, and every content record."""
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in SUFFIXES or not path.is_file() or "migrations" in path.parts:
                continue
            lines = _python_strings(path) if path.suffix == ".py" else _data_lines(path)
            for number, text in lines:
                yield str(path.relative_to(ROOT)), number, " ".join(text.split())


@pytest.mark.parametrize("promise", PROMISES, ids=lambda p: p.name)
def test_no_page_makes_a_promise_the_rules_do_not_keep(promise: Promise) -> None:
    if promise.holds():
        return  # the fact holds: the promise is true wherever it is made
    broken = [
        f"{file}:{number}: {line.strip()}"
        for file, number, line in page_texts()
        if promise.pattern.search(line)
    ]
    assert not broken, f"Promised, but not true ({promise.fact} is false):\n" + "\n".join(broken)


@pytest.mark.parametrize(
    ("promise", "sentence"),
    [
        (PROMISES[0], "Everyone answers on their own phone; your answers stay on your phone."),
        (PROMISES[0], "The workshop room has closed; your results stay on your phone only."),
        (PROMISES[1], "All conditions confirmed: the estimate above applies."),
        (PROMISES[2], "Keep it: a maintenance audit each year, done on site by December 31."),
    ],
)
def test_each_promise_is_recognised_in_the_wording_that_once_made_it(promise: Promise, sentence: str) -> None:
    assert promise.pattern.search(sentence)
    assert not promise.holds()


def test_a_deadline_said_as_the_partners_is_not_a_universal_promise() -> None:
    assert not PROMISES[2].pattern.search("done on site by December 31 unless your partner sets another date")
