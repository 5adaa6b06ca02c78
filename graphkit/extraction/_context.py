"""Where in an article the partners of a signing are named: the paragraphs that speak of the cooperation,
and the paragraphs right after a signing that go on with its list ("Diantaranya, Kabupaten A, ...", a list
under a paragraph ending "... yakni,",
"Selanjutnya Bupati B, Bupati C", "Sinergi ini melibatkan ..., Pemerintah Kota D", "Selain itu, Universitas E
dan Politeknik F"), and a paragraph that names the partners as such ("Mitra-mitra tersebut yakni ...").
"""

from __future__ import annotations

import re

from graphkit.extraction._partners import Mention, find_partners

__all__ = ["PARTNER_LIST", "paragraphs", "continued_paragraphs"]

#: Words that open a paragraph (or, for the verbs, anywhere in it) going on with a list of partners.
_STRONG = re.compile(
    r"(?i)^\W*(?:di\s*antaranya|antara\s+lain|yakni|yaitu|meliputi|masing-masing|mereka\s+(?:adalah|yaitu)"
    r"|adapun)\b|\b(?:melibatkan|meliputi|terdiri\s+(?:atas|dari)|di\s*antaranya|antara\s+lain)\b"
)
#: Words that open a paragraph that may go on with the list: only when it names two governments or more.
_WEAK = re.compile(r"(?i)^\W*(?:selanjutnya|kemudian|lalu|serta|berikutnya|disusul)\b")
#: Words that open a paragraph adding partners to a list ("Selain itu, ...", "Selain dari pemerintah daerah,
#: ..."): only when it names two partners or more, of any kind.
_ALSO = re.compile(r"(?i)^\W*selain\s+(?:itu|dari)\b")
#: The partners named as such, then listed: "mitra-mitra tersebut, yakni", "empat belas mitra strategis ...
#: antara lain", "lembaga negara yang dimaksud ialah". After the signing, such a paragraph is about it.
PARTNER_LIST = re.compile(
    r"(?i)\b(?:mitra|lembaga|instansi)(?:-mitra|-lembaga)?\b[^.!?\n]{0,80}?"
    r"\b(?:yakni|yaitu|ialah|antara\s+lain|di\s*antaranya|meliputi|mencakup|terdiri\s+(?:atas|dari))\b"
)
#: A paragraph naming who attended or witnessed ("Turut hadir Bupati A ..."): not a list of partners.
_PRESENT = re.compile(r"(?i)\b(?:hadir|menghadiri|dihadiri|disaksikan|menyaksikan|didampingi|mendampingi)\b")
_MAX_AFTER = 2  # non-empty paragraphs after the signing's that may go on with its list
#: A paragraph that ends by opening a list ("... yang menandatangani yakni,", "... sebagai berikut:"): the
#: next paragraph is that list, whatever its first word.
_OPENS = re.compile(
    r"(?i)\b(?:yakni|yaitu|ialah|adalah|antara\s+lain|di\s*antaranya|meliputi|terdiri\s+(?:atas|dari)"
    r"|(?:sebagai\s+)?berikut)\s*[:,]?\s*$"
)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text`` (empty ones too), offsets into ``text``."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _goes_on(para: str) -> list[Mention] | None:
    """The partners of a paragraph that goes on with a list, or None when it does not."""
    strong, weak, also = _STRONG.search(para), _WEAK.search(para), _ALSO.search(para)
    if not strong and not weak and not also or _PRESENT.search(para):
        return None
    found = find_partners(para)
    governments = sum(1 for m in found if m.type == "regional_government")
    if strong and found or weak and governments >= 2 or also and len(found) >= 2:
        return found
    return None


def continued_paragraphs(text: str, spans: list[tuple[int, int]], signing: set[int],
                         scanned: set[int]) -> list[tuple[int, list[Mention]]]:  # fmt: skip
    """Paragraphs after a signing's paragraph (index in ``signing``) that go on with its list of partners.

    Parameters
    ----------
    text : str
        The article text.
    spans : list of (int, int)
        Its paragraphs, from :func:`paragraphs`.
    signing : set of int
        Indexes of the paragraphs with a signing (or a count of partners).
    scanned : set of int
        Indexes of the paragraphs already read for partners (left out here).

    Returns
    -------
    list of (int, list of Mention)
        Each continuing paragraph's index and its partners, offsets relative to the paragraph.
    """
    out: list[tuple[int, list[Mention]]] = []
    for i in sorted(signing):
        seen, j = 0, i + 1
        opens = bool(_OPENS.search(text[spans[i][0] : spans[i][1]]))  # "... yakni," then the list below
        while j < len(spans) and seen < _MAX_AFTER:
            a, b = spans[j]
            if not text[a:b].strip():
                j += 1
                continue
            seen += 1
            if j in scanned:
                j += 1
                continue
            listed = find_partners(text[a:b]) if opens and not _PRESENT.search(text[a:b]) else []
            found = listed or _goes_on(text[a:b])
            opens = False
            if found is None:
                break
            if all(k != j for k, _ in out):
                out.append((j, found))
            j += 1
    return out
