"""Region names as documents write them: kind words, acronyms, English forms, spellings (extract/_places)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from graphkit.dataset._regions import get_region
from graphkit.extraction._partners import find_partners

ALIASES = Path(__file__).resolve().parents[2] / "graphkit" / "data" / "aliases.csv"


@pytest.mark.parametrize(
    ("text", "code"),
    [("Pemkab Bolmong", "71.01"), ("Bupati Bolmut", "71.08"), ("Pemkab Boltim", "71.10"), ("Bolsel", None),
     ("Bupati Mitra", "71.07"), ("Pemkab Minut", "71.06"), ("Pemkab Minsel", "71.05"),
     ("Pemkab Pangkep", "73.10"), ("Pemkab OKU", "16.01"), ("Pemkab OKI", "16.02"),
     ("Pemkot Jogja", "34.71"), ("Pemkab Selayar", "73.01"), ("Pemprov Jabar", "32"),
     ("Gubernur Jateng", "33"), ("Pemprov Jatim", "35"), ("Gubernur Kaltim", "64"), ("Pemprov Sulsel", "73"),
     ("Gubernur NTB", "52"), ("Pemprov NTT", "53"), ("Pemkot Baubau", "74.72"),
     ("Wali Kota Bau-Bau", "74.72"),
     ("Pemkab Fakfak", "92.03"), ("Kab. Ende", "53.08"), ("Kota Solok", "13.72"),
     ("Wali Kota Solok", "13.72"),
     ("Walikota Malang", "35.73"), ("Bupati Malang Sanusi", "35.07"),
     ("Pemerintah Kabupaten Tegal", "33.28"),
     ("Bandung Regency", "32.04"), ("Bandung City", "32.73"),
     ("Bupati Karawang Cellica Nurrachadiana", "32.15")],
)  # fmt: skip
def test_government_names_resolve_to_the_region_they_name(text: str, code: str | None) -> None:
    found = find_partners(f"BP2MI menandatangani MoU dengan {text} hari ini.")
    if code is None:  # "Bolsel" without a government word is not a partner
        assert found == []
        return
    assert [m.region.code if m.region else None for m in found] == [code]
    assert found[0].type == "regional_government"


def test_a_name_without_kind_stays_ambiguous_with_candidates() -> None:
    (m,) = find_partners("dengan Pemerintah Daerah Bogor.")
    assert m.region is None and [r.code for r in m.candidates] == ["32.01", "32.71"]


def test_papua_regencies_carry_a_note_about_the_2022_provinces() -> None:
    (m,) = find_partners("dengan Pemkab Merauke.")
    assert m.region.code == "93.01" and "2022" in m.notes[-1]


def test_every_alias_has_a_source_and_a_real_code() -> None:
    with ALIASES.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 50
    for row in rows:
        assert row["source"] and get_region(row["code"]).code == row["code"]


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [("Politeknik Transportasi Darat Bali", "education", "Politeknik Transportasi Darat Bali"),
     ("Universitas Muhammadiyah Pringsewu", "education", "Universitas Muhammadiyah Pringsewu"),
     ("Poltekkes Kemenkes Kupang", "education", "Poltekkes Kemenkes Kupang"),
     ("SMK Negeri 1 Ende", "education", None),
     ("STIKES Maluku Husada", "education", None), ("RSUD Dr. Soetomo", "health", None),
     ("Bank NTB Syariah", "financial", None), ("BPJS Ketenagakerjaan", "financial", None),
     ("Kementerian Ketenagakerjaan", "government", None), ("Polda Jawa Timur", "government", None),
     ("PT IDEA Indonesia Akademi Tbk", "private", None), ("IOM", "international", None),
     ("ILO", "international", None)],
)  # fmt: skip
def test_institutions_get_their_type(text: str, kind: str, name: str | None) -> None:
    (m,) = find_partners(f"BP2MI menandatangani MoU dengan {text}, disaksikan warga.")
    assert m.type == kind and (name is None or m.name == name)


def test_bp2mi_and_its_units_are_not_partners() -> None:
    assert (
        find_partners("Badan Pelindungan Pekerja Migran Indonesia (BP2MI) dan Kepala Badan Pelindungan") == []
    )


def test_the_dataset_resolver_knows_the_aliases_and_keeps_ambiguity_errors() -> None:
    from graphkit.dataset._regions import RegionError, resolve_region

    assert resolve_region("Jogja").code == "34.71" and resolve_region("Pemkab Bolmong").code == "71.01"
    assert resolve_region("Kab. Pangkep").code == "73.10"
    with pytest.raises(RegionError) as info:
        resolve_region("Tegal")
    assert str(info.value) == (
        "ambiguous region 'Tegal': 33.28 Kabupaten Tegal, 33.76 Kota Tegal; write the code or the full name"
    )


@pytest.mark.parametrize(
    ("text", "code", "words", "note"),
    [("Pemerintah Kabupaten Merauke, Papua", "93.01", "Pemerintah Kabupaten Merauke, Papua",
      "was 91.01 in Provinsi Papua, today 93.01 in Provinsi Papua Selatan"),
     ("Pemkab Sorong, Papua Barat", "96.01", "Pemkab Sorong, Papua Barat",
      "was 92.01 in Provinsi Papua Barat, today 96.01 in Provinsi Papua Barat Daya"),
     ("Pemkot Sorong, Provinsi Papua Barat", "96.71", "Pemkot Sorong, Provinsi Papua Barat", "was 92.71"),
     ("Bupati Jayawijaya, Papua", "95.01", "Bupati Jayawijaya, Papua",
      "today 95.01 in Provinsi Papua Pegunungan")],
)  # fmt: skip
def test_pre_2022_papua_names_get_todays_code_and_a_province_changed_note(
    text: str, code: str, words: str, note: str
) -> None:
    sentence = f"Pada 2021 BP2MI menandatangani MoU dengan {text}, di Jakarta."
    (m,) = find_partners(sentence)
    assert m.region.code == code and sentence[m.start : m.end] == words == m.words
    assert m.notes[0].startswith("province changed in 2022: ") and note in m.notes[0]
    assert "its province before 2022: today's code used" in m.notes[1]


def test_a_papua_province_that_fits_neither_year_is_flagged_and_unmoved_regencies_have_no_note() -> None:
    (m,) = find_partners("MoU dengan Bupati Mimika, Papua Selatan, kemarin.")
    assert m.region.code == "94.04"
    assert "but it was in Papua and is in Papua Tengah today: check" in m.notes[-1]
    (m,) = find_partners("MoU dengan Pemkab Jayapura, Papua, kemarin.")  # still in Papua (91.03)
    assert m.region.code == "91.03" and m.notes == [] and m.words == "Pemkab Jayapura"


@pytest.mark.parametrize(
    ("text", "code"),
    [("Pemkab Sangihe", "71.03"), ("Bupati Talaud", "71.04"), ("Pemkab Meranti", "14.10"),
     ("Bupati Mentawai", "13.09"), ("Pemkab Aru", "81.07"), ("Pemkab Sula", "82.05"),
     ("Pemerintah Kabupaten Tanimbar", "81.03"), ("Pemkab Kepulauan Talaud", "71.04")],
)  # fmt: skip
def test_a_kepulauan_regency_named_without_kepulauan_resolves_with_a_note(text: str, code: str) -> None:
    found = find_partners(f"BP2MI dan {text} menandatangani nota kesepahaman.")
    assert [m.region.code if m.region else None for m in found] == [code]
    if "Kepulauan" not in text:
        assert any("Kepulauan" in note for note in found[0].notes)


def test_sangihe_is_an_alias_with_its_source() -> None:
    with ALIASES.open(encoding="utf-8", newline="") as f:
        rows = {r["alias"]: r for r in csv.DictReader(f)}
    assert rows["Sangihe"]["code"] == "71.03" and rows["Sangihe"]["source"] == "press short form"
