"""The savings page as a user drives it, headless with AppTest.

Expected dollars are source 004's worked examples (2024 data): $11,000,000 at $4.54 -> $49,940.00
and $25,000,000 at $3.47 -> $86,750.00, so two such CUs total $136,690.00 a year.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Column, Expander

from cor.content import default_content
from tests.app.conftest import elements, open_page
from tests.conftest import ROOT

#: A day when the worked examples' 2024 rates are last year's, so the CU list may fill them in.
IN_2025 = dt.date(2025, 6, 1)


def savings(app: AppTest, today: dt.date = IN_2025) -> AppTest:
    app.session_state["today"] = today
    return open_page(app, "savings")


def type_in(at: AppTest, key: str, text: str) -> AppTest:
    at.text_input(key=key).input(text).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def column_of(at: AppTest, key: str) -> Column:
    """The layout column holding the widget ``key``: its messages must be right there."""
    return next(c for c in at.columns if any(w.key == key for w in c.text_input))


def code_blocks(at: AppTest) -> list[str]:
    return [c.value for c in at.code]


def expander(at: AppTest, label: str) -> Expander:
    return next(e for e in at.expander if e.label == label)


def test_typing_the_large_long_term_care_example_shows_49940_and_its_formula(app: AppTest) -> None:
    at = savings(app)
    assert at.title[0].value == "What would COR save you?"
    assert at.text_input(key="sv.pay.0").label == "Assessable payroll"
    assert at.text_input(key="sv.rate.0").label == "Base rate"
    type_in(at, "sv.pay.0", "11000000")
    type_in(at, "sv.rate.0", "4.54")
    assert metrics(at)["Annual incentive"] == "$49,940.00"
    assert "$11,000,000 x ($4.54 / $100) x 10% = $49,940.00" in code_blocks(at)
    assert metrics(at)["Over a 3-year COR cycle"] == "$149,820.00"


def test_picking_a_cu_by_code_fills_its_base_rate_with_year_and_stage_beside_it(app: AppTest) -> None:
    at = savings(app)
    at.selectbox(key="sv.cu.0").select("766011").run()
    assert at.text_input(key="sv.rate.0").value == "4.54"
    assert at.selectbox(key="sv.year.0").value == 2024
    assert "2024 rate, a worked example." in [c.value for c in column_of(at, "sv.rate.0").caption]
    sources = " ".join(m.value for m in expander(at, "Sources").markdown)
    assert "CU 766011" in sources and "safecarebc.ca" in sources
    type_in(at, "sv.pay.0", "1,500,000")
    assert metrics(at)["Annual incentive"] == "$6,810.00"


def test_the_cu_list_is_searchable_by_code_and_name(app: AppTest) -> None:
    at = savings(app)
    options = at.selectbox(key="sv.cu.0").options
    assert "766011 Long Term Care" in options
    assert "Custom base rate (type it in)" in options


def test_an_old_year_is_not_offered_as_a_rate_to_fill_in(app: AppTest) -> None:
    at = savings(app)
    at.selectbox(key="sv.cu.0").select("766011").run()
    assert at.selectbox(key="sv.year.0").options == ["2024"]  # not 2016 or 2015


def test_cu_732019_leaves_the_rate_empty_with_the_2009_rate_as_history(app: AppTest) -> None:
    at = savings(app, today=dt.date(2026, 11, 29))
    at.selectbox(key="sv.cu.0").select("732019").run()
    assert at.text_input(key="sv.rate.0").value == ""
    rate_column = column_of(at, "sv.rate.0")
    assert any("Last rate we know: $4.89 in 2009, projected." in c.value for c in rate_column.caption)
    guide = " ".join(m.value for m in rate_column.get("popover")[0].markdown)
    assert "before your experience rating" in guide and "not the net rate" in guide
    assert not at.get("selectbox") or "sv.year.0" not in [s.key for s in at.selectbox]
    type_in(at, "sv.pay.0", "1000000")
    assert "Annual incentive" not in metrics(at)  # nothing computed on a rate from 2009


def test_in_2026_the_2024_example_rate_is_history_too(app: AppTest) -> None:
    at = savings(app, today=dt.date(2026, 1, 15))
    at.selectbox(key="sv.cu.0").select("766011").run()
    assert at.text_input(key="sv.rate.0").value == ""
    assert any("$4.54 in 2024, a worked example" in c.value for c in column_of(at, "sv.rate.0").caption)


def test_editing_the_prefilled_rate_makes_it_a_custom_rate(app: AppTest) -> None:
    at = savings(app)
    at.selectbox(key="sv.cu.0").select("766011").run()
    type_in(at, "sv.rate.0", "4.00")
    type_in(at, "sv.pay.0", "11000000")
    assert any("Your own rate" in c.value and "$4.54" in c.value for c in at.caption)
    assert metrics(at)["Annual incentive"] == "$44,000.00"  # 11,000,000 x 4.00 / 100 x 10%


def test_two_cus_give_each_incentive_and_the_total(app: AppTest) -> None:
    at = savings(app)
    type_in(at, "sv.pay.0", "11000000")
    type_in(at, "sv.rate.0", "4.54")
    at.button(key="sv.add").click().run()
    at.selectbox(key="sv.cu.1").select("766006").run()
    assert at.text_input(key="sv.rate.1").value == "3.47"
    type_in(at, "sv.pay.1", "25000000")
    shown = metrics(at)
    assert shown["Annual incentive, CU 1"] == "$49,940.00"
    assert shown["Annual incentive, CU 2"] == "$86,750.00"
    assert shown["Total annual incentive"] == "$136,690.00"
    assert shown["Over a 3-year COR cycle"] == "$410,070.00"
    assert "Total: $49,940.00 + $86,750.00 = $136,690.00" in code_blocks(at)


def test_a_removed_cu_leaves_the_total(app: AppTest) -> None:
    at = savings(app)
    type_in(at, "sv.pay.0", "11000000")
    type_in(at, "sv.rate.0", "4.54")
    at.button(key="sv.add").click().run()
    type_in(at, "sv.pay.1", "25000000")
    type_in(at, "sv.rate.1", "3.47")
    at.button(key="sv.remove.1").click().run()
    assert metrics(at)["Annual incentive"] == "$49,940.00"
    assert "Total annual incentive" not in metrics(at)


def test_a_bad_payroll_shows_its_message_at_the_field_and_keeps_everything_else(app: AppTest) -> None:
    at = savings(app)
    type_in(at, "sv.pay.0", "11000000")
    type_in(at, "sv.rate.0", "4.54")
    at.button(key="sv.add").click().run()
    at.selectbox(key="sv.cu.1").select("766006").run()
    type_in(at, "sv.pay.1", "-25000000")
    assert [e.value for e in column_of(at, "sv.pay.1").error] == ["Assessable payroll cannot be negative."]
    assert not column_of(at, "sv.pay.0").error
    # the other CU's result and every input stay as typed
    assert metrics(at)["Annual incentive, CU 1"] == "$49,940.00"
    assert at.text_input(key="sv.pay.1").value == "-25000000"
    assert at.text_input(key="sv.rate.1").value == "3.47"
    assert at.selectbox(key="sv.cu.1").value == "766006"
    assert at.text_input(key="sv.pay.0").value == "11000000"
    assert any("1 of 2 CUs are not in the total" in w.value for w in at.warning)
    # fixing it brings the CU back into the total
    type_in(at, "sv.pay.1", "25000000")
    assert metrics(at)["Total annual incentive"] == "$136,690.00"


def test_a_base_rate_of_150_is_refused_at_the_field(app: AppTest) -> None:
    at = savings(app)
    type_in(at, "sv.pay.0", "11000000")
    type_in(at, "sv.rate.0", "150")
    assert [e.value for e in column_of(at, "sv.rate.0").error] == [
        "Base rate is dollars per $100 of payroll, so it must be between 0 and 100."
    ]
    assert at.text_input(key="sv.pay.0").value == "11000000"
    assert "Annual incentive" not in metrics(at)


def test_an_absurd_or_empty_payroll_gets_a_message_at_the_field(app: AppTest) -> None:
    at = savings(app)
    type_in(at, "sv.rate.0", "4.54")
    assert "empty" in column_of(at, "sv.pay.0").warning[0].value  # rate typed, payroll not yet
    type_in(at, "sv.pay.0", "20000000000")
    assert "more than $10 billion" in column_of(at, "sv.pay.0").error[0].value
    type_in(at, "sv.pay.0", "eleven million")
    assert "must be a number" in column_of(at, "sv.pay.0").error[0].value
    assert at.text_input(key="sv.rate.0").value == "4.54"


def test_a_shared_link_fills_the_inputs_and_shows_the_same_result() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in {
        "j": "BC",
        "cu0": "766011",
        "yr0": "2024",
        "pay0": "11000000",
        "rate0": "4.54",
        "cu1": "766006",
        "pay1": "25000000",
        "audit": "8000",
    }.items():
        at.query_params[key] = value
    at.run()
    savings(at)
    assert at.selectbox(key="sv.cu.0").value == "766011"
    assert at.text_input(key="sv.pay.1").value == "25000000"
    assert at.text_input(key="sv.rate.1").value == "3.47"  # no rate in the link: the CU's own
    assert metrics(at)["Total annual incentive"] == "$136,690.00"
    assert at.text_input(key="sv.audit").value == "8000"


def test_a_shared_link_with_a_bad_value_shows_it_with_its_message() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["pay0"] = "-5"
    at.query_params["rate0"] = "4.54"
    at.run()
    savings(at)
    assert at.text_input(key="sv.pay.0").value == "-5"
    assert column_of(at, "sv.pay.0").error[0].value == "Assessable payroll cannot be negative."


@pytest.mark.parametrize(
    "params",
    [{"first": "²"}, {"min": "²"}, {"cu0": "766011", "yr0": "²"}, {"cu0": "abc", "pay0": "1e999999"}],
)
def test_a_tampered_link_still_opens_the_page(params: dict[str, str]) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    savings(at)
    assert not at.exception
    assert at.title[0].value == "What would COR save you?"


def test_the_inputs_are_written_to_the_url_and_offered_as_a_link(app: AppTest) -> None:
    at = savings(app)
    at.selectbox(key="sv.cu.0").select("766011").run()
    type_in(at, "sv.pay.0", "11000000")
    assert at.query_params["cu0"] == "766011"
    assert at.query_params["pay0"] == "11000000"
    assert at.query_params["rate0"] == "4.54"
    link = next(c for c in code_blocks(at) if "savings?" in c)
    assert "cu0=766011" in link and "pay0=11000000" in link and "rate0=4.54" in link


def test_a_cu_chosen_in_the_partner_guide_preselects_row_one_once(app: AppTest) -> None:
    app.session_state["cu_code"] = "766011"
    at = savings(app)
    assert at.selectbox(key="sv.cu.0").value == "766011"
    assert at.text_input(key="sv.rate.0").value == "4.54"
    at.selectbox(key="sv.cu.0").select("766006").run()  # the user's later choice is kept
    type_in(at, "sv.pay.0", "1000000")
    assert at.selectbox(key="sv.cu.0").value == "766006"
    assert metrics(at)["Annual incentive"] == "$3,470.00"


def test_a_cu_in_the_link_from_the_partner_guide_preselects_row_one() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["cu"] = "766006"
    at.run()
    savings(at)
    assert at.selectbox(key="sv.cu.0").value == "766006"
    assert at.text_input(key="sv.rate.0").value == "3.47"


def test_inputs_survive_a_visit_to_another_page(app: AppTest) -> None:
    at = savings(app)
    type_in(at, "sv.pay.0", "11000000")
    type_in(at, "sv.rate.0", "4.54")
    open_page(at, "about")
    savings(at)
    assert metrics(at)["Annual incentive"] == "$49,940.00"


def test_alberta_shows_the_pir_refund_for_each_year(app: AppTest) -> None:
    at = savings(app)
    at.radio(key="sv.jurisdiction").set_value("AB").run()
    assert not at.text_input(key="sv.abprem").value
    type_in(at, "sv.abprem", "250000")
    shown = metrics(at)
    assert shown["Refund, first COR year"] == "$25,000.00"  # 10%
    assert shown["Each maintenance year (years 2 to 3)"] == "$12,500.00"  # 5%
    assert shown["Over 3 years"] == "$50,000.00"
    assert any("Year 1: $250,000 x 10% = $25,000.00" in c for c in code_blocks(at))
    assert any("industry rate" in m.value for m in at.markdown)
    at.toggle(key="sv.secor").set_value(True).run()
    assert metrics(at)["SECOR refund, year 1"] == "$12,500.00"


def test_alberta_charts_each_years_refund_without_bcs_credit_timing(app: AppTest) -> None:
    at = savings(app)
    at.radio(key="sv.jurisdiction").set_value("AB").run()
    type_in(at, "sv.abprem", "100000")
    table = at.table[0].value
    assert list(table["This year"]) == ["$10,000.00", "$5,000.00", "$5,000.00"]
    assert list(table["Cumulative"]) == ["$10,000.00", "$15,000.00", "$20,000.00"]
    assert not any("credited" in year for year in table["Year"])


def test_alberta_refuses_a_negative_premium_at_the_field(app: AppTest) -> None:
    at = savings(app)
    at.radio(key="sv.jurisdiction").set_value("AB").run()
    type_in(at, "sv.abprem", "-1")
    assert at.error[0].value == "Industry-rate premium cannot be negative."


def test_the_chart_and_its_table_show_the_cycle_against_the_audit_cost(app: AppTest) -> None:
    at = savings(app)
    type_in(at, "sv.pay.0", "11000000")
    type_in(at, "sv.rate.0", "4.54")
    type_in(at, "sv.audit", "8000")
    (chart,) = at.get("vega_lite_chart")
    assert "Cumulative audit cost" in chart.proto.spec
    table = at.table[0].value
    assert list(table["Cumulative"]) == ["$49,940.00", "$99,880.00", "$149,820.00"]
    assert list(table["Net"]) == ["$41,940.00", "$91,880.00", "$141,820.00"]
    first = at.selectbox(key="sv.first").value
    assert isinstance(first, int)
    assert list(table["Year"]) == [
        f"Year {n}: audit {first + n - 1}, credited {first + n}" for n in (1, 2, 3)
    ]


def test_a_bad_audit_cost_is_refused_at_its_field_and_the_estimate_stays(app: AppTest) -> None:
    at = savings(app)
    type_in(at, "sv.pay.0", "11000000")
    type_in(at, "sv.rate.0", "4.54")
    type_in(at, "sv.audit", "-8000")
    assert column_of(at, "sv.audit").error[0].value == "Cost of the audit cannot be negative."
    assert metrics(at)["Annual incentive"] == "$49,940.00"


def test_good_standing_conditions_are_a_checklist_that_warns_until_all_hold(app: AppTest) -> None:
    at = savings(app)
    conditions = default_content().incentives.bc.good_standing
    assert [c.label for c in at.checkbox] == list(conditions)
    assert any("void" in w.value for w in at.warning)
    for box in at.checkbox:
        box.check()
    at.run()
    assert not any("void" in w.value for w in at.warning)
    ticked = " ".join(i.value for i in at.info)
    assert "audit passed" in ticked and "can still be refused" in ticked  # no promise
    assert not any("applies" in s.value for s in at.success)


def test_the_small_employer_minimum_in_force_applies_and_the_older_rule_is_only_history(
    app: AppTest,
) -> None:
    at = savings(app)
    bc = default_content().incentives.bc
    assert bc.minimum_in_force.wording in [m.value for m in at.markdown]
    assert not [r for r in at.radio if r.key == "sv.min"]  # no choice between the two rules
    older = next(v for v in bc.small_employer_minimum if v.status == "history")
    sources = " ".join(m.value for m in expander(at, "Sources").markdown)
    assert older.wording in sources and "history" in sources
    assert sum(older.wording in m.value for m in at.markdown) == 1  # in the Sources, nowhere else
    type_in(at, "sv.pay.0", "100000")
    type_in(at, "sv.rate.0", "1.00")  # base assessment $1,000: the 10% incentive is $100
    type_in(at, "sv.prem", "1200")
    info = " ".join(i.value for i in at.info)
    assert "$900.00" in info  # 75% of $1,200


def test_timing_says_the_credit_comes_the_year_after_the_audit(app: AppTest) -> None:
    at = savings(app)
    assert any("year after the audit year" in m.value for m in at.markdown)


def test_the_estimate_can_be_downloaded_as_csv(app: AppTest) -> None:
    at = savings(app)
    assert not at.get("download_button")
    type_in(at, "sv.pay.0", "11000000")
    type_in(at, "sv.rate.0", "4.54")
    (button,) = at.get("download_button")
    assert button.proto.label == "Download the estimate (CSV)"


def test_a_cu_without_a_known_rate_from_the_partner_guide_says_to_enter_the_rate() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["cu"] = "999999"
    at.run()
    savings(at)
    assert at.selectbox(key="sv.cu.0").value == "custom"
    assert any("no base rate for CU 999999" in w.value for w in at.warning)


def test_about_shows_the_erratum_and_the_small_employer_conflict(app: AppTest) -> None:
    at = open_page(app, "about")
    text = re.sub(r"\\(.)", r"\1", " ".join(m.value for m in at.markdown))  # names are plain text there
    assert "$1,500,000 x ($4.54 / $100) x 10% = $6,810.00" in text
    assert "$1,000,000 x ($4.54 / $100) x 10% = $4,540.00" in text
    assert "Where the sources disagree" in [s.value for s in at.subheader]
    for version in default_content().incentives.bc.small_employer_minimum:  # each version once (16.8)
        status = "in force" if version.status == "in force" else "history"
        assert text.count(f"Small-employer minimum ({status}): {version.label}") == 1


def test_an_audit_costing_more_than_the_cycle_earns_says_so(app: AppTest) -> None:
    at = savings(app)
    type_in(at, "sv.pay.0", "100000")
    type_in(at, "sv.rate.0", "1.00")  # $100 a year: 100,000 x (1.00 / 100) x 10%
    type_in(at, "sv.audit", "8000")
    assert list(at.table[0].value["Net"])[-1] == "-$7,700.00"  # 3 x $100 - $8,000
    assert any("**does not cover**" in m.value for m in at.markdown)


# --- a link or a file is plain text ----------------------------------------------

HOSTILE = "**bold** [win](https://evil.example) ![px](https://evil.example/p.png) https://evil.example"


def every_text(at: AppTest) -> list[str]:
    """Every Markdown-rendered text on the page: where a link or image could come alive."""
    kinds = ("markdown", "caption", "warning", "error", "info", "success")
    return [element.value.replace("\\", "") for kind in kinds for element in elements(at, kind)]


def open_link(params: dict[str, str], today: dt.date = IN_2025) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    return savings(at, today)


@pytest.mark.parametrize("name", ["cu", "cu0", "cu1", "pay0", "rate0", "audit", "prem", "abprem", "first"])
def test_markdown_from_any_link_parameter_never_renders(name: str) -> None:
    at = open_link({name: HOSTILE, "pay1": "5"})
    assert not at.exception
    for text in every_text(at):
        assert "evil.example" not in text and "**bold**" not in text, text
    assert any("too long" in text or "not a six-digit" in text for text in every_text(at))


def test_a_short_markdown_cu_in_a_link_is_named_without_its_markup() -> None:
    at = open_link({"cu": "[x](http://a.b)"})
    notices = [w.value.replace("\\", "") for w in at.warning]
    assert "The CU in the link is not a six-digit CU code, so it was left out." in notices
    assert not any("a.b" in text for text in every_text(at))


def test_a_too_long_link_value_is_left_out_with_a_plain_message() -> None:
    at = open_link({"pay0": "1" * 41, "rate0": "4.54"})
    assert at.text_input(key="sv.pay.0").value == ""
    assert any("too long to be real" in w.value and "pay0" in w.value for w in at.warning)
    assert at.text_input(key="sv.rate.0").value == "4.54"


# --- CU codes in any digits -----------------------------------------------------


def test_a_cu_typed_in_full_width_or_arabic_indic_digits_is_the_same_cu() -> None:
    at = open_link({"cu0": "７６６０１１", "pay0": "11000000"})
    assert at.selectbox(key="sv.cu.0").value == "766011"
    assert metrics(at)["Annual incentive"] == "$49,940.00"
    at = open_link({"cu": "٧٦٦٠٠٦"})
    assert at.selectbox(key="sv.cu.0").value == "766006"
    assert at.text_input(key="sv.rate.0").value == "3.47"


# --- research notes stay in the Sources -----------------------------------------


@pytest.mark.parametrize("code", ["766011", "721024", "732019", "761009"])
def test_research_notes_never_reach_the_page_body(app: AppTest, code: str) -> None:
    at = savings(app)
    at.selectbox(key="sv.cu.0").select(code).run()
    sources = expander(at, "Sources")
    inside = {element.value.replace("\\", "") for element in [*sources.markdown, *sources.caption]}
    body = [text for text in every_text(at) if text not in inside]
    for text in body:
        for note in ("source 004", "Count of", "No absolute rate found", "https://", "http://"):
            assert note not in text, text
    assert any(f"CU {code}" in text for text in inside)


# --- the CSV keeps an incomplete row -------------------------------------------


def test_an_incomplete_row_is_counted_for_the_csv(app: AppTest) -> None:
    at = savings(app)
    type_in(at, "sv.pay.0", "11000000")
    type_in(at, "sv.rate.0", "4.54")
    at.button(key="sv.add").click().run()
    at.selectbox(key="sv.cu.1").select("766006").run()
    assert any("1 of 2 CUs are not in the total" in w.value for w in at.warning)
    assert at.get("download_button")  # the file (with the incomplete row) is built on click


# --- bring your own rate list ---------------------------------------------------


def rate_list(count: int = 600, year: int = 2027) -> bytes:
    lines = ["CU code,CU name,Year,Base rate,Rate group"]
    lines += [f"{800000 + n},Test CU {n},{year},{(100 + n) / 100:.2f},X" for n in range(count)]
    return ("\n".join(lines) + "\n").encode()


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="sv.rate_file").set_value((name, data, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_600_row_rate_list_loads_and_its_cus_price_correctly(app: AppTest) -> None:
    at = savings(app, today=dt.date(2026, 11, 29))
    type_in(at, "sv.pay.0", "500000")
    upload(at, "rates-2027.csv", rate_list())
    assert any("600 CUs with 2027 rates" in m.value for m in at.markdown)
    assert "800123 Test CU 123" not in at.selectbox(key="sv.cu.0").options  # not before "Use"
    at.button(key="sv.rate_use").click().run()
    assert "800123 Test CU 123" in at.selectbox(key="sv.cu.0").options
    at.selectbox(key="sv.cu.0").select("800123").run()
    assert at.text_input(key="sv.rate.0").value == "2.23"
    assert at.text_input(key="sv.pay.0").value == "500000"  # kept
    assert "2027 rate" in " ".join(c.value for c in column_of(at, "sv.rate.0").caption)
    assert metrics(at)["Annual incentive"] == "$1,115.00"  # 500,000 x 2.23 / 100 x 10%


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("wrong.csv", b"Industry,Premium\nx,1\n", "no column for CU code, CU name, Year, Base rate"),
        (
            "dup.csv",
            b"CU code,CU name,Year,Base rate\n766011,A,2027,1\n766011,B,2027,2\n",
            'Row 3, column "CU code"',
        ),
        ("text.csv", b"CU code,CU name,Year,Base rate\n766011,A,2027,four\n", 'Row 2, column "Base rate"'),
        ("huge.csv", rate_list(100_000), "at most 5,000 rows"),
        ("report.csv", b"%PDF-1.7\n\x00\x00\x01", "not a CSV or XLSX file"),
    ],
    ids=["wrong columns", "duplicate", "text in rate", "100,000 rows", "not a csv"],
)
def test_a_bad_rate_list_gets_its_message_and_nothing_is_lost(name: str, data: bytes, message: str) -> None:
    at = open_link({"cu0": "766011", "pay0": "11000000"})
    upload(at, "good.csv", rate_list(3))
    at.button(key="sv.rate_use").click().run()
    upload(at, name, data)
    assert any(message in e.value for e in expander(at, "Load a rate list (for consultants)").error)
    assert at.text_input(key="sv.pay.0").value == "11000000"
    assert metrics(at)["Annual incentive"] == "$49,940.00"
    assert "800001 Test CU 1" in at.selectbox(key="sv.cu.0").options  # the list in use stays


# --- Alberta PIR performance measures -------------------------------------------


def test_alberta_pays_the_highest_pir_measure(app: AppTest) -> None:
    at = savings(app)
    at.radio(key="sv.jurisdiction").set_value("AB").run()
    type_in(at, "sv.abprem", "100000")
    type_in(at, "sv.abimprove", "12")  # 12% improvement: 12% beats the 10% / 5% COR refunds
    shown = metrics(at)
    assert shown["Refund, first COR year"] == "$12,000.00"
    assert shown["Over 3 years"] == "$36,000.00"
    type_in(at, "sv.ablead", "25")
    assert any("between 10% and 20%" in e.value for e in at.error)
    assert metrics(at)["Refund, first COR year"] == "$10,000.00"  # the bad value counts for nothing
