"""Collective phrases (extract/_collective): "pemda se-Provinsi X" is every regional government of X, not
named one by one: a count without names, never the province's government. Every sentence here is made up."""

from __future__ import annotations

from pathlib import Path

import pytest
from drafts import draft

from graphkit.extraction._collective import find_collectives
from graphkit.extraction._partners import find_partners

_LABEL = "regional governments of Provinsi Jambi, not named"


@pytest.mark.parametrize(
    "who",
    ["Pemerintah Daerah se-Provinsi Jambi", "pemda se Provinsi Jambi", "Pemkab/Pemko se-Jambi",
     "bupati/wali kota se-Jambi", "kabupaten/kota se-Provinsi Jambi", "Pemerintah Se- Provinsi Jambi",
     "seluruh pemerintah daerah di Provinsi Jambi"],
)  # fmt: skip
def test_a_collective_phrase_is_a_count_not_the_provinces_government(tmp_path: Path, who: str) -> None:
    text = f"BP2MI menandatangani nota kesepakatan dengan {who} di Kota Jambi, Senin (3/6/2024).\n"
    t = draft(tmp_path, text)
    assert not [o for o in t["organizations"] if o["type"] == "regional_government"]
    (agreement,) = t["agreements"]
    assert agreement["counts_reported"] == _LABEL
    assert f"collective phrase {who!r}" in t["sources"][0]["review"]
    assert "partners not named" in t["sources"][0]["review"]


def test_the_provinces_government_named_apart_is_still_a_partner(tmp_path: Path) -> None:
    text = "BP2MI meneken MoU dengan Pemprov Jambi, serta Pemkab/Pemko se-Jambi, Senin (3/6/2024)."
    t = draft(tmp_path, text)
    assert [o["region"] for o in t["organizations"] if o["type"] == "regional_government"] == ["15"]
    assert t["agreements"][0]["counts_reported"] == _LABEL


def test_a_member_named_elsewhere_still_counts(tmp_path: Path) -> None:
    text = (
        "Bupati Kerinci, Adi Saputra, turut serta melakukan penandatanganan nota kesepakatan antara BP2MI "
        "dan Pemerintah Daerah se-Provinsi Jambi, Senin (3/6/2024).\n"
    )
    t = draft(tmp_path, text)
    assert [o["region"] for o in t["organizations"] if o["type"] == "regional_government"] == ["15.01"]
    (agreement,) = t["agreements"]
    assert agreement["counts_reported"] == _LABEL and "1 named" in agreement["review"]


def test_guests_from_every_regency_are_not_a_count(tmp_path: Path) -> None:
    text = (
        "Penandatanganan MoU antara BP2MI dan Pemkab Kerinci, Senin (3/6/2024), dihadiri bupati/wali kota "
        "se-Jambi.\n"
    )
    t = draft(tmp_path, text)
    assert [o["region"] for o in t["organizations"] if o["type"] == "regional_government"] == ["15.01"]
    assert t["agreements"][0]["counts_reported"] == ""


def test_a_name_that_is_no_province_is_no_collective() -> None:
    assert find_collectives("MoU dengan pemda se-Sumatera.") == []
    assert [c.province.code for c in find_collectives("MoU dengan pemda se-Kalbar.")] == ["61"]
    assert [m.name for m in find_partners("MoU dengan Pemerintah Kabupaten Kerinci dan pemda se-Jambi.")] == [
        "Pemerintah Kabupaten Kerinci"
    ]
