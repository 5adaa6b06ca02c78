"""Typed values of dataset cells: dates, numbers, booleans, enums, lists, regions, each refused with a hint.

Every function takes the stripped text of one cell and returns the typed value, or raises ``ValueError``
(or ``RegionError``) whose message says what is wrong and what to write instead; ``_validate`` adds the
file, row and column.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from graphkit.dataset._regions import RegionError, resolve_region

__all__ = ["parse_date", "parse_int", "parse_bool", "parse_enum", "parse_list", "parse_region", "enum_key"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$", re.ASCII)
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$", re.ASCII)
_WORDS = re.compile(r"^(\d{1,2})[\s\-]+([^\W\d_]+)\.?[\s\-]+(\d{4})$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"), ("februari", "february", "feb", "pebruari"),
            ("maret", "march", "mar"),
            ("april", "apr"), ("mei", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"),
            ("agustus", "august", "agu", "agt", "aug", "ags"), ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"), ("november", "nopember", "nov", "nop"),
            ("desember", "december", "des", "dec"),
        ),
        1,
    )
    for name in names
}  # fmt: skip
_TRUE = {"true", "yes", "y", "1", "ya", "benar"}
_FALSE = {"false", "no", "n", "0", "tidak", "salah"}
_SHORT_CODE = re.compile(r"^(\d{2})\.(\d)$", re.ASCII)


def _shown(value: str) -> str:
    return repr(value if len(value) <= 60 else value[:57] + "...")


def _real(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _date_guess(value: str) -> dt.date | None:
    """What a non-ISO date probably means (Indonesian order: day, month, year)."""
    if m := _YMD.match(value):
        return _real(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.match(value):
        return _real(int(m[3]), int(m[2]), int(m[1]))
    if (m := _WORDS.match(value)) and m[2].casefold() in _MONTHS:
        return _real(int(m[3]), _MONTHS[m[2].casefold()], int(m[1]))
    if value.isdigit() and 20_000 <= int(value) <= 80_000:  # an Excel serial day number
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
    return None


def parse_date(value: str) -> dt.date:
    """An ISO ``YYYY-MM-DD`` date; anything else is refused with the date it probably meant.

    >>> parse_date("2024-02-29")
    datetime.date(2024, 2, 29)
    >>> parse_date("15/01/2020")
    Traceback (most recent call last):
    ValueError: '15/01/2020' is not a date in YYYY-MM-DD form; write 2020-01-15 if that is the date
    """
    if _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"{_shown(value)} is not a real date (no such month or day); write it as YYYY-MM-DD"
            ) from None
    guess = _date_guess(value)
    if guess is not None:
        serial = " (an Excel day number: format the column as a date)" if value.isdigit() else ""
        hint = f"; write {guess.isoformat()} if that is the date{serial}"
    else:
        hint = ", e.g. 2024-03-01"
    raise ValueError(f"{_shown(value)} is not a date in YYYY-MM-DD form{hint}")


def _int_hint(value: str, digits: str) -> int:
    sign, digits = ("-", digits[1:]) if digits.startswith("-") else ("", digits)
    raise ValueError(
        f"{_shown(value)} is not a whole number; write digits only: {sign}{digits.lstrip('0') or '0'}"
    )


def parse_int(value: str) -> int:
    """A whole number; ``1_200`` is allowed, ``1.200`` / ``1,200`` / ``2020.0`` are refused with a hint.

    >>> parse_int("1_200"), parse_int("-3")
    (1200, -3)
    """
    text = value.replace("_", "") if "__" not in value else value
    if re.fullmatch(r"[+-]?\d{1,18}", text, re.ASCII):
        return int(text)
    if re.fullmatch(r"[+-]?\d+", text, re.ASCII):
        raise ValueError(f"{_shown(value)} is too large a number; check it")
    if re.fullmatch(r"-?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*", value, re.ASCII):  # 1.200 or 1,200,000
        return _int_hint(value, re.sub(r"[.,]", "", value))
    if re.fullmatch(r"-?\d+[.,]0+", value, re.ASCII):  # 2020.0
        return _int_hint(value, re.split(r"[.,]", value)[0])
    raise ValueError(f"{_shown(value)} is not a whole number; write digits only, e.g. 1200")


def parse_bool(value: str) -> bool:
    """``true``/``false`` (also yes/no, y/n, 1/0, ya/tidak, benar/salah), any case.

    >>> parse_bool("Ya"), parse_bool("FALSE")
    (True, False)
    """
    low = value.casefold()
    if low in _TRUE | _FALSE:
        return low in _TRUE
    raise ValueError(f"{_shown(value)} is not true or false; write true or false")


def enum_key(value: str) -> str:
    """The canonical spelling of a code: ``" Regional Government "`` -> ``regional_government``.

    >>> enum_key(" Regional-Government ")
    'regional_government'
    """
    return re.sub(r"[\s\-]+", "_", value.strip().casefold())


def _did_you_mean(value: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(enum_key(value), choices, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}? " if close else ""


def parse_enum(column: str, value: str, choices: tuple[str, ...]) -> str:
    """One of ``choices``, case-, space- and hyphen-insensitive.

    >>> parse_enum("kind", " MoU ", ("mou", "pks"))
    'mou'
    """
    key = enum_key(value)
    if key in choices:
        return key
    hint = _did_you_mean(value, choices)
    raise ValueError(f"unknown {column} {_shown(value)}: {hint}use one of {', '.join(choices)}")


def parse_list(column: str, value: str, scopes: dict[str, str] | None = None) -> list[str]:
    """A ``;``-separated list; for ``scopes`` (``scopes`` given) each item must be a known scope id.

    Scope ids never contain commas, so ``,`` separates scopes too.

    >>> parse_list("aliases", "BP2MI; BNP2TKI ;")
    ['BP2MI', 'BNP2TKI']
    >>> parse_list("scopes", "Protection, coordination", {"protection": "", "coordination": ""})
    ['protection', 'coordination']
    """
    if scopes is None:
        return [item.strip() for item in value.split(";") if item.strip()]
    items = [item.strip() for item in re.split(r"[;,]", value) if item.strip()]
    for item in items:
        if enum_key(item) not in scopes:
            hint = _did_you_mean(item, list(scopes))
            raise ValueError(
                f"unknown scope {_shown(item)}: {hint}use one of {', '.join(scopes)}, or add it to scopes.csv"
            )
    return list(dict.fromkeys(enum_key(i) for i in items))


def parse_region(value: str) -> str:
    """The Kemendagri code of a region code or name (see ``resolve_region``).

    >>> parse_region(" kab. tegal ")
    '33.28'
    """
    try:
        return resolve_region(value).code
    except RegionError as exc:
        m = _SHORT_CODE.match(value.strip())
        if m:
            padded = f"{m[1]}.{m[2]}0"
            try:
                name = resolve_region(padded).name
            except RegionError:
                raise exc from None
            raise RegionError(
                f"unknown region code {value.strip()!r}: did you mean {padded} ({name})? "
                "Excel drops the trailing zero of numbers: format the column as Text"
            ) from None
        raise
