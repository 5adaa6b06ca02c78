"""Who signed, when the article says so: "diwakili oleh Kepala BP2MI <name>", "ditandatangani oleh ...",
"Bupati Ende <name> menandatangani ...". A person only seen at the ceremony ("ditemui usai penandatanganan")
is not a signatory. The result goes into the ``signed_by`` column of ``parties`` ("<name>, <title>"), a column
the dataset keeps as a property of PARTY_TO (docs/DESIGN.md §1: unknown columns are kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphkit.extraction._partners import Mention

__all__ = ["Signer", "bp2mi_signer", "partner_signer"]

_PERSON = r"(?P<name>[A-Z][a-z][\w'\-]*(?: (?:[A-Z]\.|[A-Z][\w'\-]*)){0,3})"  # words on one line
_BY = r"(?:diwakili\s+oleh|(?:ditandatangani|diteken)\s+(?:langsung\s+)?oleh|dilakukan\s+oleh)"
_BP2MI_TITLE = (
    r"(?P<title>(?:Plt\.?\s+)?(?:Kepala|Wakil\s+Kepala|Sekretaris\s+Utama|Deputi\s+Bidang\s+[A-Z]\w*"
    r"(?:\s+[A-Z]\w*){0,3}))\s+(?:BP2MI|Badan\s+Pe(?:r)?lindungan\s+Pekerja\s+Migran\s+Indonesia)"
)
_BP2MI_BY = re.compile(rf"\b{_BY}\s+{_BP2MI_TITLE}\s*,?\s+{_PERSON}")
_BP2MI_SUBJECT = re.compile(rf"\b{_BP2MI_TITLE}\s*,?\s+{_PERSON}\s+(?:\w+\s+)?(?:menandatangani|meneken)\b")
_SIGNS = re.compile(r"\s+(?:\w+\s+)?(?:menandatangani|meneken)\b")
_LEADER = re.compile(r"(?i)^(?:wakil\s+)?(?:bupati|wali\s*kota|gubernur|wako|wawako)\b")
_NOT_NAME = {"Ini", "Itu", "Dalam", "Pada", "Dan", "Yang", "Di", "Ke", "BP2MI", "Bersama"}


@dataclass(frozen=True)
class Signer:
    """``"Benny Rhamdani, Kepala BP2MI"`` and where the article says it."""

    value: str
    start: int
    end: int
    words: str


def _name(words: str) -> str:
    kept = []
    for w in words.split():
        if w in _NOT_NAME:
            break
        kept.append(w)
    return " ".join(kept).rstrip(".,")


def bp2mi_signer(text: str) -> Signer | None:
    """BP2MI's signatory: "diwakili oleh Kepala BP2MI X" or "Kepala BP2MI X menandatangani"."""
    m = _BP2MI_BY.search(text) if "oleh" in text else None
    if m is None and ("menandatangani" in text or "meneken" in text):
        m = _BP2MI_SUBJECT.search(text)
    if m is None or not (name := _name(m["name"])):
        return None
    end = m.start("name") + len(name)
    title = " ".join(m["title"].split())
    return Signer(f"{name}, {title} BP2MI", m.start(), end, " ".join(text[m.start() : end].split()))


def partner_signer(text: str, mention: Mention) -> Signer | None:
    """A regional head who signs: "Bupati Ende <name> menandatangani", or "... oleh Bupati Ende <name>"."""
    if not _LEADER.match(mention.words):
        return None
    m = re.compile(rf"\s*,?\s+{_PERSON}").match(text, mention.end)
    if m is None or not (name := _name(m["name"])):
        return None
    end = m.start("name") + len(name)
    after = _SIGNS.match(text, end) or (_SIGNS.match(text, m.end()) if text[end : m.end()].strip() else None)
    before = re.search(rf"{_BY}\s+(?:[\w.]+\s+){{0,8}}?$", text[max(0, mention.start - 120) : mention.start])
    if after is None and before is None:
        return None
    words = " ".join(text[mention.start : end].split())
    return Signer(f"{name}, {mention.words}", mention.start, end, words)
