"""Indonesian dates in news text (graphkit/extraction/_dates.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from drafts import draft

from graphkit.extraction._dates import find_dates

TODAY = dt.date(2026, 12, 2)


def _signed(tmp_path: Path, text: str) -> list[str]:
    return [r["signed_on"] for r in draft(tmp_path, text)["agreements"]]


def _one(text: str, published: dt.date | None = None, year: int | None = None):  # noqa: ANN202
    hits = find_dates(text, published, year, TODAY)
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("pada 5 April 2022 di", "2022-04-05"), ("Selasa (5/4/2022)", "2022-04-05"),
     ("Rabu, 8/12/2021", "2021-12-08"),
     ("5 Mei 2022", "2022-05-05"), ("5 Agt 2021", "2021-08-05"), ("7 Ags 2020", "2020-08-07"),
     ("1 Agu 2019", "2019-08-01"), ("3 Sept 2020", "2020-09-03"), ("2 Sep 2020", "2020-09-02"),
     ("4 Okt 2022", "2022-10-04"), ("9 Des 2022", "2022-12-09"), ("9 Jan 2022", "2022-01-09"),
     ("Jumat 29 Desember 2023", "2023-12-29")],
)  # fmt: skip
def test_dates_given_to_the_day(text: str, expected: str) -> None:
    hit = _one(text)
    assert (hit.date.isoformat(), hit.precision, hit.notes) == (expected, "day", [])
    assert text[hit.start : hit.end].strip() == hit.words


def test_day_and_month_take_the_year_from_the_published_date_or_the_dateline() -> None:
    hit = _one("Jakarta (3/12) - BP2MI", published=dt.date(2021, 12, 5))
    assert hit.date == dt.date(2021, 12, 3) and "published date" in hit.notes[0]
    assert _one("Jakarta (30/12) - x", published=dt.date(2022, 1, 2)).date == dt.date(2021, 12, 30)
    assert _one("Jakarta, (3/12)", year=2021).date == dt.date(2021, 12, 3)


def test_a_weekday_that_disagrees_with_the_date_gets_a_review_note() -> None:
    hit = _one("Senin (5/4/2022)")
    assert hit.date == dt.date(2022, 4, 5) and "Senin does not match 2022-04-05 (a Selasa)" in hit.notes[0]


def test_weekday_only_is_day_inferred_with_a_published_date_else_year_precision() -> None:
    hit = _one("Jakarta, Rabu.", published=dt.date(2024, 3, 15))
    assert (hit.date, hit.precision) == (dt.date(2024, 3, 13), "day_inferred")
    hit = _one("Jakarta, Rabu.", year=2024)
    assert (hit.date, hit.precision) == (dt.date(2024, 1, 1), "year") and "only the year" in hit.notes[0]
    assert find_dates("Jakarta, Rabu.", None, None, TODAY) == []


def test_a_broken_year_is_resolved_by_the_weekday_only_when_one_year_fits() -> None:
    hit = _one("pada kamis, 25 November 202,Yang")
    assert (hit.date, hit.precision) == (dt.date(2021, 11, 25), "day_inferred") and "202" in hit.notes[0]
    assert find_dates("pada 25 November 202 di", None, None, TODAY) == []  # no weekday: no date


def test_a_bare_fraction_is_not_a_date() -> None:
    assert find_dates("rasio 3/12 saja", None, 2021, TODAY) == []


def test_the_signing_sentence_date_beats_the_dateline_in_it(tmp_path: Path) -> None:
    text = (
        "Kupang, BP2MI (15/10) - BP2MI menandatangani MoU dengan Pemkab Ende di Jakarta, pada Selasa "
        "(14/10/2025).\n"
    )
    assert _signed(tmp_path, text) == ["2025-10-14"]


def test_the_ceremony_date_of_the_next_sentence_beats_the_dateline(tmp_path: Path) -> None:
    text = (
        "KUPANG, Rabu (15/10/2025) - BP2MI menandatangani MoU dengan Pemkab Ende.\n"
        "Acara itu berlangsung Selasa (14/10/2025) di Aula Kantor Bupati.\n"
    )
    assert _signed(tmp_path, text) == ["2025-10-14"]


def test_a_yearless_signing_day_takes_the_year_of_a_dated_quote(tmp_path: Path) -> None:
    text = (
        '"Kerja sama ini penting," kata Bupati Ende, Kamis (16/10/2025).\n\n'
        "Penandatanganan MoU BP2MI dan Pemkab Ende dilaksanakan Rabu (15/10) di Kupang.\n"
    )
    assert _signed(tmp_path, text) == ["2025-10-15"]


def test_a_date_whose_slash_before_the_year_is_mistyped_as_a_bracket_keeps_its_year(tmp_path: Path) -> None:
    hit = _one("Pada hari Kamis (9/03)2023), Bupati Ende meneken MoU.")
    assert (hit.date, hit.precision) == (dt.date(2023, 3, 9), "day")
    text = "Tepat pada hari Kamis (9/03)2023), Bupati Ende menandatangani MoU dengan Kepala BP2MI."
    assert _signed(tmp_path, text) == ["2023-03-09"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Senin (3-6-2024)", "2024-06-03"), ("Rabu (24-7-2024)", "2024-07-24"),
     ("Jumat, 7-3-2025", "2025-03-07"), ("(12-11-2023)", "2023-11-12")],
)  # fmt: skip
def test_a_day_date_with_hyphens_is_day_month_year_like_with_slashes(text: str, expected: str) -> None:
    hit = _one(text)
    assert (hit.date.isoformat(), hit.precision, hit.notes) == (expected, "day", [])
    assert text[hit.start : hit.end].strip() == hit.words


def test_hyphenated_numbers_without_a_weekday_or_bracket_or_full_year_are_not_dates(tmp_path: Path) -> None:
    assert find_dates("nomor 3-6-2024 pada berkas", None, 2024, TODAY) == []
    assert find_dates("skor (3-6) pada babak itu", None, 2024, TODAY) == []
    text = "Bupati Lembata menandatangani nota kesepahaman dengan BP2MI di Kupang, Kamis (18-4-2024).\n"
    assert _signed(tmp_path, text) == ["2024-04-18"]


def test_an_undated_article_takes_its_year_from_the_url_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.meta.json").write_text('{"url": "https://kabar.example/2022/03/teken-mou.html"}')
    text = "Rapat itu ditandai penandatanganan nota kesepahaman BP2MI dengan Pemkab Langkat."
    tables = draft(tmp_path, text)
    (row,) = tables["agreements"]
    assert (row["signed_on"], row["signed_on_precision"]) == ("2022-01-01", "year")
    assert "year 2022 of publication (2022-03 in the url) only" in row["review"]
    assert "published 2022-03 read from the url: check" in tables["sources"][0]["review"]


def test_a_url_day_is_the_published_date_a_weekday_is_read_against(tmp_path: Path) -> None:
    (tmp_path / "a.meta.json").write_text('{"url": "https://kabar.example/2024/02/21/teken-mou/"}')
    tables = draft(tmp_path, "Pemkot Batam dan BP2MI menandatangani nota kesepakatan, Selasa (20/2).")
    (row,) = tables["agreements"]
    assert row["signed_on"] == "2024-02-20"
    assert tables["sources"][0]["published_on"] == "2024-02-21"
