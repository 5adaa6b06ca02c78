"""One article -> its facts: the source, the signing (kind, date, event), partners, counts, scopes.

Each fact keeps its evidence (character offsets into the article text and the words matched) and a review
note when a person must check it. Rows are made by ``_merge``; nothing here writes files.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from graphkit.extraction._agency import Agency, signing_agency
from graphkit.extraction._anaphora import self_signer
from graphkit.extraction._background import YEAR, Scene, headline_end, not_party
from graphkit.extraction._collective import collective_counts
from graphkit.extraction._context import PARTNER_LIST, continued_paragraphs, paragraphs
from graphkit.extraction._dates import DateHit, article_year, find_dates, url_date
from graphkit.extraction._followups import Hit, find_follow_ups, find_program_regions, has_keywords
from graphkit.extraction._kinds import paired_kinds
from graphkit.extraction._partners import Mention, find_partners, slug
from graphkit.extraction._read import Article
from graphkit.extraction._signers import Signer, bp2mi_signer, partner_signer
from graphkit.extraction._signing import Fact, perfect, sentence_span, signing_date, signing_kind
from graphkit.extraction._signing import signings as find_signings

__all__ = ["Fact", "Facts", "article_facts", "evidence"]

_COOP = re.compile(
    r"(?i)penandatanganan|menandatangani|ditandatangani|meneken|teken|kerja\s*sama|kerjasama"
    r"|\bMoU\b|nota\s+kesep|\bPKS\b|perjanjian|kesepakatan|bersama\s+dengan|menggandeng"
)
_NUM = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
        "sembilan": 9, "sepuluh": 10, "sebelas": 11, "belasan": 0, "puluhan": 0}  # fmt: skip
_COUNT = re.compile(
    r"(?i)\b(?P<n>\d{1,4}|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)\s+"
    r"(?P<what>pemerintah\s+daerah|pemda|kabupaten\s*/\s*kota|kabupaten\s+dan\s+kota|kabupaten|kota|provinsi"
    r"|lembaga\s+pendidikan\s+dan\s+kesehatan|lembaga\s+pendidikan|lembaga\s+kesehatan|lembaga\s+keuangan"
    r"|lembaga\s+pemerintah|pihak\s+swasta|perusahaan|perguruan\s+tinggi|universitas|rumah\s+sakit|bank)\b"
)
_COUNT_LABEL = {
    "pemerintah daerah": "regional governments", "pemda": "regional governments",
    "kabupaten/kota": "regencies/cities", "kabupaten dan kota": "regencies/cities", "kabupaten": "regencies",
    "kota": "cities", "provinsi": "provinces",
    "lembaga pendidikan dan kesehatan": "education and health institutions",
    "lembaga pendidikan": "education institutions", "lembaga kesehatan": "health institutions",
    "lembaga keuangan": "financial institutions", "lembaga pemerintah": "government institutions",
    "pihak swasta": "private parties", "perusahaan": "companies", "perguruan tinggi": "universities",
    "universitas": "universities", "rumah sakit": "hospitals", "bank": "banks",
}  # fmt: skip
_SCOPES = [
    ("illegal_placement", r"sindikat|penempatan\s+(ilegal|nonprosedural|non-prosedural|tidak\s+resmi)"
                          r"|unprosedural"
                          r"|TPPO|perdagangan\s+orang"),
    ("education_training", r"pendidikan|pelatihan"),
    ("protection", r"pelindungan|perlindungan"),
    ("placement_services", r"pelayanan\s+penempatan|layanan\s+penempatan"
                           r"|tata\s+kelola\s+(terkait\s+)?penempatan"),
    ("socialization", r"sosialisasi"),
    ("coordination", r"koordinasi"),
]  # fmt: skip
#: Programs named in the text: id, name, kind, pattern (the news dataset's ids).
PROGRAMS = [
    ("kawan-pmi", "Komunitas Relawan Pekerja Migran Indonesia (Kawan PMI)", "community", r"\bKawan\s+PMI\b"),
    ("perwira-pmi", "Perkumpulan Wira Usahawan PMI (Perwira PMI)", "empowerment", r"\bPerwira\)?\s+PMI\b"),
    ("satgas-tppo", "Satgas TPPO (satuan tugas pencegahan tindak pidana perdagangan orang)", "task_force",
     r"(?i)\bsatgas\s+TPPO\b"),
    ("desa-migran-emas", "Desa Migran Emas", "community", r"(?i)\bdesa\s+migran\s+emas\b"),
    ("desmigratif", "Desa Migran Produktif (Desmigratif)", "community", r"(?i)\bdesmigratif\b"),
]  # fmt: skip
_DATELINE_CITY = re.compile(
    r"^\s*(?:[A-Z]{3,}\s*,\s*)?(?P<city>[A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)?)\s*[,(\u2013\u2014-]"
)
_PUBLISHER = re.compile(r"^\s*(?:[A-Z][a-z]+\s*)?\((?P<p>ANTARA|Antara)\)|^\s*(?P<q>[A-Z]{4,})\s*,")


@dataclass
class Facts:
    """What one article reports."""

    article: Article
    source_id: str
    publisher: str
    published_on: str
    published_year: str
    signing: Fact | None = None
    kind: Fact | None = None
    kinds: list[Fact] = field(default_factory=list)  # every kind signed: [kind], or [mou, pks] together
    date: DateHit | None = None
    event: str = ""
    partners: list[Mention] = field(default_factory=list)
    counts: list[Fact] = field(default_factory=list)
    scopes: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    programs: list[tuple[str, Fact]] = field(default_factory=list)  # (program id, where it is named)
    follow_ups: list[Hit] = field(default_factory=list)
    program_regions: list[Hit] = field(default_factory=list)
    bp2mi_signer: Signer | None = None  # the agency's signatory (BP2MI or KP2MI)
    agency: Agency | None = None  # who signs for the government: bp2mi, or kp2mi since 2024-10-21
    signers: dict[int, Signer] = field(default_factory=dict)  # index into partners -> who signed for it
    yearless: str = ""  # a date near the signing written without a year, when nothing gives the year
    from_url: str = ""  # "2022-03" / "2024-02-20": the publication date the url's path gives, if used


def undated_note(facts: Facts) -> str:
    """What review.md and the source say of a signing that no date or year places: its partners, any date
    written without a year, and that no row was made (``signed_on`` is required, docs/DESIGN.md §1).

    Parameters
    ----------
    facts : Facts
        The article's facts (a signing, no date, no year).

    Returns
    -------
    str
        One review line, without ``"; "`` inside (review columns join notes with it).
    """
    named = ", ".join(
        f"{m.name} ({m.region.code if m.region else '?' + ';'.join(r.code for r in m.candidates)})"
        for m in facts.partners
    )
    said = f" (the article says {facts.yearless!r} without a year)" if facts.yearless else ""
    return (f"signing without a date: partners {named or 'not named'}{said}, check the article "
            "(no agreement row made: a row needs signed_on, add it by hand)")  # fmt: skip


def evidence(start: int, end: int, words: str) -> str:
    """``"812-840: Pemerintah Daerah Palu"``: offsets into the article text, then the words."""
    return f"{start}-{end}: {' '.join(words.split())}" if start >= 0 else ""


def _dateline_year(text: str, today: dt.date) -> int | None:
    """The year of the first date printed with its year near the top (a dateline such as "14 March 2024")."""
    for hit in find_dates(text[:600], None, None, today):
        if hit.precision == "day" and not hit.notes:
            return hit.date.year
    return None


def _meta_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _dated_earlier(text: str, mark: re.Match[str], hits: list[DateHit], year: int) -> bool:
    """The signing word's sentence holds a date or a year ("pada 2021") before the article's year."""
    a, b = sentence_span(text, mark.start())
    if any(int(y["y"]) < year for y in YEAR.finditer(text, a, b)):
        return True
    return any(a <= h.start < b and h.date is not None and h.date.year < year for h in hits)


def article_facts(article: Article, today: dt.date) -> Facts:
    """Every fact :func:`extract` takes from one article."""
    text, meta = article.text, article.meta
    published = _meta_date(meta.get("published_on"))
    from_url = url_date(meta.get("url")) if published is None else None
    if from_url and from_url[2]:  # ".../2024/02/20/...": the publication day, as if the sidecar gave it
        published = dt.date(from_url[0], from_url[1], from_url[2])
    year = published.year if published else (
        from_url[0] if from_url else (article_year(text) or _dateline_year(text, today))
    )
    pub = meta.get("publisher") or ""
    if not pub and (m := _PUBLISHER.match(text)):
        pub = m["p"].upper() if m["p"] else m["q"]
    source_id = slug(f"{pub or 'article'}-{year or 'undated'}-{article.path.stem}")[:80].strip("-")
    facts = Facts(article, source_id, pub, published.isoformat() if published else "", str(year or ""))
    if from_url:
        facts.from_url = "-".join(f"{n:02d}" for n in from_url if n is not None)
        facts.review.append(f"published {facts.from_url} read from the url: check")
    for pid, _name, _k, pattern in PROGRAMS:
        if m := re.search(pattern, text):
            facts.programs.append((pid, Fact(pid, m.start(), m.end(), m.group(0))))
    signings = find_signings(text)
    linked = has_keywords(text)
    hits = find_dates(text, published, year, today) if signings or linked else []
    if linked:
        facts.follow_ups = find_follow_ups(text, hits)
        facts.program_regions = find_program_regions(text, hits)
    if signings and year:  # "telah menandatangani ... pada 2021" in an article of 2022: an earlier signing
        signings = [s for s in signings if not perfect(text, s) or not _dated_earlier(text, s, hits, year)]
    if not signings:
        facts.review.append("no signing reported (no penandatanganan / menandatangani / meneken): check")
        return facts
    facts.bp2mi_signer = bp2mi_signer(text)
    first = signings[0]
    facts.signing = Fact("signing", first.start(), first.end(), first.group(0))
    facts.kind = signing_kind(text, first.start())
    pair = paired_kinds(text, signings) if facts.kind.value in ("mou", "pks") else None
    facts.kinds = pair or [facts.kind]  # "nota kesepakatan dan perjanjian kerja sama": both, mou first
    facts.kind = facts.kinds[0]
    facts.date = signing_date(hits, signings, text)
    if facts.date is not None and not year and facts.date.notes and facts.date.precision == "day":
        # "Penandatanganan dilaksanakan Rabu (6/4)" on an undated page whose quote is dated "Kamis (7/4/2022)"
        again = signing_date(find_dates(text, None, facts.date.date.year, today), signings, text)
        whose = ("date of a statement", "date of the article's dateline")
        if again is not None and again.start != facts.date.start and not any(
            w in n for n in again.notes for w in whose
        ):
            note = f"year {facts.date.date.year} from {facts.date.words!r} (dated elsewhere): check"
            facts.date = replace(again, notes=[note])
    if facts.date is None and not year:  # "Selasa (25/5)" on an undated article: said in review.md
        near = [(abs(h.start - s.start()), h.words) for h in find_dates(text, None, 2000, today)
                for s in signings if abs(h.start - s.start()) <= 400]  # fmt: skip
        facts.yearless = min(near)[1] if near else ""
    spans = paragraphs(text)
    listed = {i for i, (a, b) in enumerate(spans) if a >= first.start() and PARTNER_LIST.search(text, a, b)}
    coop = [i for i, (a, b) in enumerate(spans) if i in listed or _COOP.search(text[a:b])]
    starts = {s.start() for s in signings}
    signing_paras = {i for i in coop if i in listed or _COUNT.search(text[spans[i][0] : spans[i][1]])
                     or any(spans[i][0] <= s <= spans[i][1] for s in starts)}  # fmt: skip
    found = {i: find_partners(text[spans[i][0] : spans[i][1]]) for i in coop}
    found.update(continued_paragraphs(text, spans, signing_paras, set(coop)))
    seen: dict[str, int] = {}  # partner key -> index in facts.partners
    scene = Scene(text, facts.date.date.year if facts.date else year, facts.date)
    left: dict[str, list[str]] = {}  # reason -> names not given the signing
    top = headline_end(text)
    body_sentences = [sentence_span(text, s.start()) for s in signings if s.start() >= top]
    body_signs = top > 0 and any(
        m.type == "regional_government" and any(a <= m.start + spans[i][0] < b for a, b in body_sentences)
        and not_party(scene, replace(m, start=m.start + spans[i][0], end=m.end + spans[i][0])) is None
        for i in found for m in found[i]
    )  # fmt: skip
    for i in sorted(found):
        offset = spans[i][0]
        for m in found[i]:
            m.start, m.end = m.start + offset, m.end + offset
            key = m.region.code if m.region else re.sub(r"\s*\([^()]*\)$", "", m.name)  # "X (XY)" is X
            why = not_party(scene, m)
            if why is None and body_signs and m.start < top:
                why = "named in the headline only, not in the body's signing sentence"
            if why is not None:
                if m.name not in left.setdefault(why, []):
                    left[why].append(m.name)
                continue
            if key not in seen:
                seen[key] = len(facts.partners)
                facts.partners.append(m)
            if seen[key] not in facts.signers and (signer := partner_signer(text, m)) is not None:
                facts.signers[seen[key]] = signer  # "Bupati Ende <name>" may come after "Pemkab Ende"
        if i not in coop:
            continue  # a paragraph going on with a signing's list: its partners only
        para_text = text[spans[i][0] : spans[i][1]]
        for c in _COUNT.finditer(para_text):
            what = " ".join(c["what"].casefold().split()).replace(" / ", "/")
            n = int(c["n"]) if c["n"].isdigit() else _NUM[c["n"].casefold()]
            label = f"{n} {_COUNT_LABEL.get(what, what)}"
            if n > 1 and label not in {f.value for f in facts.counts}:
                facts.counts.append(Fact(label, c.start() + offset, c.end() + offset, c.group(0)))
        for c, note in collective_counts(para_text, offset):  # "pemda se-Provinsi Gorontalo": unnamed
            if c.label not in {f.value for f in facts.counts}:
                facts.counts.append(Fact(c.label, c.start, c.end, c.words))
                facts.review.append(note)
        for scope, pattern in _SCOPES:
            if scope not in facts.scopes and re.search(pattern, para_text, re.IGNORECASE):
                facts.scopes.append(scope)
    if not any(p.type == "regional_government" for p in facts.partners):  # "pihaknya menandatangani ..."
        mention, note = self_signer(text, signings)
        if mention is not None:
            facts.partners.append(mention)
            if (signer := partner_signer(text, mention)) is not None:
                facts.signers[len(facts.partners) - 1] = signer
        facts.review += [note] if note else []
    for why, names in left.items():
        if kept := [n for n in names if n not in {p.name for p in facts.partners}]:
            facts.review.append(f"{len(kept)} government(s) {why}, not given this signing: {', '.join(kept)}")
    city = m["city"] if (m := _DATELINE_CITY.match(text)) else ""
    when = facts.date.date.isoformat() if facts.date and facts.date.precision != "year" else (
        f"{facts.date.date.year}-{facts.date.weekday}" if facts.date and facts.date.weekday else
        (facts.date.date.isoformat() if facts.date else f"{year or 'undated'}"))  # fmt: skip
    signed = facts.date.date if facts.date else (dt.date(year, 1, 1) if year else None)
    precision = facts.date.precision if facts.date else "year"
    facts.agency = signing_agency(text, sentence_span(text, first.start()), signed, precision)
    who = facts.agency.id
    facts.event = slug(f"{who}-{city}-{when}") if city else slug(f"{who}-{when}")
    if facts.counts and not facts.partners:
        facts.review.append("count reported, partners not named: no partner rows made")
    return facts
