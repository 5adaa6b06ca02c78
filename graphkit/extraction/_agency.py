"""The agency that signs: BP2MI (Badan Pelindungan Pekerja Migran Indonesia) until the ministry was formed
on 21 October 2024, KP2MI (Kementerian Pelindungan Pekerja Migran Indonesia) since.

The agency named in the signing's sentence wins, else the one named in the article's lead (its headline and
first paragraph); when the text names both ("Kementerian P2MI/BP2MI") or neither, the signing date decides,
with a review note. An agency named against its date (BP2MI on a signing of 2025) is kept, with a note.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

__all__ = ["AGENCIES", "FORMED", "Agency", "signing_agency"]

FORMED = dt.date(2024, 10, 21)  # Kementerian Pelindungan Pekerja Migran Indonesia formed
#: The dataset's agency rows (graphkit/data/public/organizations.csv ids).
AGENCIES = {
    "bp2mi": {"id": "bp2mi", "name": "Badan Pelindungan Pekerja Migran Indonesia (BP2MI)", "type": "agency",
              "region": "31.74", "aliases": "BP2MI;Badan Perlindungan Pekerja Migran Indonesia"},
    "kp2mi": {"id": "kp2mi", "name": "Kementerian Pelindungan Pekerja Migran Indonesia (KP2MI)",
              "type": "agency", "region": "", "aliases": "KP2MI;Kementerian P2MI;KemenP2MI"},
}  # fmt: skip
_NAMES = {
    "kp2mi": re.compile(
        r"\bK(?:emen(?:terian)?\s*)?P2MI\b|\b(?:Kementerian|(?:Wakil\s+)?Menteri|Wamen)\s+"
        r"(?:P2MI\b|Pe(?:r)?lindungan\s+Pekerja\s+Migran(?:\s+Indonesia\b)?)"
    ),
    "bp2mi": re.compile(r"\bBP2MI\b|\bBadan\s+Pe(?:r)?lindungan\s+Pekerja\s+Migran(?:\s+Indonesia\b)?"),
}
_BNP2TKI = re.compile(r"\bBNP2TKI\b")
_BODY_LINE = re.compile(r"[.!?\"”]\s*$")


@dataclass
class Agency:
    """The agency's id, where the text names it (``start`` -1 when the date decided) and what to check."""

    id: str
    start: int = -1
    end: int = -1
    words: str = ""
    notes: list[str] = field(default_factory=list)


def _lead_end(text: str) -> int:
    """The end of the lead: the headline lines and the first line that ends a sentence (or is long)."""
    pos = 0
    for line in text.split("\n"):
        pos += len(line) + 1
        if line.strip() and (_BODY_LINE.search(line) or len(line) > 200):
            break
    return min(pos, len(text))


def _named(text: str, a: int, b: int) -> dict[str, re.Match[str]]:
    """The agencies named in ``text[a:b]``, each with its first mention."""
    return {aid: m for aid, pattern in _NAMES.items() if (m := pattern.search(text, a, b)) is not None}


def _by_date(signed: dt.date | None, precision: str) -> tuple[str, str, bool]:
    """The agency of that date, the words saying so, and whether the date tells (a year 2024 does not)."""
    if signed is None:
        return "bp2mi", "no signing date either: BP2MI or KP2MI (formed 2024-10-21)", False
    if precision == "year" and signed.year == FORMED.year:
        return (
            "bp2mi",
            f"the signing year {signed.year} alone cannot tell BP2MI from KP2MI (formed 2024-10-21)",
            False,
        )
    after = signed >= FORMED if precision != "year" else signed.year > FORMED.year
    when = str(signed.year) if precision == "year" else signed.isoformat()
    if after:
        return "kp2mi", f"KP2MI from the signing date {when} (the ministry since 2024-10-21)", True
    return "bp2mi", f"BP2MI from the signing date {when} (before KP2MI was formed on 2024-10-21)", True


def signing_agency(text: str, sentence: tuple[int, int], signed: dt.date | None, precision: str) -> Agency:
    """The agency of the signing whose sentence is ``sentence``, signed on ``signed`` (``precision``).

    Parameters
    ----------
    text : str
        The article text.
    sentence : tuple of (int, int)
        Offsets of the signing's sentence.
    signed : datetime.date or None
        The signing date (``YYYY-01-01`` for a year), None when unknown.
    precision : str
        ``day``, ``day_inferred``, ``month`` or ``year``.

    Returns
    -------
    Agency
        ``bp2mi`` or ``kp2mi``, where it is named, review notes.

    Examples
    --------
    >>> import datetime as dt
    >>> text = "Menteri P2MI dan Pemkab Ende menandatangani MoU."
    >>> signing_agency(text, (0, len(text)), dt.date(2025, 3, 4), "day").id
    'kp2mi'
    >>> signing_agency("Pemkab Ende meneken MoU.", (0, 24), dt.date(2023, 3, 4), "day").id
    'bp2mi'
    """
    by_date, how, tells = _by_date(signed, precision)
    both = False
    for where, (a, b) in (("the signing sentence", sentence), ("the lead", (0, _lead_end(text)))):
        found = _named(text, a, b)
        both |= len(found) > 1
        if len(found) != 1:
            continue
        ((aid, m),) = found.items()
        agency = Agency(aid, m.start(), m.end(), " ".join(m.group(0).split()))
        if tells and aid != by_date:
            agency.notes.append(f"the article names {aid.upper()} ({where}), but {how}: check the agency")
        return agency
    agency = Agency(by_date)
    said = (
        "the text names both BP2MI and KP2MI" if both else "agency named neither in the signing nor the lead"
    )
    agency.notes.append(f"{said}: {how}: check")
    if not both and (m := _BNP2TKI.search(text)):
        agency.notes.append(f"the article names {m.group(0)} (BP2MI's predecessor until 2019): check")
    return agency
