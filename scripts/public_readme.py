# ruff: noqa: E501  (markdown lines of the generated README are kept whole for reading)
"""Counts, the completeness statement and the README of graphkit/data/public (used by build_public.py).

The completeness table is computed from the dataset's own rows, so README and data cannot disagree
(tests/dataset/test_public_data.py parses the table back and recounts).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

#: Published aggregates: (label, as of, {type: partners}, url or None, how the research found it)
MONITORING_2024 = {"regional_government": 195, "education": 128, "health": 14, "financial": 2, "government": 3}
MONITORING_DAY = "2024-03-14"
MONITORING_URL = ("https://www.bp2mi.go.id/berita-detail/gelar-rapat-evaluasi-kerja-sama-sekretaris-utama-"
                  "bp2mi-perlu-pemantauan-dan-asistensi")  # fmt: skip
APRIL_2022_DAY = "2022-04-05"
APRIL_2022 = 88
APRIL_2022_URLS = (
    "https://wartaekonomi.co.id/read405407/bersama-6-kepala-daerah-bp2mi-memperkuat-kerja-sama-untuk-pmi-di-daerah",
    "https://lingkarpena.id/bp2mi-teken-mou-dengan-daerah-sekat-ruang-gerak-pmi-ilegal/",
)
JUNE_2022_DAY = "2022-06-16"
JUNE_2022 = {"regional_government": 90, "education": 49}
JUNE_2022_URL = ("https://humas.cilacapkab.go.id/cegah-perdagangan-manusia-bagi-pekerja-migran-pemkab-cilacap-"
                 "teken-nota-kesepakatan-bersama-bp2mi/")  # fmt: skip
TYPES = ("regional_government", "education", "health", "financial", "government")


def named_by(orgs: dict[str, dict[str, Any]], agreements: list[dict[str, Any]], parties: list[dict[str, Any]],
             until: str | None = None) -> Counter[str]:  # fmt: skip
    """Partners (not BP2MI's own units) named as party to an agreement signed on or before ``until``."""
    signed = {a["id"] for a in agreements if until is None or a["signed_on"] <= until}
    ids = {p["organization_id"] for p in parties if p["agreement_id"] in signed}
    return Counter(orgs[i]["type"] for i in ids if orgs[i]["type"] != "agency")


def completeness(orgs, agreements, parties) -> tuple[str, list[tuple[str, int, int, int]]]:
    """The one-line statement and the table rows (type, reported March 2024, named by then, named all years)."""
    by_then = named_by(orgs, agreements, parties, MONITORING_DAY)
    ever = named_by(orgs, agreements, parties)
    rows = [(t, MONITORING_2024[t], by_then[t], ever[t]) for t in TYPES]
    n, m = sum(r[2] for r in rows), sum(r[1] for r in rows)
    statement = (f"names {n} of the {m} partners reported (BP2MI monitoring {MONITORING_DAY}: partners since "
                 f"2018, {sum(ever.values())} named up to today); a regency with no agreement here had none "
                 f"found in public reporting, not necessarily none signed")  # fmt: skip
    return statement, rows


def readme(stats: dict[str, Any], orgs, agreements, parties, follow_ups, programs, program_regions,
           summary: dict[str, Any]) -> str:  # fmt: skip
    statement, rows = completeness(orgs, agreements, parties)
    april = named_by(orgs, agreements, parties, APRIL_2022_DAY)["regional_government"]
    june = named_by(orgs, agreements, parties, JUNE_2022_DAY)
    types = Counter(o["type"] for o in orgs.values())
    regencies = {o["region"] for o in orgs.values() if o["type"] == "regional_government" and "." in o["region"]}
    years = sorted({a["signed_on"][:4] for a in agreements})
    per_year = Counter(a["signed_on"][:4] for a in agreements)
    multi = sum(1 for a in agreements if a["source_ids"])
    fu_kinds = Counter(f["kind"] for f in follow_ups)
    lines = [
        "# Public dataset: BP2MI cooperation agreements in public reporting, 2018 to today",
        "",
        "A **real** dataset in the graphkit input format (`docs/DESIGN.md` §1): the cooperation agreements",
        "(MoU / nota kesepakatan, PKS) of BP2MI, its regional units (BP3MI / UPT) and its successor ministry",
        "KP2MI (since late 2024) that national and regional news outlets, BP2MI's own site and partners' sites",
        "reported **with the partners' names**. Nothing here is synthetic. It is *not* complete: see",
        "[Completeness](#completeness) — every report on it says so.",
        "",
        "## How it was built",
        "",
        "Research assistants read public articles (through a search tool over stored web pages) and wrote one",
        "reviewed JSON record per article: facts in their own words, names and dates as evidence (at most a",
        "few words), region codes checked against `graphkit/data/regions.csv`. `scripts/build_public.py",
        "R1.jsonl R2.jsonl ...` turns them into these CSV files deterministically (the research records stay",
        "out of the repository; no article text is shipped, only each article's url, publisher and date):",
        "",
        "- one `sources.csv` row per article url that a row here cites; titles in our own words;",
        "- one agreement per partner, kind and signing event: records of the same partner and kind (a record",
        "  of kind `other` joins an MoU/PKS of that partner and date) whose dates",
        "  agree (to the coarser precision of the two) are one agreement; the other articles become",
        "  `source_ids` (`;`-separated), and the loader gives each its own `SOURCED_FROM`;",
        "- a date known only to the month/year is the 1st with `signed_on_precision` month/year; a record",
        "  without a date takes the date another article gives the same event (the note says so);",
        "- signings flagged as planned or unconfirmed are **not** agreements (listed below);",
        "- a region is never guessed: an ambiguous name (Blitar, Probolinggo, 'Pemkot Jember' where only",
        "  Kabupaten Jember 35.09 exists) keeps `region` empty with `region_candidates` and a review note;",
        "- follow-ups are linked to the agreement the article names, or else to the latest agreement of a",
        "  partner governing the follow-up's region; intentions (urged, pledged, planned) are not follow-ups.",
        "",
        "## Counts",
        "",
        "| what | count |",
        "|---|---|",
        f"| research records read (articles, lines of the JSON files) | {summary['read']} |",
        f"| distinct relevant article urls | {summary['relevant_urls']} |",
        f"| sources (articles cited by a row here) | {stats['sources']} |",
        f"| agreements | {len(agreements)} ({', '.join(f'{y}: {per_year[y]}' for y in years)}) |",
        f"| agreements reported by more than one article | {multi} |",
        f"| partner organizations (BP2MI units left out) | {sum(v for k, v in types.items() if k != 'agency')} |",
        "| partners by type | " + ", ".join(f"{k} {v}" for k, v in sorted(types.items()) if k != "agency")
        + " |",
        f"| regencies/cities as parties (distinct codes) | {len(regencies)} |",
        f"| follow-ups | {len(follow_ups)} ({', '.join(f'{k} {v}' for k, v in sorted(fu_kinds.items()))}) |",
        f"| programs / program regions | {len(programs)} / {len(program_regions)} |",
        f"| years of signing | {years[0]}–{years[-1]} |",
        "",
        "## Completeness",
        "",
        f"The dataset {statement}. This line is stored in `completeness.txt`; the loader puts it on the",
        "`:Dataset` node (`completeness`), and `graphkit report ...` prints it under the header line.",
        "",
        f"Published aggregate: BP2MI's monitoring and evaluation meeting of {MONITORING_DAY} ({MONITORING_URL}):",
        "since 2018, agreements with 195 regional governments, 128 education, 14 health, 2 financial and 3",
        "government institutions.",
        "",
        f"| partner type | reported by {MONITORING_DAY} | named here, signed by {MONITORING_DAY} | named here, all years |",
        "|---|---|---|---|",
        *(f"| {t} | {m} | {n} | {e} |" for t, m, n, e in rows),
        "",
        "The types are counted as the dataset types them; BP2MI's 'government' may count ministries that",
        "public reporting shows in greater number (ministry MoUs since 2024 are KP2MI's).",
        "",
        "| other published totals | reported | named here by then | source |",
        "|---|---|---|---|",
        f"| regional governments by {APRIL_2022_DAY} | {APRIL_2022} | {april} | "
        + " and ".join(APRIL_2022_URLS) + " (82 or 87 before + 6 that day; outlets differ) |",
        f"| regional governments by {JUNE_2022_DAY} | {JUNE_2022['regional_government']} | "
        f"{june['regional_government']} | {JUNE_2022_URL} |",
        f"| education institutions by {JUNE_2022_DAY} | {JUNE_2022['education']} | {june['education']} | "
        f"{JUNE_2022_URL} |",
        "",
        "The target of 260 regional governments (2022) has no published outcome the research found.",
        "",
        "### Signings known but not sourced with names or dates",
        "",
        "Records that report a signing without naming its partners, or without any date: counted only,",
        "never rows.",
        "",
        "| event (research id) | counts reported | source |",
        "|---|---|---|",
        *(f"| {u['event']} | {u.get('counts') or (str(u['partners']) + ' named, no date')} | {u['url']} |"
          for u in sorted(summary["unnamed"], key=lambda u: (u["event"] or "", u["source_id"]))),
        "",
        "### Reported as planned (not recorded as agreements)",
        "",
        "| event (research id) | partners | source | an agreement from another article |",
        "|---|---|---|---|",
        *(f"| {p['event']} | {'; '.join(p['partners'])} | {p['url']} | {'; '.join(p['confirmed']) or 'none'} |"
          for p in sorted(summary["planned"], key=lambda p: (p["event"] or "", p["source_id"]))),
        "",
        f"Follow-ups left out: {', '.join(f'{v} {k}' for k, v in sorted(summary['follow_ups_skipped'].items()))}.",
        "",
        "## In the demo and notebook 04",
        "",
        "`graphkit demo --real` loads this folder into a database of its own (`demo_real`), prints the",
        "coverage, isolated and centrality report heads, each with the completeness line, and writes the three",
        "maps to `<out>/real/maps/` beside the synthetic ones (`<out>/maps/`); the map banner shows the same",
        "line. Plain `graphkit demo` stays synthetic: it demonstrates the national scale the tool is built for,",
        "while this data covers part of the partners; `--real` is the switch, not the default.",
        "`notebooks/04_public_reporting.ipynb` asks what public reporting tells us.",
        "",
        "## Beside the news dataset",
        "",
        "`graphkit/data/news/` (five seed articles, 9 agreements) stays beside this one unchanged: it is the",
        "small hand-built example the tests and docs use; this dataset supersedes it for analysis.",
        "",
        "_Generated by scripts/build_public.py from the research records; edit the script, not this file._",
    ]
    return "\n".join(lines) + "\n"
