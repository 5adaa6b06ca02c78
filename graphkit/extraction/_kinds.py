"""Two kinds signed at once: "nota kesepakatan dan perjanjian kerja sama", "MoU dan PKS".

An article that names an MoU and a PKS joined by "dan" / "serta" in a signing's sentence reports both
(the public dataset keeps one ``mou`` and one ``pks`` row per partner, same day, same event). A bare
"perjanjian" right after "nota kesepakatan dan" / "nota kesepahaman dan" is read as the PKS, with a note.
"""

from __future__ import annotations

import re

from graphkit.extraction._signing import Fact, sentence_span

__all__ = ["paired_kinds"]

_MOU = (r"nota\s+kesep(?:ahaman|akatan)(?:\s*\((?:MoU|NK)\))?|memorandum\s+of\s+understanding(?:\s*\(MoU\))?"
        r"|kesepakatan\s+bersama|\bMoU\b")  # fmt: skip
_PKS = r"perjanjian\s+kerja\s*sama(?!\s+teknis)(?:\s*\(PKS\))?|\bPKS\b"
_JOIN = r"\s*,?\s*(?:dan|serta|&)\s+"
_PAIR = re.compile(
    rf"(?i)(?P<mou>{_MOU}){_JOIN}(?:(?P<pks>{_PKS})|(?P<bare>perjanjian)\b(?!\s+kerja\s*sama\s+teknis))"
    rf"|(?P<pks2>{_PKS}){_JOIN}(?P<mou2>{_MOU})"
)
_NOTA = re.compile(r"(?i)^nota\s+kesep")


def _pair(text: str, lo: int, hi: int) -> list[Fact] | None:
    for m in _PAIR.finditer(text, lo, hi):
        mou, pks = ("mou", "pks") if m["mou"] else ("mou2", "pks2")
        if m["bare"] and not _NOTA.match(m["mou"]):
            continue  # "MoU dan perjanjian ...": too loose
        pks = "bare" if m["bare"] else pks
        first = Fact("mou", m.start(mou), m.end(mou), m[mou])
        second = Fact("pks", m.start(pks), m.end(pks), m[pks])
        if m["bare"]:
            second.review.append(
                f"{m[pks]!r} right after {m[mou]!r} read as a perjanjian kerja sama signed with it: check"
            )
        return [first, second]
    return None


def paired_kinds(text: str, marks: list[re.Match[str]]) -> list[Fact] | None:
    """The MoU and the PKS of a signing that names both, or None.

    Looked for in each signing word's sentence, in text order, then near the first signing word (150
    characters before, 200 after), as :func:`graphkit.extraction._signing.signing_kind` does.

    Parameters
    ----------
    text : str
        The article text.
    marks : list of re.Match
        The signing words (:func:`graphkit.extraction._signing.signings`).

    Returns
    -------
    list of Fact or None
        ``[mou, pks]``, each where the article names it, or None when no signing names both.

    Examples
    --------
    >>> from graphkit.extraction._signing import signings
    >>> text = "Bupati Ende menandatangani nota kesepakatan dan perjanjian dengan BP2MI."
    >>> [(k.value, k.words) for k in paired_kinds(text, signings(text))]
    [('mou', 'nota kesepakatan'), ('pks', 'perjanjian')]
    >>> one = "Bupati Ende menandatangani MoU dengan BP2MI."
    >>> paired_kinds(one, signings(one)) is None
    True
    """
    for s in marks:
        if (found := _pair(text, *sentence_span(text, s.start()))) is not None:
            return found
    if marks:
        at = marks[0].start()
        return _pair(text, max(0, at - 150), at + 200)
    return None
