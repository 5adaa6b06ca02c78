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
