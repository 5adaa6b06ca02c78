"""The basemap and "save picture" in real headless Chromium, on the national synthetic dataset: the
basemap is drawn beneath the nodes, lines up (Jakarta on land, sea between islands), the control hides
and shows it, the picture is a PNG of the right size, and ``graphkit map --png`` writes the same."""

from __future__ import annotations

import base64
import json
import re
import struct
from pathlib import Path

import numpy as np
import pytest

from graphkit.maps import load_map_source, render_map
from graphkit.maps._basemap import contains, on_land
from graphkit.maps._layout import project
from graphkit.sync._load import load_dataset
from graphkit.synthetic._generate import DEFAULT_AS_OF, generate

pytestmark = [pytest.mark.browser, pytest.mark.slow]
READY = "window.graphkitReady"
PIXEL = """
    const net = window.graphkitMap.network, c = document.querySelector('#gk-canvas canvas');
    const dpr = c.width / c.clientWidth, ctx = c.getContext('2d');
    return arguments[0].map(p => {
        const d = net.canvasToDOM({x: p[0], y: p[1]});
        const px = ctx.getImageData(Math.round(d.x * dpr), Math.round(d.y * dpr), 1, 1).data;
        return [px[0], px[1], px[2], px[3]];
    });
"""


@pytest.fixture(scope="module")
def pages(graph, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("national")
    generate(folder, scale=1)
    load_dataset(folder, graph)
    source = load_map_source(graph)
    out = tmp_path_factory.mktemp("pages")
    return {view: render_map(None, out / f"{view}.html", view=view, as_of=DEFAULT_AS_OF, source=source).path
            for view in ("network", "geo", "province")}  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    from browser import chrome

    with chrome() as b:
        yield b


def _payload(path: Path) -> dict:
    return json.loads(re.search(r'id="gk-data">(.*?)</script>', path.read_text("utf-8"), re.S).group(1))


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    v = int(hex_colour[1:], 16)
    return v >> 16 & 255, v >> 8 & 255, v & 255


def _is(pixel: list[int], hex_colour: str, tol: int = 4) -> bool:
    close = all(abs(a - b) <= tol for a, b in zip(pixel[:3], _rgb(hex_colour), strict=True))
    return pixel[3] == 255 and close


def _open_without_edges(browser, path: Path) -> None:
    browser.open(path, ready=READY)
    browser.js("""const m = window.graphkitMap;
        m.edges.update(m.edges.getIds().map(id => ({id: id, hidden: true})));
        GK.P.captions.length = 0; m.network.redraw();""")  # edges and captions off: only nodes over the map
    browser.wait("true")


def _ring(x: float, y: float, r: float, k: int = 16) -> list[list[float]]:
    import math

    return [[x + r * math.cos(2 * math.pi * i / k), y + r * math.sin(2 * math.pi * i / k)] for i in range(k)]


def test_basemap_lies_beneath_the_nodes_and_lines_up(pages, browser):
    from browser import page_problems

    path = pages["geo"]
    payload = _payload(path)
    colours = payload["style"]["basemap"]
    _open_without_edges(browser, path)
    scale = browser.js("return window.graphkitMap.network.getScale()")
    regencies = [(i, n) for i, n in enumerate(payload["nodes"]) if n["g"] == "regency"]
    java = [(i, n) for i, n in regencies if n["p"] in ("31", "32", "33", "34", "35", "36")]
    assert len(java) > 100
    sizes = payload["state"]["sizes"][-1]
    centres = browser.js(PIXEL, [[n["x"], n["y"]] for _, n in java])
    # the nodes are drawn over the land: their centres have their own colour
    assert sum(_is(p, colours["land"]) or _is(p, colours["sea"]) for p in centres) == 0
    # around the regencies' nodes, where no other node covers the ground, the basemap shows: land colour
    # where the committed coastline has land, sea colour where it has sea (borders and coast lines, one
    # pixel wide, and anti-aliasing account for the rest; a misaligned map would agree about half the time)
    margin = 3 / scale
    free = []
    for i, n in regencies:
        for x, y in _ring(n["x"], n["y"], sizes[i] + 2 * margin):
            if all(max(abs(x - m["x"]), abs(y - m["y"])) > sizes[j] + margin
                   for j, m in enumerate(payload["nodes"])):  # fmt: skip
                free.append([x, y])
    expected = [contains(payload["basemap"]["land"], x, y) for x, y in free]
    got = [_is(p, colours["land"]) if land else _is(p, colours["sea"])
           for p, land in zip(browser.js(PIXEL, free), expected, strict=True)]  # fmt: skip
    assert sum(expected) >= 50 and sum(got) / len(got) > 0.85, (sum(expected), sum(got), len(got))
    assert on_land(np.array([[n["x"], n["y"]] for _, n in java])).mean() > 0.8
    seas = [project(110.0, -5.0), project(127.0, -6.0), project(117.0, -9.5)]  # Java, Banda, Sumba seas
    assert all(_is(p, colours["sea"]) for p in browser.js(PIXEL, seas))
    jakarta = next(n for n in payload["nodes"] if n["id"] == "region:31.71")
    assert contains(payload["basemap"]["land"], jakarta["x"], jakarta["y"])
    k = payload["nodes"].index(jakarta)  # alone on the map: the drawn land shows all around its node
    browser.js("""const m = window.graphkitMap;
        m.nodes.update(m.nodes.getIds().map(id => ({id: id, hidden: id !== arguments[0]})));
        m.network.redraw();""", k)
    ring = browser.js(PIXEL, _ring(jakarta["x"], jakarta["y"], sizes[k] + 3 / scale))
    assert sum(_is(p, colours["land"]) for p in ring) > len(ring) / 2, ring  # the coast is 6 km north
    errors, requests = page_problems(browser)
    assert errors == [] and requests == []


def test_the_control_hides_and_shows_the_basemap(pages, browser):
    from selenium.webdriver.common.by import By

    path = pages["geo"]
    colours = _payload(path)["style"]["basemap"]
    _open_without_edges(browser, path)
    sea = [project(110.0, -5.0)]
    assert _is(browser.js(PIXEL, sea)[0], colours["sea"])
    browser.driver.find_element(By.ID, "gk-basemap").click()
    assert not _is(browser.js(PIXEL, sea)[0], colours["sea"])
    assert browser.js("return window.graphkitMap.basemap()") is False
    browser.driver.find_element(By.ID, "gk-basemap").click()
    assert _is(browser.js(PIXEL, sea)[0], colours["sea"])


def test_province_view_sits_on_the_same_basemap_and_network_view_has_none(pages, browser):
    payload = _payload(pages["province"])
    assert payload["basemap"]["land"] and "basemap" not in _payload(pages["network"])
    jawa_tengah = next(n for n in payload["nodes"] if n["id"] == "region:33")
    assert contains(payload["basemap"]["land"], jawa_tengah["x"], jawa_tengah["y"])
    _open_without_edges(browser, pages["province"])
    assert _is(browser.js(PIXEL, [project(110.0, -5.0)])[0], payload["style"]["basemap"]["sea"])
    legend = browser.js("return document.getElementById('gk-legend-body').textContent")
    assert "Natural Earth" in legend
    browser.open(pages["network"], ready=READY)
    assert browser.js("return document.getElementById('gk-f-basemap').hidden") is True


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_save_picture_gives_a_png_of_the_view_with_title_and_legend(pages, browser):
    from browser import page_problems
    from selenium.webdriver.common.by import By

    browser.open(pages["geo"], ready=READY)
    url = browser.js("return window.graphkitMap.pictureURL()")
    data = base64.b64decode(url.split(",", 1)[1])
    w, h, dpr = browser.js("""const c = document.getElementById('gk-canvas');
        return [c.clientWidth, c.clientHeight, window.devicePixelRatio];""")
    assert _png_size(data) == (round(w * dpr), round((h + 56) * dpr))
    assert len(data) > 50_000
    browser.driver.find_element(By.ID, "gk-picture").click()  # the button: a blob download, no error
    errors, requests = page_problems(browser)
    assert errors == [] and requests == []


def test_no_external_resource_in_the_file(pages):
    text = pages["geo"].read_text("utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", text, re.I)
    assert "default-src &#x27;none&#x27;" in text


def test_cli_writes_the_picture_and_fails_in_one_line_without_chromium(graph, pages, run_cli, tmp_path):
    html, png = tmp_path / "geo.html", tmp_path / "geo.png"
    done = run_cli("map", "--view", "geo", "--output", html, "--png", png)
    assert done.returncode == 0, done.stderr
    w, h = _png_size(png.read_bytes())
    assert 900 < w < 1440 and 600 < h < 900 and png.stat().st_size > 50_000
    html2, png2 = tmp_path / "none.html", tmp_path / "none.png"
    failed = run_cli("map", "--view", "geo", "--output", html2, "--png", png2,
                     env={"GRAPHKIT_CHROMIUM": str(tmp_path / "no-chromium")})  # fmt: skip
    assert failed.returncode != 0
    lines = failed.stderr.strip().splitlines()
    assert len(lines) == 1 and "Chromium" in lines[0], failed.stderr
    assert not png2.exists() and not html2.exists()


MOVE = """
const done = arguments[arguments.length - 1], m = window.graphkitMap, net = m.network;
const ctx = document.querySelector('#gk-canvas canvas').getContext('2d');
const s0 = net.getScale(), p0 = net.getViewPosition();
let frames = 0, light = 0, shadowed = 0, before = null;
function step() {
  if (frames < 12) {
    net.moveTo({scale: s0 * (1 + 0.1 * (frames % 6)), position: p0});
    frames++;
    requestAnimationFrame(() => {
      light += m.moving(); shadowed += ctx.hasOwnProperty('strokeText'); step();
    });
    return;
  }
  net.moveTo({scale: s0, position: p0});
  const lightAtStop = m.moving();
  setTimeout(() => done({light, shadowed, lightAtStop, after: m.moving(),
    own: ctx.hasOwnProperty('strokeText') || ctx.hasOwnProperty('setLineDash'),
    same: ctx.canvas.toDataURL() === before}), 600);
}
function begin() {  // the opening fit may have moved the camera: wait for a full-detail frame first
  if (m.moving()) { setTimeout(begin, 50); return; }
  before = ctx.canvas.toDataURL();
  step();
}
setTimeout(begin, 300);
"""


def test_a_moving_camera_draws_light_frames_and_full_detail_comes_back(pages, browser):
    browser.open(pages["geo"], ready=READY)
    browser.driver.set_script_timeout(20)
    got = browser.driver.execute_async_script(MOVE)
    assert got["light"] >= 10 and got["shadowed"] >= 10, got  # frames while moving are light
    assert got["lightAtStop"] is True, got
    assert got["after"] is False and got["own"] is False, got  # 150 ms still: the context is itself again
    assert got["same"] is True, got  # the same camera gives the same full-detail frame as before moving


def test_light_frames_can_be_switched_off(pages, browser):
    browser.open(pages["geo"], ready=READY)
    browser.js("window.graphkitMap.lightWhileMoving = false")
    browser.driver.set_script_timeout(20)
    got = browser.driver.execute_async_script(MOVE)
    assert got["light"] == 0 and got["shadowed"] == 0 and got["same"] is True, got
