"""Synthetic agreements, parties and follow-ups (see ``graphkit.synthetic._generate``).

Every published-aggregate partner signs its first MoU with BP2MI at a signing ceremony between January 2018
and 13 March 2024 (the day before the press release that published the counts), several partners a day.
Around them: renewals of expired MoUs, PKS under MoUs (often signed by a BP3MI unit), technical agreements
with international organizations, and follow-ups for a minority of agreements.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from graphkit.synthetic._orgs import PUBLISHED_PARTNERS, Org, Orgs

__all__ = ["Agreement", "FollowUp", "build_agreements", "build_follow_ups", "add_years", "weekday_between"]

FIRST_DAY = dt.date(2018, 1, 8)
#: Partners in the published aggregate signed before the press release of 14 March 2024.
AGGREGATE_CUTOFF = dt.date(2024, 3, 13)
DEFAULT_TERM = 5
#: Ceremonies per year, relative (2024 is a rate: only its first quarter is before the cutoff).
_YEAR_RATE = {2018: 4, 2019: 7, 2020: 9, 2021: 18, 2022: 24, 2023: 26, 2024: 48}
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_SCOPES = (
    "illegal_placement",
    "education_training",
    "protection",
    "placement_services",
    "socialization",
    "coordination",
)
#: (always, sometimes) scopes of an MoU by partner type.
_TYPE_SCOPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "regional_government": (
        ("illegal_placement", "education_training", "protection", "placement_services", "coordination"),
        ("socialization",),
    ),
    "education": (("education_training",), ("socialization", "placement_services")),
    "health": (("protection", "placement_services"), ("education_training",)),
    "financial": (("protection", "socialization"), ()),
    "government": (("coordination", "illegal_placement", "protection"), ()),
    "private": (("placement_services",), ("education_training", "protection")),
    "community": (("socialization", "protection"), ("illegal_placement",)),
    "international": (("protection", "coordination"), ("illegal_placement", "education_training")),
}
_SCOPE_TOPIC = {
    "illegal_placement": "Pemberantasan Sindikat Penempatan Nonprosedural",
    "education_training": "Pendidikan dan Pelatihan",
    "protection": "Pelindungan",
    "placement_services": "Pelayanan Penempatan",
    "socialization": "Sosialisasi",
    "coordination": "Koordinasi",
}
_TOPIC = {
    "regional_government": "Pelindungan Pekerja Migran Indonesia",
    "education": "Penyelenggaraan Pendidikan dan Pelatihan bagi Calon Pekerja Migran Indonesia",
    "health": "Pelayanan Kesehatan bagi Calon Pekerja Migran Indonesia",
    "financial": "Akses Layanan Keuangan bagi Pekerja Migran Indonesia dan Keluarganya",
    "government": "Sinergi Pelindungan Pekerja Migran Indonesia",
    "private": "Penempatan dan Pelindungan Pekerja Migran Indonesia",
    "community": "Sosialisasi Migrasi Aman",
    "international": "Pelindungan dan Pemberdayaan Pekerja Migran Indonesia dan Keluarganya",
}
_FU_KINDS_PEMDA = (
    ("action_plan", 25),
    ("socialization", 20),
    ("training", 15),
    ("monitoring", 10),
    ("regulation", 8),
    ("budget", 8),
    ("service", 6),
    ("other", 8),
)
_FU_KINDS_OTHER = (
    ("action_plan", 25),
    ("socialization", 25),
    ("training", 25),
    ("monitoring", 15),
    ("other", 10),
)


@dataclass
class Agreement:
    """One agreement before ids are assigned (``parent`` is the MoU a PKS is under)."""

    kind: str
    signed: dt.date
    expires: dt.date | None
    partner: Org
    parties: list[tuple[Org, str]]
    scopes: tuple[str, ...]
    title: str
    parent: Agreement | None = None
    seq: int = 0
    id: str = ""
    number: str = ""

    @property
    def end(self) -> dt.date:
        """Expiry, or the assumed one (``signed_on`` + 5 years) when none is written."""
        return self.expires or add_years(self.signed, DEFAULT_TERM)


@dataclass
class FollowUp:
    """One follow-up of an agreement."""

    agreement: Agreement
    kind: str
    date: dt.date
    region: str
    description: str
    id: str = ""


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def weekday_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A random working day in ``[first, last]`` (a weekend day only if the range has no weekday)."""
    span = (last - first).days
    day = first + dt.timedelta(days=rng.randint(0, max(span, 0)))
    for step in (0, -1, 1, -2, 2):
        moved = day + dt.timedelta(days=step)
        if moved.weekday() < 5 and first <= moved <= last:
            return moved
    return day


def _scopes(rng: random.Random, kind: str) -> tuple[str, ...]:
    always, sometimes = _TYPE_SCOPES[kind]
    chosen = set(always) | {s for s in sometimes if rng.random() < 0.4}
    return tuple(s for s in _SCOPES if s in chosen)


def _short(org: Org) -> str:
    return org.aliases.split(";")[0] if org.type == "agency" else org.name


def _ceremony_day(rng: random.Random, last: dt.date) -> dt.date:
    years = [y for y in sorted(_YEAR_RATE) if dt.date(y, 1, 1) <= last]
    weights = []
    for y in years:
        start, end = max(FIRST_DAY, dt.date(y, 1, 1)), min(last, dt.date(y, 12, 31))
        weights.append(_YEAR_RATE[y] * ((end - start).days + 1) / 365)
    year = rng.choices(years, weights=weights)[0]
    return weekday_between(rng, max(FIRST_DAY, dt.date(year, 1, 1)), min(last, dt.date(year, 12, 31)))


def _batch_size(rng: random.Random, scale: int) -> int:
    r = rng.random()
    base = (
        1
        if r < 0.45
        else rng.randint(2, 4)
        if r < 0.65
        else rng.randint(5, 12)
        if r < 0.85
        else rng.randint(13, 40)
    )
    return base * max(1, round(scale**0.5))


def _term(rng: random.Random, signed: dt.date, explicit: float) -> dt.date | None:
    r = rng.random()
    if r < explicit * 0.8:
        return add_years(signed, 5)
    if r < explicit:
        return add_years(signed, 3)
    return None


def build_agreements(rng: random.Random, scale: int, orgs: Orgs, as_of: dt.date) -> list[Agreement]:
    """Every agreement, sorted by signing day, with ids ``syn-agr-NNNNNN`` and numbers assigned."""
    bp2mi = orgs.bp2mi
    made: list[Agreement] = []

    def mou(partner: Org, signed: dt.date, renewal: bool = False) -> Agreement:
        lead = "Perpanjangan Nota Kesepahaman" if renewal else "Nota Kesepahaman"
        agreement = Agreement(
            "mou",
            signed,
            _term(rng, signed, 0.7 if renewal else 0.6),
            partner,
            [(bp2mi, "first_party"), (partner, "second_party")],
            _scopes(rng, partner.type),
            f"{lead} antara BP2MI dan {partner.name} tentang {_TOPIC[partner.type]}",
        )
        made.append(agreement)
        return agreement

    # 1. First MoUs of the published-aggregate partners, at ceremonies (several partners a day).
    counted = [p for p in orgs.partners if p.type in PUBLISHED_PARTNERS]
    rng.shuffle(counted)
    last = min(as_of, AGGREGATE_CUTOFF)
    i = 0
    while i < len(counted):
        size = _batch_size(rng, scale)
        day = _ceremony_day(rng, last)
        for partner in counted[i : i + size]:
            mou(partner, day)
        i += size
    # 2. Private and community partners: MoUs any time; international: technical agreements.
    for partner in orgs.partners:
        if partner.type in ("private", "community"):
            mou(partner, weekday_between(rng, dt.date(2019, 1, 2), as_of))
        elif partner.type == "international":
            for _ in range(1 + (rng.random() < 0.5)):
                signed = weekday_between(rng, dt.date(2019, 1, 2), as_of)
                parties = [(bp2mi, "first_party"), (partner, "second_party")]
                unit = orgs.upt.get(rng.choice(("52", "35", "53", "32", "33")))
                if unit is not None and rng.random() < 0.4:
                    parties.append((unit, "third_party"))
                made.append(
                    Agreement(
                        "technical",
                        signed,
                        _term(rng, signed, 0.6),
                        partner,
                        parties,
                        _scopes(rng, partner.type),
                        f"Perjanjian Kerja Sama Teknis antara BP2MI dan {partner.name} "
                        f"tentang {_TOPIC[partner.type]}",
                    )
                )
    # 3. Renewals of MoUs that ran out before the end of the data.
    for first in [a for a in made if a.kind == "mou"]:
        if first.end < as_of and rng.random() < 0.35:
            signed = weekday_between(
                rng, first.end - dt.timedelta(days=90), first.end + dt.timedelta(days=150)
            )
            if first.signed < signed <= as_of:
                mou(first.partner, signed, renewal=True)
    # 4. PKS under MoUs, often with the BP3MI unit of the partner's province.
    education_by_province: dict[str, list[Org]] = {}
    for org in orgs.partners:
        if org.type == "education":
            education_by_province.setdefault(org.province, []).append(org)
    for parent in [a for a in made if a.kind == "mou"]:
        _add_pks(rng, parent, orgs, education_by_province, as_of, made)
    # Ids in signing order; numbers on about half of them.
    for seq, agreement in enumerate(made):
        agreement.seq = seq
    made.sort(key=lambda a: (a.signed, a.seq))
    counters: dict[int, int] = {}
    for n, agreement in enumerate(made, 1):
        agreement.id = f"syn-agr-{n:06d}"
        if rng.random() < 0.55:
            year = agreement.signed.year
            counters[year] = counters.get(year, 0) + 1 + rng.randint(0, 4)
            office = {"mou": "KA", "technical": "KA/KS.02"}.get(agreement.kind, "KS.00")
            unit = agreement.parties[0][0]
            if agreement.kind == "pks" and unit.id.startswith("syn-upt-"):
                office = f"BP3MI-{unit.region}/KS.00"
            agreement.number = f"B.{counters[year]}/{office}/{_ROMAN[agreement.signed.month - 1]}/{year}"
    return made


def _add_pks(
    rng: random.Random,
    parent: Agreement,
    orgs: Orgs,
    education: dict[str, list[Org]],
    as_of: dt.date,
    made: list[Agreement],
) -> None:
    partner = parent.partner
    chance = {"regional_government": 0.45, "education": 0.35, "health": 0.3}.get(partner.type, 0.2)
    if rng.random() >= chance:
        return
    for _ in range(1 if rng.random() < 0.8 else 2):
        signed = weekday_between(
            rng, parent.signed + dt.timedelta(days=30), parent.signed + dt.timedelta(days=720)
        )
        if signed > min(as_of, parent.end):
            continue
        unit = orgs.upt.get(partner.province)
        first = unit if unit is not None and rng.random() < 0.7 else orgs.bp2mi
        parties = [(first, "first_party"), (partner, "second_party")]
        if first is not orgs.bp2mi and rng.random() < 0.3:
            parties.append((orgs.bp2mi, "witness"))
        nearby = education.get(partner.province, [])
        if partner.type == "regional_government" and nearby and rng.random() < 0.2:
            parties.append((rng.choice(nearby), "third_party"))
        picked = rng.sample(parent.scopes, rng.randint(1, min(3, len(parent.scopes))))
        scopes = tuple(s for s in parent.scopes if s in picked)
        expires = None
        if rng.random() < 0.6:
            expires = max(signed, min(add_years(signed, rng.choice((1, 2, 3))), parent.end))
        topic = ", ".join(_SCOPE_TOPIC[s] for s in scopes)
        title = f"Perjanjian Kerja Sama antara {_short(first)} dan {partner.name} ({topic})"
        pks = Agreement("pks", signed, expires, partner, parties, scopes, title, parent)
        made.append(pks)


def build_follow_ups(
    rng: random.Random,
    agreements: list[Agreement],
    places: list[str],
    place_weights: list[float],
    as_of: dt.date,
) -> list[FollowUp]:
    """Follow-ups for a minority of agreements, dated after signing, ids ``syn-fu-NNNNNN`` by date.

    ``places``/``place_weights``: regions drawn for partners with no local region (national bodies).
    """
    found: list[FollowUp] = []
    for agreement in agreements:
        partner = agreement.partner
        pemda = partner.type == "regional_government"
        if rng.random() >= (0.25 if pemda else 0.10):
            continue
        first, last = agreement.signed + dt.timedelta(days=14), min(agreement.end, as_of)
        if first > last:
            continue
        r = rng.random()
        count = 1 if r < 0.6 else 2 if r < 0.85 else 3 if r < 0.95 else 4
        kinds = _FU_KINDS_PEMDA if pemda else _FU_KINDS_OTHER
        for _ in range(count):
            kind = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
            region = partner.region
            if partner.type in ("international", "government") and region == "31":
                region = rng.choices(places, weights=place_weights)[0]
            day = weekday_between(rng, first, last)
            found.append(FollowUp(agreement, kind, day, region, _describe(rng, kind, partner, day)))
    found.sort(key=lambda f: (f.date, f.agreement.id, f.kind, f.description))
    for n, follow_up in enumerate(found, 1):
        follow_up.id = f"syn-fu-{n:06d}"
    return found


def _describe(rng: random.Random, kind: str, partner: Org, day: dt.date) -> str:
    n = rng.randint(2, 60)
    return {
        "action_plan": "Penyusunan rencana aksi pelaksanaan kerja sama",
        "regulation": "Penetapan peraturan daerah tentang pelindungan pekerja migran Indonesia",
        "budget": f"Alokasi anggaran {day.year} untuk pelatihan calon pekerja migran",
        "training": f"Pelatihan keterampilan dan bahasa bagi {n * 10} calon pekerja migran",
        "socialization": f"Sosialisasi migrasi aman di {n} desa",
        "service": "Pembukaan layanan terpadu satu atap (LTSA) pekerja migran",
        "monitoring": "Rapat monitoring dan evaluasi pelaksanaan kerja sama",
        "other": "Pertukaran data calon pekerja migran dan purna pekerja migran",
    }[kind] + f" ({partner.name})"
