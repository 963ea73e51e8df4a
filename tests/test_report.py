"""`bilat report`: one self-contained HTML file with timeline, figures, conflicts, commitments."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import bilat.cli_web  # noqa: F401  (registers `serve` and `report` on the CLI)
from bilat.cli import main
from bilat.config import load_options
from bilat.serve import build_report
from bilat.store import open_store
from test_api import PROBE_A, fill_store


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("report")
    path = str(tmp / "bilat.db")
    store = open_store(path)
    fill_store(store, load_options(None, db=path), tmp, corpus=False)
    store.close()
    return path


@pytest.fixture(scope="module")
def html(db_path: str) -> str:
    store = open_store(db_path)
    try:
        return build_report(store)
    finally:
        store.close()


def test_report_is_self_contained(html: str) -> None:
    assert html.startswith("<!doctype html>")
    assert "<script" not in html.lower()
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"""\bsrc\s*=""", html, re.I)  # no images, scripts or frames to load
    assert "<style>" in html and "@import" not in html and "url(" not in html


def test_report_has_every_section_with_quotes_and_sources(html: str) -> None:
    for anchor in ("figures", "conflicts", "commitments", "timeline", "agreements", "sources"):
        assert f'id="{anchor}"' in html
    assert "Russia and China trade reached $190.3 billion in 2023" in html
    assert "They agreed to raise trade to $300 billion by 2030." in html
    assert "probe_a.json" in html and "probe_b.json" in html
    assert "memorandum on the Probe Pipeline" in html


def test_report_charts_are_inline_svg_with_one_point_per_claim(html: str) -> None:
    assert "<svg" in html
    assert html.count('class="pt"') >= 2
    assert "$190.3 bn" in html and "$240.1 bn" in html


def test_report_escapes_article_text_and_drops_unsafe_links(html: str) -> None:
    assert "<b>bold</b>" not in html and "Probe A &lt;b&gt;bold&lt;/b&gt;" in html
    assert "javascript:" not in html  # the probes' url is javascript:alert(1): never a link
    assert "<script>alert(1)</script>" in PROBE_A and "<script" not in html


def test_report_command_writes_the_file(db_path: str, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = CliRunner().invoke(main, ["--db", db_path, "report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_report_names_the_configured_pair(tmp_path: Path) -> None:
    from bilat.serve.report import build_report
    from bilat.store import open_store

    store = open_store(str(tmp_path / "empty.db"))
    try:
        html = build_report(store, ("RU", "IN"))
    finally:
        store.close()
    assert "Russia–India relations" in html
    assert "Russia–China" not in html
