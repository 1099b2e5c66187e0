"""The Save and reports view: downloads built on click, resuming from a file, starting over.

Resuming never loses answers silently: a file that would replace answers asks first, and a
replacement can be undone. Each chosen file gets a fresh uploader afterwards, so the message
shown is always about the file just chosen and rejected files do not pile up as chips.
"""

from __future__ import annotations

import streamlit as st

from cor.assessment import Assessment
from cor.exports import assessment_file
from cor.exports.assessment_file import AssessmentFileError, load
from cor.formatting import count
from ui.readiness.reports import report_buttons
from ui.readiness.run import ReadinessRun
from ui.readiness.state import Upload, apply, current, page_state, start_over
from ui.state import content, local_today, plain

UPLOAD_PREFIX = "rd.upload."


def uploader_key(upload: Upload) -> str:
    return f"{UPLOAD_PREFIX}{upload.version}"


def _what(assessment: Assessment) -> str:
    """``12 answers``, or ``no answers and 2 notes`` (never "0 answers"): what a file or the
    screen holds."""
    if assessment.answers:
        return count(len(assessment.answers), "answer")
    return f"no answers and {count(len(assessment.notes), 'note')}" if assessment.notes else "no answers"


def on_upload() -> None:
    """Callback of the uploader: check the chosen file, then apply it, or ask first when it would
    replace answers. On any error nothing already entered changes."""
    state = page_state()
    upload = state.upload
    chosen = st.session_state.get(uploader_key(upload))
    upload.version += 1  # the next run draws a fresh, empty uploader
    upload.pending = None
    upload.undo = None
    if chosen is None:
        return
    try:
        assessment = load(chosen.getvalue(), content())
    except AssessmentFileError as exc:
        upload.error, upload.skipped, upload.applied = str(exc), (), ""
        return
    upload.error, upload.skipped = "", assessment.skipped
    if current(state).empty:
        _replace(assessment)
    else:
        upload.pending = assessment
        upload.applied = ""


def _replace(assessment: Assessment) -> None:
    state = page_state()
    upload = state.upload
    before = current(state)
    apply(state, assessment)
    saved = f" saved {assessment.saved_at:%Y-%m-%d}" if assessment.saved_at else ""
    upload.applied = f"Resumed the assessment{saved}: {_what(assessment)} loaded."
    upload.undo = None if before.empty else before
    upload.pending = None


def confirm_replace() -> None:
    pending = page_state().upload.pending
    if pending is not None:
        _replace(pending)


def keep_mine() -> None:
    upload = page_state().upload
    upload.pending, upload.skipped, upload.applied = None, (), ""


def undo_replace() -> None:
    state = page_state()
    upload = state.upload
    if upload.undo is not None:
        apply(state, upload.undo)
        upload.applied = f"Your previous answers are back ({_what(upload.undo)})."
        upload.undo, upload.skipped = None, ()


def _upload_messages(upload: Upload) -> None:
    # These messages can quote a file's contents: shown as text, never as Markdown.
    if upload.error:
        st.error(plain(upload.error), icon=":material/error:")
        st.caption("Your current answers were not changed.")
    if upload.pending is not None:
        st.warning(
            plain(
                f"This file has {_what(upload.pending)}. Loading it replaces the "
                f"{_what(current(page_state()))} on screen, with their notes and plan edits."
            ),
            icon=":material/swap_horiz:",
        )
        row = st.container(horizontal=True)
        row.button(
            "Replace my answers with the file's", on_click=confirm_replace, key="rd.replace", type="primary"
        )
        row.button("Keep my answers", on_click=keep_mine, key="rd.keep")
    elif upload.applied:
        st.success(plain(upload.applied))
        if upload.undo is not None:
            st.button("Undo: bring back my previous answers", on_click=undo_replace, key="rd.undo")
    for message in upload.skipped:
        st.warning(plain(message))


def save_view(run: ReadinessRun) -> None:
    """Downloads (assessment file, PDF, CSV, XLSX) and resuming from a file."""
    state = page_state()
    today = local_today()
    st.subheader("Save your assessment", anchor=False)
    assessment = current(state)
    if assessment.empty:  # a file of nothing would be refused when loaded back
        st.caption("Answer a question or write a note first: then you can save them as a file.")
    else:
        try:
            data = assessment_file.dump(assessment)
        except AssessmentFileError as exc:
            st.error(str(exc))
        else:
            st.download_button(
                "Download assessment file (JSON)",
                data=data,
                file_name=assessment_file.file_name(today),
                mime=assessment_file.MIME,
                on_click="ignore",
                icon=":material/save:",
                key="rd.dl_json",
            )
    st.caption("Keep the file to continue later on any computer, or send it to your safety consultant.")
    st.file_uploader(
        "Resume from an assessment file",
        type=["json"],
        key=uploader_key(state.upload),
        on_change=on_upload,
        help="Replaces the answers on screen with those in the file (you are asked first).",
    )
    _upload_messages(state.upload)
    st.subheader("Reports", anchor=False)
    if run.verdict is None:
        st.info("Answer at least one applicable question to build the report and the action plan.")
    else:
        report_buttons(run, today)
    from ui.workspace.panels import save_to_client_panel  # staff only; its tables load on this view

    save_to_client_panel(current(state))
    with st.expander("Start over"):
        st.write(
            "Starts a new, empty assessment with a new link. The link you have now keeps these answers "
            f"(for {count(state.draft.days, 'day')} after the last change), so bookmark it first if you need them."
        )
        st.button("Start a new assessment", on_click=start_over, key="rd.reset")
