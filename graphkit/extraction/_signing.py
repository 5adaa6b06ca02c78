"""The signing an article reports: where it is said (a signing word not in the past), in which sentence,
and the kind of agreement named there (nota kesepahaman = mou, perjanjian kerja sama = pks, technical).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from graphkit.extraction._context import paragraphs
from graphkit.extraction._dates import DateHit

__all__ = ["EARLIER", "Fact", "perfect", "signings", "sentence_span", "signing_kind", "signing_date"]

SIGN = re.compile(
    r"(?i)\b(penandatanganan|menandatangani|ditandatangani|ditandatanganinya|meneken|diteken|teken|signing"
    r"|signed|penandatangan(?=\s+(?:nota|perjanjian|naskah|kesepakatan|kesepahaman|MoU|PKS)\b)"
    r"|(?:menanda|ditanda|tanda)\s+tangani(?:nya)?|penanda\s+tanganan)\b"  # written apart: "menanda tangani"
)
#: Words saying a signing came before the one reported ("sebelumnya", "tahun lalu", "sejauh ini").
EARLIER = re.compile(
    r"(?i)\b(?:sebelumnya|sebelum\s+ini|tahun\s+lalu|tahun\s+sebelumnya|(?:lebih|terlebih)\s+(?:dulu|dahulu)"
    r"|sejauh\s+ini|hingga\s+(?:kini|saat\s+ini)|sampai\s+(?:kini|saat\s+ini|sekarang))\b"
)
_PAST = re.compile(r"(?i)\b(yang\s+)?(telah|sudah|pernah)\s+(di)?\w*\s*$")
KIND_RE = [
    ("technical", re.compile(r"(?i)perjanjian\s+kerja\s*sama\s+teknis"
                                r"|technical\s+(co-?operation\s+)?agreement")),
    ("mou", re.compile(r"(?i)nota\s+kesepahaman|nota\s+kesepakatan|kesepakatan\s+bersama|\bMoU\b"
                       r"|memorandum\s+of\s+understanding")),
    ("pks", re.compile(r"(?i)perjanjian\s+kerja\s*sama|\bPKS\b")),
]  # fmt: skip
#: A sentence ends at a full stop (not after a short title or abbreviation), ! or ? before a capital.
_ABBREVIATIONS = frozenset(("kab", "kec", "prov", "jl", "no", "dr", "drs", "ir", "hj", "st", "tbk", "dkk",
                            "dll", "pj", "plt", "plh"))  # fmt: skip  # "Pj. Gubernur", "Plt. Bupati"
_END = re.compile(r"[.!?][\"”']?\s+(?=[\"“A-Z])|\n")
_WORD_BEFORE = re.compile(r"(\w+)$")


@dataclass
class Fact:
    """One fact, where the article states it (offsets into its text, the words) and what to check."""

    value: str
    start: int = -1
    end: int = -1
    words: str = ""
    review: list[str] = field(default_factory=list)


def perfect(text: str, m: re.Match[str]) -> bool:
    """The signing word is in the perfect ("telah menandatangani", "sudah diteken")."""
    return _PAST.search(text, max(0, m.start() - 30), m.start()) is not None


def signings(text: str) -> list[re.Match[str]]:
    """Every signing word of ``text`` not reporting an earlier signing.

    "yang telah ditandatangani" and "pernah menandatangani" report an earlier signing; "telah
    menandatangani" reports today's ceremony too, unless its sentence says "sebelumnya", "tahun lalu" ...
    (:data:`EARLIER`). A date earlier than the article's in that sentence is checked where the dates are
    known (:func:`graphkit.extraction._build.article_facts`).

    Parameters
    ----------
    text : str
        The article text.

    Returns
    -------
    list of re.Match
        The signing words, in text order.
    """
    found = []
    for m in SIGN.finditer(text):
        past = _PAST.search(text, max(0, m.start() - 30), m.start())
        if past is not None and (past[1] or past[2].casefold() == "pernah"
                                 or EARLIER.search(text, *sentence_span(text, m.start()))):  # fmt: skip
            continue
        found.append(m)
    return found


def _ends(text: str, m: re.Match[str]) -> bool:
    """A full stop ends a sentence unless it follows an initial ("H. Djafar") or an abbreviation."""
    if m.group(0) == "\n" or text[m.start()] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, m.start() - 5), m.start())
    if word is None:
        return True
    return not (len(word[1]) == 1 and word[1].isupper()) and word[1].casefold() not in _ABBREVIATIONS


def sentence_span(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence of ``text`` holding ``pos``.

    Parameters
    ----------
    text : str
        The article text.
    pos : int
        An offset into it.

    Returns
    -------
    tuple of (int, int)
        Offsets of the sentence: after the previous sentence end (at most 600 characters back), up to the
        next one (a full stop not after an initial or abbreviation, ``!``, ``?``, or a line break).
    """
    start = 0
    for m in _END.finditer(text, max(0, pos - 600), pos + 2):  # the capital after a full stop is looked at
        if m.end() <= pos and _ends(text, m):
            start = m.end()
    end = len(text)
    for m in _END.finditer(text, pos):
        if _ends(text, m):
            end = m.start()
            break
    return start, end


def _nearest(text: str, at: int, lo: int, hi: int) -> Fact | None:
    """The kind named nearest ``at`` between ``lo`` and ``hi`` (a technical agreement wins)."""
    window = text[lo:hi]
    best = None
    for kind, pattern in KIND_RE:
        for m in pattern.finditer(window):
            dist = abs(lo + m.start() - at)
            if best is None or dist < best[0] or (dist == best[0] and kind == "technical"):
                best = (dist, kind, lo + m.start(), lo + m.end(), m.group(0))
            if kind == "technical":
                best = (-1, kind, lo + m.start(), lo + m.end(), m.group(0))
    return Fact(best[1], best[2], best[3], best[4]) if best else None


def signing_kind(text: str, at: int) -> Fact:
    """The kind of the signing at ``at``: named in its sentence, else near it (150 characters before, 200
    after), else a nota kesepahaman / MoU named anywhere in the article (with a note), else ``other`` with
    a note.

    Parameters
    ----------
    text : str
        The article text.
    at : int
        Offset of the signing word.

    Returns
    -------
    Fact
        ``value`` mou / pks / technical / other, where the kind is named, and its review notes.
    """
    a, b = sentence_span(text, at)
    kind = _nearest(text, at, a, b) or _nearest(text, at, max(0, at - 150), at + 200)
    if kind is not None:
        return kind
    if m := KIND_RE[1][1].search(text):  # "menandatangani kerja sama", "Memorandum of Understanding" later
        note = f"kind taken from {m.group(0)!r} elsewhere in the article, not from the signing: check"
        return Fact("mou", m.start(), m.end(), m.group(0), [note])
    bare = " ('kerja sama' only)" if _COOPERATION.search(text, a, b) else ""
    return Fact("other", review=[f"kind of agreement not named near the signing{bare}: check"])


#: A quote verb before a date in the same sentence: "kata Bupati Sambas, X, Senin (20/12/2021)", and the
#: passive ones: "Hal itu disampaikan Bupati X di Y, Minggu (25/6)".
_QUOTE = re.compile(
    r"(?i)\b(?:kata|katanya|ujar|ujarnya|ucap|ucapnya|tutur|tuturnya|jelas|jelasnya|ungkap|ungkapnya|terang"
    r"|terangnya|imbuh|imbuhnya|tambah|tambahnya|sebut|sebutnya|tegas|tegasnya|pungkas|pungkasnya|paparnya"
    r"|mengatakan|menjelaskan|menyampaikan|menuturkan|mengungkapkan|menegaskan|dikonfirmasi"
    r"|disampaikan|diungkapkan|dikatakan|dijelaskan|ditegaskan|dituturkan|diutarakan|dipaparkan"
    r"|keterangan(?:nya)?\s+(?:tertulis|resmi|pers))\b(?P<between>[^.!?\n]{0,80})$"
)
_COOPERATION = re.compile(r"(?i)\bkerja\s*sama\b")
_NEAR = 400  # characters between a signing word and its date, at most (but see the fallbacks)


def _statement(text: str, hit: DateHit) -> bool:
    """A date given to what someone said ("ujarnya, Kamis (25/7/2024)"), not to a signing."""
    m = _QUOTE.search(text, max(0, hit.start - 200), hit.start)
    return m is not None and not SIGN.search(m["between"])


#: A dateline just before a date: "Mataram, BP2MI (17/06) -", "KUPANG, Selasa (14/10/2025) -" at a line start.
_DATELINED = re.compile(r"(?:^|\n)\W*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*,\s*(?:[A-Z][\w]*\s*)?\(?$")


def _beside(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The sentences right before and right after the sentence ``a``-``b`` (blank lines skipped)."""
    out = []
    before = len(text[:a].rstrip())
    if before > 0:
        out.append(sentence_span(text, before - 1))
    after = len(text) - len(text[b + 1 :].lstrip())
    if after < len(text):
        out.append(sentence_span(text, after))
    return out


def signing_date(hits: list[DateHit], marks: list[re.Match[str]], text: str) -> DateHit | None:
    """The signing's date: one in a signing's sentence (a dateline's there only when neither that sentence
    nor the one right before or after gives another), else the nearest in its paragraph, else within 400
    characters; a statement's date ("kata ..., Senin (20/12/2021)") or the dateline's far from the signing
    only when nothing else is found, with a note saying whose date it is.

    Parameters
    ----------
    hits : list of DateHit
        Every date of the article (:func:`graphkit.extraction._dates.find_dates`).
    marks : list of re.Match
        The signing words (:func:`signings`).
    text : str
        The article text.

    Returns
    -------
    DateHit or None
        A copy of the chosen date, its notes extended.
    """
    usable = [h for h in hits if h.precision != "none" and h.date is not None]
    if not usable or not marks:
        return None
    paras = paragraphs(text)
    starts = [a for a, _ in paras]

    def para(pos: int) -> int:
        return bisect_right(starts, pos) - 1

    top = next((b for a, b in paras if text[a:b].strip()), 0)  # the end of the first paragraph
    first = usable[0]
    dateline = first if first.start < marks[0].start() and (first.start < 300 or first.end <= top) else None
    sentences = [sentence_span(text, s.start()) for s in marks]
    beside = [_beside(text, a, b) for a, b in sentences]
    best: tuple[tuple[int, int, int], DateHit, bool] | None = None
    for h in usable:
        said = _statement(text, h)
        lined = h is dateline or _DATELINED.search(text, max(0, h.start - 60), h.start) is not None
        for s, (a, b), near in zip(marks, sentences, beside, strict=True):
            dist = abs(h.start - s.start())
            if a <= h.start < b and not said:
                tier = 2 if lined else 0  # "Mataram, BP2MI (17/06) - ... pada Kamis (16/6/2022)"
            elif any(c <= h.start < d for c, d in near) and not said and not lined:
                tier = 1  # "Kegiatan ini berlangsung pada Selasa (20/5/2025)." after the signing's
            elif dist <= _NEAR and not said:
                tier = 3 if para(h.start) == para(s.start()) else 4
            elif dist <= _NEAR or h is dateline:
                tier = 5
            elif said:
                tier = 6
            else:
                continue
            rank = (tier, 0 if h.precision == "day" else 1, dist)
            if best is None or rank < best[0]:
                best = (rank, h, said)
    if best is None:
        return None
    (tier, _, _), hit, said = best
    notes = list(hit.notes)
    if said:
        notes.append(
            f"date of a statement ({hit.words!r} after a quote or speech verb), not necessarily the "
            "signing's: check"
        )
    elif hit is dateline and tier > 2:
        notes.append(f"date of the article's dateline ({hit.words!r}), not necessarily the signing's: check")
    return replace(hit, notes=notes)
