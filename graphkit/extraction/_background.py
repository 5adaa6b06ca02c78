"""Governments an article names that are not parties to the signing it reports: a background list of
those that signed earlier ("pada tahun 2021 lalu, BP2MI telah melaksanakan MoU dengan ..."), a governor,
regent or mayor who only witnessed or attended ("disaksikan Gubernur X", "hadir pula Bupati Y"), a region
named in a statistic, as where workers come from or as a building's ("PMI asal Kota X", "Kantor Bupati Y"),
one whose signing is to come ("akan disusul oleh MoU dengan Pemprov X"), and a partner named in the headline
only when the body's signing sentence names others (:func:`headline_end`).

Each rule looks at the sentence of the mention only; a government dropped here may still be a partner
where another sentence names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphkit.extraction._dates import DateHit
from graphkit.extraction._partners import Mention
from graphkit.extraction._signing import EARLIER, SIGN, sentence_span

__all__ = ["YEAR", "Scene", "headline_end", "not_party"]

_BODY_LINE = re.compile(r"[.!?\"”]\s*$")

#: Words before a government that only witnessed or attended: "disaksikan oleh Gubernur X", "hadir pula".
_PRESENT = re.compile(
    r"(?i)\b(?:disaksikan|menyaksikan|hadir|dihadiri|menghadiri|didampingi|mendampingi|tampak)"
    r"(?:\s+(?:langsung|pula|juga|oleh))*\b"
)
#: The same after the name: "Gubernur X yang turut hadir", "Bupati Y hadir menyaksikan".
_PRESENT_AFTER = re.compile(r"(?i)^[^.;!?]{0,60}?\b(?:yang\s+)?(?:turut\s+|juga\s+)?(?:hadir|menyaksikan)\b")
#: Words before a region named as where workers come from or in a statistic: "PMI asal Kota X",
#: "terbanyak dari Kabupaten Y", "jumlah pekerja migran di ...".
_ORIGIN = re.compile(
    r"(?i)\b(?:asal|berasal\s+dari|terbanyak|tertinggi|penyumbang|kantong|jumlah"
    r"|(?:PMI|CPMI|TKI|pekerja\s+migran(?:\s+Indonesia)?|warga)\s+(?:dari|di))\b"
)
#: A building right before the name: "Kantor Bupati X", "Rumah Dinas Gubernur Y" (a place, not a party).
_BUILDING = re.compile(r"(?i)\b(?:rumah\s+dinas|rujab|kantor|aula|pendopo|pendapa|gedung|balai)\s+$")
#: Words before a government whose signing is still to come: "akan disusul oleh MoU dengan Pemprov X".
_FUTURE = re.compile(
    r"(?i)\b(?:akan\s+(?:disusul|menyusul|dilanjutkan|dilaksanakan|dilakukan|ditandatangani|menandatangani"
    r"|meneken|diteken)|rencananya|direncanakan|berencana|ke\s+depan)\b"
)
#: Between a cue and the name, words that make the name a party again ("... dengan Pemkab X").
_PARTY_AGAIN = re.compile(r"(?i)\b(?:dengan|bersama|antara|oleh\s+(?:Bupati|Wali|Gubernur|Pemerintah))\b")
#: A year written in the sentence: "pada tahun 2021", "sejak 2019", "di 2020", "tahun 2021 lalu".
YEAR = re.compile(r"(?i)\b(?:pada|tahun|sejak|di|hingga|sampai)\s+(?:tahun\s+)?(?P<y>(?:19|20)\d{2})\b")


@dataclass
class Scene:
    """What the rules need of the article: its text, the signing's year and date (if known)."""

    text: str
    year: int | None
    date: DateHit | None


def _earlier(scene: Scene, m: Mention, a: int, b: int) -> bool:
    """The sentence says the government signed before ("sebelumnya", "tahun lalu", an earlier year).

    When the sentence also carries the signing's own date, only the names after the word that says
    "earlier" are taken as earlier signers.
    """
    text = scene.text
    cues = [c.start() for c in EARLIER.finditer(text, a, b)]
    if scene.year is not None:
        cues += [y.start() for y in YEAR.finditer(text, a, b) if int(y["y"]) < scene.year]
    if not cues:
        return False
    own = scene.date is not None and a <= scene.date.start < b
    return not own or min(cues) < m.start


def headline_end(text: str) -> int:
    """Where the body starts: the first line that ends a sentence (``.``, ``!``, ``?``, a closing quote) or
    is longer than 200 characters; the lines before are the headline and page furniture.

    Parameters
    ----------
    text : str
        The article text.

    Returns
    -------
    int
        The offset of that line (0 when the first line is already body text).
    """
    pos = 0
    for line in text.split("\n"):
        if line.strip() and (_BODY_LINE.search(line) or len(line) > 200):
            return pos
        pos += len(line) + 1
    return 0


def _cue_before(text: str, a: int, start: int, cue: re.Pattern[str], strict: bool = True) -> bool:
    """The last ``cue`` of the sentence before ``start`` (at most 150 characters back) has no signing word
    and (``strict``) no "dengan" / "bersama" between it and the name."""
    last = None
    for last in cue.finditer(text, max(a, start - 150), start):  # noqa: B007 - the last one is wanted
        pass
    if last is None:
        return False
    between = text[last.end() : start]
    return not SIGN.search(between) and not (strict and _PARTY_AGAIN.search(between))


def not_party(scene: Scene, m: Mention) -> str | None:
    """Why the government of ``m`` is not a party to the article's signing, or None when it may be.

    Parameters
    ----------
    scene : Scene
        The article and its signing's year and date.
    m : Mention
        A regional-government mention (offsets into ``scene.text``).

    Returns
    -------
    str or None
        A short reason for the review note ("named as signing earlier"), or None.
    """
    if m.type != "regional_government":
        return None
    a, b = sentence_span(scene.text, m.start)
    if _earlier(scene, m, a, b):
        return "named as signing earlier"
    after = scene.text[m.end : b]
    if _cue_before(scene.text, a, m.start, _PRESENT) or (
        _PRESENT_AFTER.search(after) and not SIGN.search(_PRESENT_AFTER.search(after).group(0))
    ):
        return "named as a witness or attendee"
    if _cue_before(scene.text, a, m.start, _FUTURE, strict=False):
        return "named as signing later"
    if _cue_before(scene.text, a, m.start, _ORIGIN):
        return "named in a statistic or as the workers' origin"
    if _BUILDING.search(scene.text, max(0, m.start - 20), m.start):
        return "named as the place of a building"
    return None
