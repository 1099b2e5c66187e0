"""Issue 19: the partner guide's word index is built once per content, not on every search
(rebuilding it was 16% of a search rerun), and a search finds the same either way."""

from __future__ import annotations

import gc

import pytest

from cor import partners
from cor.content import default_content


def test_the_word_index_is_built_once_per_content(monkeypatch: pytest.MonkeyPatch) -> None:
    content = default_content().model_copy()  # a content no earlier test has searched
    built: list[str] = []
    original = partners._unit_index

    def counted(unit: object) -> object:
        built.append(unit.code)  # type: ignore[attr-defined]
        return original(unit)  # type: ignore[arg-type]

    monkeypatch.setattr(partners, "_unit_index", counted)
    first = partners.lookup("long term care", content=content)
    second = partners.lookup("trucking", content=content)
    partners.search("construction", content=content)
    assert sorted(built) == sorted(u.code for u in content.units)
    assert first.units and (second.units or second.partners)


def test_searches_find_the_same_with_the_index_kept() -> None:
    content = default_content()
    for text in ("long term care", "trucking", "home care", "forestry", "721"):
        again = partners.lookup(text, content=content)
        assert partners.lookup(text, content=content) == again


def test_a_content_that_is_gone_takes_its_index_with_it() -> None:
    content = default_content().model_copy()
    partners.lookup("trucking", content=content)
    key = id(content)
    assert key in partners._indexes
    del content
    gc.collect()
    assert key not in partners._indexes
