"""Governments named beside a signing that are not its parties: earlier signers, witnesses, regions of a
statistic, a headline the body contradicts (held-out failure kinds 1-4 of docs/extract-real-score.md).
Every sentence here is made up."""

from __future__ import annotations

from pathlib import Path

from drafts import draft


def _partners(rows: dict[str, list[dict[str, str]]]) -> set[str]:
    return {r["organization_id"] for r in rows["parties"]} - {"bp2mi", "kp2mi"}


def test_a_list_of_earlier_signers_is_not_given_the_signing(tmp_path: Path) -> None:
    text = (
        "KUPANG - BP2MI menandatangani Nota Kesepahaman dengan Pemerintah Kabupaten Ende di Kupang, "
        "Selasa (14/10/2025).\n\n"
        "Adapun pada tahun 2023 lalu, BP2MI telah melaksanakan MoU dengan Kab. Sikka, Kab. Flores Timur dan "
        "Kota Kupang.\n\n"
        "Sebelumnya, nota kesepahaman serupa diteken dengan Pemkab Belu.\n\n"
        "Sejauh ini sudah 12 pemda di NTT yang bekerja sama, di antaranya Pemkab Alor.\n"
    )
    rows = draft(tmp_path, text)
    assert _partners(rows) == {"pemkab-ende"}
    review = rows["sources"][0]["review"]
    assert "government(s) named as signing earlier" in review and "Sikka" in review and "Alor" in review


def test_the_signing_sentence_with_its_own_date_keeps_names_before_sebelumnya(tmp_path: Path) -> None:
    text = (
        "BP2MI meneken MoU dengan Pemkab Ende pada Selasa (14/10/2025), menyusul MoU yang sebelumnya "
        "dibuat dengan Pemkab Sikka.\n"
    )
    assert _partners(draft(tmp_path, text)) == {"pemkab-ende"}


def test_a_government_of_this_year_is_still_a_partner(tmp_path: Path) -> None:
    text = (
        "BP2MI menandatangani MoU dengan Pemkab Ende, Selasa (14/10/2025).\n\n"
        "Pada tahun 2025 ini, kerja sama juga dilakukan dengan Pemkab Sikka.\n"
    )
    assert _partners(draft(tmp_path, text)) == {"pemkab-ende", "pemkab-sikka"}


def test_a_governor_who_witnessed_or_attended_is_not_a_partner(tmp_path: Path) -> None:
    text = (
        "Penandatanganan MoU dilakukan Bupati Ende Yosef Sare bersama Kepala BP2MI, disaksikan oleh "
        "Gubernur NTT Melki Laka, di Kupang, Selasa (14/10/2025).\n\n"
        "Hadir pula Wali Kota Kupang dan Bupati Sikka dalam acara penandatanganan kerja sama itu.\n\n"
        "Bupati Belu yang turut hadir menyatakan siap menyusul kerja sama serupa.\n"
    )
    rows = draft(tmp_path, text)
    assert _partners(rows) == {"pemkab-ende"}
    assert "witness or attendee" in rows["sources"][0]["review"]


def test_a_governor_signing_after_a_witness_is_still_a_partner(tmp_path: Path) -> None:
    text = (
        "Disaksikan Menteri, BP2MI menandatangani MoU dengan Gubernur NTT dan Bupati Ende, Selasa "
        "(14/10/2025).\n"
    )
    assert _partners(draft(tmp_path, text)) == {"pemprov-nusa-tenggara-timur", "pemkab-ende"}


def test_regions_of_a_statistic_or_of_origin_are_not_partners(tmp_path: Path) -> None:
    text = (
        "BP2MI menandatangani nota kesepahaman dengan Pemerintah Kabupaten Ende di Kantor Gubernur NTT, "
        "Selasa (14/10/2025).\n\n"
        "Menurut data kerja sama itu, PMI asal Kota Kupang masih terbanyak, disusul pekerja migran dari "
        "Kabupaten Sikka dan Kabupaten Belu.\n\n"
        "Jumlah pekerja migran di Kabupaten Alor naik tahun ini, kata Kepala BP2MI soal MoU tersebut.\n"
    )
    rows = draft(tmp_path, text)
    assert _partners(rows) == {"pemkab-ende"}
    assert "statistic or as the workers' origin" in rows["sources"][0]["review"]


def test_a_partner_after_dengan_is_kept_after_an_origin_word(tmp_path: Path) -> None:
    text = "Demi PMI asal NTT, BP2MI menandatangani MoU dengan Pemkab Ende, Selasa (14/10/2025).\n"
    assert _partners(draft(tmp_path, text)) == {"pemkab-ende"}


def test_a_counted_list_of_signers_is_not_a_statistic(tmp_path: Path) -> None:
    text = (
        "BP2MI menandatangani MoU dengan sebanyak tiga pemda, yakni Pemkab Ende, Pemkab Sikka dan Pemkab "
        "Belu, Selasa (14/10/2025).\n"
    )
    assert _partners(draft(tmp_path, text)) == {"pemkab-ende", "pemkab-sikka", "pemkab-belu"}


def test_the_body_signing_sentence_beats_a_headline_that_contradicts_it(tmp_path: Path) -> None:
    text = (
        "BP2MI Teken MoU dengan Pemprov Nusa Tenggara Timur\n"
        "Ende, BP2MI (14/10) - BP2MI telah menandatangani nota kesepahaman dengan Pemerintah Kabupaten "
        "Ende, Selasa (14/10/2025).\n"
        "Ke depan, MoU akan disusul dengan Pemerintah Provinsi Nusa Tenggara Timur.\n"
    )
    rows = draft(tmp_path, text)
    assert _partners(rows) == {"pemkab-ende"}
    assert "headline only" in rows["sources"][0]["review"]


def test_a_headline_partner_stays_when_the_body_signing_names_no_government(tmp_path: Path) -> None:
    text = (
        "BP2MI Teken MoU dengan Pemkab Ende\n"
        "Kupang - Penandatanganan nota kesepahaman itu berlangsung Selasa (14/10/2025) di Kupang.\n"
    )
    assert _partners(draft(tmp_path, text)) == {"pemkab-ende"}
