"""Line breaks inside a sentence (hard-wrapped pages) do not cut it (failure kind 7 of the held-out
measurement in docs/extract-real-score.md). Every sentence here is made up."""

from __future__ import annotations

from pathlib import Path

from drafts import draft

from graphkit.extraction._read import join_wrapped


def test_a_hard_wrapped_page_keeps_its_sentences_whole(tmp_path: Path) -> None:
    text = (
        "(kabarpesisir.id) KOTA SERANG -- Pemerintah Provinsi Banten\n"
        "bekerja sama dengan BP2MI untuk melindungi pekerja\n"
        "migran.\n"
        "Kerja sama itu ditandai dengan\n"
        "penandatanganan nota kesepahaman oleh Gubernur\n"
        "Banten Andi Saputra dan Kepala BP2MI di Kota\n"
        "Serang, Rabu (12/3/2025).\n"
    )
    joined = join_wrapped(text)
    assert len(joined) == len(text)
    assert "Gubernur Banten Andi" in joined and "migran.\nKerja" in joined
    rows = draft(tmp_path, text)
    assert any("banten" in r["organization_id"] for r in rows["parties"])


def test_a_line_going_on_in_lower_case_is_joined_a_blank_line_is_not() -> None:
    assert join_wrapped("BP2MI dan Pemkab Ende\nmenandatangani MoU.") == (
        "BP2MI dan Pemkab Ende menandatangani MoU."
    )
    assert join_wrapped("Judul Berita Tanpa Titik\n\nBadan itu menandatangani MoU.").count("\n") == 2
    assert join_wrapped("Judul Berita Tanpa Titik\nBadan itu menandatangani MoU.").count("\n") == 1


def test_a_list_of_links_under_a_breaking_news_heading_names_no_partner(tmp_path: Path) -> None:
    text = (
        "Berita Terkini\n"
        "- Pemkab Bantul Dorong Petani Muda Lewat Pelatihan Digital\n"
        "- Pemkot Depok Akhiri Kerja Sama Parkir Dengan PT Sinar Parkir\n"
        "- Bupati Sleman Resmikan Pasar Baru di Godean\n"
        "BP2MI Teken Nota Kesepakatan dengan Pemkab Ende\n"
        "\n"
        "BP2MI menandatangani nota kesepakatan dengan Pemerintah Kabupaten Ende, Rabu (9/3/2022).\n"
        "- Pemkab Sikka menyusul bulan depan.\n"
    )
    tables = draft(tmp_path, text)
    names = sorted(o["name"] for o in tables["organizations"] if o["id"] != "bp2mi")
    assert names == ["Pemerintah Kabupaten Ende"]
    assert len(tables["agreements"]) == 1
