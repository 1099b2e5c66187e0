"""Issue 22.3: the Savings page reads each number typed once per rerun and hands the rules
Decimals (a payroll was read five or more times a row), and the estimator a jurisdiction gets is
its ``incentive_model`` in content, not a branch on its code (issue 22.2)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import pytest
from streamlit.testing.v1 import AppTest

from cor.content import CONTENT_DIR, default_content
from cor.incentives import parsing
from cor.models import JurisdictionInfo
from tests.app.conftest import open_page
from tests.conftest import ROOT
from ui.savings.estimators import ESTIMATORS


def test_a_rerun_reads_each_field_of_a_complete_row_once(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.session_state["today"] = dt.date(2025, 6, 1)
    at = open_page(app, "savings")
    at.text_input(key="sv.pay.0").input("11,000,000").run()
    at.text_input(key="sv.rate.0").input("4.54").run()
    reads: list[str] = []
    original = parsing.to_decimal

    def counted(value: parsing.Number | None, field: str) -> object:
        reads.append(field)
        return original(value, field)

    monkeypatch.setattr(parsing, "to_decimal", counted)
    at.text_input(key="sv.pay.0").input("25,000,000").run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Annual incentive"] == "$113,500.00"  # x 4.54 / 100 x 10%
    assert sorted(reads) == ["Assessable payroll", "Base rate"]


@pytest.fixture
def alberta_without_estimator(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A content copy where Alberta's record names no incentive model."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    path = content / "jurisdictions.toml"
    path.write_text(path.read_text("utf-8").replace('incentive_model = "ab_pir"', 'incentive_model = "none"'))
    monkeypatch.setenv("COR_READY_CONTENT_DIR", str(content))
    default_content.cache_clear()
    yield
    default_content.cache_clear()


def test_a_jurisdiction_without_an_incentive_model_gets_no_estimator_but_the_page_renders(
    alberta_without_estimator: None,
) -> None:
    at = open_page(AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run(), "savings")
    at.radio(key="sv.jurisdiction").set_value("AB").run()
    assert not at.exception
    assert any("cannot estimate the Partnerships in Injury Reduction" in i.value for i in at.info)
    assert not [t for t in at.text_input if t.key == "sv.abprem"]  # no PIR inputs: content says none
    assert "The chart appears once there is an estimate above." in [c.value for c in at.caption]


def test_every_incentive_model_content_may_name_has_an_estimator() -> None:
    models = get_args(JurisdictionInfo.model_fields["incentive_model"].annotation)
    assert set(ESTIMATORS) == set(models)
    assert {info.code: info.incentive_model for info in default_content().jurisdictions} == {
        "BC": "bc_experience_rating",
        "AB": "ab_pir",
    }
