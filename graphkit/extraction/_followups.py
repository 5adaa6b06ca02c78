"""Follow-ups of an agreement and programs active in a region, as an article reports them.

Rules only, one clause at a time (a sentence cut at ``;`` and at "sedangkan" / "namun" ...):

- a follow-up keyword (a Perda on migrant-worker protection, an LTSA one-stop service, a training budget,
  Desa Migran Emas, Kawan PMI, an action plan) counts as *done* only with a verb of its own saying it happened
  ("menerbitkan" a Perda, "diresmikan" an LTSA, "dibentuk" Kawan PMI ...) and no word of intention in the
  clause ("akan", "berencana", "diharapkan", "mendorong", "langkah berikutnya", "belum" ...). Otherwise it is
  *intended* (or only *named*): a review note, never a row. A training budget needs an amount (Rp / juta /
  miliar) too.
- a program (Satgas TPPO, Kawan PMI, Perwira PMI, Desa Migran Emas) is active in a region when the clause
  says it was formed, inaugurated or runs there ("terbentuk", "dikukuhkan", "diresmikan", "aktif" ...) and
  names the place: "di" + a list of names, or a regional government. An ambiguous name stays ambiguous.

Nothing here makes rows: ``_links`` links each hit to an agreement and writes ``follow_ups`` /
``program_regions``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from graphkit.dataset._regions import Region
from graphkit.extraction._dates import DateHit
from graphkit.extraction._partners import find_partners
from graphkit.extraction._places import province_after, resolve_place

__all__ = ["Hit", "Spot", "find_follow_ups", "find_program_regions", "clauses", "has_keywords"]

_I = re.IGNORECASE
_PMI = r"pekerja\s+migran|\bPMI\b|\bTKI\b|tenaga\s+kerja\s+Indonesia"
_PERDA = (
    r"\b(?:Ran|Ra)?[Pp]erda\b|\bperaturan\s+daerah\b|\bPer(?:kada|bup|wali|gub)\b"
    r"|\bperaturan\s+(?:bupati|wali\s*kota|gubernur)\b"
)  # a Ranperda is a draft: see _INTENT
#: (kind, what, pattern, a pattern the clause must also hold or None, description)
FOLLOW_UPS = [
    ("regulation", "Perda", re.compile(_PERDA, _I),
     re.compile(_PMI, _I), "regional regulation on the protection of migrant workers"),
    ("service", "LTSA", re.compile(r"\bLTSA\b|layanan\s+terpadu\s+satu\s+atap", _I), None,
     "LTSA one-stop service for migrant workers (Layanan Terpadu Satu Atap)"),
    ("budget", "training budget", re.compile(r"\banggaran\b", _I), re.compile(r"pelatihan", _I),
     "budget for the training of (prospective) migrant workers"),
    ("other", "Desa Migran Emas", re.compile(r"\bdesa\s+migran\s+emas\b", _I), None,
     "village(s) made Desa Migran Emas"),
    ("other", "Kawan PMI", re.compile(r"\bKawan\s+PMI\b"), None, "Kawan PMI community or board formed"),
    ("action_plan", "action plan", re.compile(r"\brencana\s+aksi\b", _I), None, "action plan drawn up"),
]  # fmt: skip


def _verbs(words: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{words})\b", _I)


#: Per follow-up (``what``): the verbs that say it happened (a plain "telah" is not enough: "PMI telah
#: dilayani di LTSA" is no LTSA opened).
_DONE = {
    "Perda": _verbs(r"menerbitkan|diterbitkan|penerbitan|mengesahkan|disahkan|pengesahan|menetapkan"
                    r"|ditetapkan|penetapan|memiliki|mengundangkan|diundangkan"),
    "LTSA": _verbs(r"membuka|dibuka|pembukaan|meresmikan|diresmikan|peresmian|beroperasi|meluncurkan"
                   r"|diluncurkan|peluncuran|memiliki|membangun|dibangun"),
    "training budget": _verbs(r"mengalokasikan|dialokasikan|menganggarkan|dianggarkan|menyediakan|disediakan"
                              r"|mengucurkan|dikucurkan"),
    "Desa Migran Emas": _verbs(r"menetapkan|ditetapkan|penetapan|meresmikan|diresmikan|peresmian|mengukuhkan"
                               r"|dikukuhkan|pengukuhan|meluncurkan|diluncurkan|peluncuran|dicanangkan"),
    "Kawan PMI": _verbs(r"membentuk|dibentuk|terbentuk|pembentukan|mengukuhkan|dikukuhkan|pengukuhan|melantik"
                        r"|dilantik|pelantikan"),
    "action plan": _verbs(r"menyusun|disusun|penyusunan|merampungkan|dirampungkan|menetapkan|ditetapkan"
                          r"|menandatangani|ditandatangani|merumuskan|dirumuskan"),
}  # fmt: skip
#: Words of purpose: an intention only before the keyword ("agar Pemkab membuat Perda"), not after it
#: ("menerbitkan Perda agar PMI terlindungi").
_PURPOSE = ("agar", "supaya")
_INTENT = re.compile(
    r"\b(?:akan|berencana|rencananya|direncanakan|merencanakan|diharapkan|berharap|harapan(?:nya)?|mengharapkan"
    r"|mendorong|didorong|mendesak|meminta|diminta|mengimbau|diimbau|mengajak|menargetkan|ditargetkan|berjanji"
    r"|berkomitmen|siap|segera|nantinya|ke\s+depan|perlu|harus|wajib|agar|supaya|hendaknya|sebaiknya|belum"
    r"|sedang|tengah|masih|langkah\s+(?:berikut(?:nya)?|selanjutnya)|tahap\s+(?:berikut(?:nya)?|selanjutnya)"
    r"|mengusulkan|diusulkan|usulan|rancangan|ranperda|raperda)\b",
    _I,
)
_AMOUNT = re.compile(
    r"\bRp\.?\s*\d[\d.,]*(?:\s*(?:juta|miliar|triliun))?|\b\d[\d.,]*\s*(?:juta|miliar|triliun)\b", _I
)
#: Programs: id, pattern (the ids of ``_build.PROGRAMS``).
PROGRAM_PATTERNS = [
    ("satgas-tppo", re.compile(r"\bsatgas\s+TPPO\b", _I)),
    ("kawan-pmi", re.compile(r"\bKawan\s+PMI\b")),
    ("perwira-pmi", re.compile(r"\bPerwira\)?\s+PMI\b")),
    ("desa-migran-emas", re.compile(r"\bdesa\s+migran\s+emas\b", _I)),
]
#: Lower-case words one of which a text must hold for each pattern above to be tried (a substring test is
#: far cheaper than a case-insensitive regex search: 1,000 articles stay fast).
_NEEDLES = {
    "Perda": ("perda", "peraturan", "perkada", "perbup", "perwali", "pergub"),
    "LTSA": ("ltsa", "layanan terpadu"),
    "training budget": ("anggaran",), "Desa Migran Emas": ("migran emas",), "Kawan PMI": ("kawan",),
    "action plan": ("rencana aksi",), "satgas-tppo": ("satgas",), "kawan-pmi": ("kawan",),
    "perwira-pmi": ("perwira",), "desa-migran-emas": ("migran emas",),
}  # fmt: skip
_GOV_WORDS = ("pemerintah", "pemkab", "pemkot", "pemko", "pemprov", "pemda", "bupati", "wali", "gubernur",
              "kabupaten", "kab.", "kota", "provinsi", "prov.", "regency", "city")  # fmt: skip
_CUT_NEEDLES = (";", "sedangkan", "sementara itu", "namun", "tetapi")
_ACTIVE = re.compile(
    r"\b(?:terbentuk|dibentuk|membentuk|pembentukan|dikukuhkan|mengukuhkan|pengukuhan|diresmikan|meresmikan"
    r"|peresmian|dilantik|melantik|pelantikan|ditetapkan|menetapkan|penetapan|diluncurkan|meluncurkan"
    r"|peluncuran|aktif|beroperasi|berjalan)\b",
    _I,
)
_NAME = r"[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,4}"
_KIND_WORD = r"(?:(?P<kw>Kabupaten|Kab\.|Kota|Provinsi|Prov\.)\s+)?"
_DI = re.compile(r"\bdi\s+(?:[\w/]+\s+){0,2}?(?:(?:lokasi|daerah|wilayah|tempat)\s*,?\s*"
                 r"(?:yakni|yaitu|antara\s+lain|di\s+antaranya|meliputi)?\s*:?\s*)?(?=[A-Z])")  # fmt: skip
_ITEM = re.compile(rf"{_KIND_WORD}(?P<name>{_NAME})")
_SEP = re.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+)?|\s+dan\s+|\s+serta\s+)")
_KINDS = {"kabupaten": "kabupaten", "kab.": "kabupaten", "kota": "kota", "provinsi": "provinsi",
          "prov.": "provinsi"}  # fmt: skip
_ABBREVIATIONS = ("kab", "prov", "kec", "kel", "ds", "dr", "drs", "ir", "no", "jl", "kh", "hj", "st", "tbk",
                  "sdr", "bpk", "ibu", "prof", "mr", "mrs")  # fmt: skip
#: A sentence ends at . ! ? before a capital (not after "Kab.", "Dr.", an initial ...) or at a line end.
_SENTENCE_END = re.compile(
    r"[.!?](?<!\b[A-Z]\.)" + "".join(rf"(?<!\b(?i:{a})\.)" for a in _ABBREVIATIONS) + r"(?=\s+[\"“A-Z(])|\n"
)
_CLAUSE_CUT = re.compile(r";|\b(?i:sedangkan|sementara\s+itu|namun|tetapi)\b")


@dataclass
class Spot:
    """A region named with a hit: one region, or the candidates of an ambiguous name."""

    start: int
    end: int
    words: str
    region: Region | None
    candidates: tuple[Region, ...] = ()
    notes: list[str] = field(default_factory=list)


@dataclass
class Hit:
    """A follow-up (``kind`` one of FOLLOW_UP_KINDS) or a program in a region (``kind`` = program id)."""

    kind: str
    what: str
    description: str
    start: int
    end: int
    words: str
    state: str  # done | intended | named
    cue: tuple[int, int, str] | None = None  # the word that says done, or intended
    spots: list[Spot] = field(default_factory=list)
    date: DateHit | None = None
    amount: tuple[int, int, str] | None = None  # a training budget's amount as written
    notes: list[str] = field(default_factory=list)
    bp2mi: bool = False  # BP2MI is named in the clause (it runs the program there)


@lru_cache(maxsize=4)
def clauses(text: str) -> list[tuple[int, int]]:
    """Character spans of the clauses of ``text`` (sentences cut at ``;`` and contrast words); the last few
    texts' spans are kept (follow-ups and programs of one article use the same)."""
    cuts = [(m.end(), m.end()) for m in _SENTENCE_END.finditer(text)]
    lower = text.lower()  # str.find on it is far cheaper than a case-insensitive regex
    if len(lower) == len(text) and any(n in lower for n in _CUT_NEEDLES):
        for word in _CUT_NEEDLES:
            i = lower.find(word)
            while i >= 0:
                end = i + len(word)
                if word == ";" or (
                    (i == 0 or not lower[i - 1].isalnum()) and not lower[end : end + 1].isalnum()
                ):
                    a = i
                    while a > 0 and text[a - 1] in " \t,":
                        a -= 1
                    cuts.append((a, end))
                i = lower.find(word, end)
        cuts.sort()
    elif len(lower) != len(text):
        cuts += [(m.start(), m.end()) for m in _CLAUSE_CUT.finditer(text)]
        cuts.sort()
    out, pos = [], 0
    for a, b in cuts:
        if a >= pos:
            out.append((pos, a))
            pos = b
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if not text[a:b].isspace() and a < b]


def _spots(text: str, a: int, b: int) -> list[Spot]:
    """Regions named in text[a:b]: regional governments, and lists after "di"."""
    clause = text[a:b]
    lower = clause.lower()
    found = [Spot(m.start + a, m.end + a, m.words, m.region, m.candidates, list(m.notes))
             for m in (find_partners(clause) if any(w in lower for w in _GOV_WORDS) else [])
             if m.type == "regional_government"]  # fmt: skip
    for di in _DI.finditer(clause):
        pos = di.end()
        while (item := _ITEM.match(clause, pos)) is not None:
            kind = _KINDS.get((item["kw"] or "").casefold())
            place = resolve_place(item["name"].split(), kind)
            if place is None:
                break
            spelled = re.match(r"\s+".join(map(re.escape, place.words.split())), clause[item.start("name") :])
            end = item.start("name") + (spelled.end() if spelled else len(place.words))
            end, more = province_after(clause, end, place.region)
            words = " ".join(clause[item.start() : end].split())
            if not any(s.start <= a + item.start() < s.end for s in found):
                notes = [*place.notes, *more]
                found.append(Spot(a + item.start(), a + end, words, place.region, place.candidates, notes))
            sep = _SEP.match(clause, end)
            if sep is None:
                break
            pos = sep.end()
    keys, out = set(), []
    for s in sorted(found, key=lambda s: s.start):
        key = s.region.code if s.region else tuple(r.code for r in s.candidates)
        if out and s.region and s.region.level == "province" and _in_province(out[-1], s.region.code):
            continue  # "di Batam, Kepulauan Riau": the province only says where the city is
        if key not in keys:
            keys.add(key)
            out.append(s)
    return out


def _in_province(spot: Spot, province: str) -> bool:
    regions = (spot.region,) if spot.region else spot.candidates
    return bool(regions) and all(r.level == "regency" and r.province_code == province for r in regions)


def _cue(pattern: re.Pattern[str], text: str, a: int, b: int) -> tuple[int, int, str] | None:
    m = pattern.search(text, a, b)
    return (m.start(), m.end(), m.group(0)) if m else None


def _intent(text: str, a: int, b: int, at: int) -> tuple[int, int, str] | None:
    """The first word of intention in text[a:b]; "agar" / "supaya" only before ``at`` (the keyword)."""
    for m in _INTENT.finditer(text, a, b):
        if m.group(0).lower() not in _PURPOSE or m.start() < at:
            return (m.start(), m.end(), m.group(0))
    return None


def _date(dates: list[DateHit], a: int, b: int) -> DateHit | None:
    inside = [d for d in dates if a <= d.start < b and d.precision != "none"]
    return min(inside, key=lambda d: 0 if d.precision == "day" else 1) if inside else None


def has_keywords(text: str) -> bool:
    """Whether ``text`` may hold a follow-up or a program at all (a cheap test before the real search)."""
    lower = text.lower()
    return any(n in lower for needles in _NEEDLES.values() for n in needles)


def _in_clauses(
    text: str, patterns: list[tuple[str, re.Pattern[str]]], spans: list[tuple[int, int]] | None
) -> list[tuple[int, int, list[re.Match[str] | None]]]:
    """``(clause start, clause end, [first match of each pattern in that clause or None])`` for the clauses
    where some pattern matches (searched only around the lower-case needles of each pattern)."""
    lower = text.lower()
    found: list[tuple[int, re.Match[str]]] = []
    for i, (name, pattern) in enumerate(patterns):
        if len(lower) != len(text):  # lower() changed the length: offsets differ, search it all
            found += [(i, m) for m in pattern.finditer(text)]
            continue
        seen = set()
        for needle in _NEEDLES[name]:  # each match holds its needle: search only around them
            j = lower.find(needle)
            while j >= 0:
                m = pattern.search(text, max(0, j - 16), j + 60)
                if m is not None and m.start() not in seen:
                    seen.add(m.start())
                    found.append((i, m))
                j = lower.find(needle, j + 1)
    if not found:
        return []
    spans = spans if spans is not None else clauses(text)
    starts = [a for a, _ in spans]
    per: dict[int, list[re.Match[str] | None]] = {}
    for i, m in found:
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < spans[k][1]:
            slot = per.setdefault(k, [None] * len(patterns))
            if slot[i] is None:
                slot[i] = m
    return [(*spans[k], per[k]) for k in sorted(per)]


def find_follow_ups(text: str, dates: list[DateHit], spans: list[tuple[int, int]] | None = None) -> list[Hit]:
    """Every follow-up keyword in ``text`` with its state (done / intended / named), places and date."""
    hits: list[Hit] = []
    for a, b, matches in _in_clauses(text, [(f[1], f[2]) for f in FOLLOW_UPS], spans):
        for (kind, what, _pattern, also, description), m in zip(FOLLOW_UPS, matches, strict=True):
            if m is None or (also is not None and not also.search(text, a, b)):
                continue
            intent, done = _intent(text, a, b, m.start()), _cue(_DONE[what], text, a, b)
            state = "intended" if intent else ("done" if done else "named")
            hit = Hit(kind, what, description, m.start(), m.end(), m.group(0), state, intent or done)
            if kind == "budget" and (amount := _AMOUNT.search(text, a, b)):
                hit.amount = (amount.start(), amount.end(), amount.group(0))
            elif kind == "budget" and state == "done":
                hit.state, hit.cue = "named", None
                hit.notes.append("no amount given")
            if hit.state == "done":  # places and date matter only for a row
                hit.spots, hit.date = _spots(text, a, b), _date(dates, a, b)
            hits.append(hit)
    return hits


def find_program_regions(
    text: str, dates: list[DateHit], spans: list[tuple[int, int]] | None = None
) -> list[Hit]:
    """Programs the text says were formed or are active in named places (ambiguous places kept as such)."""
    hits: list[Hit] = []
    for a, b, matches in _in_clauses(text, PROGRAM_PATTERNS, spans):
        found = [(m, pid) for (pid, _), m in zip(PROGRAM_PATTERNS, matches, strict=True) if m is not None]
        named = sorted(found, key=lambda x: x[0].start())
        for i, (m, pid) in enumerate(named):
            # places after the name, up to the next program named; before it only for "... sebagai Desa
            # Migran Emas" (the village or regency is named first)
            stop = named[i + 1][0].start() if i + 1 < len(named) else b
            first = a if pid == "desa-migran-emas" and i == 0 else m.start()
            active, intent = _cue(_ACTIVE, text, a, b), _intent(text, a, b, m.start())
            if not (active or intent):
                continue  # only named (a meeting of the program somewhere ...): nothing to note
            spots = _spots(text, first, stop)
            if not spots:
                continue
            state = "intended" if intent else ("done" if active else "named")
            hit = Hit(pid, pid, "", m.start(), m.end(), m.group(0), state, intent or active, spots)
            hit.date = _date(dates, a, b)
            hit.bp2mi = "BP2MI" in text[a:b]
            hits.append(hit)
    return hits
