"""Partners named in an article: regional governments (through the region resolver) and institutions.

Rules only: a government trigger ("Pemerintah Kabupaten", "Pemkab", "Bupati", "Wali Kota"/"Wako", "Kab.")
followed by a capitalised name, or a list after one ("Pemerintah Daerah Palu, Tegal, Sarolangun"); an
institution keyword ("Politeknik", "RSUD", "Bank", "PT", "IOM", "Komisi", "Yayasan" ...) followed by its
capitalised name, a bracketed short form right after the keyword skipped ("Pimpinan Pusat (PP) Muhammadiyah").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graphkit.dataset._regions import Region
from graphkit.extraction._collective import find_collectives
from graphkit.extraction._places import Place, province_after, resolve_bare, resolve_place

__all__ = ["Mention", "find_partners", "slug"]

_GOV = (r"(?P<trig>(?i:pemerintah\s+(?:daerah\s+)?(?:kabupaten|kota|provinsi)|pemerintah\s+daerah"
        r"|pemkab\.?|pemkot\.?|pemkota|pemko|pemprov\.?|pemda|(?:wakil\s+)?bupati|(?:wakil\s+)?wali\s*kota"
        r"|(?:wakil\s+)?gubernur|wawako|wako|kabupaten|kab\.|kota|provinsi|prov\.|pemerintah))"
        r"(?:\s*\((?i:pemkab|pemkot|pemko|pemprov|pemda|wawako|wako)\))?")  # fmt: skip
_NAME_WORD = r"(?:[A-Z][\w'\-]*|dan\s+Kepulauan)"
_GOV_RE = re.compile(rf"\b{_GOV}\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}})")
_ENGLISH_RE = re.compile(rf"\b(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s+(?P<trig>Regency|City)\b")
_LIST_ITEM = re.compile(rf"\s*(?:,\s*(?:dan\s+|serta\s+)?|\s+dan\s+|\s+serta\s+)(?P<name>{_NAME_WORD}"
                        rf"(?:\s+{_NAME_WORD}){{0,4}})")  # fmt: skip
_FIRST_ITEM = re.compile(rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})")
_PERSON_TRIGGERS = ("bupati", "wali", "walikota", "gubernur", "wakil", "wako", "wawako")  # wako: wali kota
_LEADERS = ("pemerintah", "pem", "bupati", "wali", "gubernur", "wakil", "wako", "wawako")  # a government
_COUNT_LIST = re.compile(
    r"(?i)\b(?:\d{1,3}|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|beberapa|sejumlah)\s+"
    r"(?P<noun>pemerintah\s+daerah|pemda|kabupaten\s*/\s*kota|kabupaten\s+dan\s+kota|kabupaten|kota|provinsi"
    r"|daerah|kepala\s+daerah|pimpinan\s+daerah)(?:\s+(?:lain(?:nya)?|tersebut|itu|mitra))?\s*,?\s*"
    r"(?:yang\s[^.!?\n:]{0,160}?\s)?"  # "delapan kabupaten lain yang turut menandatangani ... terdiri dari"
    r"(?:yakni|yaitu|antara\s+lain|di\s*antaranya|meliputi|adalah|terdiri\s+(?:atas|dari)|:)\s*"
    r"(?:(?:kabupaten\s*/\s*kota|kabupaten|kota)\s+(?=[A-Z]))?"  # "terdiri dari kabupaten Ambon, ...": loose
)
_PLACE_BEFORE = re.compile(r"(?i:\b(?:di|ke|dari|asal|wilayah|kawasan|daerah|warga|masyarakat|ibu\s*kota|se)"
                           r"\s+)$")  # fmt: skip
#: "di Gedung Sate, Kota Bandung": the venue's city, not a party
_VENUE_BEFORE = re.compile(
    r"\b(?:[Dd]i|[Bb]ertempat\s+di)\s+(?:[A-Z][\w'.\-]*\s+){0,5}?[A-Z][\w'.\-]*\s*,\s*$"
)
_KIND_AFTER_LEADER = re.compile(r"(?i:kabupaten|kota|provinsi|kab\.)\s+(?=[A-Z])")
_KINDS = [("provinsi", ("provinsi", "prov.", "pemprov", "gubernur")),
          ("kota", ("kota", "pemkot", "pemko", "wali", "walikota", "wako", "wawako")),
          ("kabupaten", ("kabupaten", "kab.", "pemkab", "bupati"))]  # fmt: skip
_INSTITUTIONS = {
    "education": ("Politeknik", "Poltekkes", "Poltek", "Universitas", "Institut", "Sekolah Tinggi", "STIKES",
                  "Stikes", "STIKes", "SMK", "SMKN", "Akademi", "Balai Latihan Kerja", "LPK"),
    "health": ("RSUD", "RSU", "RS", "Rumah Sakit"),
    "financial": ("Bank", "BPJS"),
    "government": ("Kementerian", "Badan", "Polda", "Polri", "Kepolisian", "Kejaksaan",
                   "Direktorat Jenderal", "Direktorat Jendral", "Komisi", "Komnas", "Lembaga"),
    "community": ("Perkumpulan", "Himpunan", "Majelis", "Yayasan", "Persatuan", "Pengurus Besar",
                  "Pimpinan Pusat", "Asosiasi", "Ikatan", "Kamar"),
    "private": ("PT",),
    "international": ("IOM", "ILO", "UN Women", "UNODC", "UNDP", "UNICEF", "UNHCR", "Pemerintah Prefektur"),
}  # fmt: skip
#: Keywords that name a kind of body as often as one body: "Lembaga Pendidikan dan Lembaga Kesehatan juga
#: ikut", "Komisi IX DPR", "Lembaga Swasta dan ...": a partner only when its name does not start with a
#: generic word, "dan" or a roman numeral.
_GENERIC_KW = frozenset(("Komisi", "Komnas", "Lembaga", "Perkumpulan", "Himpunan", "Majelis", "Yayasan",
                         "Persatuan", "Asosiasi", "Ikatan", "Kamar"))  # fmt: skip
_GENERIC = frozenset(("Pendidikan", "Kesehatan", "Keuangan", "Negara", "Pemerintah", "Pemerintahan",
                      "Swadaya", "Masyarakat", "Sosial", "Keagamaan", "Terkait", "Lainnya", "Pelatihan",
                      "Kerja", "Vokasi", "Penempatan", "Perbankan", "Swasta", "Non", "Daerah", "Pusat",
                      "Tinggi", "Umum", "Adat", "Internasional", "Legislatif", "DPR", "DPRD",
                      "RI", "Organisasi", "Institusi", "Forum", "Lembaga", "dan"))  # fmt: skip
_ROMAN = re.compile(r"[IVXL]+$")
_KW_TYPE = {kw: t for t, kws in _INSTITUTIONS.items() for kw in kws}
_ALONE = {"IOM": "International Organization for Migration (IOM)",
          "ILO": "International Labour Organization (ILO)",
          "Polri": "Kepolisian Negara Republik Indonesia (Polri)", "UN Women": "UN Women", "UNODC": "UNODC",
          "UNDP": "UNDP", "UNICEF": "UNICEF", "UNHCR": "UNHCR", "BPJS": "BPJS"}  # fmt: skip
#: After "dan", a word starting another institution or a government: "STIKES A dan STIKES B" is two names,
#: "Universitas Pendidikan dan Kebudayaan" one.
_NEXT_ONE = (
    r"(?:"
    + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_KW_TYPE, key=len, reverse=True))
    + r"|Pemerintah|Pemkab|Pemkot|Pemko|Pemprov|Pemda|Bupati|Wali\s*[Kk]ota|Walikota|Gubernur|Kabupaten"
    r"|Kota|Provinsi|BP2MI|KP2MI|P2MI|KemenP2MI|BP3MI|P4MI)\b"  # "PT X (Persero) dan BP2MI": two names
)
_INST_WORD = rf"(?:[A-Z0-9][\w.&'\-]*|\(Persero\)|dan\s+(?!{_NEXT_ONE})[A-Z][\w\-]*)"
_INST_RE = re.compile(
    r"\b(?P<kw>" + "|".join(re.escape(k) for k in sorted(_KW_TYPE, key=len, reverse=True)) + r")\b"
    r"(?:(?<=PT)\.)?"  # "PT. Perkebunan Nusantara"
    r"(?:\s*\([A-Z][A-Za-z]{0,7}\)(?=\s+[A-Z]))?"  # "Pimpinan Pusat (PP) Muhammadiyah": the short form
    rf"(?P<name>(?:\s+{_INST_WORD}){{0,8}})"
)
#: The short form written right after an institution's name: "Badan Pengawas Pemilu (Bawaslu)" keeps it, so
#: the name is known by both ("Kementerian ESDM" later, or a list that writes only the short form).
_SHORT = re.compile(r"\s*\((?!Persero\))(?P<s>[A-Z][\w\-]*(?:\s+[A-Z]+)?)\)")  # not "(Nama Orang)"
_OWN = re.compile(r"(?i)pekerja\s+migran|P2MI|BP3MI|P4MI|\bPPMI\b|badan\s+pe(?:r)?lindungan")  # BP2MI, KP2MI


def slug(text: str) -> str:
    """``"Pemerintah Kota Palu"`` -> ``"pemerintah-kota-palu"``."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


@dataclass
class Mention:
    """One partner as the article names it."""

    start: int
    end: int
    words: str
    type: str
    name: str
    region: Region | None = None
    candidates: tuple[Region, ...] = ()
    notes: list[str] = field(default_factory=list)


def _kind(trigger: str) -> str | None:
    t = trigger.casefold()
    if t in ("regency",):
        return "kabupaten"
    if t == "city":
        return "kota"
    for kind, words in _KINDS:
        if any(t == w or t.startswith(w) or t.endswith(" " + w) or f" {w} " in f" {t} " for w in words):
            return kind
    return None  # pemerintah daerah / pemda: kabupaten, kota or province, the text does not say


def _gov(text: str, start: int, name_start: int, kind: str | None, bare: str = "") -> Mention | None:
    """The government named at ``name_start``; ``bare``: the name is written without its kind, in a list
    after these words (the list's kind is ``kind``)."""
    words = re.match(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}", text[name_start:])
    place: Place | None = None
    if words:
        split = words.group(0).split()
        place = resolve_bare(split, kind, bare) if bare else resolve_place(split, kind)
    if place is None:
        return None
    spelled = re.match(r"\s+".join(map(re.escape, place.words.split())), text[name_start:])
    end = name_start + (spelled.end() if spelled else len(place.words))
    end, notes = province_after(text, end, place.region)
    m = Mention(
        start,
        end,
        " ".join(text[start:end].split()),
        "regional_government",
        "",
        place.region,
        place.candidates,
        [*place.notes, *notes],
    )
    r = place.region
    if r is not None:
        m.name = f"Pemerintah Provinsi {r.name}" if r.level == "province" else f"Pemerintah {r.name}"
    else:
        m.name = f"Pemerintah Daerah {place.words} (kabupaten atau kota tidak disebut)"
    return m


def _bare_list(text: str, pos: int, kind: str | None, after: str, first: bool = False) -> list[Mention]:
    """Names going on with a list at ``pos`` ("..., Donggala, Poso dan Kota Palu"), up to the first that is
    not a region or carries its own kind word; ``first``: the first name has no separator before it."""
    found: list[Mention] = []
    while True:
        item = (_FIRST_ITEM if first and not found else _LIST_ITEM).match(text, pos)
        if item is None or _INST_RE.match(item["name"]) or _GOV_RE.match(item["name"]):
            return found
        nxt = _gov(text, item.start("name"), item.start("name"), kind, bare=after)
        if nxt is None:
            return found
        found.append(nxt)
        pos = nxt.end


def _governments(text: str) -> list[Mention]:
    found: list[Mention] = []
    for m in list(_GOV_RE.finditer(text)):
        government = m["trig"].lower().startswith(_LEADERS)
        if not government:
            before = text[max(0, m.start() - 80) : m.start()]
            venue = before.rstrip().endswith(",") and _VENUE_BEFORE.search(before)
            if _PLACE_BEFORE.search(before[-20:]) or venue:
                continue  # "di Kota Kupang", "dari provinsi Sumbar", "di Gedung Sate, Kota Bandung": places
        kind, name_start = _kind(m["trig"]), m.start("name")
        if government and (again := _KIND_AFTER_LEADER.match(text, name_start)):
            name_start = again.end()  # "Bupati Kabupaten Sumba Barat"
            kind = kind or _kind(again.group(0).strip())
        first = _gov(text, m.start(), name_start, kind)
        if first is None:
            continue
        found.append(first)
        trig = m["trig"].lower()
        if kind is None or trig.startswith("pemerintah"):  # "Pemerintah Daerah Palu, Tegal, Sarolangun"
            found += _bare_list(text, first.end, kind, "")
        elif not trig.startswith(_PERSON_TRIGGERS):  # not "Bupati Ende, Djafar": a person's name follows
            found += _bare_list(text, first.end, kind, " ".join(m.group(0).split()))
    for c in _COUNT_LIST.finditer(text):
        if not _GOV_RE.match(text, c.end()):  # "yakni Bupati Solok, ...": named with their kind
            kind = "provinsi" if c["noun"].lower() == "provinsi" else None  # "kabupaten" is used loosely
            found += _bare_list(text, c.end(), kind, " ".join(c.group(0).split()), first=True)
    for m in _ENGLISH_RE.finditer(text):
        got = _gov(text, m.start(), m.start("name"), _kind(m["trig"]))
        if got is not None and got.end == m.start("trig") - 1:
            got.end, got.words = m.end(), " ".join(m.group(0).split())
            found.append(got)
    return found


def _institutions(text: str) -> list[Mention]:
    found = []
    for m in _INST_RE.finditer(text):
        kw, name = m["kw"], " ".join(m["name"].split())
        name = re.sub(r"(\s+dan|\.)$", "", name)
        if kw in _ALONE and not name:
            full = _ALONE[kw]
        elif not name or (kw == "RS" and len(name) < 3):
            continue
        elif kw in _GENERIC_KW and (name.split()[0] in _GENERIC or _ROMAN.match(name.split()[0])):
            continue  # "Lembaga Pendidikan", "Komisi IX DPR RI": a kind of body, or not a party
        else:
            full = f"{kw} {name}"
        if _OWN.search(full):
            continue  # BP2MI itself or one of its units
        end = m.start("name") + len(m["name"].rstrip().rstrip(".")) if name else m.end("kw")
        if name and not full.endswith(")") and (short := _SHORT.match(text, end)):
            full, end = f"{full} ({short['s']})", short.end()
        found.append(Mention(m.start(), end, text[m.start() : end].strip(), _KW_TYPE[kw], full))
    for mention in found:
        words = [w for w in re.sub(r"\([^()]*\)", " ", mention.name).split() if w not in ("Tbk", "Tbk.")]
        for n in (3, 2, 1):
            if len(words) > n:
                place = resolve_place(words[-n:], None)
                if place is not None and place.words == " ".join(words[-n:]):
                    mention.region, mention.candidates = place.region, place.candidates
                    mention.notes.append(f"located from its name ({place.words}); the campus or office "
                                         "may be elsewhere")  # fmt: skip
                    mention.notes += place.notes
                    break
    return found


def find_partners(text: str) -> list[Mention]:
    """Every partner mention in ``text``, in text order; overlapping mentions keep the earliest, longest; none
    inside a collective phrase ("Pemkab/Pemko se-Riau", :mod:`graphkit.extraction._collective`)."""
    mentions = sorted(_governments(text) + _institutions(text), key=lambda m: (m.start, -(m.end - m.start)))
    together = [(c.start, c.end) for c in find_collectives(text)] if " se" in text or "eluruh" in text else []
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end or any(a <= m.start < b for a, b in together):
            continue  # "Pemerintah Daerah se-Provinsi Gorontalo": every government of it, no one partner
        kept.append(m)
    return kept
