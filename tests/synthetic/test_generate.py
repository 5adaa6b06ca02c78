"""Tests for the synthetic generator (graphkit.synthetic) and the news dataset (graphkit/data/news)."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from graphkit._errors import InputError
from graphkit.dataset._regions import provinces, regencies, resolve_region
from graphkit.synthetic._generate import FILES, generate

PUBLISHED = {"regional_government": 195, "education": 128, "health": 14, "financial": 2, "government": 3}
AS_OF_CHECK = dt.date(2026, 11, 23)
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NEWS = Path(__file__).resolve().parents[2] / "graphkit" / "data" / "news"
REGION_CODES = {r.code for r in provinces()} | {r.code for r in regencies()}


def read(folder: Path, name: str) -> list[dict[str, str]]:
    path = folder / f"{name}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def tables(folder: Path) -> dict[str, list[dict[str, str]]]:
    return {name: read(folder, name) for name in FILES}


def end_of(row: dict[str, str]) -> dt.date:
    signed = dt.date.fromisoformat(row["signed_on"])
    if row["expires_on"]:
        return dt.date.fromisoformat(row["expires_on"])
    try:
        return signed.replace(year=signed.year + 5)
    except ValueError:
        return signed.replace(year=signed.year + 5, day=28)


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("national")
    generate(out)
    return out


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scale10")
    generate(out, scale=10)
    return out


# --- determinism -------------------------------------------------------------------------------------------


def test_same_seed_gives_identical_bytes(national: Path, tmp_path: Path) -> None:
    summary = generate(tmp_path / "again", seed=2018)
    written = sorted(p.name for p in national.iterdir())
    assert written == sorted([f"{name}.csv" for name in FILES] + ["README.txt"])
    for name in written:
        assert (tmp_path / "again" / name).read_bytes() == (national / name).read_bytes(), name
    assert summary.counts == {name: len(read(national, name)) for name in FILES}


def test_bytes_do_not_depend_on_hash_seed(tmp_path: Path) -> None:
    """Set or dict order must not leak into the output: two processes with different hash seeds agree."""
    code = "import sys, pathlib, graphkit.synthetic._generate as g; g.generate(pathlib.Path(sys.argv[1]))"
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        root = Path(__file__).resolve().parents[2]
        subprocess.run([sys.executable, "-c", code, str(tmp_path / hash_seed)], check=True, env=env, cwd=root)
    for name in [f"{n}.csv" for n in FILES] + ["README.txt"]:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


def test_other_seed_gives_other_data(national: Path, tmp_path: Path) -> None:
    generate(tmp_path / "other", seed=7)
    for name in ("organizations", "agreements", "parties", "follow_ups", "program_regions", "placements"):
        assert (tmp_path / "other" / f"{name}.csv").read_bytes() != (national / f"{name}.csv").read_bytes(), (
            name
        )
    # ... but the published aggregates hold for every seed
    assert partner_counts(tables(tmp_path / "other")) == PUBLISHED


# --- published aggregates ----------------------------------------------------------------------------------


def partner_counts(data: dict[str, list[dict[str, str]]]) -> dict[str, int]:
    """Organizations of the published types that are party to at least one agreement, by type."""
    types = {o["id"]: o["type"] for o in data["organizations"]}
    parties = {p["organization_id"] for p in data["parties"]}
    counted = Counter(types[o] for o in parties if types[o] in PUBLISHED)
    return dict(sorted(counted.items(), key=lambda kv: list(PUBLISHED).index(kv[0])))


def test_published_aggregates_hold_exactly_at_scale_1(national: Path) -> None:
    data = tables(national)
    assert partner_counts(data) == PUBLISHED
    # no organization of those types sits outside every agreement, so the count is the type count too
    by_type = Counter(o["type"] for o in data["organizations"])
    assert {t: by_type[t] for t in PUBLISHED} == PUBLISHED
    # each of them had an MoU before the press release of 14 March 2024 that published the counts
    first_mou: dict[str, dt.date] = {}
    kinds = {a["id"]: (a["kind"], dt.date.fromisoformat(a["signed_on"])) for a in data["agreements"]}
    for p in data["parties"]:
        kind, signed = kinds[p["agreement_id"]]
        if kind == "mou":
            first_mou[p["organization_id"]] = min(signed, first_mou.get(p["organization_id"], signed))
    types = {o["id"]: o["type"] for o in data["organizations"]}
    for org, kind in types.items():
        if kind in PUBLISHED:
            assert first_mou[org] < dt.date(2024, 3, 14), org
    sources = {s["id"]: s for s in data["sources"]}
    assert sources["bp2mi-2024-03-14-monev"]["published_on"] == "2024-03-14"
    assert sources["bp2mi-2024-03-14-monev"]["publisher"] == "BP2MI (Humas)"


def test_agencies_and_shape_at_scale_1(national: Path) -> None:
    data = tables(national)
    orgs = {o["id"]: o for o in data["organizations"]}
    assert orgs["bp2mi"]["type"] == "agency" and orgs["bp2mi"]["region"].startswith("31")
    units = [o for o in data["organizations"] if o["id"].startswith("syn-upt-")]
    assert len(units) == 23 and all(u["type"] == "agency" for u in units)
    assert all(o["id"] == "bp2mi" or o["id"].startswith("syn-") for o in data["organizations"])
    pemda = [o for o in data["organizations"] if o["type"] == "regional_government"]
    by_province = Counter(o["region"][:2] for o in pemda)
    big = sum(by_province[p] for p in ("35", "33", "32", "52", "53", "18", "12"))
    assert big > len(pemda) / 2, by_province  # concentrated in the big sending provinces
    assert any("." not in o["region"] for o in pemda)  # some provincial governments
    assert "Pemerintah Kabupaten Indramayu" in {o["name"] for o in pemda}
    # ceremonies: several partners sign MoUs with BP2MI on the same day
    mou_days = Counter(a["signed_on"] for a in data["agreements"] if a["kind"] == "mou")
    assert mou_days.most_common(1)[0][1] >= 10
    kinds = Counter(a["kind"] for a in data["agreements"])
    assert kinds["mou"] > kinds["pks"] > kinds["technical"] > 0


def test_programs_and_placements_at_scale_1(national: Path) -> None:
    data = tables(national)
    rows = defaultdict(list)
    for r in data["program_regions"]:
        rows[r["program_id"]].append(r["region"])
    kawan = rows["syn-prog-kawan-pmi"]
    assert len(kawan) == 175 and all("." in c for c in kawan) and len({c[:2] for c in kawan}) == 9
    perwira = rows["syn-prog-perwira-pmi"]
    assert len(perwira) == 23 and all("." not in c for c in perwira)
    assert {"syn-prog-satgas-tppo", "syn-prog-desa-migran-emas"} <= set(rows)
    totals: Counter[int] = Counter()
    for p in data["placements"]:
        totals[int(p["year"])] += int(p["workers"])
    assert sorted(totals) == list(range(2019, 2026))
    assert totals[2023] == 273_747
    latest = sorted((r for r in data["placements"] if r["year"] == "2023"), key=lambda r: -int(r["workers"]))
    assert "32.12" in {r["region"] for r in latest[:5]}  # Kabupaten Indramayu
    assert int(latest[-1]["workers"]) == 0  # small or zero elsewhere
    assert len({r["region"] for r in data["placements"]}) == 514


# --- integrity, labels, dates ------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["national", "scaled"])
def test_referential_integrity(which: str, request: pytest.FixtureRequest) -> None:
    data = tables(request.getfixturevalue(which))
    ids = {}
    for name in ("sources", "organizations", "agreements", "programs", "follow_ups"):
        column = [r["id"] for r in data[name]]
        assert len(column) == len(set(column)), f"duplicate id in {name}"
        ids[name] = set(column)
    agreements = {a["id"]: a for a in data["agreements"]}
    pairs = [(p["agreement_id"], p["organization_id"]) for p in data["parties"]]
    assert len(pairs) == len(set(pairs))
    assert {a for a, _ in pairs} == ids["agreements"]  # every agreement has parties ...
    assert {o for _, o in pairs} <= ids["organizations"]
    assert all(n >= 2 for n in Counter(a for a, _ in pairs).values())  # ... at least two
    for a in data["agreements"]:
        assert a["source_id"] == "synthetic"
        if a["parent_id"]:
            parent = agreements[a["parent_id"]]
            assert parent["kind"] == "mou" and a["kind"] == "pks" and parent["signed_on"] <= a["signed_on"]
    for f in data["follow_ups"]:
        assert f["agreement_id"] in ids["agreements"] and f["source_id"] in ids["sources"]
        assert f["region"] in REGION_CODES
    for p in data["programs"]:
        assert p["source_id"] in ids["sources"]
    keys = [(r["program_id"], r["region"]) for r in data["program_regions"]]
    assert len(keys) == len(set(keys))
    assert {k for k, _ in keys} == ids["programs"]
    for r in data["program_regions"]:
        assert r["region"] in REGION_CODES
        assert r["organization_id"] == "" or r["organization_id"] in ids["organizations"]
    for o in data["organizations"]:
        assert o["region"] in REGION_CODES and o["source_id"] in ids["sources"]
    assert {p["region"] for p in data["placements"]} <= REGION_CODES


@pytest.mark.parametrize("which", ["national", "scaled"])
def test_every_row_says_synthetic(which: str, request: pytest.FixtureRequest) -> None:
    folder = request.getfixturevalue(which)
    for name, rows in tables(folder).items():
        assert rows, name
        assert all(r["synthetic"] == "true" for r in rows), name
    source = {s["id"]: s for s in read(folder, "sources")}["synthetic"]
    assert (
        source["publisher"] == "graphkit"
        and "not real data" in source["title"]
        and "seed 2018" in source["title"]
    )
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert readme.startswith("SYNTHETIC") and "seed  = 2018" in readme and "195 regional government" in readme


@pytest.mark.parametrize("which", ["national", "scaled"])
def test_dates_are_iso_and_consistent(which: str, request: pytest.FixtureRequest) -> None:
    data = tables(request.getfixturevalue(which))
    last = dt.date(2025, 12, 31)
    signed = {}
    for a in data["agreements"]:
        assert ISO.match(a["signed_on"]) and (a["expires_on"] == "" or ISO.match(a["expires_on"]))
        day = dt.date.fromisoformat(a["signed_on"])
        assert dt.date(2018, 1, 1) <= day <= last
        assert end_of(a) >= day
        signed[a["id"]] = (day, end_of(a))
    for f in data["follow_ups"]:
        day = dt.date.fromisoformat(f["date"])
        start, end = signed[f["agreement_id"]]
        assert ISO.match(f["date"]) and start < day <= min(end, last)
    for r in data["program_regions"]:
        assert ISO.match(r["since"]) and dt.date.fromisoformat(r["since"]) <= last
    for p in data["programs"]:
        assert ISO.match(p["started_on"])


def test_some_expired_some_in_force_and_few_follow_ups(national: Path) -> None:
    data = tables(national)
    agreements = data["agreements"]
    expired = [a for a in agreements if end_of(a) < AS_OF_CHECK]
    in_force = [a for a in agreements if dt.date.fromisoformat(a["signed_on"]) <= AS_OF_CHECK <= end_of(a)]
    assert len(expired) >= 50 and len(in_force) >= 50
    assert any(a["expires_on"] for a in agreements) and any(not a["expires_on"] for a in agreements)
    terms = Counter(
        round((end_of(a) - dt.date.fromisoformat(a["signed_on"])).days / 365)
        for a in agreements
        if a["kind"] == "mou"
    )
    assert terms[5] > terms[3] > 0
    followed = {f["agreement_id"] for f in data["follow_ups"]}
    assert 0.05 < len(followed) / len(agreements) < 0.4
    assert {f["kind"] for f in data["follow_ups"]} >= {
        "action_plan",
        "regulation",
        "budget",
        "training",
        "service",
    }


def test_scale_10_grows_about_tenfold(national: Path, scaled: Path) -> None:
    small, big = tables(national), tables(scaled)
    for name in ("organizations", "agreements", "parties", "follow_ups", "programs", "program_regions"):
        ratio = len(big[name]) / len(small[name])
        assert 7 <= ratio <= 13, (name, ratio)
    assert partner_counts(big) == {t: 10 * n for t, n in PUBLISHED.items()}
    villages = [o for o in big["organizations"] if o["name"].startswith("Pemerintah Desa ")]
    assert villages and all(o["type"] == "regional_government" and "." in o["region"] for o in villages)
    ratio = len(big["placements"]) / len(small["placements"])  # split by destination country
    assert 7 <= ratio <= 15, ratio
    regions_used = {o["region"] for o in big["organizations"]} | {r["region"] for r in big["program_regions"]}
    assert regions_used <= REGION_CODES and len(REGION_CODES) == 38 + 514


def placement_totals(rows: list[dict[str, str]]) -> dict[tuple[str, str], int]:
    """Workers per (region, year), summed over destinations."""
    totals: Counter[tuple[str, str]] = Counter()
    for r in rows:
        totals[(r["region"], r["year"])] += int(r["workers"])
    return dict(totals)


def test_as_of_limits_the_history(tmp_path: Path) -> None:
    as_of = dt.date(2022, 6, 30)
    generate(tmp_path, as_of=as_of)
    data = tables(tmp_path)
    days = [a["signed_on"] for a in data["agreements"]] + [f["date"] for f in data["follow_ups"]]
    days += [r["since"] for r in data["program_regions"]]
    assert max(days) <= as_of.isoformat()
    assert sorted({int(p["year"]) for p in data["placements"]}) == [2019, 2020, 2021]
    assert partner_counts(data) == PUBLISHED


@pytest.mark.parametrize(
    "kwargs", [{"scale": 0}, {"scale": 1.5}, {"scale": True}, {"seed": "x"}, {"as_of": dt.date(2018, 1, 1)}]
)
def test_bad_arguments_are_input_errors(kwargs: dict, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        generate(tmp_path, **kwargs)
    assert not list(tmp_path.iterdir())


@pytest.mark.slow
def test_scale_100_is_fast_and_valid(tmp_path: Path, national: Path) -> None:
    start = time.perf_counter()
    summary = generate(tmp_path, scale=100)
    assert time.perf_counter() - start < 60  # measured ~2.7 s alone on 2 cores
    assert summary.organizations > 30_000 and summary.agreements > 40_000
    data = tables(tmp_path)
    # placements: split over a few dozen countries at most, so about 20-30 times the rows, not 100
    assert 20 <= len(data["placements"]) / len(read(national, "placements")) <= 30
    assert placement_totals(data["placements"]) == placement_totals(read(national, "placements"))
    assert partner_counts(data) == {t: 100 * n for t, n in PUBLISHED.items()}
    assert {o["region"] for o in data["organizations"]} <= REGION_CODES
    validate = pytest.importorskip("graphkit.dataset._validate").validate_dataset
    assert validate(tmp_path).synthetic


def test_generated_datasets_validate(national: Path, scaled: Path) -> None:
    validate = pytest.importorskip("graphkit.dataset._validate").validate_dataset
    for folder in (national, scaled):
        dataset = validate(folder)
        assert dataset.synthetic and not dataset.warnings
        assert dataset.counts()["organizations"] == len(read(folder, "organizations"))


# --- the news dataset --------------------------------------------------------------------------------------


def news() -> dict[str, list[dict[str, str]]]:
    return {name: read(NEWS, name) for name in FILES}


def test_news_every_source_is_used_and_nothing_is_synthetic() -> None:
    data = news()
    used = {r["source_id"] for rows in data.values() for r in rows if r.get("source_id")}
    ids = [s["id"] for s in data["sources"]]
    assert len(ids) == 5 and len(set(ids)) == 5
    assert used == set(ids)
    assert all("synthetic" not in rows[0] for rows in data.values() if rows)
    for s in data["sources"]:
        assert s["article_file"].startswith("seeds/") and s["publisher"]
        assert s["published_on"] == "" or ISO.match(s["published_on"])


def test_news_ambiguous_regions_are_left_empty_with_a_note() -> None:
    orgs = {o["id"]: o for o in news()["organizations"]}
    for org_id, name, codes in (
        ("pemda-tegal", "Tegal", ("33.28", "33.76")),
        ("pemda-magelang", "Magelang", ("33.08", "33.71")),
    ):
        org = orgs[org_id]
        assert org["region"] == "" and name in org["name"]
        assert org["region_candidates"].split(";") == list(codes)
        assert all(code in org["note"] for code in codes) and "AMBIGUOUS" in org["note"]
        assert sorted(r.code for r in regencies() if r.short_name == name) == list(codes)
    for org_id, short in (
        ("pemda-palu", "Palu"),
        ("pemda-sarolangun", "Sarolangun"),
        ("pemda-wonogiri", "Wonogiri"),
    ):
        assert orgs[org_id]["region"] == resolve_region(short).code
    # Bandung (Kabupaten 32.04 or Kota 32.73) gets no program region, only a note
    data = news()
    assert not {r["region"] for r in data["program_regions"]} & {"32.04", "32.73", "32"}
    kawan = {p["id"]: p for p in data["programs"]}["kawan-pmi"]
    assert "Bandung" in kawan["note"] and "32.04" in kawan["note"] and "32.73" in kawan["note"]


def test_news_dates_keep_their_precision() -> None:
    agreements = news()["agreements"]
    by_precision = defaultdict(list)
    for a in agreements:
        assert ISO.match(a["signed_on"]) and a["signed_on_precision"]
        by_precision[a["signed_on_precision"]].append(a)
    for a in by_precision["year"]:
        assert a["signed_on"].endswith("-01-01")
        assert "Rabu" in a["note"] or "Kamis" in a["note"]
    (iom,) = by_precision["day_inferred"]
    assert iom["signed_on"] == "2021-11-25" and dt.date(2021, 11, 25).weekday() == 3  # a Thursday (Kamis)
    assert "202'" in iom["note"] and "Kamis" in iom["note"]
    named = {p["organization_id"] for p in news()["parties"] if p["agreement_id"].startswith("antara-2024-")}
    assert len(named) == 8  # BP2MI and the seven partners the 2024 article names, no invented ones


def test_news_dataset_validates() -> None:
    validate = pytest.importorskip("graphkit.dataset._validate").validate_dataset
    dataset = validate(NEWS)
    assert not dataset.synthetic and not dataset.warnings and dataset.counts()["agreements"] == 9


def test_news_copies_no_sentences() -> None:
    seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("articles not beside the repository")
    words = re.compile(r"\w+")
    runs: set[tuple[str, ...]] = set()
    for article in seeds.glob("*.txt"):
        tokens = words.findall(article.read_text(encoding="utf-8").casefold())
        runs |= {tuple(tokens[i : i + 8]) for i in range(len(tokens) - 7)}
    for name, rows in news().items():
        for row in rows:
            for column, text in row.items():
                if column in ("title", "name", "aliases"):
                    continue  # a headline may serve as a title, and names are names
                tokens = words.findall(text.casefold())
                copied = [
                    tokens[i : i + 8] for i in range(len(tokens) - 7) if tuple(tokens[i : i + 8]) in runs
                ]
                assert not copied, (name, column, " ".join(copied[0]))
