"""scripts/extract_check.py: each public agreement against what graphkit extract drafts from its articles.
The article texts here are made up (no article text is in the project); only the source ids are real."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("extract_check", ROOT / "scripts" / "extract_check.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_same_partner_date_and_kind_is_same_and_the_rest_is_told_apart(tmp_path: Path) -> None:
    check = _script().check
    # Sumba Barat's MoU of 2022-07-28 has one source; Belu's of 2025-12-12 two
    (tmp_path / "pos-kupang-tribunnew-2022-07-30-79eeac.txt").write_text(
        "Kupang - BP2MI dan Pemerintah Kabupaten Sumba Barat menandatangani nota kesepahaman, "
        "Kamis (28/7/2022).", encoding="utf-8")  # fmt: skip
    (tmp_path / "jpnn-2025-12-12-ff946d.txt").write_text(
        "Jakarta - Kementerian P2MI menandatangani perjanjian kerja sama dengan Pemkab Belu, "
        "Jumat (12/12/2025).", encoding="utf-8")  # fmt: skip
    (tmp_path / "berita-hukum-2022-04-06-a705d2.txt").write_text(
        "BP2MI menandatangani nota kesepahaman dengan Kabupaten Tanah Datar pada 5 April 2022.",
        encoding="utf-8")  # fmt: skip
    verdicts = check(tmp_path)
    assert verdicts["mou-pemda-53-12-2022-07-28"] == "same"
    assert verdicts["mou-pemda-53-04-2025-12-12"] == "kind_differs"  # the made-up text says PKS
    assert verdicts["mou-pemda-53-08-2022-04-05"] == "missed"  # Ende is not in that text
    assert verdicts["mou-pemda-53-2025-08-07"] == "no_text"
    assert set(verdicts.values()) <= set(_script().VALUES)
