"""The signing, its kind and its date on sentences like real articles write them (failure kinds 1, 4, 6
and 7 of docs/extract-real-score.md). Every sentence here is made up."""

from __future__ import annotations

from pathlib import Path

import pytest
from drafts import draft

from graphkit.extraction._signing import signing_kind, signings


def test_penandatangan_before_an_agreement_is_a_signing_word() -> None:
    text = "Acara itu ditandai dengan penandatangan Nota Kesepakatan antara BP2MI dan Pemkab Ende."
    assert [m.group(0) for m in signings(text)] == ["penandatangan"]
    assert signings("Para penandatangan hadir di Jakarta.") == []  # the signatories, not a signing



def test_a_signing_word_written_apart_is_a_signing_word(tmp_path: Path) -> None:
    text = "Wali Kota Bitung menanda tangani MoU dengan BP2MI. Para pihak ditanda tangani di Jakarta."
    assert [m.group(0) for m in signings(text)] == ["menanda tangani", "ditanda tangani"]
    assert signings("Ia membubuhkan tanda tangan di buku tamu.") == []  # a signature, not a signing
    text = (
        "Bupati Sikka dan Kepala BP2MI Tanda Tangani Nota Kesepakatan\n\nBupati Sikka dan Kepala BP2MI "
        "menandatangani perjanjian kerja sama di Jakarta, Rabu (9/3/2022)."
    )
    (agreement,) = draft(tmp_path, text)["agreements"]
    assert (agreement["kind"], agreement["signed_on"]) == ("mou", "2022-03-09")

def test_the_kind_comes_from_the_first_signing_sentence(tmp_path: Path) -> None:
    text = (
        "KUPANG - Kegiatan ditandai penandatangan Nota Kesepahaman BP2MI dan Pemkab Ende, Selasa "
        "(17/10/2023). Sesudahnya dinas tenaga kerja menandatangani perjanjian kerja sama teknis."
    )
    first = signings(text)[0]
    assert signing_kind(text, first.start()).value == "mou"
    (agreement,) = draft(tmp_path, text)["agreements"]
    assert (agreement["kind"], agreement["signed_on"]) == ("mou", "2023-10-17")


def test_a_kind_in_the_sentence_wins_over_a_nearer_one_in_the_sentence_before() -> None:
    text = "Rapat membahas PKS lama. Penandatanganan nota kesepahaman dilakukan Bupati Ende."
    assert signing_kind(text, text.index("Penandatanganan")).value == "mou"


def test_a_date_in_the_signing_sentence_beats_a_statement_date(tmp_path: Path) -> None:
    text = (
        "Kerja sama itu penting bagi warga, kata Bupati Sambas, Satono, Senin (20/12/2021). Nota "
        "kesepahaman itu diteken bersama BP2MI dan delapan daerah lain dalam sebuah acara besar di sebuah "
        "hotel di Jakarta pada Sabtu (18/12/2021)."
    )
    (agreement,) = draft(tmp_path, text)["agreements"]
    assert agreement["signed_on"] == "2021-12-18" and "statement" not in agreement["review"]


def test_a_statement_date_alone_is_kept_with_a_note(tmp_path: Path) -> None:
    text = (
        "Pemkab Sambas menandatangani nota kesepahaman dengan BP2MI untuk melindungi warganya. "
        "Kami ingin warga berangkat resmi, ujarnya, Kamis (25/7/2024)."
    )
    (agreement,) = draft(tmp_path, text)["agreements"]
    assert (agreement["signed_on"], agreement["signed_on_precision"]) == ("2024-07-25", "day")
    assert "date of a statement ('Kamis (25/7/2024)'" in agreement["review"]


def test_a_dateline_far_from_the_signing_is_kept_with_a_note(tmp_path: Path) -> None:
    filler = "Bupati berbicara panjang tentang pelatihan bahasa dan keterampilan calon pekerja. " * 6
    text = (
        f"PONTIANAK, Rabu (24/5/2023) - Pemkab Sambas menerima kunjungan BP2MI.\n{filler}\n"
        "Pada kesempatan yang sama dilakukan penandatanganan nota kesepahaman dengan Pemkab Sambas."
    )
    (agreement,) = draft(tmp_path, text)["agreements"]
    assert agreement["signed_on"] == "2023-05-24"
    assert "date of the article's dateline ('Rabu (24/5/2023)')" in agreement["review"]


def test_a_signing_without_a_year_is_listed_in_review_md_not_made_a_row(tmp_path: Path) -> None:
    text = "BP2MI menandatangani nota kesepahaman dengan Pemkab Ende dan Pemkab Sikka, Selasa (25/5)."
    tables = draft(tmp_path, text)
    assert tables["agreements"] == []
    review = tables["review"][0]["text"]
    head = review.split("## Signings without a date (not in the dataset)")[1].split("\n## ")[0]
    assert "signing without a date: partners Pemerintah Kabupaten Ende (53.08), Pemerintah Kabupaten " in head
    assert "'Selasa (25/5)' without a year" in head and "check the article" in head
    assert "signing without a date" in tables["sources"][0]["review"]


def test_a_signing_without_a_date_takes_the_year_of_publication_with_a_note(tmp_path: Path) -> None:
    text = "BP2MI menandatangani nota kesepahaman dengan Pemkab Ende di Jakarta kemarin."
    (agreement,) = draft(tmp_path, text, published="2022-06-17")["agreements"]
    assert (agreement["signed_on"], agreement["signed_on_precision"]) == ("2022-01-01", "year")
    assert "year 2022 of publication only" in agreement["review"]
    assert "Signings without a date" not in draft(tmp_path, text, published="2022-06-17")["review"][0]["text"]


def test_a_cooperation_signed_with_an_mou_named_later_is_an_mou_with_a_note(tmp_path: Path) -> None:
    filler = "Para camat dan kepala desa hadir dan menyimak paparan tentang pelatihan calon pekerja. " * 3
    text = (
        f"Pemkab Ende menandatangani kerja sama dengan BP2MI pada Selasa (17/10/2023).\n{filler}\n"
        "Isi Memorandum of Understanding itu memuat pelatihan dan sosialisasi."
    )
    (agreement,) = draft(tmp_path, text)["agreements"]
    assert agreement["kind"] == "mou"
    assert "kind taken from 'Memorandum of Understanding' elsewhere in the article" in agreement["review"]


def test_a_bare_cooperation_stays_other_with_a_note(tmp_path: Path) -> None:
    text = "Pemkab Ende menandatangani kerja sama dengan BP2MI pada Selasa (17/10/2023)."
    (agreement,) = draft(tmp_path, text)["agreements"]
    assert agreement["kind"] == "other"
    assert "kind of agreement not named near the signing ('kerja sama' only): check" in agreement["review"]


def test_telah_menandatangani_reports_todays_ceremony_unless_dated_earlier(tmp_path: Path) -> None:
    text = "BP2MI telah menandatangani nota kesepahaman dengan Pemkab Ende di Kupang, Selasa (14/10/2025)."
    assert [m.group(0) for m in signings(text)] == ["menandatangani"]
    rows = draft(tmp_path, text)
    assert [r["signed_on"] for r in rows["agreements"]] == ["2025-10-14"]
    assert signings("BP2MI sebelumnya telah menandatangani MoU dengan Pemkab Ende.") == []
    assert signings("Isi MoU yang telah ditandatangani itu dibahas.") == []
    assert signings("Pemkab Ende pernah menandatangani MoU.") == []


def test_telah_menandatangani_with_an_earlier_year_is_not_the_articles_signing(tmp_path: Path) -> None:
    text = (
        "KUPANG, Selasa (14/10/2025) - Pemkab Ende telah menandatangani MoU dengan BP2MI pada 2023. "
        "Kini pemkab menyiapkan pelatihan bagi calon pekerja migran."
    )
    rows = draft(tmp_path, text)
    assert rows["agreements"] == []


def test_an_acting_title_with_a_full_stop_does_not_end_the_sentence(tmp_path: Path) -> None:
    text = (
        "Bupati Kerinci menandatangani nota kesepakatan dengan BP2MI yang dihadiri langsung Pj. Gubernur "
        "Jambi, Senin (3/6/2024).\n"
    )
    t = draft(tmp_path, text)
    assert [o["region"] for o in t["organizations"] if o["type"] == "regional_government"] == ["15.01"]
    assert "witness or attendee" in t["sources"][0]["review"]
    text = "Plt. Bupati Kerinci Adi Saputra menandatangani MoU dengan BP2MI, Senin (3/6/2024).\n"
    (party,) = [p for p in draft(tmp_path, text)["parties"] if p["organization_id"] != "bp2mi"]
    assert party["signed_by"] == "Adi Saputra, Bupati Kerinci"


@pytest.mark.parametrize("verb", ["disampaikan", "diungkapkan", "dikatakan", "dijelaskan", "ditegaskan"])
def test_a_passive_speech_verb_dates_a_statement_not_the_signing(tmp_path: Path, verb: str) -> None:
    text = (
        "Pemkab Sambas telah menandatangani nota kesepahaman dengan BP2MI untuk melindungi warganya.\n"
        f"Hal itu {verb} Bupati Sambas, Satono, di Sambas, Minggu (25/6/2023)."
    )
    (agreement,) = draft(tmp_path, text)["agreements"]
    assert agreement["signed_on"] == "2023-06-25"  # nothing else dates it: kept, with the note
    assert "date of a statement ('Minggu (25/6/2023)' after a quote or speech verb)" in agreement["review"]


def test_a_passive_speech_verb_about_the_signing_itself_is_no_statement(tmp_path: Path) -> None:
    text = ("Hal itu disampaikan usai penandatanganan nota kesepahaman antara BP2MI dan Pemkab Sambas, "
            "Senin (26/6/2023).")  # fmt: skip
    (agreement,) = draft(tmp_path, text)["agreements"]
    assert agreement["signed_on"] == "2023-06-26" and "statement" not in agreement["review"]
