"""Region names as real documents write them: the reference resolver plus the alias table.

``graphkit/data/aliases.csv`` (alias, code, source, note) holds acronyms and short forms (Bolmong, Pangkep,
OKU, Jogja, Jabar ...), Kemendagri spellings beside their variants (Baubau / Bau-Bau, Fakfak / Fak-Fak) and
names that still carry the province a Papuan regency belonged to before 2022. Each alias says its source.
A regency named without its leading "Kepulauan" ("Pemkab Talaud", "Bupati Mentawai") is found too, with a
note.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from graphkit.dataset._region_changes import moved_by_code
from graphkit.dataset._regions import Region, _key, get_region, region_candidates

__all__ = ["Place", "aliases", "resolve_place", "resolve_bare", "province_after"]

_KIND_WORD = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}
_PAPUA_AFTER = re.compile(
    r"\s*,\s*(?:Provinsi\s+|Prov\.\s*)?(?P<p>Papua(?:\s+Barat\s+Daya|\s+Barat|\s+Selatan|\s+Tengah|\s+Pegunungan)?)\b"
)


@dataclass(frozen=True)
class Alias:
    alias: str
    region: Region
    source: str
    note: str


@dataclass
class Place:
    """What a name in the text resolves to: one region, or candidates, with notes for the reviewer."""

    words: str  # the part of the name that resolved
    region: Region | None
    candidates: tuple[Region, ...] = ()
    notes: list[str] = field(default_factory=list)


@cache
def aliases() -> dict[str, Alias]:
    """The alias table keyed by the resolver's name key (case, spaces and punctuation ignored)."""
    text = resources.files("graphkit").joinpath("data", "aliases.csv").read_text(encoding="utf-8")
    table = {}
    for row in csv.DictReader(io.StringIO(text)):
        table[_key(row["alias"])] = Alias(row["alias"], get_region(row["code"]), row["source"], row["note"])
    return table


def _kind_ok(region: Region, kind: str | None) -> bool:
    return kind is None or region.kind == kind


def _lookup(name: str, kind: str | None) -> Place | None:
    text = f"{_KIND_WORD[kind]} {name}" if kind else name
    found = tuple(region_candidates(text))
    if not found and kind == "provinsi":
        found = tuple(r for r in region_candidates(name) if r.level == "province")
    alias = aliases().get(_key(name))
    if alias and _kind_ok(alias.region, kind) and (not found or found == (alias.region,)):
        note = f"{name!r} = {alias.region.code} {alias.region.name} (alias, {alias.source})"
        return Place(name, alias.region, (), [note] + ([alias.note] if alias.note else []))
    if not found and kind is not None:  # "Pemerintah Kabupaten Tomohon": only a Kota Tomohon exists
        other = tuple(r for r in region_candidates(name) if r.level == "regency")
        if other:
            listed = ", ".join(f"{r.code} {r.name}" for r in other)
            return Place(name, None, other, [f"the article says {_KIND_WORD[kind]} {name}, but only {listed} "
                                             "exists: region left empty, check"])  # fmt: skip
    if not found and kind in (None, "kabupaten"):  # "Pemkab Talaud": Kabupaten Kepulauan Talaud
        isles = tuple(r for r in region_candidates(f"Kabupaten Kepulauan {name}") if r.level == "regency")
        if len(isles) == 1:
            return Place(name, isles[0], (), [f"{name!r} = {isles[0].code} {isles[0].name} (short form, "
                                              "'Kepulauan' left out)"])  # fmt: skip
    if not found:
        return None
    if len(found) == 1:
        return Place(name, found[0])
    listed = ", ".join(f"{r.code} {r.name}" for r in found)
    return Place(name, None, found, [f"ambiguous region {name}: {listed}"])


def resolve_place(words: list[str], kind: str | None) -> Place | None:
    """The longest leading run of ``words`` that names a region (``["Karawang", "Cellica"]`` -> Karawang).

    ``kind`` (kabupaten / kota / provinsi, from "Pemkab", "Wali Kota", "Gubernur" ...) narrows the names;
    ``None`` ("Pemerintah Daerah X") keeps every region of that name, so "Tegal" stays ambiguous.
    """
    for n in range(min(len(words), 5), 0, -1):
        place = _lookup(" ".join(words[:n]), kind)
        if place is not None:
            if place.region is not None and (moved := moved_by_code().get(place.region.code)):
                place.notes.append(moved.note())
            return place
    return None


def province_after(text: str, end: int, region: Region | None) -> tuple[int, list[str]]:
    """A province written after a moved Papuan regency ("Kabupaten Merauke, Papua"): where the mention ends
    then, and a note saying which province the article gives (before 2022 it was Papua or Papua Barat)."""
    moved = moved_by_code().get(region.code) if region is not None else None
    m = _PAPUA_AFTER.match(text, end) if moved is not None else None
    if moved is None or m is None:
        return end, []
    said = " ".join(m["p"].split())
    if said == moved.old_province:
        return m.end(), [f"the article places it in {said}, its province before 2022: today's code used"]
    if said == moved.province:
        return m.end(), []
    return m.end(), [f"the article places it in {said}, but it was in {moved.old_province} and is in "
                     f"{moved.province} today: check"]  # fmt: skip


def resolve_bare(words: list[str], kind: str | None, after: str) -> Place | None:
    """A name written bare in a list ("Kabupaten Sigi, Donggala, Poso"; "delapan kabupaten yakni Ambon,
    Blitar"): ``kind`` is the list's word (kabupaten / kota / provinsi, or None), ``after`` what the list
    follows (for the note).

    A name the list's kind does not fit (Ambon in a list of kabupaten: only Kota Ambon exists) is taken
    with every kind; a province is kept only in a list of provinces. Ambiguous names keep their candidates.

    Parameters
    ----------
    words : list of str
        The capitalised words at the name (the longest leading run that names a region is taken).
    kind : {"kabupaten", "kota", "provinsi"} or None
        The list's kind word, if any.
    after : str
        The words the list follows, quoted in the note.

    Returns
    -------
    Place or None
        None when no region (or only a province, outside a list of provinces) has that name.
    """
    place = resolve_place(words, kind) if kind else None
    fits = place is not None and (place.region is not None or any(c.kind == kind for c in place.candidates))
    if not fits:
        place = resolve_place(words, None)
    if place is None:
        return None
    if kind != "provinsi":
        if place.region is not None and place.region.level == "province":
            return None
        if place.region is None:
            local = tuple(c for c in place.candidates if c.level != "province")
            if not local:
                return None
            if len(local) == 1:
                place = Place(place.words, local[0], (), [])
            elif len(local) < len(place.candidates):
                listed = ", ".join(f"{r.code} {r.name}" for r in local)
                place = Place(place.words, None, local, [f"ambiguous region {place.words}: {listed}"])
    if fits:
        return place
    note = f"named without kabupaten/kota in a list after {after!r}: check the region"
    return Place(place.words, place.region, place.candidates, [*place.notes, note])
