"""Partners named after the signing sentence and bare names in lists (real-text failure kinds 2 and 3,
docs/extract-real-score.md). Every sentence here is made up."""

from __future__ import annotations

from pathlib import Path

import pytest
from drafts import draft

from graphkit.extraction._partners import find_partners


def _regions(tables: dict[str, list[dict[str, str]]]) -> list[str]:
    orgs = [o for o in tables["organizations"] if o["id"] != "bp2mi"]
    return [o["region"] or "?" + o["region_candidates"] for o in orgs]


def _offsets_point_at_the_names(tables: dict[str, list[dict[str, str]]], text: str) -> None:
    for party in tables["parties"]:
        if party["organization_id"] == "bp2mi":
            continue
        span, words = party["evidence"].split(" | ")[0].split(": ", 1)
        start, end = map(int, span.split("-"))
        assert " ".join(text[start:end].split()) == words


def test_a_list_in_the_next_paragraph_after_a_count_belongs_to_the_signing(tmp_path: Path) -> None:
    text = (
        "KUPANG - BP2MI melakukan penandatanganan nota kesepahaman dengan tiga pemerintah daerah "
        "pada Rabu (8/3/2023).\n\nDiantaranya, Kabupaten Ende, Kabupaten Sikka dan Kota Kupang.\n"
    )
    tables = draft(tmp_path, text)
    assert _regions(tables) == ["53.08", "53.07", "53.71"]
    assert len(tables["agreements"]) == 3
    assert all(a["signed_on"] == "2023-03-08" for a in tables["agreements"])
    _offsets_point_at_the_names(tables, text)


def test_a_list_going_on_with_selanjutnya_needs_two_governments(tmp_path: Path) -> None:
    text = ("BP2MI meneken nota kesepahaman dengan enam kepala daerah, yakni Bupati Ende, Bupati Sikka dan "
            "Bupati Nagekeo, Kamis (4/11/2021).\nSelanjutnya Bupati Lembata, Bupati Alor dan Wali Kota "
            "Kupang.\nKemudian Bupati Belu mengatakan acara itu meriah.")  # fmt: skip
    tables = draft(tmp_path, text)
    assert _regions(tables) == ["53.08", "53.07", "53.16", "53.13", "53.05", "53.71"]
    _offsets_point_at_the_names(tables, text)


def test_melibatkan_in_the_paragraph_after_the_signing_names_its_partners(tmp_path: Path) -> None:
    text = (
        "BANDUNG - BP2MI menandatangani MoU pelatihan calon pekerja pada 2 Februari 2026.\n"
        "Sinergi ini melibatkan Pemerintah Kota Depok, Pemerintah Kota Bogor, dan sejumlah kampus."
    )
    tables = draft(tmp_path, text)
    assert _regions(tables) == ["32.76", "32.71"]
    _offsets_point_at_the_names(tables, text)


def test_those_attending_after_the_signing_are_not_partners(tmp_path: Path) -> None:
    text = (
        "BP2MI menandatangani MoU dengan tiga pemerintah daerah pada 2 Februari 2026.\n"
        "Diantaranya hadir Bupati Sikka dan Bupati Ende.\n"
        "Selanjutnya Bupati Alor dan Bupati Belu menyaksikan."
    )
    assert _regions(draft(tmp_path, text)) == []


def _names(tables: dict[str, list[dict[str, str]]]) -> list[str]:
    return [o["name"] for o in tables["organizations"] if o["id"] != "bp2mi"]


def test_a_paragraph_adding_with_selain_itu_goes_on_with_the_list(tmp_path: Path) -> None:
    text = (
        "SEMARANG - BP2MI menandatangani nota kesepahaman dengan sejumlah kampus, Selasa (3/3/2026).\n"
        "Adapun mitra tersebut yakni Universitas Cahaya Timur dan Politeknik Bahari Utama.\n"
        "Selain itu, Rumah Sakit Sehat Sentosa dan Bank Makmur Jaya juga ikut dalam kegiatan itu.\n"
        "Selain itu, Bank Sumber Rejeki menyiapkan hadiah bagi peserta.\n"
    )
    tables = draft(tmp_path, text)
    assert _names(tables) == ["Universitas Cahaya Timur", "Politeknik Bahari Utama",
                              "Rumah Sakit Sehat Sentosa", "Bank Makmur Jaya"]  # fmt: skip
    assert all(a["signed_on"] == "2026-03-03" for a in tables["agreements"])
    _offsets_point_at_the_names(tables, text)


def test_partners_named_as_such_are_read_after_an_unrelated_paragraph(tmp_path: Path) -> None:
    text = (
        "BP2MI menggelar penandatanganan lima nota kesepahaman dengan lima mitra, Senin (2/3/2026).\n\n"
        "Acara ini berlangsung di aula kantor pusat dan dihadiri ratusan orang.\n\n"
        "Lima mitra yang terlibat mencakup berbagai unsur, antara lain Kementerian Kelautan Raya, "
        "Pemerintah Kabupaten Sikka, Universitas Pelita Bangsa,\n\n"
        "Selain itu, Institut Teknologi Samudra dan Politeknik Negeri Lembah.\n"
    )
    tables = draft(tmp_path, text)
    assert _names(tables) == ["Kementerian Kelautan Raya", "Pemerintah Kabupaten Sikka",
                              "Universitas Pelita Bangsa", "Institut Teknologi Samudra",
                              "Politeknik Negeri Lembah"]  # fmt: skip
    _offsets_point_at_the_names(tables, text)


def test_a_list_of_partners_before_the_signing_is_not_read_as_such(tmp_path: Path) -> None:
    text = (
        "Tahun lalu lembaga yang diajak bicara yakni Universitas Cahaya Timur dan Bank Makmur Jaya.\n\n"
        "Kini BP2MI menandatangani nota kesepahaman dengan Pemkab Ende, Senin (2/3/2026).\n"
    )
    assert _names(draft(tmp_path, text)) == ["Pemerintah Kabupaten Ende"]


def test_a_later_paragraph_that_only_mentions_a_regent_adds_no_partner(tmp_path: Path) -> None:
    text = (
        "BP2MI menandatangani MoU dengan Pemkab Ende pada 2 Februari 2026.\n"
        "Selanjutnya Bupati Sikka berharap kerja itu berlanjut.\nWarga Kota Kupang menyambut baik."
    )
    assert _regions(draft(tmp_path, text)) == ["53.08"]


def test_a_kind_word_carries_to_the_bare_names_after_it_until_another_kind() -> None:
    found = find_partners(
        "MoU dengan Kabupaten Sigi, Donggala, Parigi Moutong, Poso, dan Kota Palu hari ini."
    )
    assert [(m.words, m.region.code) for m in found] == [
        ("Kabupaten Sigi", "72.10"), ("Donggala", "72.03"), ("Parigi Moutong", "72.08"), ("Poso", "72.02"),
        ("Kota Palu", "72.71")]  # fmt: skip
    assert found[1].name == "Pemerintah Kabupaten Donggala"


def test_a_person_after_a_regent_is_not_a_place_and_a_province_is_not_carried_a_kind() -> None:
    assert [m.words for m in find_partners("MoU dengan Bupati Ende, Djafar, hari ini.")] == ["Bupati Ende"]
    assert [m.words for m in find_partners("MoU dengan Kabupaten Bandung, Jawa Barat.")] == [
        "Kabupaten Bandung"
    ]


def test_bare_names_after_a_count_noun_resolve_and_ambiguous_ones_keep_candidates() -> None:
    text = "MoU dengan Pemkab Sambas dan delapan kabupaten lain yakni Ambon, Tanah Laut, Blitar, Gresik dan "
    found = find_partners(text + "Bengkulu pada Sabtu.")
    got = [
        (m.words, m.region.code if m.region else "?" + ";".join(c.code for c in m.candidates)) for m in found
    ]
    assert got == [("Pemkab Sambas", "61.01"), ("Ambon", "81.71"), ("Tanah Laut", "63.01"),
                   ("Blitar", "?35.05;35.72"), ("Gresik", "35.25"), ("Bengkulu", "17.71")]  # fmt: skip
    assert "named without kabupaten/kota" in found[1].notes[-1]
    assert "ambiguous region Blitar" in found[3].notes[0]


def test_a_count_list_of_regents_is_read_as_usual(tmp_path: Path) -> None:
    text = (
        "BP2MI meneken MoU dengan dua kepala daerah, yakni Bupati Ende dan Bupati Sikka, Kamis (4/11/2021)."
    )
    assert _regions(draft(tmp_path, text)) == ["53.08", "53.07"]


def test_a_province_described_or_a_venue_city_is_not_a_partner() -> None:
    found = find_partners("MoU dengan Pemkot Padang, di ibukota Provinsi Sumatera Barat itu.")
    assert [m.words for m in found] == ["Pemkot Padang"]
    assert find_partners("Ribuan pekerja dari provinsi Sumbar menandatangani kontrak.") == []
    found = find_partners("MoU BP2MI dan Pemprov Jabar diteken di Gedung Sate, Kota Bandung, Selasa.")
    assert [m.words for m in found] == ["Pemprov Jabar"]


def test_the_agency_itself_is_never_a_partner() -> None:
    text = (
        "Kolaborasi Kementerian P2MI dengan daerah; KP2MI, BP2MI dan Kementerian Pelindungan Pekerja "
        "Migran Indonesia hadir bersama Kementerian Pertanian."
    )
    assert [m.name for m in find_partners(text)] == ["Kementerian Pertanian"]


def test_a_regent_of_a_kabupaten_is_one_partner(tmp_path: Path) -> None:
    text = (
        "BP2MI meneken MoU dengan Pemerintah Kabupaten Sumba Barat pada Kamis (28/7/2022). Bupati "
        "Kabupaten Sumba Barat menandatangani MoU itu."
    )
    tables = draft(tmp_path, text)
    assert _regions(tables) == ["53.12"] and len(tables["agreements"]) == 1


def test_a_count_list_after_a_relative_clause_and_terdiri_dari_is_read_loosely(tmp_path: Path) -> None:
    text = (
        "BP2MI meneken nota kesepakatan dengan Pemkab Sikka di Jakarta, Rabu (9/3/2022). Lima kabupaten "
        "lain yang juga menandatangani nota kesepakatan dengan BP2MI terdiri dari kabupaten Kupang, "
        "Ende, Blitar dan Tanah Laut."
    )
    assert _regions(draft(tmp_path, text)) == ["53.07", "?53.01;53.71", "53.08", "?35.05;35.72", "63.01"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("STIKES Harapan Bangsa dan STIKES Mitra Sehat Yogyakarta",
         ["STIKES Harapan Bangsa", "STIKES Mitra Sehat Yogyakarta"]),
        ("Universitas Nusa Indah, Universitas Bukit Hijau serta Politeknik Samudra",
         ["Universitas Nusa Indah", "Universitas Bukit Hijau", "Politeknik Samudra"]),
        ("Sekolah Tinggi Ilmu Kesehatan Ende dan Sekolah Tinggi Pariwisata Bali",
         ["Sekolah Tinggi Ilmu Kesehatan Ende", "Sekolah Tinggi Pariwisata Bali"]),
        ("Poltekkes Kupang dan Politeknik Negeri Kupang", ["Poltekkes Kupang", "Politeknik Negeri Kupang"]),
        ("Bank Sejahtera dan Bank Makmur serta PT Maju Jaya",
         ["Bank Sejahtera", "Bank Makmur", "PT Maju Jaya"]),
        ("Universitas Pendidikan dan Kebudayaan", ["Universitas Pendidikan dan Kebudayaan"]),
        ("Politeknik Ilmu Pelayaran dan Perikanan Sorong",
         ["Politeknik Ilmu Pelayaran dan Perikanan Sorong"]),
        ("Kementerian Ketenagakerjaan dan Transmigrasi", ["Kementerian Ketenagakerjaan dan Transmigrasi"]),
    ],
)  # fmt: skip
def test_institutions_joined_by_dan_serta_or_commas_are_separate(text: str, names: list[str]) -> None:
    found = find_partners(f"BP2MI menandatangani MoU dengan {text} pada 3 Mei 2023.")
    assert [m.name for m in found] == names


def test_an_institution_then_dan_and_a_government_are_two_partners() -> None:
    found = find_partners("BP2MI menandatangani MoU dengan Universitas Flores dan Pemkab Ende.")
    assert [(m.name, m.type) for m in found] == [
        ("Universitas Flores", "education"),
        ("Pemerintah Kabupaten Ende", "regional_government"),
    ]


def test_two_schools_in_one_signing_give_two_agreement_rows(tmp_path: Path) -> None:
    text = ("BP2MI menandatangani nota kesepahaman dengan STIKES Harapan Bangsa dan STIKES Mitra Sehat "
            "pada 15 Desember 2023.")  # fmt: skip
    tables = draft(tmp_path, text)
    assert sorted(a["title"] for a in tables["agreements"]) == [
        "MOU BP2MI - STIKES Harapan Bangsa",
        "MOU BP2MI - STIKES Mitra Sehat",
    ]
    _offsets_point_at_the_names(tables, text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("BP2MI dan Komisi Perlindungan Pekerja Muda menandatangani nota kesepahaman.",
         ["Komisi Perlindungan Pekerja Muda"]),
        ("BP2MI dan Komisi Nasional Pelindung Nelayan (Komnas PN) meneken MoU.",
         ["Komisi Nasional Pelindung Nelayan (Komnas PN)"]),
        ("MoU diteken bersama Lembaga Bantuan Hukum Nusantara dan Yayasan Cahaya Pertiwi.",
         ["Lembaga Bantuan Hukum Nusantara", "Yayasan Cahaya Pertiwi"]),
        ("Pimpinan Pusat (PP) Persaudaraan Tani menandatangani MoU dengan BP2MI.",
         ["Pimpinan Pusat Persaudaraan Tani"]),
        ("Perkumpulan Purna Pekerja Bahari, Himpunan Pengusaha Kursus Raya dan Majelis Pemuda Harapan.",
         ["Perkumpulan Purna Pekerja Bahari", "Himpunan Pengusaha Kursus Raya", "Majelis Pemuda Harapan"]),
    ],
)  # fmt: skip
def test_organisations_are_partners(text: str, names: list[str]) -> None:
    assert [m.name for m in find_partners(text)] == names
    assert {m.type for m in find_partners(text)} <= {"government", "community"}


def test_a_bracketed_short_form_after_the_keyword_stays_in_the_evidence() -> None:
    text = "Kerja sama dengan Pimpinan Pusat (PP) Persaudaraan Tani diteken."
    (m,) = find_partners(text)
    assert (m.name, m.type, text[m.start : m.end]) == (
        "Pimpinan Pusat Persaudaraan Tani", "community", "Pimpinan Pusat (PP) Persaudaraan Tani"
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Selain pemerintah daerah, Lembaga Pendidikan dan Lembaga Kesehatan juga ikut menandatangani.",
        "Acara itu disaksikan Komisi IX DPR RI dan Lembaga Swasta dan Organisasi Internasional.",
        "Yayasan dan Lembaga dan Institusi Pendidikan diundang.",
    ],
)
def test_a_kind_of_body_is_not_a_partner(text: str) -> None:
    assert find_partners(text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("MoU antara Kementerian P2MI dengan PT. Sawit Makmur Holding dan PT. Kebun Raya Lestari, Senin.",
         ["PT Sawit Makmur Holding", "PT Kebun Raya Lestari"]),
        ("Kedua, Perjanjian Kerja Sama antara PT Gadai Sentosa (Persero) dan BP2MI tentang usaha.",
         ["PT Gadai Sentosa (Persero)"]),
        ("Ketiga, perjanjian antara PT Kirim Cepat dan KP2MI tentang layanan.", ["PT Kirim Cepat"]),
    ],
)  # fmt: skip
def test_a_company_written_pt_dot_or_before_dan_bp2mi_is_a_partner(text: str, names: list[str]) -> None:
    assert [m.name for m in find_partners(text)] == names


def test_the_short_form_after_an_institution_stays_in_its_name() -> None:
    text = ("BP2MI dan Badan Pengawas Lautan (Bawasla RI) serta Kementerian Energi Hijau (EH) meneken MoU "
            "bersama Yayasan Cahaya Pertiwi (Ani Wulandari).")  # fmt: skip
    assert [(m.name, text[m.start : m.end]) for m in find_partners(text)] == [
        ("Badan Pengawas Lautan (Bawasla RI)", "Badan Pengawas Lautan (Bawasla RI)"),
        ("Kementerian Energi Hijau (EH)", "Kementerian Energi Hijau (EH)"),
        ("Yayasan Cahaya Pertiwi", "Yayasan Cahaya Pertiwi"),  # a person in brackets is not a short form
    ]


def test_an_institution_with_and_without_its_short_form_is_one_partner(tmp_path: Path) -> None:
    text = ("BP2MI menandatangani nota kesepahaman dengan Universitas Cahaya Timur (UCT), Senin (2/3/2026).\n"
            "Kerja sama dengan Universitas Cahaya Timur itu mencakup pelatihan.\n")  # fmt: skip
    tables = draft(tmp_path, text)
    assert _names(tables) == ["Universitas Cahaya Timur (UCT)"]
    assert len(tables["agreements"]) == 1


def test_a_list_under_a_paragraph_ending_with_yakni_is_read(tmp_path: Path) -> None:
    text = ("Jakarta - Empat daerah yang melakukan penandatanganan nota kesepakatan dengan BP2MI pada "
            "9 Mei 2022 yakni,\nKabupaten Ende, Kabupaten Sikka, Kabupaten Belu, dan Kota Kupang.\n"
            "Acara itu berlangsung di Jakarta.")  # fmt: skip
    orgs = draft(tmp_path, text)["organizations"]
    regions = {o["region"] for o in orgs if o["type"] == "regional_government"}
    assert regions == {"53.08", "53.07", "53.04", "53.71"}


def test_a_list_opener_does_not_carry_over_attendance(tmp_path: Path) -> None:
    text = ("BP2MI menandatangani nota kesepakatan dengan Pemkab Ende pada 9 Mei 2022, sebagai berikut:\n"
            "Turut hadir Bupati Sikka dan Bupati Belu.")  # fmt: skip
    orgs = draft(tmp_path, text)["organizations"]
    regions = {o["region"] for o in orgs if o["type"] == "regional_government"}
    assert regions == {"53.08"}
