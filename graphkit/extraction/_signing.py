"""The signing an article reports: where it is said (a signing word not in the past), in which sentence,
and the kind of agreement named there (nota kesepahaman = mou, perjanjian kerja sama = pks, technical).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Fact", "signings", "sentence_span", "signing_kind"]

SIGN = re.compile(
    r"(?i)\b(penandatanganan|menandatangani|ditandatangani|ditandatanganinya|meneken|diteken|teken|signing"
    r"|signed|penandatangan(?=\s+(?:nota|perjanjian|naskah|kesepakatan|kesepahaman|MoU|PKS)\b))\b"
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
_ABBREVIATIONS = ("Kab", "Kec", "Prov", "Jl", "No", "Dr", "Drs", "Ir", "Hj", "St", "Tbk", "dkk", "dll")
_END = re.compile(
    r"(?<![A-Z])" + "".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS) + r"[.!?][\"”']?\s+(?=[\"“A-Z])|\n"
)


@dataclass
class Fact:
    """One fact, where the article states it (offsets into its text, the words) and what to check."""

    value: str
    start: int = -1
    end: int = -1
    words: str = ""
    review: list[str] = field(default_factory=list)


def signings(text: str) -> list[re.Match[str]]:
    """Every signing word of ``text`` not reporting an earlier signing ("yang telah ditandatangani")."""
    return [m for m in SIGN.finditer(text) if not _PAST.search(text[max(0, m.start() - 30) : m.start()])]


def sentence_span(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence of ``text`` holding ``pos``."""
    start = 0
    for m in _END.finditer(text, max(0, pos - 600), pos + 2):  # the capital after a full stop is looked at
        if m.end() <= pos:
            start = m.end()
    end = m.start() if (m := _END.search(text, pos)) else len(text)
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
    after), else ``other`` with a note.
    """
    a, b = sentence_span(text, at)
    kind = _nearest(text, at, a, b) or _nearest(text, at, max(0, at - 150), at + 200)
    if kind is not None:
        return kind
    return Fact("other", review=["kind of agreement not named near the signing: check"])
