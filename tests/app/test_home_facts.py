"""Home's "What COR is" states no rule the partners do not share: the audit deadline is
the partner's date, with the planner one click away."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def test_home_gives_the_partners_audit_date_not_31_december_for_everyone(app: AppTest) -> None:
    page = " ".join(m.value for m in app.markdown)
    assert "What COR is" in page
    assert "December 31" not in page and "31 December" not in page
    assert "your partner's date" in page and "BCFSC" in page and "SafetyDriven" in page
    links = [link.proto.page for link in app.get("page_link")]
    assert links[-1] == "cycle"  # the planner, right under the text that points to it


def test_the_employers_role_gives_the_partners_date_for_each_audit() -> None:
    from cor.content import default_content

    (employer,) = [r for r in default_content().roles if r.id == "employer" and r.jurisdiction == "BC"]
    audits = next(line for line in employer.does if "maintenance audits" in line)
    assert "December 31" not in audits and "partner's date" in audits and "Cycle planner" in audits
