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
