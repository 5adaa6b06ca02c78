"""The public dataset (graphkit/data/public): it validates and loads, every row is sourced, no signing is
recorded twice, its README's completeness table matches its own rows, and the issue's floors hold."""

from __future__ import annotations

import csv
import importlib.util
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

import graphkit
from graphkit.dataset._validate import validate_dataset
from graphkit.reports._reports import coverage, header_line
from graphkit.sync._load import load_dataset

PUBLIC = Path(graphkit.__file__).parent / "data" / "public"
PARTNER_TYPES = ("regional_government", "education", "health", "financial", "government")


def rows(name: str) -> list[dict[str, str]]:
    with (PUBLIC / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def named_partners(until: str | None = None) -> Counter[str]:
    orgs = {o["id"]: o for o in rows("organizations")}
    signed = {a["id"] for a in rows("agreements") if until is None or a["signed_on"] <= until}
    ids = {p["organization_id"] for p in rows("parties") if p["agreement_id"] in signed}
    return Counter(orgs[i]["type"] for i in ids if orgs[i]["type"] != "agency")


def test_every_row_cites_a_source_with_a_url() -> None:
    sources = {s["id"]: s for s in rows("sources")}
    assert all(s["url"].startswith("http") for s in sources.values())
    assert len({s["url"] for s in sources.values()}) == len(sources), "one sources row per url"
    for table in ("organizations", "agreements", "follow_ups", "programs", "program_regions"):
        for r in rows(table):
            assert r["source_id"] in sources, (table, r)
    for a in rows("agreements"):
        for extra in filter(None, a["source_ids"].split(";")):
            assert extra in sources and extra != a["source_id"], a["id"]


def test_no_signing_event_is_recorded_twice() -> None:
    orgs = {o["id"]: o for o in rows("organizations")}
    kinds = {a["id"]: (a["kind"], a["signed_on"], a["signed_on_precision"]) for a in rows("agreements")}
    seen: Counter[tuple[str, ...]] = Counter()
    for p in rows("parties"):
        if orgs[p["organization_id"]]["type"] != "agency":
            kind, day, precision = kinds[p["agreement_id"]]
            width = {"year": 4, "month": 7}.get(precision, 10)  # a month-only date covers the whole month
            seen[(p["organization_id"], kind, day[:width])] += 1
    assert seen and max(seen.values()) == 1, [k for k, n in seen.items() if n > 1]
    vague = [(o, d) for o, k, d in seen if k == "other"]  # an "other" record is not a second MoU/PKS
    assert not [x for x in vague if any((x[0], k, x[1]) in seen for k in ("mou", "pks", "technical"))]
    assert all(precision in ("day", "day_inferred", "month", "year") for _, _, precision in kinds.values())
    assert all(day.endswith("-01") for _, day, precision in kinds.values() if precision in ("month", "year"))


def test_readme_completeness_table_matches_the_data() -> None:
    text = (PUBLIC / "README.md").read_text(encoding="utf-8")
    head = re.search(r"\| partner type \| reported by (\S+) \|", text)
    assert head, "completeness table missing"
    day = head.group(1)
    found = re.findall(r"^\| (\w+) \| (\d+) \| (\d+) \| (\d+) \|$", text, re.M)
    table = {m[0]: m[1:] for m in found}
    by_then, ever = named_partners(day), named_partners()
    assert set(table) == set(PARTNER_TYPES)
    for t, (_reported, then, all_years) in table.items():
        assert (int(then), int(all_years)) == (by_then[t], ever[t]), t
    statement = (PUBLIC / "completeness.txt").read_text(encoding="utf-8").strip()
    n, m = map(int, re.match(r"names (\d+) of the (\d+) partners reported", statement).groups())
    assert n == sum(by_then[t] for t in PARTNER_TYPES)
    assert m == sum(int(v[0]) for v in table.values()) == 342
    assert statement in " ".join(text.split()), "README states the same line"


def test_readme_generated_parts_match_the_rows(tmp_path: Path) -> None:
    """scripts/public_readme.py --check: the README counts and completeness blocks are what the rows give,
    and a stale block is reported (on a copy) rather than silently accepted."""
    script = PUBLIC.parents[2] / "scripts" / "public_readme.py"
    spec = importlib.util.spec_from_file_location("public_readme", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check", "--dir", str(PUBLIC)]) == 0, "run: python scripts/public_readme.py"
    copy = tmp_path / "public"
    shutil.copytree(PUBLIC, copy)
    readme = copy / "README.md"
    stale = readme.read_text(encoding="utf-8").replace("| agreements | ", "| agreements | 1 ")
    readme.write_text(stale, encoding="utf-8")
    assert module.main(["--check", "--dir", str(copy)]) == 1
    assert module.main(["--dir", str(copy)]) == 0
    assert readme.read_bytes() == (PUBLIC / "README.md").read_bytes()


def test_floors_of_issue_13() -> None:
    orgs = rows("organizations")
    partners = [o for o in orgs if o["type"] != "agency"]
    regencies = {o["region"] for o in partners if o["type"] == "regional_government" and "." in o["region"]}
    assert len(rows("sources")) >= 40
    assert len(partners) >= 100
    assert len(regencies) >= 80
    assert len(rows("agreements")) >= 150
    assert rows("follow_ups") and rows("program_regions")
    for o in orgs:  # an ambiguous name keeps its region empty and lists candidates
        if o["region_candidates"]:
            assert not o["region"], o["id"]


@pytest.fixture(scope="module")
def loaded(graph):
    ds = validate_dataset(PUBLIC)
    assert not ds.synthetic
    result = load_dataset(ds, graph)
    assert not result.unchanged
    return graph, ds


def test_loads_into_the_embedded_database_with_every_source(loaded) -> None:
    graph, ds = loaded
    extra = sum(len(a.get("source_ids", [])) + ("source_id" in a) for a in ds.tables["agreements"])
    got = graph.query("MATCH (:Agreement)-[r:SOURCED_FROM]->(:Source) RETURN count(r) AS n")[1][0]["n"]
    assert got == extra
    meta = graph.query("MATCH (d:Dataset) RETURN d.completeness AS c")[1][0]["c"]
    assert meta and meta.startswith("names ")


def test_map_banner_says_how_complete_the_data_is(loaded, tmp_path: Path) -> None:
    from browser import chrome, page_problems  # noqa: PLC0415 (real headless Chromium, only here)

    graph, _ = loaded
    out = graphkit.render_map(graph, tmp_path / "geo.html", view="geo").path
    statement = (PUBLIC / "completeness.txt").read_text(encoding="utf-8").strip()
    with chrome() as browser:
        browser.open(out, ready="document.getElementById('gk-synthetic').hidden === false")
        banner = browser.js("return document.getElementById('gk-synthetic').textContent;")
        errors, requests = page_problems(browser)
    assert banner == statement and not errors and not requests


def test_report_header_says_how_complete_the_data_is(loaded) -> None:
    graph, _ = loaded
    df = coverage(graph=graph)
    line = header_line(df)
    statement = (PUBLIC / "completeness.txt").read_text(encoding="utf-8").strip()
    assert statement in line and "SYNTHETIC" not in line


def test_the_project_readme_states_the_real_size() -> None:
    text = " ".join((PUBLIC.parents[2] / "README.md").read_text(encoding="utf-8").split())
    partners = sum(named_partners().values())
    assert f"{len(rows('sources'))} articles cited" in text
    assert f"{partners} partner organizations" in text
    assert f"{len(rows('agreements'))} agreements signed" in text


def test_no_organization_is_recorded_twice() -> None:
    """Two ids for one body hide a double signing from the test above (found by the 2026-12-03 review)."""
    owner: dict[str, str] = {}
    twice = []
    for o in rows("organizations"):
        for name in {o["name"], *filter(None, o["aliases"].split(";"))}:
            key = " ".join(name.casefold().split())
            if owner.setdefault(key, o["id"]) != o["id"]:
                twice.append((name, owner[key], o["id"]))
    assert owner and not twice, twice


def test_every_agreement_has_one_review_row() -> None:
    with (PUBLIC / "review" / "agreements.csv").open(encoding="utf-8", newline="") as f:
        review = list(csv.DictReader(f))
    ids = [r["agreement_id"] for r in review]
    assert Counter(ids) == Counter(a["id"] for a in rows("agreements"))
    assert {r["verdict"] for r in review} <= {"confirmed", "partly", "corrected", "doubtful", "not_found"}
    for r in review:
        assert r["verdict"] == "not_found" or r["checked_url"].startswith("http"), r["agreement_id"]
        assert r["facts_found"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["reviewed_on"]), r["agreement_id"]
        assert r["verdict"] not in ("corrected", "doubtful") or r["change"], r["agreement_id"]  # says what
