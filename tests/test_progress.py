"""The progress display of `bilat ingest` / `bilat extract`: a live rich display under a real
terminal (a pty), plain log lines when stderr is a pipe."""

from __future__ import annotations

import logging
import os
import pty
import re
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from bilat.cli_progress import JobProgress
from conftest import CORPUS
from test_cli import BILAT, bilat

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder)
    (folder / "empty.txt").write_bytes(b"")  # one reject
    return folder


def _run_in_pty(args: list[str], timeout: float = 300) -> tuple[int, str]:
    """Run a command with stdin, stdout and stderr on a new terminal; return its status and
    everything it wrote to the terminal."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "160", "LINES": "40"}
    proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # the terminal closed: the process ended
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(master)
    return proc.wait(timeout=30), b"".join(chunks).decode("utf-8", "replace")


def test_ingest_on_a_terminal_shows_a_live_display(inputs: Path, tmp_path: Path) -> None:
    n_docs = len(list(CORPUS.iterdir()))
    status, out = _run_in_pty([str(BILAT), "--db", str(tmp_path / "b.db"), "ingest", str(inputs)])
    assert status == 1, out  # the empty file is rejected
    assert "\x1b[" in out, "a live display redraws with control sequences"
    plain = ANSI.sub("", out)
    assert re.search(rf"reading\s.*{n_docs + 1}/{n_docs + 1} docs", plain), plain[-2000:]
    extracted = re.findall(r"extracting\s.*?(\d+)/(\d+) docs\s+([\d.]+) docs/s\s+ETA", plain)
    assert extracted, plain[-2000:]
    done, total, _rate = extracted[-1]
    assert done == total and int(total) >= n_docs - 1  # near-duplicates are not extracted
    assert "1 rejected" in plain
    assert "INFO bilat.progress" not in plain, "no plain log lines on a terminal"


def test_extract_on_a_terminal_shows_a_live_display(inputs: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "b.db")
    assert bilat(db, "ingest", "--no-extract", str(inputs)).returncode == 1
    status, out = _run_in_pty([str(BILAT), "--db", db, "extract"])
    assert status == 0, out
    plain = ANSI.sub("", out)
    assert re.search(r"extracting\s.*?(\d+)/\1 docs\s+[\d.]+ docs/s", plain), plain[-2000:]


def test_ingest_in_a_pipe_logs_plain_lines(inputs: Path, tmp_path: Path) -> None:
    proc = bilat(str(tmp_path / "b.db"), "ingest", str(inputs))
    assert proc.returncode == 1
    assert "\x1b[" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if "bilat.progress" in line]
    n = len(list(CORPUS.iterdir())) + 1
    reading = [line for line in lines if "progress: reading:" in line]
    # reading goes on while the first documents are extracted (bounded queues), so a slow
    # machine logs a line with an ETA before the last one
    assert all(
        re.fullmatch(
            r"INFO bilat.progress: reading: \d+/\d+ documents, [\d.]+ docs/s(?:, ETA \d+s)?, "
            r"\d+ rejected",
            line,
        )
        for line in reading[:-1]
    ), lines
    assert re.fullmatch(
        rf"INFO bilat.progress: reading: {n}/{n} documents, [\d.]+ docs/s, done in [\d.]+s, "
        r"1 rejected",
        reading[-1],
    ), lines
    assert re.fullmatch(
        r"INFO bilat.progress: extracting: (\d+)/\1 documents, .* 1 rejected", lines[-1]
    ), lines


def test_plain_lines_carry_an_eta_while_running(caplog: pytest.LogCaptureFixture) -> None:
    shown = JobProgress(live=False, every=0.0)
    with caplog.at_level(logging.INFO, logger="bilat.progress"), shown:
        for i in shown.track("extracting")(list(range(4))):
            time.sleep(0.01)
            if i == 1:
                shown.reject("x.txt", "empty file")
    messages = [r.getMessage() for r in caplog.records]
    assert re.fullmatch(
        r"extracting: 1/4 documents, [\d.]+ docs/s, ETA \d+s, 0 rejected", messages[0]
    )
    assert messages[-1].startswith("extracting: 4/4 documents") and "1 rejected" in messages[-1]
