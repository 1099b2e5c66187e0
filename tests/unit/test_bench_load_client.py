"""The bench times what users feel: the load client reruns the page it opened (its own script hash,
from the ``navigation`` message), refuses a rerun that drew another page, and every answered rerun
in the rerun section carries a set of answers never sent before."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.protocol import Session, WrongPage
from bench.report import Report, Row
from bench.scenarios import answer_walk, gray
from bench.summary import END, START, rewrite


class Wire:
    """A websocket stand-in: records what the client sends, replies with canned messages."""

    def __init__(self, replies: list[ForwardMsg]) -> None:
        self.sent: list[BackMsg] = []
        self.replies = [reply.SerializeToString() for reply in replies]

    async def send(self, data: bytes) -> None:
        message = BackMsg()
        message.ParseFromString(data)
        self.sent.append(message)

    async def recv(self) -> bytes:
        return self.replies.pop(0)


def _run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run the client's coroutine on its own thread, as the bench does in its own process: the
    browser tests' Playwright keeps an event loop running on this thread for the whole session."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _new_session(main_hash: str) -> ForwardMsg:
    message = ForwardMsg()
    message.new_session.page_script_hash = main_hash
    return message


def _navigation(page_hash: str) -> ForwardMsg:
    message = ForwardMsg()
    message.navigation.page_script_hash = page_hash
    return message


def _question(fragment: str = "") -> ForwardMsg:
    message = ForwardMsg()
    message.delta.fragment_id = fragment
    radio = message.delta.new_element.radio
    radio.id = "question-1"
    radio.label = "Q1. Is there a signed policy?"
    radio.options.extend(["Yes", "No"])
    return message


def _finished() -> ForwardMsg:
    message = ForwardMsg()
    message.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    return message


def test_the_rerun_after_opening_names_the_page_not_the_main_script() -> None:
    wire = Wire([_new_session("main"), _navigation("readiness-page"), _question(), _finished()] * 2)
    session = Session(connection=wire)  # type: ignore[arg-type]  # Wire fakes the send and recv Session calls
    _run(session.rerun("readiness", 5))
    _run(session.rerun("readiness", 5))
    assert wire.sent[1].rerun_script.page_script_hash == "readiness-page"


def test_an_answer_to_a_question_in_a_fragment_reruns_that_fragment_as_the_browser_does() -> None:
    wire = Wire([_navigation("readiness-page"), _question("view"), _finished()] * 2)
    session = Session(connection=wire)  # type: ignore[arg-type]
    _run(session.rerun("readiness", 5))  # opening the page: a full run
    assert session.answer_next(random.Random(1))
    _run(session.rerun("readiness", 5))
    assert wire.sent[0].rerun_script.fragment_id == ""
    assert wire.sent[1].rerun_script.fragment_id == "view"
    assert wire.sent[1].rerun_script.widget_states.widgets[0].id == "question-1"


def test_a_rerun_that_draws_no_question_stops_the_bench() -> None:
    wire = Wire([_navigation("home"), _finished()])
    session = Session(connection=wire)  # type: ignore[arg-type]  # Wire fakes the send and recv Session calls
    with pytest.raises(WrongPage):
        _run(session.rerun("readiness", 5))


def test_every_turn_of_the_answer_walk_leaves_a_set_of_answers_not_seen_before() -> None:
    walk = answer_walk(first_element_only=True)
    answers: dict[str, Any] = {}
    seen = set()
    for turn in range(200):
        key, value = walk(turn)
        answers[key] = value
        state = tuple(sorted(answers.items()))
        assert state not in seen
        seen.add(state)
    assert len({tuple(gray(n, 4, 3)) for n in range(81)}) == 81


def test_the_readme_summary_is_rewritten_from_the_table(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# Bench\n\nProse stays.\n\n{START}\nold: 12.8x\n{END}\n\nMore prose.\n")
    report = Report()
    report.rows.append(
        Row("Rerun (AppTest)", "Savings, 3 CUs", "30 ms", "10 ms", "3.00x (2.5-3.5)", "<= 1.5x", "OVER")
    )
    report.rows.append(Row("Rules", "10,000 estimates", "0.2 s", "-", "0.02 ms each", "< 0.5 s", "ok"))
    rewrite(readme, report, "results/after.md")
    text = readme.read_text()
    assert "12.8x" not in text
    assert "Prose stays." in text and "More prose." in text
    assert "Savings, 3 CUs: **3.00x (2.5-3.5)** (target <= 1.5x)" in text
    assert "[results/after.md](results/after.md)" in text


def test_a_written_table_reads_back_into_the_same_rows(tmp_path: Path) -> None:
    from bench.summary import from_markdown

    report = Report()
    report.rows.append(Row("Rules", "10,000 verdicts", "0.20 s", "-", "0.020 ms each", "< 0.5 s", "ok"))
    report.notes.append("Full run of rules in 1.0 min.")
    report.write(tmp_path / "t.md", "title")
    again = from_markdown(tmp_path / "t.md")
    assert again.rows == report.rows
    assert again.notes == report.notes
