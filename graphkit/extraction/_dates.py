"""Indonesian dates in news text: "5 April 2022", "Selasa (5/4/2022)", "Senin (3-6-2024)", "Rabu, 8/12/2021",
"(3/12)", "Rabu".

Every date found is a :class:`DateHit` with its character span, the words matched, a precision (``day``,
``day_inferred``, ``year``) and review notes (weekday disagreeing with the date, year taken from the
dateline or published date, a broken year). Nothing here guesses beyond what the notes say.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

__all__ = ["DateHit", "find_dates", "WEEKDAYS", "article_year"]

WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
_WEEKDAY_ALIASES = {"jum'at": "jumat", "ahad": "minggu"}
_MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    (("januari", "jan", "january"), ("februari", "feb", "pebruari", "february"), ("maret", "mar", "march"),
     ("april", "apr"), ("mei", "may"), ("juni", "jun", "june"), ("juli", "jul", "july"),
     ("agustus", "agu", "agt", "ags", "aug", "august"), ("september", "sep", "sept"),
     ("oktober", "okt", "oct", "october"), ("november", "nov", "nop", "nopember"),
     ("desember", "des", "dec", "december")),
    1,
):  # fmt: skip
    for _name in _names:
        _MONTHS[_name] = _n

_WD = r"(?P<wd>senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)"
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    # Selasa (5/4/2022), Rabu, 8/12/2021, (5/4/2022), 5/4/2022, Kamis (3/12); mistyped "Rabu (24/07)2024)"
    re.compile(
        rf"(?:\b{_WD}\s*[,(]?\s*)?\(?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
        rf"(?:(?:[/-]|\)(?=\d{{4}}\)))(?P<y>\d{{4}}|\d{{2}}))?\)?",
        re.IGNORECASE,
    ),
    # Kamis, 25 November 2021 / 5 April 2022 / 5 Apr. 2022 / kamis, 25 November 202 / 21 Desember
    re.compile(
        rf"(?:\b{_WD}\s*[,(]?\s*)?\b(?P<d>\d{{1,2}})\s+{_MONTH}(?:\s+(?P<y>\d{{2,4}}))?\b", re.IGNORECASE
    ),
    # a weekday alone: "Jakarta, Rabu." / "pada Kamis"
    re.compile(rf"\b{_WD}\b(?!\s*[,(]?\s*\(?\d)", re.IGNORECASE),
    # hyphens, with a weekday or in brackets and a 4-digit year: "Senin (3-6-2024)", "(24-7-2024)"
    re.compile(
        rf"(?:\b{_WD}\s*[,(]?\s*\(?|\()(?P<d>\d{{1,2}})-(?P<m>\d{{1,2}})-(?P<y>\d{{4}})(?!\d)\)?",
        re.IGNORECASE,
    ),
]
_NUMERIC = (0, 3)  # patterns whose month is a number
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))\D{0,30}?((?:19|20)\d{2})", re.IGNORECASE)


@dataclass
class DateHit:
    """One date in the text."""

    start: int
    end: int
    words: str
    date: dt.date | None
    precision: str  # day | day_inferred | year
    weekday: str | None
    notes: list[str] = field(default_factory=list)


_URL_DATE = re.compile(
    r"/(?P<y>20[0-4]\d)[/-](?P<m>0[1-9]|1[0-2])(?:[/-](?P<d>0[1-9]|[12]\d|3[01]))?(?=[/-])"
)


def url_date(url: str | None) -> tuple[int, int, int | None] | None:
    """The publication year, month and (if given) day a news url carries in its path, as many do.

    >>> url_date("https://example.id/2022/03/lindungi-pmi.html")
    (2022, 3, None)
    >>> url_date("https://example.id/2024/02/20/teken-mou/")
    (2024, 2, 20)
    >>> url_date("https://example.id/read/2024/13/x") is None, url_date(None) is None
    (True, True)
    """
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"]) if m["d"] else None
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            day = None
    return year, month, day


def article_year(text: str) -> int | None:
    """The copyright year, if the article prints one."""
    m = _COPYRIGHT.search(text)
    return int(m[1]) if m else None


def _weekday(word: str | None) -> str | None:
    if not word:
        return None
    w = word.casefold()
    return _WEEKDAY_ALIASES.get(w, w).replace("'", "")


def _real(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _check_weekday(hit: DateHit) -> None:
    if hit.weekday and hit.date and WEEKDAYS[hit.date.weekday()] != hit.weekday:
        actual = WEEKDAYS[hit.date.weekday()].capitalize()
        hit.notes.append(
            f"weekday {hit.weekday.capitalize()} does not match {hit.date.isoformat()} (a {actual}): "
            "check the date"
        )


def _broken_year(hit: DateHit, y: str, mon: int, day: int, latest: dt.date) -> None:
    """'25 November 202' with a weekday: the years of that decade where the weekday fits, up to ``latest``."""
    decade = int(y) * 10 if len(y) == 3 else None
    if decade is None or not hit.weekday:
        hit.precision, hit.date = "none", None
        hit.notes.append(f"year {y!r} is not a year: check the date")
        return
    fits = [d for year in range(decade, decade + 10) if (d := _real(year, mon, day)) and d <= latest
            and WEEKDAYS[d.weekday()] == hit.weekday]  # fmt: skip
    if len(fits) == 1:
        hit.date, hit.precision = fits[0], "day_inferred"
        hit.notes.append(
            f"year printed as {y!r}: {fits[0].isoformat()} is the only {hit.weekday.capitalize()} "
            f"{day} {mon}/{decade}s up to {latest.isoformat()}; check the year"
        )
    else:
        hit.date, hit.precision = None, "none"
        hit.notes.append(f"year printed as {y!r}: cannot tell which year; check the date")


def find_dates(text: str, published: dt.date | None, year: int | None, today: dt.date) -> list[DateHit]:
    """Every date in ``text``, in text order, overlapping matches removed (the longest wins).

    ``published`` pins dates without a year ("(3/12)", the most recent such day on or before it) and
    weekday-only dates (``day_inferred``); ``year`` (dateline/copyright) is the fallback for both.
    """
    latest = published or today
    raw: list[tuple[int, int, re.Match[str], int]] = []
    for kind, pattern in enumerate(_PATTERNS):
        for m in pattern.finditer(text):
            raw.append((m.start(), m.end(), m, kind))
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    hits: list[DateHit] = []
    taken_end = -1
    for start, end, m, kind in raw:
        if start < taken_end:
            continue
        hit = _hit(m, kind, published, year, latest)
        if hit is not None:
            hits.append(hit)
            taken_end = end
    return hits


def _hit(m: re.Match[str], kind: int, published: dt.date | None, year: int | None,
         latest: dt.date) -> DateHit | None:  # fmt: skip
    groups = m.groupdict()
    weekday = _weekday(groups.get("wd"))
    hit = DateHit(m.start(), m.end(), m.group(0).strip(), None, "day", weekday)
    if kind == 2:  # weekday only
        if published:
            back = (published.weekday() - WEEKDAYS.index(weekday)) % 7
            hit.date, hit.precision = published - dt.timedelta(days=back), "day_inferred"
            hit.notes.append(f"date from weekday {weekday.capitalize()} before the published date "
                             f"{published.isoformat()}: check the day")  # fmt: skip
        elif year:
            hit.date, hit.precision = dt.date(year, 1, 1), "year"
            hit.notes.append(
                f"date from weekday {weekday.capitalize()} + year {year}: only the year is known"
            )
        else:
            return None
        return hit
    day = int(groups["d"])
    mon = int(groups["m"]) if kind in _NUMERIC else _MONTHS[groups["mon"].casefold()]
    y = groups.get("y")
    if kind == 0 and not y and not (weekday or m.group(0).startswith("(")):
        return None  # a bare "3/12" is too often a ratio or a number
    if y and len(y) == 4:
        hit.date = _real(int(y), mon, day)
    elif y and len(y) == 2 and kind in _NUMERIC:
        hit.date = _real(2000 + int(y), mon, day)
    elif y:
        _broken_year(hit, y, mon, day, latest)
        return hit if hit.date else None
    else:
        base = published.year if published else year
        if base is None:
            return None
        hit.date = _real(base, mon, day)
        if hit.date and published and hit.date > published:
            hit.date = _real(base - 1, mon, day)
        source = "published date" if published else "article's year (dateline/copyright)"
        hit.notes.append(f"year {hit.date.year if hit.date else base} from the {source}")
    if hit.date is None:
        return None
    _check_weekday(hit)
    return hit
