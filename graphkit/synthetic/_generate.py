"""Synthetic national-scale dataset generator: seeded, deterministic, labelled synthetic everywhere.

:func:`generate` writes a dataset folder in the input format of ``docs/DESIGN.md`` §1. At ``scale=1`` it has
the shape of the real programme: exactly the published counts of partners by type (since 2018: 195 regional
governments, 128 education, 14 health, 2 financial and 3 government institutions, BP2MI press release of
14 March 2024), Kawan PMI in 9 provinces covering 175 regencies, Perwira PMI in 23 provinces, and 273,747
workers placed in 2023. ``scale=N`` makes about N times as many organizations, agreements, follow-ups and
programs over the same 38 provinces and 514 regencies. Placements keep the same totals per regency and year
at every scale (those of scale 1 for the seed); above scale 1 each total is split over destination
countries (``graphkit.synthetic._placements``), about 11 rows per total at scale 10 and 22 at scale 100, not
100: a regency sends to a few dozen countries at most. Every row has ``synthetic=true``.

The same ``seed``, ``scale`` and ``as_of`` give byte-identical files: one ``random.Random(seed)`` drives
everything, in a fixed order, and nothing depends on set or hash order or on the clock.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import textwrap
from dataclasses import dataclass
from pathlib import Path

from graphkit._errors import InputError
from graphkit.dataset._regions import Region, provinces, regencies
from graphkit.synthetic._agreements import (
    AGGREGATE_CUTOFF,
    Agreement,
    FollowUp,
    build_agreements,
    build_follow_ups,
)
from graphkit.synthetic._orgs import (
    OTHER_PARTNERS,
    PUBLISHED_PARTNERS,
    Orgs,
    build_organizations,
    regency_weight,
)
from graphkit.synthetic._orgs import top_sending_codes as _top
from graphkit.synthetic._placements import DESTINATIONS, breadth, by_destination
from graphkit.synthetic._programs import (
    KAWAN_PROVINCES,
    KAWAN_REGENCIES,
    NATIONAL_TOTALS,
    PERWIRA_PROVINCES,
    Program,
    build_placements,
    build_programs,
)

__all__ = ["generate", "GenerateSummary", "DEFAULT_SEED", "DEFAULT_AS_OF", "MAX_SCALE", "FILES"]

DEFAULT_SEED = 2018
#: Last day of the generated history (no signing, follow-up or program start after it).
DEFAULT_AS_OF = dt.date(2025, 12, 31)
MAX_SCALE = 1000
FILES = (
    "sources",
    "organizations",
    "agreements",
    "parties",
    "programs",
    "program_regions",
    "follow_ups",
    "placements",
)
SYNTHETIC_SOURCE = "synthetic"
MONEV_SOURCE = "bp2mi-2024-03-14-monev"
PLACEMENTS_SOURCE = "disway-2023-12-bp2mi-refleksi-akhir-tahun"
_TRUE = "true"


@dataclass(frozen=True)
class GenerateSummary:
    """What :func:`generate` wrote: the folder, the parameters and the number of rows per file."""

    path: Path
    seed: int
    scale: int
    as_of: dt.date
    sources: int
    organizations: int
    agreements: int
    parties: int
    programs: int
    program_regions: int
    follow_ups: int
    placements: int

    @property
    def counts(self) -> dict[str, int]:
        """Rows per file stem (``{"organizations": 388, ...}``), in the order the files are listed."""
        return {name: getattr(self, name) for name in FILES}

    def __str__(self) -> str:
        rows = ", ".join(f"{n} {name}" for name, n in self.counts.items())
        return f"{self.path}: synthetic dataset (seed {self.seed}, scale {self.scale}): {rows}"


def _check(seed: int, scale: int, as_of: dt.date) -> None:
    if isinstance(scale, bool) or not isinstance(scale, int) or not 1 <= scale <= MAX_SCALE:
        raise InputError(
            "generate", 0, "scale", f"must be a whole number from 1 to {MAX_SCALE}, not {scale!r}"
        )
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InputError("generate", 0, "seed", f"must be a whole number, not {seed!r}")
    if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
        raise InputError("generate", 0, "as_of", f"must be a date (YYYY-MM-DD), not {as_of!r}")
    if not dt.date(2019, 12, 31) <= as_of <= dt.date(2100, 12, 31):
        raise InputError("generate", 0, "as_of", f"must be between 2019-12-31 and 2100-12-31, not {as_of}")


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def generate(
    out: Path, *, scale: int = 1, seed: int = DEFAULT_SEED, as_of: dt.date | None = None
) -> GenerateSummary:
    """Write a synthetic dataset folder (eight CSV files and a README.txt) to ``out``.

    Parameters
    ----------
    out : Path
        Folder to write; created if missing. Files of the same names are overwritten, others left alone.
    scale : int, optional
        1 ("national", the published counts) up to 1000; N gives about N times the organizations,
        agreements, follow-ups and programs, and above 1 splits each placement total (the same at every
        scale) over destination countries.
    seed : int, optional
        Seed of the one ``random.Random`` used; the same seed, scale and as_of give identical bytes.
    as_of : datetime.date, optional
        Last day of the generated history (default 2025-12-31; at least 2019-12-31). Placements cover the
        full years 2019 up to it.

    Returns
    -------
    GenerateSummary
        The folder and the number of rows written per file.

    Raises
    ------
    InputError
        If ``scale``, ``seed`` or ``as_of`` is out of range.
    """
    as_of = DEFAULT_AS_OF if as_of is None else as_of
    _check(seed, scale, as_of)
    out = Path(out)
    rng = random.Random(seed)
    provs, regs = provinces(), regencies()
    orgs, agreements, follow_ups, programs = _build(rng, scale, provs, regs, as_of)
    if scale == 1:
        placements = [(code, year, "", n) for code, year, n in build_placements(rng, regs, as_of)]
    else:  # the scale-1 totals of this seed, split by destination: the same totals at every scale
        national = random.Random(seed)
        _build(national, 1, provs, regs, as_of)
        placements = by_destination(rng, build_placements(national, regs, as_of), scale)

    tables: dict[str, list[list[str]]] = {
        "sources": [
            ["id", "title", "publisher", "published_on", "url", "note", "synthetic"],
            *_sources(seed, scale),
        ],
        "organizations": [["id", "name", "type", "region", "aliases", "source_id", "synthetic"]]
        + [[o.id, o.name, o.type, o.region, o.aliases, SYNTHETIC_SOURCE, _TRUE] for o in orgs.all],
        "agreements": [
            [
                "id",
                "kind",
                "signed_on",
                "number",
                "title",
                "expires_on",
                "parent_id",
                "scopes",
                "source_id",
                "synthetic",
            ]
        ]
        + [
            [
                a.id,
                a.kind,
                _iso(a.signed),
                a.number,
                a.title,
                _iso(a.expires),
                a.parent.id if a.parent else "",
                ";".join(a.scopes),
                SYNTHETIC_SOURCE,
                _TRUE,
            ]
            for a in agreements
        ],
        "parties": [["agreement_id", "organization_id", "role", "synthetic"]]
        + [[a.id, org.id, role, _TRUE] for a in agreements for org, role in a.parties],
        "programs": [["id", "name", "kind", "started_on", "source_id", "synthetic"]]
        + [[p.id, p.name, p.kind, _iso(p.started), SYNTHETIC_SOURCE, _TRUE] for p in programs],
        "program_regions": [["program_id", "region", "since", "organization_id", "synthetic"]]
        + [[p.id, code, _iso(since), who, _TRUE] for p in programs for code, since, who in p.regions],
        "follow_ups": [
            ["id", "agreement_id", "kind", "date", "region", "description", "source_id", "synthetic"]
        ]
        + [
            [f.id, f.agreement.id, f.kind, _iso(f.date), f.region, f.description, SYNTHETIC_SOURCE, _TRUE]
            for f in follow_ups
        ],
        "placements": [["region", "year", "destination", "workers", "synthetic"]]
        + [[code, str(year), where, str(workers), _TRUE] for code, year, where, workers in placements],
    }
    if scale == 1:  # totals only: no destination column
        tables["placements"] = [row[:2] + row[3:] for row in tables["placements"]]
    out.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        (out / f"{name}.csv").write_bytes(_csv(tables[name]).encode("utf-8"))
    summary = GenerateSummary(out, seed, scale, as_of, **{name: len(tables[name]) - 1 for name in FILES})
    (out / "README.txt").write_bytes(_readme(summary).encode("utf-8"))
    return summary


def _build(
    rng: random.Random, scale: int, provs: list[Region], regs: list[Region], as_of: dt.date
) -> tuple[Orgs, list[Agreement], list[FollowUp], list[Program]]:
    """Organizations, agreements, follow-ups and programs, drawn from ``rng`` in this fixed order."""
    orgs = build_organizations(rng, scale, provs, regs)
    agreements = build_agreements(rng, scale, orgs, as_of)
    top = _top(regs)
    places = [r.code for r in regs]
    follow_ups = build_follow_ups(rng, agreements, places, [regency_weight(r, top) for r in regs], as_of)
    programs = build_programs(rng, scale, orgs, provs, regs, as_of)
    return orgs, agreements, follow_ups, programs


def _sources(seed: int, scale: int) -> list[list[str]]:
    return [
        [
            SYNTHETIC_SOURCE,
            f"Synthetic dataset generated by graphkit (seed {seed}, scale {scale}) — not real data",
            "graphkit",
            "",
            "",
            "Every organization id, agreement, party, follow-up, program row and placement figure in this "
            "dataset is invented; only the aggregate counts match published figures (see README.txt).",
            _TRUE,
        ],
        [
            MONEV_SOURCE,
            "Rapat monitoring dan evaluasi kerja sama BP2MI",
            "BP2MI (Humas)",
            "2024-03-14",
            "",
            "Real press release cited for the aggregates this synthetic dataset matches: since 2018 BP2MI "
            "had cooperation agreements with 195 regional governments, 128 education, 14 health, "
            "2 financial and 3 government institutions.",
            _TRUE,
        ],
        [
            PLACEMENTS_SOURCE,
            "Selama 2023, BP2MI Berangkatkan 273.747 PMI Bekerja di Luar Negeri",
            "Disway",
            "",
            "",
            "Real article (BP2MI year-end reflection of 29 December 2023) cited for the 2023 national "
            "placement total (273,747) that the synthetic placements.csv sums to; also Kawan PMI in "
            "9 provinces covering 175 regencies and Perwira PMI in 23 provinces.",
            _TRUE,
        ],
    ]


def _para(*lines: str, indent: str = "") -> str:
    return textwrap.fill(
        " ".join(lines), width=100, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    )


def _destinations(scale: int) -> str:
    """The README paragraph on placements by destination country (none at scale 1: totals only)."""
    countries = ", ".join(name for name, _ in DESTINATIONS[:10])
    return _para(
        "Placements by destination country: BP2MI publishes its statistics by region of origin and by",
        "destination country, so at this scale each regency's total for a year (the same totals as at",
        "scale 1 with this seed, so reports stay comparable across scales) is split over destination",
        f"countries ({countries}, ... {len(DESTINATIONS)} in all), one row per regency, year and",
        "destination. The countries are real; their weights, each regency's preference among them and",
        "every figure per destination are INVENTED. The number of destinations grows with the scale",
        f"(about {breadth(scale):.0f} for a regency-year of median size at scale {scale}) and with the",
        "regency's total, capped by the total and by the country list. A regency sends to a few dozen",
        "countries at most, so this file does not grow 100-fold at scale 100 (that would double the",
        "graph and push the database server past its memory target). A regency-year with 0 workers keeps",
        "one row with an empty destination: its total, nothing to break down.",
    )


def _readme(summary: GenerateSummary) -> str:
    counts = "\n".join(f"  {name + '.csv':<22}{n:>9,} rows" for name, n in summary.counts.items())
    kinds = [(kind.replace("_", " "), n) for kind, n in PUBLISHED_PARTNERS.items()]
    published = ", ".join(f"{n} {kind}" for kind, n in kinds)
    scaled = ", ".join(f"{n * summary.scale} {kind}" for kind, n in kinds)
    as_of = summary.as_of.isoformat()
    header = f"""SYNTHETIC DATA - NOT REAL
=========================

This folder was generated by graphkit's synthetic generator (graphkit.synthetic._generate.generate):
  seed  = {summary.seed}
  scale = {summary.scale}
  as_of = {as_of} (last day of the generated history)
Regenerate it with `graphkit generate` and the same seed, scale and as-of, or in Python:
  generate(Path("..."), scale={summary.scale}, seed={summary.seed}, as_of=date.fromisoformat("{as_of}"))
The same seed, scale and as-of always give byte-identical files.
"""
    body = [
        _para(
            "Every CSV file has a column synthetic=true on every row, so every node loaded from it says it",
            "is synthetic. Organization ids (syn-org-..., syn-upt-...), agreements, parties, numbers, dates,",
            "follow-ups, programs' regions and placement figures are INVENTED. Region names are the real",
            "reference regions (38 provinces, 514 regencies). Institution names follow real naming patterns",
            "(Pemerintah Kabupaten X, SMK Negeri 1 X, RSUD X), so they may coincide with real ones, and",
            "BP2MI, a few national bodies and international organizations appear by their real names: every",
            "agreement, party, date and follow-up attributed to them here is invented all the same.",
        ),
        "Published aggregates matched (sources.csv cites them)\n"
        "-----------------------------------------------------\n"
        + _para(
            "- BP2MI press release 'Rapat monitoring dan evaluasi kerja sama' (BP2MI Humas, 2024-03-14):",
            f"since 2018 BP2MI had cooperation agreements with {published} institutions. At scale 1 exactly",
            "that many organizations of each type are party to at least one agreement; at scale",
            f"{summary.scale} there are {scaled}. Each signs its first MoU between 2018-01-08 and",
            f"{AGGREGATE_CUTOFF.isoformat()} (before the press release), several partners per signing",
            "ceremony; renewals, PKS and follow-ups come later. BP2MI and its 23 synthetic BP3MI units are",
            f"type agency; {', '.join(OTHER_PARTNERS)} partners are extra, outside the published count.",
            indent="  ",
        ).replace("  -", "-", 1),
        _para(
            "- BP2MI year-end reflection of 29 December 2023 (as reported by Disway): the 2023 rows of",
            f"placements.csv sum to exactly {NATIONAL_TOTALS[2023]:,} workers; Kawan PMI is active in",
            f"{KAWAN_PROVINCES} provinces covering {KAWAN_REGENCIES} regencies, Perwira PMI in",
            f"{PERWIRA_PROVINCES} provinces. Other years' national totals only follow the COVID-19 dip and",
            "recovery; they are not published figures.",
            indent="  ",
        ).replace("  -", "-", 1),
        _para(
            "Not matched to anything published: which regencies partner, dates, expiry terms (about 60%",
            "written, mostly 5 years, some 3; the rest are assumed to run 5 years), scopes, follow-ups (a",
            "minority of agreements on purpose: the 2024 monitoring found little follow-up), programs",
            "beyond the four national ones, per-regency placements.",
        ),
        *([_destinations(summary.scale)] if summary.scale > 1 else []),
        f"Files\n-----\n{counts}",
    ]
    return header + "\n" + "\n\n".join(body) + "\n"
