"""The agency that signs: BP2MI until the ministry KP2MI was formed (21 October 2024), KP2MI since; the
agency named in the signing sentence or the lead wins, else the date decides, with a note. Every sentence
here is made up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from drafts import draft

from graphkit.extraction._agency import signing_agency


def _agency(tables: dict[str, list[dict[str, str]]]) -> str:
    (own,) = {p["organization_id"] for p in tables["parties"] if p["organization_id"] in ("bp2mi", "kp2mi")}
    return own


@pytest.mark.parametrize(
    "who",
    ["Kementerian P2MI", "KemenP2MI", "KP2MI", "Menteri P2MI Budi Santoso", "Wamen P2MI Dewi Lestari",
     "Kementerian Pelindungan Pekerja Migran Indonesia (KP2MI)", "Wakil Menteri P2MI"],
)  # fmt: skip
def test_the_ministry_named_in_the_signing_sentence_signs(tmp_path: Path, who: str) -> None:
    tables = draft(tmp_path, f"{who} dan Pemkab Ende menandatangani nota kesepahaman pada 4 Maret 2025.")
    assert _agency(tables) == "kp2mi"
    orgs = {o["id"]: o for o in tables["organizations"]}
    assert set(orgs) == {"kp2mi", "pemkab-ende"}
    assert orgs["kp2mi"]["name"] == "Kementerian Pelindungan Pekerja Migran Indonesia (KP2MI)"
    (a,) = tables["agreements"]
    assert a["title"] == "MOU KP2MI - Pemerintah Kabupaten Ende" and a["event"].startswith("kp2mi-")
    assert "agency" not in a["review"]
    (own,) = [p for p in tables["parties"] if p["organization_id"] == "kp2mi"]
    assert own["evidence"].split(": ", 1)[1] in who


def test_bp2mi_named_before_the_ministry_signs_without_a_note(tmp_path: Path) -> None:
    tables = draft(tmp_path, "BP2MI dan Pemkab Ende menandatangani nota kesepahaman pada 14 Juni 2023.")
    assert _agency(tables) == "bp2mi"
    assert [o["id"] for o in tables["organizations"]] == ["bp2mi", "pemkab-ende"]
    assert "agency" not in tables["agreements"][0]["review"]


def test_the_lead_names_the_agency_when_the_signing_sentence_does_not(tmp_path: Path) -> None:
    text = ("Ende Perkuat Pelindungan Pekerja Migran\n"
            "ENDE - KemenP2MI terus memperluas kerja sama dengan daerah asal pekerja migran.\n"
            "Pemkab Ende menandatangani nota kesepahaman itu pada 4 Maret 2025.")  # fmt: skip
    tables = draft(tmp_path, text)
    assert _agency(tables) == "kp2mi"
    assert "agency" not in tables["agreements"][0]["review"]


@pytest.mark.parametrize(
    ("date", "agency"),
    [("4 Maret 2025", "kp2mi"), ("21 Oktober 2024", "kp2mi"), ("20 Oktober 2024", "bp2mi"),
     ("14 Juni 2023", "bp2mi")],
)  # fmt: skip
def test_no_agency_named_the_signing_date_decides_with_a_note(tmp_path: Path, date: str, agency: str) -> None:
    text = f"Pemkab Ende menandatangani nota kesepahaman tentang pelindungan pekerja migran pada {date}."
    tables = draft(tmp_path, text)
    assert _agency(tables) == agency
    review = tables["agreements"][0]["review"]
    assert "agency named neither in the signing nor the lead" in review
    assert f"{agency.upper()} from the signing date" in review
    assert tables["agreements"][0]["title"].startswith(f"MOU {agency.upper()} - ")


@pytest.mark.parametrize(("date", "agency"), [("4 Maret 2025", "kp2mi"), ("3 Juni 2024", "bp2mi")])
def test_both_named_the_signing_date_decides_with_a_note(tmp_path: Path, date: str, agency: str) -> None:
    text = f"Kementerian P2MI/BP2MI dan Pemkab Ende menandatangani nota kesepahaman pada {date}."
    tables = draft(tmp_path, text)
    assert _agency(tables) == agency
    assert "the text names both BP2MI and KP2MI" in tables["agreements"][0]["review"]


def test_an_agency_named_against_its_date_is_kept_with_a_note(tmp_path: Path) -> None:
    tables = draft(tmp_path, "BP2MI dan Pemkab Ende menandatangani nota kesepahaman pada 4 Maret 2025.")
    assert _agency(tables) == "bp2mi"
    assert (
        "the article names BP2MI (the signing sentence), but KP2MI from the signing date 2025-03-04"
        in (tables["agreements"][0]["review"])
    )


def test_bnp2tki_stays_bp2mi_with_a_note(tmp_path: Path) -> None:
    tables = draft(tmp_path, "BNP2TKI dan Pemkab Ende menandatangani nota kesepahaman pada 5 Maret 2018.")
    assert _agency(tables) == "bp2mi"
    assert "the article names BNP2TKI" in tables["agreements"][0]["review"]


def test_a_year_2024_alone_does_not_tell_the_agency() -> None:
    text = "Pemkab Ende menandatangani nota kesepahaman."
    agency = signing_agency(text, (0, len(text)), dt.date(2024, 1, 1), "year")
    assert agency.id == "bp2mi" and "the signing year 2024 alone cannot tell" in agency.notes[0]
    assert signing_agency(text, (0, len(text)), dt.date(2025, 1, 1), "year").id == "kp2mi"
    assert signing_agency(text, (0, len(text)), dt.date(2023, 1, 1), "year").id == "bp2mi"
