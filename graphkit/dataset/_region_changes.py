"""Regencies that changed province (and code) in 2022: Papua Selatan, Papua Tengah, Papua Pegunungan and Papua
Barat Daya were made out of Papua and Papua Barat.

``graphkit/data/region_changes.csv`` (old_code, code, name, old_province, province, source) lists the 26
regencies with their Kemendagri code before the split and today's; ``scripts/build_region_changes.py`` builds
it from a published list (source and licence in ``data/REGIONS.md``). No old code is in use today. Codes and
names only, so that the region resolver (``_regions``) can use it without importing back.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Moved", "moved_by_old_code", "moved_by_code"]


@dataclass(frozen=True)
class Moved:
    """One regency that moved: its code and province before 2022, and today's."""

    old_code: str
    code: str
    name: str
    old_province: str
    province: str
    source: str

    def note(self) -> str:
        """``"province changed in 2022: Kabupaten Merauke was 91.01 in Provinsi Papua, today 93.01 in
        Provinsi Papua Selatan"``."""
        return (f"province changed in 2022: {self.name} was {self.old_code} in Provinsi {self.old_province}, "
                f"today {self.code} in Provinsi {self.province}")  # fmt: skip


@cache
def _table() -> tuple[Moved, ...]:
    text = resources.files("graphkit").joinpath("data", "region_changes.csv").read_text(encoding="utf-8")
    return tuple(Moved(**row) for row in csv.DictReader(io.StringIO(text)))


@cache
def moved_by_old_code() -> dict[str, Moved]:
    """``{"91.01": Moved("91.01", "93.01", "Kabupaten Merauke", "Papua", "Papua Selatan", ...)}`` (shared:
    do not change it)."""
    return {m.old_code: m for m in _table()}


@cache
def moved_by_code() -> dict[str, Moved]:
    """The same, keyed by today's code (``"93.01"``)."""
    return {m.code: m for m in _table()}
