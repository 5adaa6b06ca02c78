"""Synthetic placements by destination country (graphkit.synthetic._placements) at scales above 1."""

from __future__ import annotations

import datetime as dt
import doctest
import random
from collections import Counter
from pathlib import Path

import pytest
from test_generate import placement_totals, read

import graphkit.synthetic._placements as placements_module
from graphkit.synthetic._generate import generate
from graphkit.synthetic._placements import DESTINATIONS, by_destination, split_workers


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("national")).path


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("scale10"), scale=10).path


def test_placements_split_by_destination_keep_the_totals(national: Path, scaled: Path) -> None:
    with (national / "placements.csv").open(encoding="utf-8") as f:
        assert f.readline() == "region,year,workers,synthetic\n"  # scale 1: totals, no destination column
    small, big = read(national, "placements"), read(scaled, "placements")
    assert len(placement_totals(small)) == len(small) == 514 * 7
    assert placement_totals(big) == placement_totals(small)  # every region-year total, unchanged
    keys = [(r["region"], r["year"], r["destination"]) for r in big]
    assert len(keys) == len(set(keys))
    rows_of: Counter[tuple[str, str]] = Counter((r["region"], r["year"]) for r in big)
    for r in big:
        if r["destination"]:
            assert int(r["workers"]) >= 1
        else:  # a region-year with no workers stays one total row
            assert int(r["workers"]) == 0 and rows_of[(r["region"], r["year"])] == 1
    assert any(not r["destination"] for r in big) and sum(bool(r["destination"]) for r in big) > 30_000
    by_country: Counter[str] = Counter()
    for r in big:
        by_country[r["destination"]] += int(r["workers"])
    assert len(by_country) - 1 == len(DESTINATIONS) and set(by_country) - {""} == {n for n, _ in DESTINATIONS}
    assert {c for c, _ in by_country.most_common(3)} == {"Taiwan", "Hong Kong", "Malaysia"}
    # a big sending regency sends to more countries than a small one, at most one per country
    totals = placement_totals(small)
    small_one = min((k for k in totals if k[1] == "2023" and totals[k] >= 20), key=totals.__getitem__)
    assert rows_of[("32.12", "2023")] > rows_of[small_one] >= 1
    assert max(rows_of.values()) <= len(DESTINATIONS)


def test_placement_totals_are_the_same_at_every_scale_for_a_seed(tmp_path: Path) -> None:
    as_of = dt.date(2022, 6, 30)
    folders = {n: generate(tmp_path / f"s{n}", scale=n, seed=7, as_of=as_of).path for n in (1, 2, 3)}
    one = read(folders[1], "placements")
    for n in (2, 3):
        rows = read(folders[n], "placements")
        assert placement_totals(rows) == placement_totals(one) and len(rows) > len(one), n
    assert len(read(folders[3], "placements")) > len(read(folders[2], "placements"))
    again = generate(tmp_path / "again", scale=3, seed=7, as_of=as_of).path
    for name in ("placements.csv", "README.txt"):
        assert (again / name).read_bytes() == (folders[3] / name).read_bytes()
    readme = (folders[3] / "README.txt").read_text(encoding="utf-8")
    assert "by destination country" in readme and "INVENTED" in readme and "Taiwan" in readme
    assert "by destination country" not in (folders[1] / "README.txt").read_text(encoding="utf-8")


def test_split_workers_sums_exactly_with_at_least_one_each() -> None:
    rng = random.Random(4)
    assert split_workers(rng, 3, [50.0, 1.0, 0.01]) == [1, 1, 1]  # as many workers as parts
    for total in (12, 17, 999, 21_615):
        parts = split_workers(rng, total, [w for _, w in DESTINATIONS[:12]])
        assert sum(parts) == total and min(parts) >= 1 and len(parts) == 12
    with pytest.raises(ValueError, match="cannot split 2 workers into 3 parts"):
        split_workers(rng, 2, [1.0, 1.0, 1.0])


def test_by_destination_is_deterministic_and_keeps_each_total() -> None:
    totals = [("32.12", 2023, 21_615), ("33.28", 2023, 7), ("33.29", 2023, 0), ("33.28", 2024, 350)]
    one, two = (by_destination(random.Random(9), totals, 10) for _ in range(2))
    assert one == two and one != by_destination(random.Random(10), totals, 10)
    sums: Counter[tuple[str, int]] = Counter()
    for region, year, _, workers in one:
        sums[(region, year)] += workers
    assert dict(sums) == {(r, y): w for r, y, w in totals}
    rows = Counter((r, y) for r, y, _, _ in one)
    assert rows[("33.28", 2023)] <= 7 and rows[("33.29", 2023)] == 1
    assert rows[("32.12", 2023)] > rows[("33.28", 2024)] > rows[("33.28", 2023)]
    wider = Counter((r, y) for r, y, _, _ in by_destination(random.Random(9), totals, 100))
    assert wider[("33.28", 2024)] > rows[("33.28", 2024)]  # more destinations at a larger scale


def test_doctests() -> None:
    result = doctest.testmod(placements_module)
    assert result.attempted >= 4 and result.failed == 0
