"""Collective phrases: "Pemerintah Daerah se-Provinsi Gorontalo", "Pemkab/Pemko se-Riau", "bupati/wali kota
se-X", "kabupaten/kota se-Provinsi X": all the regional governments of a province, not named one by one.

Such a phrase names no partner (the province's own government is a partner only when the article names it
apart, "Pemprov Riau, serta Pemkab/Pemko se-Riau"); it is a count the article reports without names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphkit.dataset._regions import Region
from graphkit.extraction._places import resolve_place

__all__ = ["Collective", "collective_counts", "find_collectives"]

_WHO = (
    r"(?i:pemerintah\s+(?:daerah\s+)?(?:kabupaten\s*/\s*kota|kabupaten\s+dan\s+kota)|pemerintah\s+daerah"
    r"|pemerintah|pemda|pem(?:kab|kot|ko)\s*/\s*pem(?:kab|kota|kot|ko)|pemkab|pemkot|pemko"
    r"|(?:para\s+)?(?:bupati\s*/\s*wali\s*kota|bupati\s+dan\s+wali\s*kota|wali\s*kota\s*/\s*bupati)"
    r"|kabupaten\s*/\s*kota|kabupaten\s+dan\s+kota|(?:para\s+)?kepala\s+daerah)"
)
_ALSO = r"(?:\s+(?i:dan|serta)\s+[A-Za-z/]+)?"  # "Bupati/Walikota dan Forkopimda se-Riau"
_NAME = r"[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3}"
_COLLECTIVE = re.compile(
    rf"\b(?:(?P<all>(?i:seluruh|semua)\s+))?(?P<who>{_WHO}){_ALSO}\s+(?:(?i:se)\s*-?|(?(all)(?i:di)|(?!)))\s*"
    rf"(?:(?i:provinsi|prov\.)\s+)?(?P<name>{_NAME})"
)  # "se-Provinsi X", "se Riau"; "seluruh pemerintah di Provinsi X"
#: Who attended: "dihadiri bupati/wali kota se-Riau" reports guests, not a count of partners.
_PRESENT = re.compile(r"(?i)\b(?:hadir|menghadiri|dihadiri|disaksikan|menyaksikan|diikuti|mengikuti)\b\W*$")


@dataclass
class Collective:
    """One collective phrase, where the article writes it, and the province it covers."""

    start: int
    end: int
    words: str
    province: Region

    @property
    def label(self) -> str:
        """``"regional governments of Provinsi Gorontalo, not named"`` (a ``counts_reported`` value)."""
        return f"regional governments of Provinsi {self.province.name}, not named"


def find_collectives(text: str) -> list[Collective]:
    """Every collective phrase of ``text`` naming a province, in text order.

    Parameters
    ----------
    text : str
        The article text (or a paragraph of it).

    Returns
    -------
    list of Collective
        Each phrase's span and words, and the province it covers (a name that is not a province, as in
        "se-Sumatera", gives none).

    Examples
    --------
    >>> [c.label for c in find_collectives("MoU dengan Pemerintah Daerah se-Provinsi Gorontalo, Senin.")]
    ['regional governments of Provinsi Gorontalo, not named']
    >>> [c.words for c in find_collectives("BP2MI dengan Pemprov Riau, serta Pemkab/Pemko se-Riau.")]
    ['Pemkab/Pemko se-Riau']
    >>> find_collectives("Pemerintah Kabupaten Sleman menandatangani MoU.")
    []
    """
    found = []
    for m in _COLLECTIVE.finditer(text):
        place = resolve_place(m["name"].split(), "provinsi")
        if place is None or place.region is None:
            continue  # "se-Sumatera", "se-Indonesia": no province named
        end = m.start("name") + len(place.words)
        if text[m.start("name") : end] != place.words:
            end = m.end()
        found.append(Collective(m.start(), end, " ".join(text[m.start() : end].split()), place.region))
    return found


def collective_counts(para: str, offset: int) -> list[tuple[Collective, str]]:
    """The collective phrases of a paragraph about the signing as counts without names, each with its
    review note; guests ("dihadiri bupati/wali kota se-Riau") are left out.

    Parameters
    ----------
    para : str
        A paragraph of the article.
    offset : int
        Where it starts in the article (the facts' offsets are into the article).

    Returns
    -------
    list of (Collective, str)
        Each phrase (offsets into the article; its ``label`` is the ``counts_reported`` value) and a review
        note.

    Examples
    --------
    >>> [(c.label, c.start) for c, _ in collective_counts("MoU dengan pemda se-Provinsi Jambi.", 100)]
    [('regional governments of Provinsi Jambi, not named', 111)]
    >>> collective_counts("Acara itu dihadiri bupati/wali kota se-Jambi.", 0)
    []
    """
    out = []
    for c in find_collectives(para):
        if _PRESENT.search(para, max(0, c.start - 40), c.start):
            continue
        note = (f"collective phrase {c.words!r}: the {c.label}: no partner rows made for them (members named "
                "elsewhere in the article are kept): check")  # fmt: skip
        out.append((Collective(c.start + offset, c.end + offset, c.words, c.province), note))
    return out
