"""A signing whose partner is only "pihaknya" / "kami" ("Karena itu, pihaknya menandatangani kerja sama
dengan BP2MI"): the government of the speaker or of the lead named before it, when the article names
exactly one regional government before that sentence; several: no partner, a note listing them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graphkit.extraction._partners import Mention, find_partners
from graphkit.extraction._signing import sentence_span

__all__ = ["self_signer"]

#: "pihaknya" / "kami" shortly before the signing word: "pihaknya telah menandatangani", "kami meneken".
_SELF = re.compile(r"(?i)\b(?P<who>pihaknya|kami)\b[^.,;!?\n]{0,40}$")


def _key(m: Mention) -> str:
    return m.region.code if m.region else m.name


def self_signer(text: str, marks: list[re.Match[str]]) -> tuple[Mention | None, str]:
    """The partner a "pihaknya" / "kami" signing sentence stands for, and the review note to add.

    Parameters
    ----------
    text : str
        The article text.
    marks : list of re.Match
        Its signing words (:func:`graphkit.extraction._signing.signings`).

    Returns
    -------
    tuple of (Mention or None, str)
        The nearest mention before the sentence of the one regional government the article names before
        it (offsets into ``text``, a note on it), and a note for the source; ``(None, note)`` with the
        candidates when several are named, ``(None, "")`` when no such sentence or none is named before.

    Examples
    --------
    >>> from graphkit.extraction._signing import signings
    >>> text = "Bupati Kerinci mengatakan hal itu. Karena itu, pihaknya menandatangani MoU dengan BP2MI."
    >>> m, note = self_signer(text, signings(text))
    >>> m.name, m.words
    ('Pemerintah Kabupaten Kerinci', 'Bupati Kerinci')
    """
    for s in marks:
        a, b = sentence_span(text, s.start())
        said = _SELF.search(text, a, s.start())
        if said is None or any(m.type == "regional_government" for m in find_partners(text[a:b])):
            continue
        before = [m for m in find_partners(text[:a]) if m.type == "regional_government"]
        if not before:
            return None, ""
        keys = list(dict.fromkeys(_key(m) for m in before))
        where = f"{said['who']!r} at {said.start('who')}"
        if len(keys) > 1:
            names = ", ".join(dict.fromkeys(m.name for m in before))
            return None, (f"signing by {where} names no partner; governments named before it: {names} "
                          "(several, none taken): check")  # fmt: skip
        m = before[-1]
        note = (f"partner from {where} in the signing sentence: the one government named before it "
                f"({m.words!r}), check")  # fmt: skip
        return replace(m, notes=[*m.notes, note]), note
    return None, ""
