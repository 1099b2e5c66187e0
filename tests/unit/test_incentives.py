"""Incentive rules: BC COR 10% of base assessment, the small-employer minimum, Alberta
PIR, the cycle, the shareable link and the CSV export.

Expected values come from the sources, not from the code: the four worked examples of SafeCare BC's
COR page (source 004, 2024 data), BCFSC's tiers of the small-employer minimum, and PIR's 10% / 5%.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cor import incentives as inc
from cor.content import default_content
from cor.exports.cells import safe_cell
from cor.exports.estimate import to_csv
from cor.formatting import cents
from cor.models import ClassificationUnit, PIRPerformanceRule, SmallEmployerMinimum

# Source 004 writes each example out; the app must write them out the same way.
SOURCE_004 = [
    (11_000_000, "4.54", Decimal("49940.00"), "$11,000,000 x ($4.54 / $100) x 10% = $49,940.00"),
    (1_500_000, "4.54", Decimal("6810.00"), "$1,500,000 x ($4.54 / $100) x 10% = $6,810.00"),
    (25_000_000, "3.47", Decimal("86750.00"), "$25,000,000 x ($3.47 / $100) x 10% = $86,750.00"),
    (1_000_000, "3.47", Decimal("3470.00"), "$1,000,000 x ($3.47 / $100) x 10% = $3,470.00"),
]

payrolls = st.decimals(min_value=0, max_value=10**10, places=2)
rates = st.decimals(min_value=0, max_value=100, places=2)


def _unit(code: str) -> ClassificationUnit:
    unit = default_content().unit(code)
    assert unit is not None
    return unit


def version(share: int) -> SmallEmployerMinimum:
    """The small-employer minimum version of content with this share of premium."""
    return next(
        v for v in default_content().incentives.bc.small_employer_minimum if v.share_of_premium_pct == share
    )


# --- the BC formula ---------------------------------------------------------------------------


@pytest.mark.parametrize(("payroll", "rate", "expected", "written"), SOURCE_004)
def test_the_four_worked_examples_of_source_004_come_out_exactly(
    payroll: int, rate: str, expected: Decimal, written: str
) -> None:
    assert inc.annual_incentive(payroll, rate) == expected
    assert inc.formula(payroll, rate) == written


def test_the_erratum_payroll_gives_the_corrected_value_not_the_sources_figure() -> None:
    # Source 004 states $1,000,000 at $4.54 but computes with $1,500,000 ($6,810.00)
    assert inc.annual_incentive(1_000_000, "4.54") == Decimal("4540.00")
    assert inc.formula(1_000_000, "4.54") == "$1,000,000 x ($4.54 / $100) x 10% = $4,540.00"


def test_the_erratum_in_content_states_what_the_rules_compute() -> None:
    (erratum,) = [e for e in default_content().errata if "SafeCare" in e.where]
    assert inc.formula(1_500_000, "4.54").split(" = ")[1] in erratum.states
    assert inc.formula(1_000_000, "4.54") in erratum.correct


def test_a_half_cent_rounds_up_not_to_even() -> None:
    # 250 x 0.1 / 100 x 10% = 0.025 exactly: half-up gives 0.03 (banker's rounding would give 0.02)
    assert inc.annual_incentive(250, "0.1") == Decimal("0.03")
    assert inc.annual_incentive(50, "0.1") == Decimal("0.01")  # 0.005
    assert inc.annual_incentive(49, "0.1") == Decimal("0.00")  # 0.0049


def test_a_float_is_read_by_its_str_so_4_54_is_4_54() -> None:
    assert inc.annual_incentive(11_000_000.0, 4.54) == inc.annual_incentive("11000000", "4.54")
    assert inc.parse_base_rate(4.54) == Decimal("4.54")


@pytest.mark.parametrize(
    "typed", ["11000000", "11,000,000", "$11,000,000", "11 000 000", "$11,000,000.00", "1.1e7"]
)
def test_payroll_can_be_typed_the_way_people_write_money(typed: str) -> None:
    assert inc.annual_incentive(typed, "4.54") == Decimal("49940.00")


def test_a_rate_with_more_decimals_is_written_out_as_computed() -> None:
    assert inc.formula(1000, "4.545") == "$1,000 x ($4.545 / $100) x 10% = $4.55"  # 4.545, half up
    assert inc.formula("1500000.5", "4.54").startswith("$1,500,000.50 x")


@pytest.mark.parametrize(
    ("payroll", "words"),
    [
        (-1, "cannot be negative"),
        ("-0.01", "cannot be negative"),
        ("abc", "must be a number"),
        ("", "is empty"),
        ("   ", "is empty"),
        (None, "is empty"),
        (float("nan"), "finite"),
        ("NaN", "finite"),
        (float("inf"), "finite"),
        ("-Infinity", "finite"),
        ("10000000000.01", "more than $10 billion"),
        (10**11, "more than $10 billion"),
        ("1e9999999999", "far too large"),
        ("1e-30", "too many decimal places"),
        ("1,5", "commas only between thousands"),
        (True, "must be a number"),
    ],
)
def test_bad_payroll_is_refused_with_a_message_naming_the_field(payroll: object, words: str) -> None:
    with pytest.raises(ValueError) as err:
        inc.parse_payroll(payroll)  # type: ignore[arg-type]  # any value a file or a form can carry
    assert str(err.value).startswith("Assessable payroll")
    assert words in str(err.value)


@pytest.mark.parametrize("rate", ["150", "100.01", "-0.01", "4,54", "x", "", float("inf")])
def test_a_base_rate_outside_0_to_100_or_not_a_number_is_refused(rate: object) -> None:
    with pytest.raises(ValueError, match=r"^Base rate"):
        inc.parse_base_rate(rate)  # type: ignore[arg-type]  # any value a file or a form can carry


def test_the_limits_themselves_are_allowed() -> None:
    assert inc.parse_payroll("10000000000") == Decimal("10000000000")
    assert inc.parse_payroll("0") == 0
    assert inc.parse_base_rate("0") == 0
    assert inc.parse_base_rate("100") == 100
    assert inc.annual_incentive("10,000,000,000", "100") == Decimal("1000000000.00")


def test_check_returns_the_message_or_none_for_the_page() -> None:
    assert inc.check(inc.parse_payroll, "11000000", "Assessable payroll") is None
    assert inc.check(inc.parse_base_rate, "150", "Base rate") == (
        "Base rate is dollars per $100 of payroll, so it must be between 0 and 100."
    )


@given(payrolls, rates)
def test_the_incentive_is_never_negative_and_is_whole_cents(payroll: Decimal, rate: Decimal) -> None:
    result = inc.annual_incentive(payroll, rate)
    assert result >= 0
    assert result == result.quantize(Decimal("0.01"))


@given(st.decimals(min_value=0, max_value=5 * 10**9, places=2), rates)
def test_the_incentive_is_linear_in_payroll_up_to_rounding(payroll: Decimal, rate: Decimal) -> None:
    one = inc.annual_incentive(payroll, rate)
    two = inc.annual_incentive(payroll * 2, rate)
    assert abs(two - 2 * one) <= Decimal("0.01")


@given(payrolls, rates)
def test_the_formula_ends_with_the_incentive(payroll: Decimal, rate: Decimal) -> None:
    assert inc.formula(payroll, rate).endswith(f"= {inc.money(inc.annual_incentive(payroll, rate))}")


# --- several CUs and the cycle ----------------------------------------------------------------


def test_two_cus_add_up_and_a_cycle_is_three_years_of_it() -> None:
    est = inc.estimate([("Long-term care", 11_000_000, "4.54"), ("Community health", 25_000_000, "3.47")])
    assert [line.annual for line in est.lines] == [Decimal("49940.00"), Decimal("86750.00")]
    assert est.annual_total == Decimal("136690.00")
    assert est.cycle_years == default_content().cycle.certificate_years == 3
    assert est.cycle_total == Decimal("410070.00")
    assert est.lines[0].formula == SOURCE_004[0][3]


def test_an_estimate_keeps_where_each_rate_came_from() -> None:
    line = inc.LineInput(
        "766011 Long Term Care", "11000000", "4.54", "766011", "Long Term Care", 2024, "https://x.test"
    )
    (cu,) = inc.estimate([line]).lines
    assert (cu.cu_code, cu.rate_year, cu.rate_source) == ("766011", 2024, "https://x.test")


def test_a_bad_line_makes_the_estimate_refuse_rather_than_drop_it() -> None:
    with pytest.raises(ValueError, match="Assessable payroll"):
        inc.estimate([("a", 1000, "1"), ("b", -5, "1")])


@given(st.lists(st.tuples(payrolls, rates), min_size=1, max_size=6))
def test_the_total_is_the_sum_of_the_rows(rows: list[tuple[Decimal, Decimal]]) -> None:
    est = inc.estimate([(f"CU {i}", p, r) for i, (p, r) in enumerate(rows)])
    assert est.annual_total == sum((inc.annual_incentive(p, r) for p, r in rows), Decimal(0))
    assert est.cycle_total == est.annual_total * est.cycle_years


def test_money_is_written_as_canadians_read_it() -> None:
    assert inc.money(Decimal("49940")) == "$49,940.00"
    assert inc.money(Decimal("11000000"), whole=True) == "$11,000,000"
    assert inc.money(Decimal("-8000")) == "-$8,000.00"
    assert inc.money(Decimal("0.005")) == "$0.01"


def test_totals_are_written_out() -> None:
    assert inc.sum_formula([Decimal("49940"), Decimal("86750")]) == "$49,940.00 + $86,750.00 = $136,690.00"
    assert inc.cycle_formula(Decimal("49940"), 3) == "$49,940.00 x 3 years = $149,820.00"


def test_the_credit_arrives_the_year_after_the_audit_year() -> None:
    assert inc.credit_year(2025) == 2026


def test_cumulative_savings_run_against_the_audit_costs() -> None:
    rows = inc.cumulative_savings(
        Decimal("49940.00"), 3, Decimal("8000"), Decimal("3000"), first_audit_year=2026
    )
    assert [r.cumulative for r in rows] == [Decimal("49940.00"), Decimal("99880.00"), Decimal("149820.00")]
    assert [r.cumulative_cost for r in rows] == [Decimal(8000), Decimal(11000), Decimal(14000)]
    assert [r.net for r in rows] == [Decimal("41940.00"), Decimal("88880.00"), Decimal("135820.00")]
    assert [(r.audit_year, r.credited_in) for r in rows] == [(2026, 2027), (2027, 2028), (2028, 2029)]


def test_without_costs_the_net_is_the_incentive() -> None:
    rows = inc.cumulative([Decimal(10), Decimal(5)])
    assert [r.net for r in rows] == [Decimal(10), Decimal(15)]
    assert rows[0].audit_year is None


# --- the small-employer minimum (sources conflict) -------------------------------------------


@pytest.mark.parametrize(
    ("premium", "base_assessment", "expected"),
    [
        ("1200", "1000", Decimal("900.00")),  # total under $1,334: 75% of it
        ("5000", "5000", Decimal("1000.00")),  # from $1,334 up to $10,000 of base assessment: $1,000
        ("20000", "20000", Decimal("2000.00")),  # above: 10% of base assessment
    ],
)
def test_newer_minimum_reproduces_bcfscs_tiers(premium: str, base_assessment: str, expected: Decimal) -> None:
    ten_pct = cents(Decimal(base_assessment) / 10)
    assert inc.small_employer_minimum(premium, ten_pct, version(75)) == expected


@pytest.mark.parametrize(
    ("premium", "expected"),
    [("800", Decimal("400.00")), ("3000", Decimal("500.00")), ("6000", Decimal("600.00"))],
)
def test_older_minimum_reproduces_its_tiers(premium: str, expected: Decimal) -> None:
    # under $1,000: 50% of it; $1,000 to $5,000: $500; above $5,000: 10% (premium = base here)
    ten_pct = cents(Decimal(premium) / 10)
    assert inc.small_employer_minimum(premium, ten_pct, version(50)) == expected


def test_the_minimum_is_written_out_and_refuses_a_negative_premium() -> None:
    assert inc.minimum_formula("1200", Decimal("100"), version(75)) == (
        "larger of $100.00 and min(75% x $1,200.00, $1,000) = $900.00"
    )
    with pytest.raises(ValueError, match="Total premium cannot be negative"):
        inc.small_employer_minimum("-1", Decimal(0), version(75))


def test_the_75_pct_up_to_1000_minimum_is_in_force_and_the_50_pct_rule_is_dated_history() -> None:
    # BCFSC 2019 and AgSafe (the 2021 change to account credits) state 75% / $1,000; only an older
    # BCFSC page, from before 2013, states 50% / $500
    bc = default_content().incentives.bc
    assert (bc.minimum_in_force.share_of_premium_pct, bc.minimum_in_force.cap) == (75, 1000)
    assert bc.minimum_in_force.effective == "2019"
    (older,) = [v for v in bc.small_employer_minimum if v.status == "history"]
    assert (older.share_of_premium_pct, older.cap, older.effective) == (50, 500, "2012")
    assert all(v.effective and v.source_url for v in bc.small_employer_minimum)


def test_a_rule_with_two_minimums_in_force_is_refused() -> None:
    bc = default_content().incentives.bc
    both = [v.model_copy(update={"status": "in force"}) for v in bc.small_employer_minimum]
    with pytest.raises(ValueError, match="exactly one small_employer_minimum"):
        type(bc).model_validate({**bc.model_dump(), "small_employer_minimum": [v.model_dump() for v in both]})


# --- Alberta PIR ------------------------------------------------------------------------------


def test_pir_is_10_pct_the_first_cor_year_and_5_pct_each_maintenance_year() -> None:
    assert inc.pir_refund("250000", 1) == Decimal("25000.00")
    assert inc.pir_refund("250000", 2) == Decimal("12500.00")
    assert inc.pir_refund("250000", 3) == Decimal("12500.00")
    assert inc.pir_formula("250000", 1) == "$250,000 x 10% = $25,000.00"


def test_secor_gets_5_pct_from_the_first_year() -> None:
    assert inc.pir_refund("250000", 1, secor=True) == Decimal("12500.00")


def test_a_pir_cycle_adds_up_to_20_pct_of_one_years_premium() -> None:
    pir = inc.pir_estimate("100000")
    assert [y.refund for y in pir.years] == [Decimal("10000.00"), Decimal("5000.00"), Decimal("5000.00")]
    assert pir.cycle_total == Decimal("20000.00")
    assert "continuingcaresafety.ca" in pir.source_url


@pytest.mark.parametrize("premium", ["-1", "x", "", "10000000001"])
def test_pir_refuses_a_bad_premium(premium: str) -> None:
    with pytest.raises(ValueError, match=r"^Industry-rate premium"):
        inc.pir_refund(premium, 1)


def test_pir_year_starts_at_one() -> None:
    with pytest.raises(ValueError):
        inc.pir_refund("1000", 0)


# --- the estimate as a link -------------------------------------------------------------------


def test_a_link_round_trips_the_inputs() -> None:
    shared = inc.SharedInputs(
        rows=(
            inc.SharedRow(cu="766011", year="2024", payroll="11000000", rate="4.54"),
            inc.SharedRow(payroll="25000000", rate="3.47"),
        ),
        audit_cost="8000",
        first_audit_year="2026",
    )
    query = inc.to_query(shared)
    assert query == {
        "j": "BC",
        "cu0": "766011",
        "yr0": "2024",
        "pay0": "11000000",
        "rate0": "4.54",
        "pay1": "25000000",
        "rate1": "3.47",
        "audit": "8000",
        "first": "2026",
    }
    assert inc.from_query(query) == shared


def test_a_link_keeps_a_wrong_value_as_typed_so_its_message_can_be_shown() -> None:
    assert inc.from_query({"pay0": "-5"}).rows[0].payroll == "-5"


def test_a_link_is_read_defensively() -> None:
    shared = inc.from_query({"pay2": "5", "rate99": "1", "zzz": "1", "j": "<script>", "pay0": "9" * 500})
    assert len(shared.rows) == 3  # rows 0..2, gaps kept as empty rows; row 99 is beyond MAX_ROWS
    assert shared.rows[1] == inc.SharedRow()
    assert shared.jurisdiction == "BC"
    assert shared.rows[0].payroll == ""  # too long to be real: left out whole, never cut
    assert shared.ignored == ("pay0",)


def test_every_link_parameter_has_a_length_limit() -> None:
    long = "**bold** [x](https://example.com) " * 3
    shared = inc.from_query({"cu0": long, "audit": long, "prem": long, "abprem": long, "first": long})
    assert shared.rows[0].cu == "" and shared.audit_cost == "" and shared.total_premium == ""
    assert set(shared.ignored) == {"cu0", "audit", "prem", "abprem", "first"}


def test_a_link_keeps_any_jurisdiction_the_content_knows_and_falls_back_to_its_default() -> None:
    # issue 22.2: the province a link names is checked against content, not against "BC" / "AB"
    assert inc.from_query({"j": "ab"}).jurisdiction == "AB"
    assert inc.from_query({"j": "YT"}, jurisdictions={"BC", "AB", "YT"}).jurisdiction == "YT"
    assert inc.from_query({"j": "YT"}).jurisdiction == default_content().default_jurisdiction().code
    assert inc.SharedInputs().jurisdiction == default_content().default_jurisdiction().code


def test_a_cu_code_in_a_link_is_read_whatever_its_digits() -> None:
    assert inc.from_query({"cu0": "７６６０１１"}).rows[0].cu == "766011"
    assert inc.from_query({"cu0": "٧٦٦٠٠٦"}).rows[0].cu == "766006"
    assert inc.carried_cu("７６６０１１") == "766011"
    assert inc.carried_cu("766011" * 10) is None
    assert inc.carried_cu("[click](https://example.com)") is None


def test_only_estimate_keys_make_a_shared_link() -> None:
    assert not inc.is_shared_link({"cu": "766011"})  # a CU carried from the partner guide
    assert inc.is_shared_link({"pay0": "1"})
    assert inc.is_shared_link({"j": "AB"})


@given(
    st.lists(
        st.builds(
            inc.SharedRow,
            cu=st.sampled_from(["", "766011", "766006"]),
            payroll=st.text("0123456789.,-$", max_size=12).map(str.strip),
            rate=st.text("0123456789.", max_size=6),
        ),
        min_size=1,
        max_size=inc.MAX_ROWS,
    )
)
def test_any_rows_survive_the_link(rows: list[inc.SharedRow]) -> None:
    shared = inc.SharedInputs(rows=tuple(rows))
    back = inc.from_query(inc.to_query(shared))
    # trailing empty rows have nothing to carry; everything else comes back in place
    assert back.rows[: len(rows)] == tuple(rows)[: len(back.rows)]
    assert all(r == inc.SharedRow() for r in rows[len(back.rows) :])


# --- the CSV export ---------------------------------------------------------------------------


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_csv_has_a_row_per_cu_the_total_and_the_cycle_with_formulas_and_sources() -> None:
    est = inc.estimate(
        [
            inc.LineInput(
                "766011 Long Term Care",
                "11000000",
                "4.54",
                "766011",
                "Long Term Care",
                2024,
                "https://src.test/a",
            ),
            ("CU 2 (custom base rate)", "25000000", "3.47"),
        ]
    )
    rows = read_csv(to_csv(est))
    assert [r["Amount"] for r in rows] == ["49940.00", "86750.00", "136690.00", "410070.00"]
    assert rows[0]["CU code"] == "766011" and rows[0]["Rate year"] == "2024"
    assert rows[0]["Formula"] == SOURCE_004[0][3]
    assert rows[0]["Source"] == "https://src.test/a"
    assert rows[0]["Assessable payroll"] == "11000000.00" and rows[0]["Base rate ($ per $100)"] == "4.54"
    assert "safecarebc.ca" in rows[1]["Source"]  # a custom rate line falls back to the formula's source
    assert rows[2]["Formula"] == "$49,940.00 + $86,750.00 = $136,690.00"
    assert "3-year" in rows[3]["Item"]


def test_the_csv_carries_extra_rows_the_page_showed() -> None:
    est = inc.estimate([("a", "1000", "1")])
    rows = read_csv(to_csv(est, extra=[("Cost of the audit", Decimal("8000"), "", "Entered by the user")]))
    assert rows[-1]["Item"] == "Cost of the audit" and rows[-1]["Amount"] == "8000.00"


def test_the_csv_defuses_text_a_spreadsheet_would_run() -> None:
    evil = '=HYPERLINK("http://evil.test","x")'
    est = inc.estimate([inc.LineInput("CU 1", "1000", "1", cu_name=evil, rate_source="@evil")])
    first = read_csv(to_csv(est))[0]
    assert first["CU name"] == "'" + evil
    assert first["Source"] == "'@evil"
    for text in ("=1+1", "+1", "-1", "@SUM(A1)"):
        assert safe_cell(text) == "'" + text
    assert safe_cell("766011 Long Term Care") == "766011 Long Term Care"


def test_the_csv_of_an_alberta_estimate_lists_each_years_refund() -> None:
    rows = read_csv(to_csv(inc.pir_estimate("100000")))
    assert [r["Amount"] for r in rows] == ["10000.00", "5000.00", "5000.00", "20000.00"]
    assert rows[0]["Formula"] == "$100,000 x 10% = $10,000.00"


# --- the estimator's inputs (rules the Savings page asks for, not decides) ------------------------


def test_an_untouched_cu_row_has_no_messages_and_does_not_count() -> None:
    check = inc.check_row("", "  ")
    assert (check.started, check.payroll, check.base_rate, check.complete) == (False, None, None, False)


def test_a_started_row_gets_a_message_at_each_field_that_is_wrong() -> None:
    only_rate = inc.check_row("", "4.54")
    assert only_rate.started and not only_rate.complete
    assert only_rate.payroll is not None and "empty" in only_rate.payroll
    assert only_rate.base_rate is None
    both_wrong = inc.check_row("-5", "150")
    assert both_wrong.payroll == "Assessable payroll cannot be negative."
    assert both_wrong.base_rate is not None and "between 0 and 100" in both_wrong.base_rate
    assert inc.check_row("11,000,000", "4.54").complete


def test_a_rate_is_the_published_one_only_when_it_is_the_same_number() -> None:
    record = _unit("766011").rate_for(2024)  # source 004: $4.54 (2024 data)
    for same in ("4.54", "4.540", "$4.54", " 4.54 "):
        assert inc.is_published_rate(same, record), same
    for other in ("4.00", "", "4,54", "abc"):
        assert not inc.is_published_rate(other, record), other
    assert not inc.is_published_rate("4.54", None)


def test_a_line_cites_the_rates_year_and_source_only_for_the_published_rate() -> None:
    unit = _unit("766011")
    record = unit.rate_for(2024)
    assert record is not None
    published = inc.line_input("766011 Long Term Care", "11000000", "4.54", unit, 2024)
    assert (published.cu_code, published.cu_name) == ("766011", "Long Term Care")
    assert (published.rate_year, published.rate_source) == (2024, str(record.source_url))
    typed = inc.line_input("766011 Long Term Care", "11000000", "4.00", unit, 2024)
    assert (typed.cu_code, typed.rate_year, typed.rate_source) == ("766011", None, inc.USER_RATE_SOURCE)
    custom = inc.line_input("CU 1 (custom base rate)", "11000000", "4.54", None, None)
    assert (custom.cu_code, custom.cu_name, custom.rate_year) == ("", "", None)
    assert custom.rate_source == inc.USER_RATE_SOURCE
    assert inc.estimate([published]).annual_total == SOURCE_004[0][2]


def test_the_certification_audit_can_be_three_years_back_to_three_ahead() -> None:
    years = inc.first_audit_years(2026)
    assert years == [2023, 2024, 2025, 2026, 2027, 2028, 2029]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2016", 2016), ("2024", 2024), ("2019", 2024), ("", 2024), ("-1", 2024), ("2024.0", 2024),
     ("²", 2024), ("٢٠١٦", 2024), ("twenty", 2024)],
)  # fmt: skip
def test_a_number_from_a_link_is_kept_only_when_it_is_one_of_the_choices(text: str, expected: int) -> None:
    assert inc.choice_from_link(text, [2024, 2016, 2015], default=2024) == expected


def test_a_bc_cycle_earns_the_same_incentive_each_year_and_alberta_each_years_refund() -> None:
    years = default_content().cycle.certificate_years
    bc = inc.estimate([("CU", 11_000_000, "4.54")])
    assert inc.cycle_amounts(bc) == [SOURCE_004[0][2]] * years
    # PIR: 10% of the industry-rate premium the first year, 5% each maintenance year
    assert inc.cycle_amounts(inc.pir_estimate("250000")) == [Decimal("25000.00")] + [Decimal("12500.00")] * (
        years - 1
    )
    assert inc.cycle_amounts(None) == []


def test_year_one_pays_the_certification_audit_and_later_years_a_maintenance_audit() -> None:
    assert inc.cycle_costs(3, Decimal(8000), Decimal(3000)) == [Decimal(8000), Decimal(3000), Decimal(3000)]
    assert inc.cycle_costs(3, None, Decimal(3000)) == [Decimal(0), Decimal(3000), Decimal(3000)]
    assert inc.cycle_costs(1, Decimal(8000), None) == [Decimal(8000)]
    assert inc.cycle_costs(0, Decimal(8000), None) == []


def test_the_verdict_follows_the_sign_of_the_net() -> None:
    assert inc.cost_verdict(Decimal("135820.00")) == "more than pays for"
    assert inc.cost_verdict(Decimal(0)) == "exactly covers"
    assert inc.cost_verdict(Decimal("-0.01")) == "does not cover"


# --- exact money, and what the library refuses ------------------------------


def test_money_is_exact_beyond_decimals_default_28_digits() -> None:
    # payroll x rate = 4.99999999999999999999999999999 (30 digits): the default context rounds it
    # to 5.000..., which makes 10% of it half a cent and rounds up to $0.01; exactly it is $0.00
    payroll = "4999999999.99999999999999999999"
    assert inc.annual_incentive(payroll, "0.000000001") == Decimal("0.00")
    with localcontext() as context:
        context.prec = 200
        exact = Decimal(payroll) * Decimal("0.000000001") / 1000
    assert exact < Decimal("0.005")


def test_the_worked_examples_stay_exact() -> None:
    assert inc.annual_incentive(11_000_000, "4.54") == Decimal("49940.00")
    assert inc.annual_incentive(1_500_000, "4.54") == Decimal("6810.00")
    assert inc.annual_incentive(25_000_000, "3.47") == Decimal("86750.00")
    assert inc.annual_incentive(1_000_000, "3.47") == Decimal("3470.00")


@pytest.mark.parametrize(
    "value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity"), float("nan"), "inf"]
)
def test_a_non_finite_payroll_or_rate_raises_value_error(value: object) -> None:
    with pytest.raises(ValueError, match=r"finite|number"):
        inc.annual_incentive(value, "4.54")  # type: ignore[arg-type]  # non-finite values of any type
    with pytest.raises(ValueError, match=r"finite|number"):
        inc.annual_incentive(1000, value)  # type: ignore[arg-type]  # non-finite values of any type


@pytest.mark.parametrize("pct", ["-1", "101", "NaN"])
def test_an_incentive_rate_outside_0_to_100_raises_value_error(pct: str) -> None:
    with pytest.raises(ValueError, match="Incentive rate"):
        inc.annual_incentive(1000, "4.54", pct)


def test_the_default_incentive_rate_is_the_contents() -> None:
    rule = default_content().incentives.bc
    assert inc.annual_incentive(11_000_000, "4.54") == inc.annual_incentive(11_000_000, "4.54", rule.rate_pct)
    assert inc.incentive_pct(None, rule.model_copy(update={"rate_pct": Decimal(15)})) == 15


# --- Alberta PIR: performance measures ---------------------------------------


def pir_rule() -> PIRPerformanceRule:
    rule = default_content().incentives.ab.performance
    assert rule is not None
    return rule


@pytest.mark.parametrize(
    ("improvement", "leadership", "expected"),
    [
        ("12", None, Decimal(12)),  # 1% per 1% of improvement
        ("35", None, Decimal(20)),  # capped at 20%
        (None, "15", Decimal(15)),  # industry leadership, 10-20%
        ("8", "10", Decimal(10)),  # the highest measure is used
        ("18", "10", Decimal(18)),
        (None, None, Decimal(0)),
    ],
)
def test_pir_performance_gives_the_highest_measure(
    improvement: str | None, leadership: str | None, expected: Decimal
) -> None:
    assert inc.pir_performance_pct(pir_rule(), improvement, leadership) == expected


@pytest.mark.parametrize(
    ("improvement", "leadership"), [("-1", None), (None, "5"), (None, "25"), ("x", None)]
)
def test_pir_performance_refuses_values_outside_the_rule(
    improvement: str | None, leadership: str | None
) -> None:
    with pytest.raises(ValueError):
        inc.pir_performance_pct(pir_rule(), improvement, leadership)


def test_a_pir_year_pays_the_higher_of_cor_and_performance_up_to_the_maximum() -> None:
    pir = inc.pir_estimate("100000", performance_pct=Decimal(12))
    assert [y.pct for y in pir.years] == [Decimal(12), Decimal(12), Decimal(12)]
    pir = inc.pir_estimate("100000", performance_pct=Decimal(8))
    assert [y.refund for y in pir.years] == [Decimal("10000.00"), Decimal("8000.00"), Decimal("8000.00")]
    assert inc.pir_year_pct(Decimal(10), Decimal(25), Decimal(20)) == 20


def test_pir_performance_is_dated_sourced_content() -> None:
    rule = pir_rule()
    assert (rule.improvement_max_pct, rule.leadership_min_pct, rule.leadership_max_pct) == (20, 10, 20)
    assert "continuingcaresafety.ca" in str(rule.source_url) and rule.effective


# --- the CSV lists incomplete rows -------------------------------------------


def test_the_csv_lists_an_incomplete_cu_row_with_what_is_missing() -> None:
    estimate = inc.estimate([("766011 Long Term Care", "11000000", "4.54")])
    missing = inc.missing_text(inc.check_row("", "3.47"))
    rows = read_csv(to_csv(estimate, incomplete=[("766006 Community Health Support Services", missing)]))
    (line,) = [r for r in rows if r["Item"].startswith("Incomplete")]
    assert line["Item"] == "Incomplete: 766006 Community Health Support Services"
    assert line["Amount"] == ""
    assert "Assessable payroll is empty" in line["Formula"]
    assert inc.missing_text(inc.check_row("", "")) == "no assessable payroll or base rate entered"


def test_the_minimum_applies_only_when_it_pays_more_than_the_incentive() -> None:
    rule = default_content().incentives.bc.minimum_in_force
    assert inc.minimum_raises("1200", Decimal("100.00"), rule)  # 75% of $1,200 = $900 > $100
    assert not inc.minimum_raises("30000", Decimal("2000.00"), rule)  # $1,000 cap < $2,000
