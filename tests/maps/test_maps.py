"""graphkit.maps on a small hand-made dataset whose text is hostile (HTML/script payloads, ``href``):
the page is self-contained, its data matches the analytics, the CLI and the demo step write it, and
(in real Chromium) every payload shows as text with no alert and no injected element."""

from __future__ import annotations

import csv
import datetime as dt
import inspect
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from graphkit.analytics import STATUSES, coverage_status
from graphkit.maps import MEASURES, VIEWS, load_map_source, render_map
from graphkit.maps._html import embed_json, vis_assets
from graphkit.maps._i18n import LANGS, MapLanguageError, labels
from graphkit.maps._layout import force_layout, pack_circles, remove_overlaps
from graphkit.maps._measures import MapMeasureError
from graphkit.maps._page import MapViewError, build_payload
from graphkit.sync._fetch import fetch_snapshot
from graphkit.sync._load import load_dataset

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HREF = 'Yayasan href="javascript:alert(1)" Migran'
TITLE = f"Peta {SCRIPT}{IMG}"
AS_OF = dt.date(2024, 6, 30)

TABLES: dict[str, list[dict[str, str]]] = {
    "sources": [
        {
            "id": "src-x",
            "title": f"Berita {SCRIPT}",
            "publisher": IMG,
            "published_on": "2021-02-01",
            "url": "javascript:alert(1)",
        },
    ],
    "organizations": [
        {
            "id": "bp2mi",
            "name": "Badan Pelindungan Pekerja Migran Indonesia",
            "type": "agency",
            "region": "31.74",
            "aliases": "BP2MI",
            "source_id": "src-x",
        },
        {
            "id": "evil-gov",
            "name": f"Pemerintah {SCRIPT}",
            "type": "regional_government",
            "region": "33.28",
            "aliases": f"Tegal{IMG}",
            "source_id": "src-x",
        },
        {
            "id": "evil-school",
            "name": f"Sekolah {IMG}",
            "type": "education",
            "region": "33.74",
            "aliases": "",
            "source_id": "",
        },
        {
            "id": "href-org",
            "name": HREF,
            "type": "community",
            "region": "Kota Palu",
            "aliases": "href",
            "source_id": "src-x",
        },
        {
            "id": "jatim",
            "name": "Pemerintah Provinsi Jawa Timur",
            "type": "regional_government",
            "region": "35",
            "aliases": "",
            "source_id": "",
        },
    ],
    "agreements": [
        {
            "id": "mou-1",
            "kind": "mou",
            "signed_on": "2019-03-01",
            "number": IMG,
            "title": f"MoU {SCRIPT}",
            "expires_on": "",
            "parent_id": "",
            "scopes": "protection",
            "source_id": "src-x",
        },
        {
            "id": "pks-1",
            "kind": "pks",
            "signed_on": "2021-05-10",
            "number": "",
            "title": f"PKS {HREF}",
            "expires_on": "2023-05-10",
            "parent_id": "mou-1",
            "scopes": "",
            "source_id": "",
        },
        {
            "id": "mou-2",
            "kind": "mou",
            "signed_on": "2022-01-20",
            "number": "",
            "title": "MoU Jawa Timur",
            "expires_on": "2027-01-20",
            "parent_id": "",
            "scopes": "",
            "source_id": "",
        },
    ],
    "parties": [
        {"agreement_id": "mou-1", "organization_id": "bp2mi", "role": "first_party"},
        {"agreement_id": "mou-1", "organization_id": "evil-gov", "role": "second_party"},
        {"agreement_id": "pks-1", "organization_id": "bp2mi", "role": "first_party"},
        {"agreement_id": "pks-1", "organization_id": "evil-school", "role": "second_party"},
        {"agreement_id": "pks-1", "organization_id": "href-org", "role": "second_party"},
        {"agreement_id": "mou-2", "organization_id": "bp2mi", "role": "first_party"},
        {"agreement_id": "mou-2", "organization_id": "jatim", "role": "second_party"},
    ],
    "follow_ups": [
        {
            "id": "fu-1",
            "agreement_id": "mou-1",
            "kind": "training",
            "date": "2019-09-01",
            "region": "33.28",
            "description": f"Pelatihan {IMG} {SCRIPT}",
            "source_id": "src-x",
        },
    ],
    "programs": [
        {
            "id": "prog-1",
            "name": f"Program {SCRIPT}",
            "kind": "community",
            "started_on": "2020-01-01",
            "source_id": "src-x",
        },
    ],
    "program_regions": [
        {"program_id": "prog-1", "region": "72", "since": "2020-02-01", "organization_id": "href-org"},
    ],
}


def _write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in TABLES.items():
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return folder


@pytest.fixture(scope="module")
def loaded(graph, tmp_path_factory):
    load_dataset(_write(tmp_path_factory.mktemp("hostile")), graph)
    return graph


@pytest.fixture(scope="module")
def pages(loaded, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("maps")
    source = load_map_source(loaded)
    return {
        view: render_map(None, out / f"{view}.html", view=view, as_of=AS_OF, title=TITLE, source=source).path
        for view in VIEWS
    }


def _payload(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="gk-data">(.*?)</script>', text, re.S)
    assert block is not None
    return json.loads(block.group(1))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


# ------------------------------------------------------------------------------------------ pure parts


def test_embed_json_cannot_close_its_script_block():
    data = {"a": SCRIPT + "<!--" + IMG + "\u2028&"}
    text = embed_json(data)
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text) == data


def test_vis_network_comes_from_the_installed_pyvis_without_source_maps():
    import pyvis

    js, css = vis_assets()
    bundled = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    assert js.strip() in bundled.read_text(encoding="utf-8")
    assert "sourceMappingURL" not in js + css
    assert "</script" not in js.lower()


def test_labels_have_the_same_keys_in_every_language():
    keys = {lang: set(labels(lang)) for lang in LANGS}
    assert keys["id"] == keys["en"]
    assert labels("id")["year"] != labels("en")["year"]
    with pytest.raises(MapLanguageError):
        labels("fr")


def test_force_layout_is_deterministic_and_keeps_ties_short():
    edges = [(i, i + 1, 1.0) for i in range(9)] + [(10, 11, 1.0)]
    a, b = force_layout(12, edges, seed=3), force_layout(12, edges, seed=3)
    assert np.array_equal(a, b)
    tied = np.mean([np.linalg.norm(a[i] - a[j]) for i, j, _ in edges])
    spread = np.mean([np.linalg.norm(a[i] - a[j]) for i in range(12) for j in range(i + 1, 12)])
    assert tied < spread


def test_overlaps_are_removed_and_circles_packed_apart():
    rng = np.random.default_rng(1)
    radii = rng.uniform(3, 12, 60)
    pos = remove_overlaps(rng.normal(0, 5, (60, 2)), radii, gap=2.0, rounds=200)
    worst = min(np.linalg.norm(pos[i] - pos[j]) - radii[i] - radii[j]
                for i in range(60) for j in range(i + 1, 60))  # fmt: skip
    assert worst > -0.5
    centres = pack_circles(list(radii), centre=30.0, gap=2.0)
    for i in range(60):
        assert np.hypot(*centres[i]) >= 30.0 + radii[i]
        for j in range(i):
            assert (
                np.hypot(centres[i][0] - centres[j][0], centres[i][1] - centres[j][1]) >= radii[i] + radii[j]
            )


def test_an_empty_graph_or_regions_alone_still_make_pages(tmp_path):
    from graphkit.analytics import Snapshot
    from graphkit.analytics._snapshot import RegionRow
    from graphkit.dataset._regions import all_regions
    from graphkit.maps import MapSource
    from graphkit.maps._details import MapDetails

    rows = [RegionRow(r.code, r.name, r.level, r.province_code, r.kind, r.short_name, r.lat, r.lon)
            for r in all_regions()]  # fmt: skip
    for name, snapshot in (("empty", Snapshot()), ("regions", Snapshot(regions=rows))):
        for view in VIEWS:
            result = render_map(None, tmp_path / f"{name}-{view}.html", view=view, as_of=AS_OF,
                                source=MapSource(snapshot, MapDetails()))  # fmt: skip
            payload = _payload(result.path)
            assert len(payload["frames"]) == 1 and payload["edges"] == []
            regencies = sum(1 for r in rows if r.level == "regency")
            provinces = len(rows) - regencies
            expected = 0 if name == "empty" else (provinces if view == "province" else regencies)
            assert result.nodes == expected


# ------------------------------------------------------------------------------------------ from the graph


def test_every_view_is_one_self_contained_file(pages):
    for view, path in pages.items():
        text = path.read_text(encoding="utf-8")
        parser = _Tags()
        parser.feed(text)
        for tag, attrs in parser.tags:
            assert tag not in ("link", "iframe", "img", "object", "embed", "base"), (view, tag)
            assert "src" not in attrs and "href" not in attrs, (view, tag, attrs)
        assert [t for t, _ in parser.tags].count("script") == 3
        assert not re.search(r"url\(\s*(?!['\"]?data:)", text), view  # CSS only uses data: URLs
        csp = next(
            a["content"]
            for t, a in parser.tags
            if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
        )
        assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert f"<title>{SCRIPT}" not in text and "&lt;script&gt;" in text  # escaped in <title>


def test_payload_matches_the_analytics(loaded, pages):
    snapshot = fetch_snapshot(loaded)
    for view in ("network", "geo"):
        payload = _payload(pages[view])
        assert payload["meta"]["title"] == TITLE
        assert payload["frames"][-1]["date"] == AS_OF.isoformat()
        assert [f["label"] for f in payload["frames"]][:-1] == [str(y) for y in range(2019, AS_OF.year)]
        for frame, states in zip(payload["frames"], payload["state"]["nodes"], strict=True):
            expected = {
                r.code: r.status for r in coverage_status(snapshot, dt.date.fromisoformat(frame["date"]))
            }
            shown = {n["r"]: STATUSES[s] for n, s in zip(payload["nodes"], states, strict=True)
                     if n["g"] == "regency"}  # fmt: skip
            assert shown == expected
        names = {n["name"] for n in payload["nodes"]}
        assert {o["name"] for o in TABLES["organizations"]} <= names
    province = _payload(pages["province"])
    assert len(province["nodes"]) == len([r for r in snapshot.regions if r.level == "province"])
    last = coverage_status(snapshot, AS_OF)
    reached = {n["r"]: s for n, s in zip(province["nodes"], province["state"]["nodes"][-1], strict=True)}
    for code, covered in reached.items():
        assert covered == sum(1 for r in last if r.province_code == code and r.status in ("active", "idle"))


def test_org_states_follow_the_agreements(pages):
    payload = _payload(pages["network"])
    index = {n["id"]: i for i, n in enumerate(payload["nodes"])}
    frames = [f["label"] for f in payload["frames"]]
    school = [states[index["org:evil-school"]] for states in payload["state"]["nodes"]]
    pks_bit = 1 << payload["kinds"].index("pks")
    # PKS signed 2021-05-10, expired 2023-05-10: absent, in force, then lapsed
    assert school[frames.index("2020")] == 0
    assert school[frames.index("2021")] & pks_bit
    assert school[frames.index("2023")] == 32
    edge_kinds = {
        (payload["nodes"][a]["id"], payload["nodes"][b]["id"]): k for a, b, k, *_ in payload["edges"]
    }
    assert edge_kinds[("org:bp2mi", "org:evil-gov")] == "party"
    assert any(k == "program" for (a, b), k in edge_kinds.items() if "org:href-org" in (a, b))


def test_unknown_view_or_measure_is_refused(loaded):
    source = load_map_source(loaded)
    with pytest.raises(MapViewError):
        build_payload(source.snapshot, source.details, view="globe", as_of=AS_OF)
    with pytest.raises(MapMeasureError):
        build_payload(source.snapshot, source.details, view="network", as_of=AS_OF, size_by="fame")


def test_too_large_views_switch_to_province(loaded, tmp_path):
    result = render_map(loaded, tmp_path / "m.html", view="geo", as_of=AS_OF, max_nodes=10)
    assert result.view == "province" and result.auto_province
    assert _payload(result.path)["meta"]["auto_province"] is True


def test_cli_map_writes_the_file_and_refuses_bad_options(loaded, run_cli, tmp_path):
    out = tmp_path / "peta.html"
    done = run_cli("map", "--view", "geo", "--lang", "en", "--as-of", AS_OF.isoformat(), "--size-by",
                   "betweenness", "--output", out)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout and "geo map" in done.stdout
    payload = _payload(out)
    assert payload["meta"]["lang"] == "en" and payload["labels"]["year"] == "Year"
    assert payload["meta"]["size_by"] == "betweenness"
    bad = run_cli("map", "--view", "globe", "--output", tmp_path / "x.html")
    assert bad.returncode == 2 and not (tmp_path / "x.html").exists()


def test_cli_measure_choices_are_the_library_measures():
    from graphkit.cli.maps import _MEASURES

    assert set(_MEASURES) == set(MEASURES)


def test_demo_step_writes_the_three_views(loaded, tmp_path):
    from graphkit.demo import _demo
    from graphkit.demo._demo import DemoContext

    step = next(s for s in _demo.STEPS if "graphkit.demo._maps" in inspect.getsource(s))
    lines: list[str] = []
    ctx = DemoContext(loaded, tmp_path, tmp_path, lines.append)
    step(ctx)
    for view in VIEWS:
        path = tmp_path / "maps" / f"{view}.html"
        assert path.is_file() and any(str(path) in line for line in lines)
    assert ctx.extra["maps"]["geo"] == tmp_path / "maps" / "geo.html"


# ------------------------------------------------------------------------------------------ in Chromium


@pytest.mark.browser
def test_hostile_text_renders_as_text_in_every_place(pages):
    from browser import chrome, page_problems
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    with chrome() as browser:
        for view, path in pages.items():
            browser.open(path, ready="window.graphkitReady")
            assert browser.driver.find_element(By.ID, "gk-title").text == TITLE
            assert browser.driver.title == TITLE
            box = browser.driver.find_element(By.ID, "gk-search")
            for query, shown in (("Pemerintah <script", f"Pemerintah {SCRIPT}"), ("href", HREF),
                                 ("Sekolah", f"Sekolah {IMG}")):  # fmt: skip
                box.clear()
                box.send_keys(query)
                results = [li.text for li in browser.driver.find_elements(By.CSS_SELECTOR, "#gk-results li")]
                assert any(shown in r for r in results), (view, query, results)
                box.send_keys(Keys.ENTER)
                detail = browser.driver.find_element(By.ID, "gk-detail-body").text
                assert detail, (view, query)
            if view != "province":
                browser.js("window.graphkitMap.focus(arguments[0])", _node_index(path, "org:evil-gov"))
                detail = browser.driver.find_element(By.ID, "gk-detail-body").text
                for text in (f"Pemerintah {SCRIPT}", f"MoU {SCRIPT}", IMG, f"Pelatihan {IMG} {SCRIPT}",
                             f"Berita {SCRIPT}", f"Tegal{IMG}", "javascript:alert(1)"):  # fmt: skip
                    assert text in detail, (view, text)
            assert browser.alert_text() is None
            assert browser.js("return document.querySelectorAll('img').length") == 0
            assert browser.js("return document.scripts.length") == 3
            assert browser.js("return document.querySelectorAll('[onerror], a[href]').length") == 0
            options = browser.js("return Array.from(document.querySelectorAll('select option'), o => o.text)")
            assert len(options) == 1 + len(_payload(path)["provinces"])
            errors, requests = page_problems(browser)
            assert errors == [] and requests == [], (view, errors, requests)


def _node_index(path: Path, node_id: str) -> int:
    return next(i for i, n in enumerate(_payload(path)["nodes"]) if n["id"] == node_id)
