"""Who signed (extract/_signers): only when the article says who signed, never someone merely present."""

from __future__ import annotations

import pytest

from graphkit.extraction._partners import find_partners
from graphkit.extraction._signers import bp2mi_signer, partner_signer


@pytest.mark.parametrize(
    ("text", "value", "words"),
    [("MoU itu ditandatangani oleh Kepala BP2MI Rudi Hartono dan Bupati Ende.", "Rudi Hartono, Kepala BP2MI",
      "ditandatangani oleh Kepala BP2MI Rudi Hartono"),
     ("BP2MI yang diwakili oleh Sekretaris Utama BP2MI Sinta Dewi meneken MoU.",
      "Sinta Dewi, Sekretaris Utama BP2MI", "diwakili oleh Sekretaris Utama BP2MI Sinta Dewi"),
     ("Kepala BP2MI Rudi Hartono menandatangani PKS itu di Ende.", "Rudi Hartono, Kepala BP2MI",
      "Kepala BP2MI Rudi Hartono")],
)  # fmt: skip
def test_bp2mi_signatory_with_title_and_evidence(text: str, value: str, words: str) -> None:
    signer = bp2mi_signer(text)
    assert signer is not None and signer.value == value
    assert text[signer.start : signer.end] == signer.words == words


@pytest.mark.parametrize(
    "text",
    ["Ditemui usai penandatanganan MoU, Kepala BP2MI Rudi Hartono mengatakan PMI perlu dilindungi.",
     "Kepala BP2MI Rudi Hartono hadir dalam acara itu."],
)  # fmt: skip
def test_someone_present_at_the_signing_is_not_a_signatory(text: str) -> None:
    assert bp2mi_signer(text) is None


def test_a_regional_head_who_signs_is_the_partners_signatory() -> None:
    text = "Bupati Ende Markus Lado menandatangani MoU dengan BP2MI, disaksikan Wali Kota Bima Dedi Saputra."
    ende, bima = find_partners(text)
    signer = partner_signer(text, ende)
    assert signer is not None and signer.value == "Markus Lado, Bupati Ende"
    assert text[signer.start : signer.end] == signer.words == "Bupati Ende Markus Lado"
    assert partner_signer(text, bima) is None  # a witness
    after_by = "MoU itu diteken oleh Kepala BP2MI Rudi Hartono dan Bupati Ende Markus Lado."
    (ende,) = find_partners(after_by)
    assert partner_signer(after_by, ende).value == "Markus Lado, Bupati Ende"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "code", "value"),
    [("Pj Wako Bukittinggi Rahmat Hidayat menandatangani nota kesepakatan dengan BP2MI.", "13.75",
      "Rahmat Hidayat, Wako Bukittinggi"),
     ("Pj. Wako Bukittinggi Rahmat Hidayat meneken MoU bersama BP2MI.", "13.75",
      "Rahmat Hidayat, Wako Bukittinggi"),
     ("Wawako Batam Sari Dewi menandatangani perjanjian kerja sama dengan BP2MI.", "21.71",
      "Sari Dewi, Wawako Batam"),
     ("Penjabat (Pj) Wali Kota (Wako) Padang Adi Putra menandatangani MoU dengan BP2MI.", "13.71",
      "Adi Putra, Wali Kota (Wako) Padang"),
     ("Pj Bupati Langkat Budi Santoso menandatangani MoU dengan BP2MI.", "12.05",
      "Budi Santoso, Bupati Langkat"),
     ("Plt Bupati Langkat Budi Santoso menandatangani MoU dengan BP2MI.", "12.05",
      "Budi Santoso, Bupati Langkat"),
     ("Pj Gubernur Gorontalo Andi Rahman menandatangani MoU dengan BP2MI.", "75",
      "Andi Rahman, Gubernur Gorontalo")],
)  # fmt: skip
def test_wako_and_acting_heads_name_their_government_and_sign(text: str, code: str, value: str) -> None:
    (gov,) = [m for m in find_partners(text) if m.type == "regional_government"]
    assert gov.region is not None and gov.region.code == code
    signer = partner_signer(text, gov)
    assert signer is not None and signer.value == value


def test_a_list_after_wako_and_a_name_is_not_read_as_more_cities() -> None:
    text = "Wako Padang, Andi Saputra, menandatangani MoU dengan BP2MI."
    assert [m.region.code for m in find_partners(text) if m.region] == ["13.71"]
