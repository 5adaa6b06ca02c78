"""Synthetic programs, the regions they are active in, and placements (see ``graphkit.synthetic._generate``).

National programs keep the published shape (Kawan PMI in 9 provinces covering 175 regencies, Perwira PMI in
23 provinces); local and regional programs grow with the scale. Placements: one total per regency and
year, the 2023 national total equal to the published 273,747; ``synthetic._generate`` uses the scale-1
totals of the seed at every scale and splits them by destination country above scale 1.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from graphkit.dataset._regions import Region
from graphkit.synthetic._agreements import weekday_between
from graphkit.synthetic._names import province_weight, regency_label, weighted_sample
from graphkit.synthetic._orgs import Org, Orgs, regency_weight, top_sending_codes

__all__ = [
    "Program",
    "build_programs",
    "build_placements",
    "NATIONAL_TOTALS",
    "KAWAN_PROVINCES",
    "KAWAN_REGENCIES",
    "PERWIRA_PROVINCES",
]

KAWAN_PROVINCES, KAWAN_REGENCIES, PERWIRA_PROVINCES = 9, 175, 23
_DESA_MIGRAN_EMAS = 40
_LOCAL_PROGRAMS = 6
#: Workers placed abroad per year, nationally. 2023 is the published figure; the others only give the shape
#: (the COVID-19 dip of 2020-2021) and are not published numbers.
NATIONAL_TOTALS: dict[int, int] = {
    2019: 276_000,
    2020: 113_000,
    2021: 72_600,
    2022: 200_800,
    2023: 273_747,
    2024: 297_000,
    2025: 290_000,
}
_LATER_TOTAL = 290_000
_THEMES = (
    ("Sosialisasi Migrasi Aman", "socialization"),
    ("Pelatihan Vokasi Calon PMI", "training"),
    ("Pemberdayaan Keluarga PMI", "empowerment"),
    ("Kampung Peduli PMI", "village"),
    ("Layanan Terpadu Satu Atap PMI", "service"),
    ("Pencegahan Penempatan Nonprosedural", "task_force"),
    ("Reintegrasi Purna PMI", "empowerment"),
)


@dataclass
class Program:
    """One program and its ``(region, since, organization id)`` rows."""

    id: str
    name: str
    kind: str
    regions: list[tuple[str, dt.date, str]] = field(default_factory=list)

    @property
    def started(self) -> dt.date:
        return min(since for _, since, _ in self.regions)


def _day(rng: random.Random, first: dt.date, last: dt.date, as_of: dt.date) -> dt.date:
    last = min(last, as_of)
    return weekday_between(rng, min(first, last), last)


def build_programs(
    rng: random.Random,
    scale: int,
    orgs: Orgs,
    provinces: list[Region],
    regencies: list[Region],
    as_of: dt.date,
) -> list[Program]:
    """The four national programs, six local ones and ``10 * (scale - 1)`` more regional programs."""
    top = top_sending_codes(regencies)
    weight = {r.code: regency_weight(r, top) for r in regencies}
    by_province: dict[str, list[Region]] = {}
    for r in regencies:
        by_province.setdefault(r.province_code, []).append(r)
    bp2mi, upt = orgs.bp2mi, orgs.upt

    def runner(province: str) -> str:
        return upt[province].id if province in upt else bp2mi.id

    satgas = Program("syn-prog-satgas-tppo", "Satgas Pencegahan dan Penanganan TPPO", "task_force")
    for code in sorted(upt):
        satgas.regions.append(
            (code, _day(rng, dt.date(2020, 8, 3), dt.date(2023, 12, 29), as_of), upt[code].id)
        )
    kawan = Program(
        "syn-prog-kawan-pmi", "Komunitas Relawan Pekerja Migran Indonesia (Kawan PMI)", "community"
    )
    ranked = sorted(provinces, key=lambda p: (-province_weight(p.code), p.code))
    kawan_provinces = ranked[:KAWAN_PROVINCES]
    pool = [r for p in kawan_provinces for r in by_province.get(p.code, [])]
    for r in sorted(
        weighted_sample(rng, pool, [weight[r.code] for r in pool], KAWAN_REGENCIES), key=lambda r: r.code
    ):
        kawan.regions.append((r.code, _day(rng, dt.date(2021, 1, 4), dt.date(2023, 12, 29), as_of), bp2mi.id))
    perwira = Program("syn-prog-perwira-pmi", "Perkumpulan Wira Usahawan PMI (Perwira PMI)", "empowerment")
    chosen = weighted_sample(rng, provinces, [province_weight(p.code) for p in provinces], PERWIRA_PROVINCES)
    for p in sorted(chosen, key=lambda p: p.code):
        perwira.regions.append(
            (p.code, _day(rng, dt.date(2022, 1, 3), dt.date(2023, 12, 29), as_of), runner(p.code))
        )
    desa = Program("syn-prog-desa-migran-emas", "Desa Migran Emas", "village")
    kabupaten = [r for r in regencies if r.kind == "kabupaten"]
    chosen = weighted_sample(rng, kabupaten, [weight[r.code] for r in kabupaten], _DESA_MIGRAN_EMAS)
    for r in sorted(chosen, key=lambda r: r.code):
        who = bp2mi.id if rng.random() < 0.5 else ""
        desa.regions.append((r.code, _day(rng, dt.date(2021, 6, 1), dt.date(2024, 12, 31), as_of), who))
    programs = [satgas, kawan, perwira, desa]
    names: set[str] = set()

    def program(theme: int, area: str, rows: list[tuple[str, str]]) -> None:
        title, kind = _THEMES[theme]
        name, stage = f"{title} {area}", 1
        while name in names:
            stage += 1
            name = f"{title} {area} (Tahap {stage})"
        names.add(name)
        start = _day(rng, dt.date(2019, 1, 2), as_of, as_of)
        found = Program(f"syn-prog-{len(programs) - 3:05d}", name, kind)
        for code, who in rows:
            found.regions.append((code, _day(rng, start, start + dt.timedelta(days=400), as_of), who))
        programs.append(found)

    # Local programs run by a regency government partner, in its regency and maybe a neighbour or two.
    local = [
        o for o in orgs.partners if o.type == "regional_government" and not o.village and "." in o.region
    ]
    for _ in range(_LOCAL_PROGRAMS):
        org = rng.choice(local)
        neighbours = [r.code for r in by_province[org.province] if r.code != org.region]
        codes = [org.region, *rng.sample(neighbours, min(len(neighbours), rng.randint(0, 2)))]
        program(
            rng.randrange(len(_THEMES)),
            regency_label(_region(regencies, org.region)),
            [(c, org.id if c == org.region else "") for c in codes],
        )
    # Regional programs above scale 1, sized so that program_regions grows about as fast as the scale.
    extra = 10 * (scale - 1)
    if extra:
        base = sum(len(p.regions) for p in programs)
        mean = max(1.0, 1.25 * base * (scale - 1) / extra)  # 1.25: province programs are capped by size
        _regional_programs(rng, extra, mean, orgs, provinces, by_province, weight, program)
    return programs


def _region(regencies: list[Region], code: str) -> Region:
    return next(r for r in regencies if r.code == code)


def _regional_programs(
    rng: random.Random,
    count: int,
    mean: float,
    orgs: Orgs,
    provinces: list[Region],
    by_province: dict[str, list[Region]],
    weight: dict[str, float],
    program: Callable[[int, str, list[tuple[str, str]]], None],
) -> None:
    province_weights = [province_weight(p.code) for p in provinces]
    international = [o for o in orgs.partners if o.type == "international"]
    everywhere = sorted(weight)
    for _ in range(count):
        size = rng.randint(1, max(1, math.ceil(2 * mean - 1)))
        if rng.random() < 0.5:
            province = rng.choices(provinces, weights=province_weights)[0]
            members = by_province.get(province.code, [])
            picked = weighted_sample(rng, members, [weight[r.code] for r in members], size - 1)
            gov = orgs.province_gov.get(province.code)
            who = (
                gov.id
                if gov
                else (orgs.upt[province.code].id if province.code in orgs.upt else orgs.bp2mi.id)
            )
            rows = [(province.code, who), *((r.code, "") for r in sorted(picked, key=lambda r: r.code))]
            program(rng.randrange(len(_THEMES)), f"Provinsi {province.name}", rows)
        else:
            org: Org = rng.choice(international) if international and rng.random() < 0.5 else orgs.bp2mi
            codes = weighted_sample(rng, everywhere, [weight[c] for c in everywhere], size)
            short = org.aliases.split(";")[0] or org.name
            program(rng.randrange(len(_THEMES)), f"bersama {short}", [(c, org.id) for c in sorted(codes)])


def build_placements(
    rng: random.Random, regencies: list[Region], as_of: dt.date
) -> list[tuple[str, int, int]]:
    """``(region, year, workers)`` for every regency and every full year 2019..``as_of``."""
    top = top_sending_codes(regencies)
    last = as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1
    rest_share = 1.0 - sum(top.values())
    raw: dict[str, float] = {}
    for r in regencies:
        if r.code in top:
            continue
        base = province_weight(r.province_code) * (1.0 if r.kind == "kabupaten" else 0.35)
        quiet = province_weight(r.province_code) <= 1.0 and rng.random() < 0.4
        raw[r.code] = 0.0 if quiet else base * rng.lognormvariate(0.0, 0.8)
    total_raw = sum(raw.values())
    share = {**top, **{code: rest_share * w / total_raw for code, w in raw.items()}}
    rows: list[tuple[str, int, int]] = []
    codes = [r.code for r in regencies]
    for year in range(2019, last + 1):
        total = NATIONAL_TOTALS.get(year, _LATER_TOTAL)
        wanted = {c: share[c] * rng.lognormvariate(0.0, 0.1) for c in codes}
        scale = total / sum(wanted.values())
        exact = {c: wanted[c] * scale for c in codes}
        counts = {c: math.floor(v) for c, v in exact.items()}
        short = total - sum(counts.values())
        for c in sorted(codes, key=lambda c: (counts[c] - exact[c], c))[:short]:
            counts[c] += 1
        rows.extend((c, year, counts[c]) for c in codes)
    return rows
