"""graph.html in a real browser (headless Chromium from Debian, driven by Playwright): offline, no console
errors, the expected network, search and filters that change what is shown, a side panel, a screenshot."""
import importlib.util
import shutil
import time
from pathlib import Path

import pytest

from migkg.graph.output import load_graph
from migkg.viz.html import write_html

from test_html import EVIL_NAME, EVIL_QUOTE, evil_graph, synthetic_graph

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists() and not shutil.which("chromium"),
                       reason="headless Chromium not installed (apt-get install chromium)"),
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None,
                       reason="playwright not installed (pip install playwright)"),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
                              args=ARGS)
        yield b
        b.close()


class Page:
    """A page that blocks and records every request but the file itself, and collects console errors."""

    def __init__(self, browser, path: Path, width=1400, height=900):
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.url = path.absolute().as_uri()
        self.requests, self.errors, self.dialogs = [], [], []
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def _route(self, route):
        self.requests.append(route.request.url)
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def open(self) -> float:
        start = time.perf_counter()
        self.page.goto(self.url)
        self.page.wait_for_function("window.migkg && window.migkg.state.stabilized", timeout=60_000)
        wall = time.perf_counter() - start
        return wall

    def js(self, expr):
        return self.page.evaluate(expr)

    def visible(self):
        return self.js("migkg.visible()")

    def close(self):
        self.page.close()


def check_offline_and_quiet(pg: Page):
    assert pg.requests == [pg.url], f"requests left the file: {pg.requests}"
    assert pg.errors == [], pg.errors
    assert pg.dialogs == []


def click_node(pg: Page, node_id: str):
    """A real mouse click on the node's position on the canvas."""
    pos = pg.js(f"""(() => {{ const n = migkg.network; const p = n.getPositions([{node_id!r}])[{node_id!r}];
                    const d = n.canvasToDOM(p); const r = document.getElementById('network').getBoundingClientRect();
                    return [d.x + r.left, d.y + r.top]; }})()""")
    pg.page.mouse.click(pos[0], pos[1])


def test_sample_in_browser(browser, sample_build, tmp_path):
    graph = load_graph(sample_build)
    html = write_html(graph, tmp_path / "graph.html", title="migkg sample")
    pg = Page(browser, html)
    wall = pg.open()
    print(f"\nsample: {html.stat().st_size / 1e6:.2f} MB, stabilised in {pg.js('migkg.state.stabilizeMs')} ms "
          f"(page ready {wall:.2f} s)")
    assert pg.js("[migkg.network.body.data.nodes.length, migkg.network.body.data.edges.length]") == [16, 22]
    assert pg.visible() == {"nodes": 16, "edges": 22}
    assert pg.page.locator("#filter-types input").count() == 6  # the types present, each with a swatch
    assert pg.page.locator("#filter-predicates input").count() == len({s.predicate for s in graph.statements})

    # search: IOM, its neighbours and the statements among them
    pg.page.fill("#search", "iom")
    pg.page.wait_for_function("migkg.visible().nodes < 16")
    assert pg.visible() == {"nodes": 4, "edges": 4}
    assert "1 match" in pg.page.inner_text("#search-status")
    pg.page.fill("#search", "")
    pg.page.wait_for_function("migkg.visible().nodes === 16")

    # filters: entity type, predicate, document, status, years
    pg.page.uncheck("#filter-types input[value=State]")
    assert pg.visible()["nodes"] == 16 - 7
    pg.page.check("#filter-types input[value=State]")
    pg.page.click("#reset")
    boxes = pg.page.locator("#filter-predicates input")
    for i in range(boxes.count()):  # member_of (index 0) only: untick the others
        if boxes.nth(i).get_attribute("value") != "0":
            boxes.nth(i).uncheck()
    member_of = [s for s in graph.statements if s.predicate == "member_of"]
    assert pg.visible() == {"nodes": len({s.subject for s in member_of} | {s.object for s in member_of}),
                            "edges": len(member_of)}
    pg.page.click("#reset")
    pg.page.uncheck("#filter-status input[value=planned]")
    assert pg.visible()["edges"] == 21
    pg.page.click("#reset")
    pg.page.fill("#filter-since", "2011")
    pg.page.uncheck("#filter-undated")
    assert 0 < pg.visible()["edges"] < 22
    pg.page.click("#reset")
    assert pg.visible() == {"nodes": 16, "edges": 22}

    # a click on a node opens the side panel with its statements, quotes and sources
    click_node(pg, "org:iom")
    pg.page.wait_for_selector("#panel:not([hidden])")
    panel = pg.page.inner_text("#panel")
    assert "International Organization for Migration" in panel
    assert "The GMG comprises IOM and UNITAR" in panel and "line 1000" in panel
    assert pg.page.locator("#panel .st").count() == 3
    pg.page.wait_for_timeout(200)
    ARTIFACTS.mkdir(exist_ok=True)
    pg.page.screenshot(path=str(ARTIFACTS / "graph_sample.png"))
    check_offline_and_quiet(pg)
    pg.close()


def test_hostile_names_stay_text(browser, tmp_path):
    html = write_html(evil_graph(), tmp_path / "evil.html", title=EVIL_NAME)
    pg = Page(browser, html)
    pg.open()
    assert pg.page.title() == EVIL_NAME
    pg.js("migkg.select(migkg.find('org:evil'))")
    panel = pg.page.inner_text("#panel")
    assert EVIL_NAME in panel and EVIL_QUOTE in panel and "<i>member</i>" in panel
    assert pg.page.locator("#panel script, #panel b, #panel i").count() == 0
    assert pg.js("document.scripts.length") == 3
    check_offline_and_quiet(pg)
    pg.close()


def test_bundled_build_in_browser(browser, bundled_build, tmp_path):
    graph = load_graph(bundled_build)
    html = bundled_build / "graph.html"
    pg = Page(browser, html)
    wall = pg.open()
    print(f"\nbundled: {len(graph.entities)} entities, {len(graph.statements)} statements, "
          f"{html.stat().st_size / 1e6:.2f} MB, stabilised in {pg.js('migkg.state.stabilizeMs')} ms "
          f"(page ready {wall:.2f} s)")
    nodes = len(graph.connected_ids())  # documents and names without statements are not drawn
    assert pg.js("[migkg.nodes.length, migkg.edges.length]") == [nodes, len(graph.statements)]
    ARTIFACTS.mkdir(exist_ok=True)
    pg.page.screenshot(path=str(ARTIFACTS / "graph_bundled_overview.png"))
    top = max(graph.entities, key=lambda e: sum(e in (s.subject, s.object) for s in graph.statements))
    pg.js(f"migkg.select(migkg.find({top!r}))")
    pg.page.wait_for_selector("#panel:not([hidden])")
    pg.page.screenshot(path=str(ARTIFACTS / "graph_bundled.png"))
    label = graph.entities[top].acronym or graph.entities[top].label
    pg.page.fill("#search", label)
    pg.page.wait_for_function(f"migkg.visible().nodes < {nodes}")
    assert pg.visible()["nodes"] >= 1
    check_offline_and_quiet(pg)
    pg.close()


def test_big_graph_settles(browser, tmp_path):
    graph = synthetic_graph()
    html = write_html(graph, tmp_path / "big.html")
    pg = Page(browser, html)
    wall = pg.open()
    ms = pg.js("migkg.state.stabilizeMs")
    print(f"\nsynthetic: 1500 nodes / 3000 edges, {html.stat().st_size / 1e6:.2f} MB, stabilised in {ms} ms "
          f"(page ready {wall:.2f} s)")
    assert pg.js("[migkg.nodes.length, migkg.edges.length]") == [len(graph.connected_ids()), 3000]
    pg.page.fill("#filter-until", "2006")
    assert pg.visible()["edges"] < 3000
    ARTIFACTS.mkdir(exist_ok=True)
    pg.page.screenshot(path=str(ARTIFACTS / "graph_synthetic.png"))
    check_offline_and_quiet(pg)
    pg.close()
