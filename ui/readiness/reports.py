"""The report downloads (PDF, CSV, XLSX) of the Readiness page, offered where people look for
them: under the Results, under the Action plan, and on Save and reports.

Each file is built only when its button is clicked, from a snapshot of this run; the PDF's cover
names the program, the worker count and the industry (CU) as the page holds them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from ui.readiness.results import audit_day_rows, current_plan
from ui.readiness.run import ReadinessRun
from ui.readiness.state import page_state


def _subject(run: ReadinessRun) -> tuple[int | None, str | None, str | None]:
    """Who the report is about, as the page holds it now: workers, CU and the CU's industry name."""
    code = st.session_state.get("cu_code")
    units = {unit.code: unit.name for unit in run.content.units}
    return page_state().workers, code, units.get(code) if code else None


def report_buttons(run: ReadinessRun, today: date) -> None:
    """PDF, CSV and XLSX built only when clicked, from a snapshot of this run.

    Their libraries are imported on first use too: they add most of a second to the first load
    of the page, which a user answering questions should not wait for.
    """
    assert run.verdict is not None
    plan = current_plan(run, today)
    notes = dict(st.session_state["notes"])
    result = run.verdict
    full_total = len(run.bank.question_set(run.program.question_set))
    audit_day = audit_day_rows(run)

    workers, cu_code, industry = _subject(run)

    def pdf() -> bytes:
        from cor.exports.report_pdf import Subject, build_report  # fpdf2: loaded on the first click only

        return build_report(
            program=run.program,
            jurisdiction=run.jurisdiction,
            scorecard=run.card,
            verdict=result,
            plan=plan,
            questions=run.questions,
            notes=notes,
            generated_on=today,
            quick=run.quick,
            full_total=full_total,
            audit_day=audit_day,
            subject=Subject(workers=workers, cu_code=cu_code, industry=industry),
        )

    def csv() -> bytes:
        from cor.exports.action_plan import to_csv

        return to_csv(plan, quick=run.quick)

    def xlsx() -> bytes:
        from cor.exports.action_plan import to_xlsx  # openpyxl: loaded on the first click only

        return to_xlsx(plan, quick=run.quick)

    _download_row(today, run.quick, pdf, csv, xlsx)


def _download_row(
    today: date, quick: bool, pdf: Callable[[], bytes], csv: Callable[[], bytes], xlsx: Callable[[], bytes]
) -> None:
    """The three download buttons side by side, each file named for its kind and the day."""
    kind = "-quick-check" if quick else ""
    row = st.container(horizontal=True)
    for label, data, name, mime, icon, key in (
        ("Download PDF report", pdf, "report", "application/pdf", ":material/picture_as_pdf:", "rd.dl_pdf"),
        ("Download action plan (CSV)", csv, "action-plan", "text/csv", ":material/table:", "rd.dl_csv"),
        (
            "Download action plan (XLSX)",
            xlsx,
            "action-plan",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ":material/table_view:",
            "rd.dl_xlsx",
        ),
    ):
        extension = {"application/pdf": "pdf", "text/csv": "csv"}.get(mime, "xlsx")
        row.download_button(
            label,
            data=data,
            file_name=f"cor-ready-{name}{kind}-{today:%Y-%m-%d}.{extension}",
            mime=mime,
            on_click="ignore",
            icon=icon,
            key=key,
        )
