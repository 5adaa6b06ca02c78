"""Reference regions of Indonesia (38 provinces, 514 regencies/cities) and the region resolver.

The table ships as ``graphkit/data/regions.csv`` (source, licence and corrections: ``data/REGIONS.md``) and is
read once. A region is written in a dataset as a Kemendagri code (``33.28`` regency, ``33`` province) or a
name; :func:`resolve_region` turns either into a :class:`Region` and refuses ambiguous names such as
``Tegal`` (Kabupaten Tegal 33.28 or Kota Tegal 33.76), listing every candidate.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from graphkit._errors import GraphkitError
from graphkit.dataset._region_changes import moved_by_old_code

__all__ = [
    "Region",
    "RegionError",
    "provinces",
    "regencies",
    "all_regions",
    "get_region",
    "resolve_region",
    "region_candidates",
]

_HOW = "write a Kemendagri code (e.g. 33.28) or a full name (e.g. Kabupaten Tegal)"

# Words that may open a name and say which kind of region is meant ("Kab. Tegal", "Pemkot Malang").
_KIND_WORDS = {
    "kabupaten": "kabupaten", "kab": "kabupaten", "pemkab": "kabupaten",
    "kota": "kota", "kotamadya": "kota", "kodya": "kota", "pemkot": "kota",
    "provinsi": "provinsi", "propinsi": "provinsi", "prov": "provinsi", "pemprov": "provinsi",
}
# "Kota Administrasi Jakarta Pusat", "Kabupaten Adm. Kepulauan Seribu"
_ADMINISTRASI = {"administrasi", "adm"}
_TOKEN_EXPANSIONS = {"kep": "kepulauan"}  # "Kab. Kep. Siau Tagulandang Biaro"

# Common other names of provinces (each must not clash with another region's name; a test checks).
_PROVINCE_ALIASES: dict[str, tuple[str, ...]] = {
    "11": ("NAD", "Nanggroe Aceh Darussalam"),
    "12": ("Sumut",),
    "13": ("Sumbar",),
    "16": ("Sumsel",),
    "19": ("Babel", "Bangka Belitung"),
    "21": ("Kepri",),
    "31": ("DKI", "DKI Jakarta", "DKJ", "Daerah Khusus Jakarta"),
    "32": ("Jabar",),
    "33": ("Jateng",),
    "34": ("DIY", "DI Yogyakarta"),
    "35": ("Jatim",),
    "52": ("NTB",),
    "53": ("NTT",),
    "61": ("Kalbar",),
    "62": ("Kalteng",),
    "63": ("Kalsel",),
    "64": ("Kaltim",),
    "65": ("Kaltara",),
    "71": ("Sulut",),
    "72": ("Sulteng",),
    "73": ("Sulsel",),
    "74": ("Sultra",),
    "76": ("Sulbar",),
    "82": ("Malut",),
    "92": ("Pabar",),
    "96": ("PBD",),
}
# Other names of regencies/cities in common use.
_REGENCY_ALIASES: dict[str, tuple[str, ...]] = {
    "33.72": ("Solo",),  # Kota Surakarta
    "71.09": ("Sitaro",),  # Kabupaten Kepulauan Siau Tagulandang Biaro
}


@dataclass(frozen=True)
class Region:
    """One province or regency (kabupaten) / city (kota).

    Attributes
    ----------
    code : str
        Kemendagri code, dotted: ``"33"`` (province) or ``"33.28"`` (regency).
    level : str
        ``"province"`` or ``"regency"``.
    kind : str
        ``"provinsi"``, ``"kabupaten"`` or ``"kota"``.
    name : str
        Official-style name: ``"Kabupaten Tegal"``, ``"Kota Tegal"``; a province's plain name
        (``"Jawa Tengah"``, without ``Provinsi``).
    short_name : str
        Name without ``Kabupaten``/``Kota`` (``"Tegal"``); for a province its name without
        ``Daerah Khusus Ibukota``/``Daerah Istimewa`` (``"Jakarta"``, ``"Yogyakarta"``).
    province_code : str
        Code of the province; a province's own code.
    lat, lon : float or None
        Coordinates of the capital (of the regency's seat, or of the province's capital city).
    """

    code: str
    level: str
    kind: str
    name: str
    short_name: str
    province_code: str
    lat: float | None
    lon: float | None


class RegionError(GraphkitError):
    """A region that is unknown, ambiguous or empty; the message says what to write instead.

    ``candidates`` holds the regions an ambiguous name could mean (empty otherwise).
    """

    exit_code = 2

    def __init__(self, message: str, candidates: tuple[Region, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates


def _float(value: str) -> float | None:
    return float(value) if value.strip() else None


@cache
def _table() -> tuple[Region, ...]:
    text = resources.files("graphkit").joinpath("data").joinpath("regions.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    regions = [
        Region(
            code=r["code"], level=r["level"], kind=r["kind"], name=r["name"], short_name=r["short_name"],
            province_code=r["province_code"], lat=_float(r["lat"]), lon=_float(r["lon"]),
        )
        for r in rows
    ]
    return tuple(sorted(regions, key=lambda r: r.code))


def _tokens(text: str) -> list[str]:
    """Accent-, case- and punctuation-insensitive words of ``text``."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return [_TOKEN_EXPANSIONS.get(t, t) for t in re.findall(r"[^\W_]+", plain)]


def _key(text: str) -> str:
    """Words joined without spaces, so that "Bau Bau", "Bau-Bau" and "Baubau" meet."""
    return "".join(_tokens(text))


def _split_kind(tokens: list[str]) -> tuple[str | None, str]:
    """``["kab", "tegal"]`` -> ``("kabupaten", "tegal")``; no kind word -> ``(None, key)``."""
    if len(tokens) > 1 and tokens[0] in _KIND_WORDS:
        kind, rest = _KIND_WORDS[tokens[0]], tokens[1:]
        if kind != "provinsi" and len(rest) > 1 and rest[0] in _ADMINISTRASI:
            rest = rest[1:]
        return kind, "".join(rest)
    return None, "".join(tokens)


def _label(region: Region) -> str:
    """``"33.28 Kabupaten Tegal"``, ``"17 Provinsi Bengkulu"``: a code and a name that both resolve."""
    name = f"Provinsi {region.name}" if region.level == "province" else region.name
    return f"{region.code} {name}"


@dataclass(frozen=True)
class _Index:
    by_code: dict[str, Region]
    by_kind: dict[tuple[str, str], tuple[Region, ...]]  # (kind, key) -> regions
    by_key: dict[str, tuple[Region, ...]]  # key without a kind word -> regions
    suggestions: dict[str, tuple[Region, ...]]  # every spelling difflib may propose


def _add_alias_table(by_kind: dict[tuple[str, str], set[Region]], by_key: dict[str, set[Region]]) -> None:
    """Names from ``data/aliases.csv`` (acronyms, short forms, each with its source) that no region has
    already: they only make unknown names known, never a known name ambiguous or different."""
    text = resources.files("graphkit").joinpath("data").joinpath("aliases.csv").read_text(encoding="utf-8")
    by_code = {r.code: r for r in _table()}
    for row in csv.DictReader(io.StringIO(text)):
        region = by_code.get(row["code"])
        kind, key = _split_kind(_tokens(row["alias"]))
        if region is None or not key or (kind and kind != region.kind) or key in by_key:
            continue
        by_key[key].add(region)
        by_kind[(region.kind, key)].add(region)


@cache
def _index() -> _Index:
    by_kind: dict[tuple[str, str], set[Region]] = defaultdict(set)
    by_key: dict[str, set[Region]] = defaultdict(set)
    suggestions: dict[str, set[Region]] = defaultdict(set)
    for region in _table():
        aliases = _PROVINCE_ALIASES.get(region.code, ()) + _REGENCY_ALIASES.get(region.code, ())
        keys = {_key(region.short_name), *(_key(a) for a in aliases)}
        if region.level == "province":
            keys.add(_key(region.name))
        for key in keys:
            by_kind[(region.kind, key)].add(region)
            by_key[key].add(region)
            suggestions[key].add(region)
            suggestions[_key(region.kind) + key].add(region)

    _add_alias_table(by_kind, by_key)

    def freeze(d: dict) -> dict:
        return {k: tuple(sorted(v, key=lambda r: r.code)) for k, v in d.items()}

    return _Index({r.code: r for r in _table()}, freeze(by_kind), freeze(by_key), freeze(suggestions))


def provinces() -> list[Region]:
    """The 38 provinces, sorted by code."""
    return [r for r in _table() if r.level == "province"]


def regencies() -> list[Region]:
    """The 514 regencies (kabupaten) and cities (kota), sorted by code."""
    return [r for r in _table() if r.level == "regency"]


def all_regions() -> list[Region]:
    """Every province and regency, sorted by code (a province comes just before its regencies)."""
    return list(_table())


def get_region(code: str) -> Region:
    """Return the region with this exact dotted Kemendagri code.

    Raises
    ------
    RegionError
        If no region has that code.
    """
    region = _index().by_code.get(code) if isinstance(code, str) else None
    if region is None:
        raise RegionError(f"unknown region code {_shown(str(code))}: {_HOW}")
    return region


_CODE = re.compile(r"([0-9]{2})(?:\.?([0-9]{2}))?", re.ASCII)
_CODE_LIKE = re.compile(r"[0-9][0-9.]*", re.ASCII)
_DEEPER_CODE = re.compile(r"([0-9]{2})\.([0-9]{2})(?:\.[0-9]{2}(?:\.[0-9]{4})?)", re.ASCII)


def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _shown(text: str) -> str:
    """The user's text for a one-line message: whitespace collapsed, quoted, long text cut."""
    collapsed = " ".join(text.split())
    if len(collapsed) > 60:
        collapsed = collapsed[:57] + "..."
    return repr(collapsed)


def region_candidates(text: str) -> list[Region]:
    """Every region ``text`` may mean: none, one, or several (an ambiguous name).

    Accepts what :func:`resolve_region` accepts; never raises on a string.

    Parameters
    ----------
    text : str
        A code (``"33.28"``, ``"3328"``) or a name (``"Kab. Tegal"``, ``"Tegal"``, ``"DIY"``).

    Returns
    -------
    list of Region
        Sorted by code.
    """
    if not isinstance(text, str):
        return []
    return list(_candidates(text))


@lru_cache(maxsize=4096)
def _candidates(text: str) -> tuple[Region, ...]:
    """:func:`region_candidates` for a string, cached: a large dataset names the same regions again and
    again (100,000 rows name a few hundred regions)."""
    index = _index()
    compact = _compact(text)
    match = _CODE.fullmatch(compact)
    if match:
        code = ".".join(g for g in match.groups() if g)
        return (index.by_code[code],) if code in index.by_code else ()
    kind, key = _split_kind(_tokens(text))
    if not key:
        return ()
    return index.by_kind.get((kind, key), ()) if kind else index.by_key.get(key, ())


def _suggest(text: str) -> list[Region]:
    """Regions close to an unknown name: the same name of another kind, or a near spelling."""
    index = _index()
    kind, key = _split_kind(_tokens(text))
    if not key or len(key) > 80:
        return []
    if kind and key in index.by_key:  # "Kabupaten Bengkulu" -> Provinsi Bengkulu, Kota Bengkulu
        return list(index.by_key[key])
    query = (_key(kind) if kind else "") + key
    closest = difflib.get_close_matches(query, index.suggestions, n=1, cutoff=0.8)
    return list(index.suggestions[closest[0]]) if closest else []


def resolve_region(text: str) -> Region:
    """Return the one region that ``text`` names.

    Accepted: a Kemendagri code (``"33.28"``, ``" 33.28 "``, ``"3328"``, ``"33"``); a full name
    (``"Kabupaten Tegal"``, ``"Kab. Tegal"``, ``"KOTA tegal"``, ``"Kota Administrasi Jakarta Pusat"``); a
    province's name with or without ``Provinsi`` or a common abbreviation (``"Jawa Tengah"``,
    ``"DKI Jakarta"``, ``"DIY"``, ``"NTB"``, ``"Kepri"``, ``"Sulsel"``); or a short name that only one region
    has (``"Sarolangun"``).
    Case, accents, punctuation and extra whitespace do not matter.

    Parameters
    ----------
    text : str
        What the dataset says.

    Returns
    -------
    Region

    Raises
    ------
    RegionError
        If ``text`` is empty, unknown (with "did you mean ...?" when a name is close), or ambiguous (every
        candidate is listed with its code).

    Examples
    --------
    >>> resolve_region("Kab. Tegal").code
    '33.28'
    >>> resolve_region(" 3376 ").name
    'Kota Tegal'
    >>> resolve_region("provinsi jawa tengah").code
    '33'
    >>> [r.code for r in region_candidates("Tegal")]
    ['33.28', '33.76']
    """
    if not isinstance(text, str):
        raise RegionError(f"region must be text, not {type(text).__name__}: {_HOW}")
    if not text.strip():
        raise RegionError(f"empty region: {_HOW}")
    found = region_candidates(text)
    if len(found) == 1:
        return found[0]
    shown = _shown(text)
    if found:
        listed = ", ".join(_label(r) for r in found)
        problem = f"ambiguous region {shown}: {listed}; write the code or the full name"
        raise RegionError(problem, tuple(found))
    compact = _compact(text)
    if _CODE_LIKE.fullmatch(compact):
        deeper = _DEEPER_CODE.fullmatch(compact)
        hint = ""
        if deeper and f"{deeper[1]}.{deeper[2]}" in _index().by_code:
            hint = f"; that is a district or village code, its regency is {deeper[1]}.{deeper[2]}"
        elif (code := _CODE.fullmatch(compact)) and (
            moved := moved_by_old_code().get(".".join(code.groups("")))
        ):
            hint = f"; {moved.note()}: write {moved.code}"
        raise RegionError(f"unknown region code {shown}: {_HOW}{hint}")
    close = _suggest(text)
    hint = f"; did you mean {' or '.join(_label(r) for r in close)}?" if close else ""
    raise RegionError(f"unknown region {shown}: {_HOW}{hint}")
