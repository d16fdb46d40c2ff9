"""The HTML report in a real headless Chromium with the network cut off.

Needs ``/usr/bin/chromium`` (Debian's package) and the ``playwright`` Python
package; the test is skipped without them, except under ``CI``, where it fails.
Playwright's own browser download is never used.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from directive_graph.report import write_report

from .test_report import IMG, make_graph

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
CENTRE_OF_SELECTED = """(() => {
  const id = window.dgNetwork.getSelectedNodes()[0];
  const at = window.dgNetwork.canvasToDOM(window.dgNetwork.getPositions([id])[id]);
  const box = document.getElementById("dg-graph").getBoundingClientRect();
  return [at.x + box.left, at.y + box.top];
})()"""


def _missing() -> str | None:
    """Why the browser cannot run here, or None."""
    if not Path(CHROMIUM).is_file():
        return f"{CHROMIUM} is absent (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is absent (pip install playwright; no `playwright install` needed)"
    return None


def require_browser() -> None:
    """Skip when Chromium or playwright is missing; fail instead when the CI variable is set."""
    reason = _missing()
    if reason and os.environ.get("CI"):
        pytest.fail(f"CI must run the browser test: {reason}")
    if reason:
        pytest.skip(reason)


@contextmanager
def open_report(
    html_path: str | Path, width: int = 1400, height: int = 900
) -> Iterator[tuple[Any, dict[str, list[str]]]]:
    """Open a report in headless Chromium with every request but the file itself aborted.

    Yields the page and what happened: ``failed`` requests, console ``errors``, ``dialogs`` and ``blocked`` URLs.
    """
    from playwright.sync_api import sync_playwright

    url = Path(html_path).resolve().as_uri()
    events: dict[str, list[str]] = {"failed": [], "errors": [], "dialogs": [], "blocked": []}

    def route(r: Any) -> None:
        if r.request.url == url:
            r.continue_()
        else:
            events["blocked"].append(r.request.url)
            r.abort()

    def dialog(d: Any) -> None:
        events["dialogs"].append(d.message)
        d.dismiss()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", route)
            page.on("requestfailed", lambda r: events["failed"].append(f"{r.url} {r.failure}"))
            page.on("console", lambda m: m.type == "error" and events["errors"].append(m.text))
            page.on("pageerror", lambda e: events["errors"].append(str(e)))
            page.on("dialog", dialog)
            page.goto(url, wait_until="load")
            page.wait_for_function("window.dgNetwork !== undefined", timeout=15000)
            yield page, events
        finally:
            browser.close()


def screenshot_report(html_path: str | Path, png_path: str | Path, width: int = 1400, height: int = 900) -> Path:
    """Save a PNG of a report as it first appears (for the README, too).

    Args:
        html_path: the report file.
        png_path: where to write the PNG.
        width: viewport width in pixels.
        height: viewport height in pixels.

    Returns:
        The PNG path.
    """
    with open_report(html_path, width, height) as (page, _):
        page.wait_for_timeout(300)  # let the first frame be drawn
        page.screenshot(path=str(png_path), full_page=True)
    return Path(png_path)


def test_report_in_chromium(tmp_path: Path) -> None:
    require_browser()
    graph = make_graph(tmp_path)
    html_path = tmp_path / "report.html"
    info = write_report(graph, html_path, max_nodes=300)
    with open_report(html_path) as (page, events):
        count = page.evaluate("window.dgNodes.length")
        assert count == info.shown == graph.number_of_nodes()
        # search by "Quyết định 1847" and by symbol: the directive is selected
        page.fill("#dg-search", "Quyết định 1847")
        assert page.evaluate("window.dgNetwork.getSelectedNodes()") == ["d:Quyết định|1847|TTG|2018|VN"]
        page.fill("#dg-search", "")
        page.fill("#dg-search", "30/NĐ-CP")
        assert page.evaluate("window.dgNetwork.getSelectedNodes()") == ["d:Nghị định|30|CP|2020|VN"]
        page.fill("#dg-search", "quyet dinh 06")
        assert page.evaluate("window.dgNetwork.getSelectedNodes()")[0].startswith("d:Quyết định|6|TTG")
        # filters hide nodes through the DataSet
        page.uncheck("input.dg-kind[value=article]")
        hidden = page.evaluate("window.dgNodes.get({filter: n => n.hidden}).map(n => n.id)")
        assert hidden and all(node.startswith("a:") for node in hidden)
        page.select_option("#dg-issuer", "CP")
        visible = page.evaluate("window.dgNodes.get({filter: n => !n.hidden}).map(n => n.id)")
        assert set(visible) == {"d:Nghị định|30|CP|2020|VN", "i:CP"}
        page.click("#dg-reset")
        assert page.evaluate("window.dgNodes.get({filter: n => n.hidden}).length") == 0
        # a table row selects its node
        page.click('#dg-t-issuers a.node >> text="Chính phủ"')
        assert page.evaluate("window.dgNetwork.getSelectedNodes()") == ["i:CP"]
        # tables and tooltips carry the hostile titles as text only
        rows = page.evaluate("document.querySelectorAll('#dg-t-directives tbody tr').length")
        assert rows >= 4
        tip = page.evaluate(
            "window.dgNodes.get().map(n => n.title).filter(t => t instanceof HTMLElement).map(t => t.textContent)"
        )
        assert any(IMG in text for text in tip)
        # hovering the article shows its tooltip, the title as text
        page.fill("#dg-search", "img src=x")
        page.wait_for_timeout(600)  # the focus animation
        x, y = page.evaluate(CENTRE_OF_SELECTED)
        for step in range(6):
            page.mouse.move(x + 3 - step, y + 2 - step / 2)
            page.wait_for_timeout(80)
        page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        assert IMG in page.inner_text("div.vis-tooltip")
        # the year filter keeps the directives of that year and what links to them
        page.select_option("#dg-year", "2018")
        visible = page.evaluate("window.dgNodes.get({filter: n => !n.hidden}).map(n => n.id)")
        assert "d:Quyết định|1847|TTG|2018|VN" in visible and not any(v.startswith("d:Nghị định") for v in visible)
        page.click("#dg-reset")
        assert page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
        assert page.evaluate("document.querySelectorAll('script').length") == 3  # data, vis, page: none injected
        png = tmp_path / "report.png"
        page.screenshot(path=str(png), full_page=True)
        page.wait_for_timeout(200)
    assert events["dialogs"] == [], events
    assert events["failed"] == [], events
    assert events["errors"] == [], events
    assert events["blocked"] == [], events
    assert png.is_file() and png.stat().st_size > 10_000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_screenshot_report(tmp_path: Path) -> None:
    require_browser()
    html_path = tmp_path / "report.html"
    write_report(make_graph(tmp_path), html_path)
    png = screenshot_report(html_path, tmp_path / "shot.png", width=1200, height=800)
    assert png.stat().st_size > 10_000
