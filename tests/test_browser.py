"""The dashboard in headless Chromium against a live `bilat serve` subprocess.

Skips when /usr/bin/chromium is missing, except under CI (CI=true), where it fails.
"""

from __future__ import annotations

import csv
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from bilat.config import load_options
from bilat.store import open_store
from test_api import TOKEN, fill_store

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# `bilat serve` as the CLI runs it; cli_web is imported explicitly so the command exists
# whether or not bilat.cli already imports it.
SERVE = "import bilat.cli_web; from bilat.cli import main; main()"


def _need_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail("/usr/bin/chromium is missing under CI")
    pytest.skip("/usr/bin/chromium is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _need_chromium()
    tmp = tmp_path_factory.mktemp("browser")
    db = str(tmp / "bilat.db")
    store = open_store(db)
    fill_store(store, load_options(None, db=db), tmp)
    store.close()
    with serving(db, tmp / "serve.log") as base:
        yield base


@contextmanager
def serving(db: str, log_path: Path) -> Iterator[str]:
    """A `bilat serve` subprocess (with the test token) on a free loopback port: its URL."""
    port = _free_port()
    log = log_path.open("w")
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVE, "--db", db, "serve", "--port", str(port), "--token", TOKEN],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def _wait(base: str, proc: subprocess.Popen[Any]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"bilat serve exited with {proc.returncode}")
        try:
            if httpx.get(base + "/api/stats", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("bilat serve did not start")


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    pg = context.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.outside = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))

    def only_local(route: Any) -> None:
        if route.request.url.startswith(server) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            pg.outside.append(route.request.url)
            route.abort()

    pg.route("**/*", only_local)
    yield pg
    assert pg.errors == [], pg.errors
    assert pg.outside == [], f"requests left the server: {pg.outside}"
    context.close()


PAGES = [
    "/",
    "/timeline",
    "/figures",
    "/conflicts",
    "/commitments",
    "/agreements",
    "/actors",
    "/actors/Xi%20Jinping",
    "/documents",
    "/documents?q=trade",
    "/brief",
    "/api/docs",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render(page: Any, server: str, path: str) -> None:
    response = page.goto(server + path)
    assert response.status == 200
    assert page.locator("h1").first.inner_text().strip()
    page.screenshot(
        path=f"/tmp/bilat_{path.strip('/').replace('/', '_') or 'overview'}.png", full_page=False
    )


def test_overview_answers_at_a_glance(page: Any, server: str) -> None:
    page.goto(server + "/")
    kpis = page.locator(".kpi").all_inner_texts()
    assert any("open conflicts" in k.lower() for k in kpis)
    assert page.locator("ol.events li").count() > 0


def test_figures_chart_draws_one_point_per_claim(page: Any, server: str) -> None:
    page.goto(server + "/figures?measure=trade_turnover")
    figures = httpx.get(server + "/api/figures", params={"measure": "trade_turnover"}).json()
    circles = page.locator("figure.chart svg.wide circle.pt").count()
    assert page.locator("figure.chart svg.narrow circle.pt").count() == circles
    singles = page.locator("section.chart-block:not(:has(figure)) table tbody tr").count()
    assert circles >= 2 and circles + singles == len(figures) > 0
    assert page.locator("svg g.in-conflict").count() >= 2
    title = page.locator("svg g.claim title").first.text_content()
    assert "“" in title  # the tooltip carries the quote


def test_clicking_an_item_highlights_its_span_and_back(page: Any, server: str) -> None:
    page.goto(server + "/documents/probe_a.json")
    item = page.locator("li.item.k-figures").first
    ref = item.get_attribute("data-ref")
    item.locator(".item-label").click()
    active = page.locator("mark.active")
    assert active.count() >= 1
    assert "190.3 billion" in " ".join(active.all_inner_texts())
    assert ref in (active.first.get_attribute("data-items") or "").split()
    page.locator("mark.k-agreements").first.click()
    selected = page.locator("li.item.selected")
    assert selected.count() == 1
    assert (selected.get_attribute("data-ref") or "").startswith("agreements-")
    page.screenshot(path="/tmp/bilat_document_selected.png", full_page=False)


def test_review_action_persists_after_reload(page: Any, server: str) -> None:
    page.goto(server + "/documents/probe_b.json")
    page.fill("#rv-author", "Analyst One")
    page.fill("#rv-token", TOKEN)
    page.click("#rv-save")
    item = page.locator("li.item.k-events").first
    ref = item.get_attribute("data-ref")
    item.locator(".item-label").click()
    with page.expect_navigation():
        item.locator("button[data-action=reject]").click()
    page.reload()
    again = page.locator(f"li#{ref}")
    assert "rejected" in (again.get_attribute("class") or "")
    assert "rejected · Analyst One" in again.inner_text()
    page.goto(server + "/timeline")
    assert "Xi Jinping and Vladimir Putin met in Moscow" not in page.content()
    page.goto(server + "/documents/probe_b.json")
    page.locator(f"li#{ref} .item-label").click()
    with page.expect_navigation():
        page.locator(f"li#{ref} button[data-action=undo]").click()
    assert "rejected" not in (page.locator(f"li#{ref}").get_attribute("class") or "")


def test_review_without_credentials_asks_for_them(page: Any, server: str) -> None:
    page.goto(server + "/documents/probe_b.json")
    item = page.locator("li.item.k-figures").first
    item.locator(".item-label").click()
    item.locator("button[data-action=accept]").click()
    assert "Enter your name" in page.locator("#rv-status").inner_text()


def test_xss_probe_stays_inert(page: Any, server: str) -> None:
    page.goto(server + "/documents/probe_a.json")
    page.wait_for_timeout(300)
    assert page.dialogs == []  # type: ignore[attr-defined]
    text = page.locator("#article").inner_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert '<a href="javascript:alert(1)">x</a>' in text
    assert page.locator("#article script, #article img, #article a").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert "Probe A <b>bold</b>" in page.locator("h1").inner_text()


def test_document_page_is_usable_on_a_phone(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.goto(server + "/documents/probe_a.json")
    width = pg.evaluate("document.documentElement.scrollWidth")
    pg.screenshot(path="/tmp/bilat_document_phone.png", full_page=False)
    context.close()
    assert width <= 400


def _heading_of(page: Any, server: str, date: str) -> str:
    page.goto(server + "/timeline")
    group = page.locator("li.tl-item", has=page.locator(f"time:has-text('{date}')")).first
    return str(group.locator("h3").inner_text())


def test_a_review_on_the_document_page_changes_every_page_derived_from_it(
    page: Any, server: str
) -> None:
    """An edited participant list re-clusters the event (the timeline heading changes); a
    rejected figure leaves its conflict and the overview's count; undo restores both."""
    page.goto(server + "/")
    conflicts_before = int(page.locator("a.kpi:has-text('open conflicts') b").inner_text())
    assert "Russia" not in _heading_of(page, server, "2023-03-21")
    page.goto(server + "/documents/probe_b.json")
    page.fill("#rv-author", "Analyst Two")
    page.fill("#rv-token", TOKEN)
    page.click("#rv-save")
    event = page.locator("li.item.k-events").first
    event.locator(".item-label").click()
    event.locator("button[data-action=edit]").click()
    event.locator("input[name=participants]").fill("Xi Jinping, Vladimir Putin, Russia")
    with page.expect_navigation():
        event.locator("form.edit-form button[type=submit]").click()
    assert "Russia" in _heading_of(page, server, "2023-03-21")

    page.goto(server + "/documents/probe_a.json")
    figure = page.locator("li.item.k-figures", has_text="190.3").first
    figure.locator(".item-label").click()
    with page.expect_navigation():
        figure.locator("button[data-action=reject]").click()
    page.goto(server + "/")
    after = int(page.locator("a.kpi:has-text('open conflicts') b").inner_text())
    assert after == conflicts_before - 1
    page.goto(server + "/conflicts")
    assert "190.3" not in page.locator("main").inner_text()
    page.screenshot(path="/tmp/bilat_reviewed_conflicts.png", full_page=True)

    for doc, kind in (("probe_a.json", "figures"), ("probe_b.json", "events")):
        page.goto(server + f"/documents/{doc}")
        item = page.locator(f"li.item.k-{kind}:has(button[data-action=undo])").first
        item.locator(".item-label").click()
        with page.expect_navigation():
            item.locator("button[data-action=undo]").click()
    assert "Russia" not in _heading_of(page, server, "2023-03-21")
    page.goto(server + "/")
    assert int(page.locator("a.kpi:has-text('open conflicts') b").inner_text()) == conflicts_before


def test_review_queue_ranks_conclusions_first_and_takes_keys_and_bulk_actions(
    page: Any, server: str
) -> None:
    page.goto(server + "/review")
    total = int(page.locator("p.lead").inner_text().split()[0])
    first = page.locator("li.rq-item").first
    assert "in an open conflict" in first.inner_text()  # the conflict's claims come first
    page.fill("#rv-author", "Analyst Three")
    page.fill("#rv-token", TOKEN)
    page.click("#rv-save")
    page.locator("li.rq-item").first.focus()
    with page.expect_navigation():
        page.keyboard.press("a")  # accept the focused item
    assert int(page.locator("p.lead").inner_text().split()[0]) == total - 1
    page.locator("li.rq-item").first.focus()
    page.keyboard.press("j")
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    with page.expect_navigation():
        page.click("#rq-accept-selected")
    assert int(page.locator("p.lead").inner_text().split()[0]) == total - 3
    made = httpx.get(server + "/api/review").json()
    mine = [j for j in made if j["author"] == "Analyst Three" and j["revoked_at"] is None]
    assert len(mine) == 3 and {j["action"] for j in mine} == {"accept"}
    for j in mine:  # leave the store as the other tests found it
        r = httpx.delete(
            f"{server}/api/review/{j['id']}", headers={"authorization": f"Bearer {TOKEN}"}
        )
        assert r.status_code == 200


def test_download_csv_of_the_page_and_open_a_permalink(page: Any, server: str) -> None:
    page.goto(server + "/figures?measure=trade_turnover")
    with page.expect_download() as info:
        page.click("a.csv")
    with open(info.value.path(), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    shown = httpx.get(server + "/api/figures", params={"measure": "trade_turnover"}).json()
    assert len(rows) == len(shown) > 0
    assert {r["measure"] for r in rows} == {"trade_turnover"}
    assert {r["quote"] for r in rows} == {f["evidence"]["quote"] for f in shown}
    page.goto(server + "/timeline")
    link = page.locator("ol.timeline a.permalink").first
    with page.expect_navigation():
        link.click()
    assert "/events/" in page.url
    assert page.locator("h1").inner_text().strip()
    assert page.locator("ul.sources blockquote").count() >= 1
    assert page.locator("ul.sources a.src").count() >= 1
    page.screenshot(path="/tmp/bilat_permalink_event.png", full_page=False)


PHONE = {"width": 400, "height": 860}
DESKTOP = {"width": 1366, "height": 768}
NARROW_PAGES = [p for p in PAGES if "?" not in p] + ["/documents/probe_a.json", "/review"]


def _permalinks(server: str) -> list[str]:
    first = {kind: httpx.get(f"{server}/api/{kind}").json() for kind in ITEM_KINDS}
    conflict = quote(first["conflicts"][0]["id"], safe="")
    return [
        f"/events/{first['events'][0]['id']}",
        f"/figures/{first['figures'][0]['id']}",
        f"/agreements/{first['agreements']['items'][0]['id']}",
        f"/commitments/{first['commitments']['items'][0]['id']}",
        f"/conflicts/{conflict}",
    ]


ITEM_KINDS = ("events", "figures", "agreements", "commitments", "conflicts")


def _shot_name(path: str) -> str:
    return path.strip("/").split("?")[0].replace("/", "_").replace("%", "")[:40] or "overview"


def test_every_page_fits_a_400px_screen(browser: Any, server: str) -> None:
    context = browser.new_context(viewport=PHONE)
    pg = context.new_page()
    too_wide = {}
    for path in NARROW_PAGES + _permalinks(server):
        assert pg.goto(server + path).status == 200, path
        width = pg.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width
        pg.screenshot(path=f"/tmp/bilat_400_{_shot_name(path)}.png", full_page=False)
    context.close()
    assert too_wide == {}


def test_figures_chart_series_on_a_time_axis_with_headline_and_undated_strip(
    browser: Any, server: str
) -> None:
    for viewport, shown, hidden in ((DESKTOP, "wide", "narrow"), (PHONE, "narrow", "wide")):
        context = browser.new_context(viewport=viewport)
        pg = context.new_page()
        pg.goto(server + "/figures?measure=trade_turnover")
        chart = pg.locator('figure.chart[data-chart="trade_turnover|RU<->CN|USD|amount|"]')
        head = chart.locator(".headline").inner_text()
        assert head.startswith("2024: $244.8 bn (China Customs"), head
        assert head.endswith("vs $228 bn (Russian customs)"), head
        svg = chart.locator(f"svg.{shown}")
        assert svg.is_visible() and not chart.locator(f"svg.{hidden}").is_visible()
        box = svg.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
        series = svg.locator("g.panel").evaluate_all("els => els.map(e => e.dataset.series)")
        assert series == ["annual", "part", "monthly", "years"]  # every level has a period
        years = svg.locator("text.xtick").all_text_contents()
        assert years == sorted(years) and "2024" in years and "2025" in years
        part = svg.locator("g.panel[data-series=part] g.claim")
        assert part.count() >= 1
        if shown == "wide":  # the tooltips (wide drawing only) name each claim's period
            assert part.filter(has_text="Jan–Jul 2025").count() >= 1
        change = 'figure.chart[data-chart="trade_turnover|RU<->CN|percent|change|"]'
        assert pg.locator(change).count() == 1  # levels and changes are separate charts
        # changes reported with no period stand in a strip beside the axis, not on it
        growth = pg.locator(change).locator(f"svg.{shown}")
        kinds = growth.locator("g.panel").evaluate_all("els => els.map(e => e.dataset.series)")
        assert kinds[0] == "annual" and kinds[-1] == "undated"
        strip = growth.locator("g.strip rect.strip-bg").bounding_box()
        annual = growth.locator("g.panel[data-series=annual] line.grid").first.bounding_box()
        assert strip["x"] > annual["x"] + annual["width"]
        at = chart.bounding_box()
        clip = {"x": 0, "y": at["y"] + pg.evaluate("scrollY"), "width": viewport["width"]}
        clip["height"] = at["height"]
        pg.screenshot(path=f"/tmp/bilat_chart_{shown}.png", full_page=True, clip=clip)
        context.close()


def test_the_brief_summary_is_above_the_fold(browser: Any, server: str) -> None:
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport)
        pg = context.new_page()
        pg.goto(server + "/brief")
        box = pg.locator("#brief").bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], box
        for part in ("contacts", "figures", "commitments"):
            assert pg.locator(f"#brief-{part} li:not(.empty)").count() >= 1
        assert pg.locator("#figures").bounding_box()["y"] > box["y"] + box["height"]
        pg.screenshot(path=f"/tmp/bilat_brief_{viewport['width']}.png", full_page=False)
        context.close()
