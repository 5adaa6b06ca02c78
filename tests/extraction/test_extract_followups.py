"""Follow-ups and program regions an article reports (extract/_followups, _links): rows with evidence and
review notes, intentions as notes only, ambiguous places never resolved. Texts written for these tests."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from graphkit import extract
from graphkit.dataset._validate import validate_dataset
from graphkit.extraction._dates import find_dates
from graphkit.extraction._followups import clauses, find_follow_ups, find_program_regions

TODAY = dt.date(2026, 12, 2)
MERAUKE = (
    "JAYAPURA (ANTARA) - BP2MI dan Pemerintah Kabupaten Merauke, Papua, menandatangani nota kesepahaman pada "
    "Senin (8/3/2021). Nota itu diteken oleh Kepala BP2MI Andi Prasetyo dan Bupati Merauke Yosef Kaiba.\n\n"
    "Sebagai tindak lanjut, Pemkab Merauke telah menerbitkan Perda tentang pelindungan pekerja migran pada "
    "20 Mei 2021.\n\n"
    "Pemkab Merauke juga mengalokasikan anggaran pelatihan calon PMI sebesar Rp750 juta tahun ini.\n\n"
    "Ke depan, kedua pihak berencana menyusun rencana aksi bersama; LTSA di Kabupaten Merauke, Papua akan "
    "dibuka tahun depan.\n"
)
PROGRAMS = (
    "KUPANG - Satgas TPPO dibentuk di Kota Kupang dan Bogor pada Selasa (12/9/2023). Desa Lewa di Kabupaten "
    "Sumba Timur ditetapkan sebagai Desa Migran Emas oleh BP2MI.\n"
    "Kawan PMI akan dibentuk di Kabupaten Ende. Rapat Perwira PMI digelar di Kota Kupang.\n"
)


def _rows(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _spans(text: str, cell: str) -> list[str]:
    """Every ``start-end: words`` in an evidence cell, checked against the text; returns the words."""
    found = []
    for part in cell.split(" | "):
        start, rest = part.split("-", 1)
        end, words = rest.split(": ", 1)
        assert " ".join(text[int(start) : int(end)].split()) == words, part
        found.append(words)
    return found


def _extract(tmp_path: Path, name: str, text: str, **kw: object) -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / kw.pop("out", "out")  # type: ignore[operator]
    extract([tmp_path / name], out, today=TODAY, **kw)  # type: ignore[arg-type]
    return out


def test_reported_follow_ups_are_rows_linked_to_the_articles_agreement(tmp_path: Path) -> None:
    out = _extract(tmp_path, "merauke.txt", MERAUKE)
    (agreement,) = _rows(out, "agreements")
    rows = {r["kind"]: r for r in _rows(out, "follow_ups")}
    assert set(rows) == {"regulation", "budget"}  # the action plan and the LTSA are only planned
    perda, budget = rows["regulation"], rows["budget"]
    assert {perda["agreement_id"], budget["agreement_id"]} == {agreement["id"]}
    assert (perda["region"], perda["date"], perda["date_precision"]) == ("93.01", "2021-05-20", "day")
    assert _spans(MERAUKE, perda["evidence"]) == ["Perda", "menerbitkan", "Pemkab Merauke", "20 Mei 2021"]
    assert _spans(MERAUKE, budget["evidence"]) == [
        "anggaran",
        "mengalokasikan",
        "Rp750 juta",
        "Pemkab Merauke",
    ]
    assert budget["description"].endswith(": Rp750 juta") and budget["date"] == ""
    for row in rows.values():
        assert "linked to this article's agreement with the government of that region" in row["review"]
        assert "province changed in 2022: Kabupaten Merauke was 91.01 in Provinsi Papua" in row["review"]
    (source,) = _rows(out, "sources")
    assert "action plan only announced or urged (" in source["review"]
    assert (
        "LTSA only announced or urged (" in source["review"]
        and source["review"].count("not a follow-up") == 2
    )
    for at in re.findall(r"\((\d+-\d+: [^)]+)\), at (\d+-\d+: [^:]+):", source["review"]):
        assert [
            w for cell in at for w in _spans(MERAUKE, cell)
        ]  # intention word and keyword, both in the text
    review = (out / "review.md").read_text(encoding="utf-8")
    assert f"| follow-up (regulation) of {agreement['id']} | 93.01 2021-05-20" in review
    assert "| signed by | Yosef Kaiba, Bupati Merauke | 175-201: Bupati Merauke Yosef Kaiba |" in review


def test_the_draft_with_follow_ups_and_program_regions_validates(tmp_path: Path) -> None:
    out = _extract(tmp_path, "merauke.txt", MERAUKE)
    _extract(tmp_path, "programs.txt", PROGRAMS, out="out", into=out)
    dataset = validate_dataset(out)
    assert len(dataset.tables["follow_ups"]) == 2 and len(dataset.tables["program_regions"]) == 2
    assert {r.get("organization_id") for r in dataset.tables["program_regions"]} == {"bp2mi", None}


@pytest.mark.parametrize(
    ("sentence", "state"),
    [("Pemkab Ende diharapkan segera menerbitkan Perda pelindungan PMI.", "intended"),
     ("BP2MI mendorong Pemkab Ende membuat peraturan daerah tentang pekerja migran.", "intended"),
     ("Pemkab Ende belum memiliki Perda tentang pekerja migran.", "intended"),
     ("Ranperda pelindungan PMI sedang dibahas DPRD Ende.", "intended"),
     ("Pemkab Ende telah mengesahkan Perda pelindungan PMI.", "done"),
     ("Perda pelindungan PMI dibicarakan di Ende.", "named"),
     ("Pemkab Ende mengalokasikan anggaran pelatihan calon PMI.", "named"),  # no amount
     ("Pemkab Ende telah membuka LTSA pekerja migran.", "done"),
     ("Langkah berikutnya adalah merumuskan rencana aksi.", "intended"),
     ("PMI telah dilayani di LTSA Kupang.", "named"),  # an LTSA in use, not one opened
     ("Pemkab Ende menerbitkan Perda pelindungan PMI agar pekerja migran terlindungi.", "done"),
     ("BP2MI meminta agar Pemkab Ende menerbitkan Perda pelindungan PMI.", "intended")],
)  # fmt: skip
def test_a_follow_up_is_done_only_with_a_verb_of_doing_and_no_word_of_intention(
    sentence: str, state: str
) -> None:
    (hit,) = find_follow_ups(sentence, [])
    assert hit.state == state
    if hit.cue is not None:
        assert sentence[hit.cue[0] : hit.cue[1]] == hit.cue[2]


def test_perda_on_another_topic_is_no_follow_up() -> None:
    assert find_follow_ups("Pemkab Ende telah menerbitkan Perda tentang retribusi parkir.", []) == []


def test_programs_active_in_named_regions_become_program_regions_and_ambiguous_ones_notes(
    tmp_path: Path,
) -> None:
    out = _extract(tmp_path, "programs.txt", PROGRAMS)
    rows = {(r["program_id"], r["region"]): r for r in _rows(out, "program_regions")}
    assert set(rows) == {
        ("satgas-tppo", "53.71"),
        ("desa-migran-emas", "53.11"),
    }  # Bogor ambiguous; Ende planned
    satgas, desa = rows[("satgas-tppo", "53.71")], rows[("desa-migran-emas", "53.11")]
    assert (satgas["since"], satgas["since_precision"], satgas["organization_id"]) == (
        "2023-09-12",
        "day",
        "",
    )
    assert _spans(PROGRAMS, satgas["evidence"]) == [
        "Satgas TPPO",
        "dibentuk",
        "Kota Kupang",
        "Selasa (12/9/2023)",
    ]
    assert desa["organization_id"] == "bp2mi" and desa["since_precision"] == "year"
    assert _spans(PROGRAMS, desa["evidence"]) == ["Desa Migran Emas", "ditetapkan", "Kabupaten Sumba Timur"]
    for row in rows.values():
        assert row["review"].startswith("program reported active there: check")
    (source,) = _rows(out, "sources")
    assert (
        "program satgas-tppo in Bogor (ambiguous: 32.01 Kabupaten Bogor, 32.71 Kota Bogor) at "
        in source["review"]
    )
    assert "program kawan-pmi only announced (" in source["review"]
    assert "perwira-pmi" not in source["review"]  # a meeting venue is not where a program is active
    programs = {p["id"]: p for p in _rows(out, "programs")}
    assert "32.01 Kabupaten Bogor, 32.71 Kota Bogor" in programs["satgas-tppo"]["review"]
    assert any(o["id"] == "bp2mi" for o in _rows(out, "organizations"))  # referred to by program_regions


def test_a_follow_up_without_a_clear_agreement_is_a_note_not_a_row(tmp_path: Path) -> None:
    text = ("Jakarta - BP2MI menandatangani MoU dengan Pemkab Ende dan Pemkot Bima pada 5 April 2022. "
            "Perda pelindungan pekerja migran juga telah disahkan.\n")  # fmt: skip
    out = _extract(tmp_path, "two.txt", text)
    assert len(_rows(out, "agreements")) == 2 and not (out / "follow_ups.csv").exists()
    (source,) = _rows(out, "sources")
    assert (
        "Perda reported at " in source["review"]
        and "which agreement it follows is unclear" in source["review"]
    )


def test_a_later_article_links_its_follow_up_to_the_earlier_agreement_in_the_dataset(tmp_path: Path) -> None:
    first = "Jakarta - BP2MI menandatangani MoU dengan Pemkab Ende pada 5 April 2022.\n"
    later = ("ENDE - Menindaklanjuti nota kesepahaman dengan BP2MI, Pemkab Ende meresmikan LTSA pekerja "
             "migran pada 3 Agustus 2022.\n")  # fmt: skip
    out = _extract(tmp_path, "first.txt", first)
    _extract(tmp_path, "later.txt", later, into=out)
    (agreement,) = _rows(out, "agreements")
    (row,) = _rows(out, "follow_ups")
    assert (row["agreement_id"], row["kind"], row["region"], row["date"]) == (
        agreement["id"], "service", "53.08", "2022-08-03")  # fmt: skip
    assert "linked to the earlier agreement with that region" in row["review"]
    assert row["source_id"] != agreement["source_id"]
    assert _spans(later, row["evidence"]) == ["LTSA", "meresmikan", "Pemkab Ende", "3 Agustus 2022"]
    validate_dataset(out)


def test_without_a_signing_or_a_follow_up_link_nothing_is_linked(tmp_path: Path) -> None:
    text = "ENDE - Pemkab Ende telah membuka LTSA pekerja migran pada 3 Agustus 2022.\n"
    out = _extract(tmp_path, "n.txt", text)
    assert not (out / "follow_ups.csv").exists()
    (source,) = _rows(out, "sources")
    at = text.index("LTSA")
    assert (
        f"LTSA reported at {at}-{at + 4}: LTSA, but no agreement in the article to link it to"
        in source["review"]
    )


def test_clauses_cut_at_sentence_ends_and_contrast_words_but_not_at_abbreviations() -> None:
    text = "Kab. Ende membentuk Satgas TPPO. Kawan PMI terbentuk di NTT, sedangkan Perwira PMI di Bali; lalu"
    assert [text[a:b].strip() for a, b in clauses(text)] == [
        "Kab. Ende membentuk Satgas TPPO.", "Kawan PMI terbentuk di NTT", "Perwira PMI di Bali",
        "lalu"]  # fmt: skip


def test_a_province_after_a_city_only_says_where_it_is() -> None:
    text = "Kawan PMI dikukuhkan di Batam, Kepulauan Riau dan Kupang, Nusa Tenggara Timur pada 2023."
    (hit,) = find_program_regions(text, find_dates(text, None, 2023, TODAY))
    assert [s.region.code if s.region else None for s in hit.spots] == ["21.71", None]
    assert [r.code for r in hit.spots[1].candidates] == ["53.01", "53.71"]  # Kupang: kabupaten or kota


def test_a_follow_up_dated_before_the_signing_says_so(tmp_path: Path) -> None:
    text = ("Jakarta - BP2MI menandatangani MoU dengan Pemkab Ende pada 5 April 2022. Pemkab Ende telah "
            "menerbitkan Perda pelindungan PMI pada 2 Januari 2020.\n")  # fmt: skip
    (row,) = _rows(_extract(tmp_path, "old.txt", text), "follow_ups")
    assert (
        row["date"] == "2020-01-02"
        and "dated before the signing (2022-04-05): is it a follow-up?" in row["review"]
    )


def test_a_desa_migran_emas_in_the_partners_regency_is_a_follow_up_and_a_program_region(
    tmp_path: Path,
) -> None:
    text = ("WAINGAPU - BP2MI menandatangani PKS dengan Pemkab Sumba Timur pada 10 Mei 2023. Sesudahnya Desa "
            "Lewa di Kabupaten Sumba Timur ditetapkan sebagai Desa Migran Emas oleh BP2MI.\n")  # fmt: skip
    out = _extract(tmp_path, "emas.txt", text)
    (agreement,) = _rows(out, "agreements")
    (follow_up,) = _rows(out, "follow_ups")
    assert (follow_up["agreement_id"], follow_up["kind"], follow_up["region"]) == (
        agreement["id"],
        "other",
        "53.11",
    )
    assert _spans(text, follow_up["evidence"]) == ["Desa Migran Emas", "ditetapkan", "Kabupaten Sumba Timur"]
    (region,) = _rows(out, "program_regions")
    assert (region["program_id"], region["region"], region["organization_id"]) == (
        "desa-migran-emas",
        "53.11",
        "bp2mi",
    )
    assert region["since"] == "2023-01-01" and region["since_precision"] == "year"
