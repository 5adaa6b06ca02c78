"""A small hand-built dataset where every coverage status occurs, and its statuses worked out by hand.

Story (dates inclusive; the assumed term is 5 years):

- A1 MoU 2020-03-10 .. 2023-03-10: BP2MI + Pemkab Tegal (33.28). F1 action plan 2021-05-01 in 33.28.
- A2 PKS 2022-01-01, no expires_on (assumed 2027-01-01): BP3MI Jawa Tengah (agency, province 33) + Pemkot
  Tegal (33.76). No follow-up.
- A3 MoU 2021-06-01 .. 2024-06-01: BP2MI + Pemprov Jawa Barat (province 32).
- A4 MoU 2022-06-15 .. 2025-06-15: BP2MI + Politeknik Cirebon (education, located in 32.09).
  F2 training, no date (counts from 2022-06-15), region 32.09; F3 service 2023-01-20 in 32.12 (Indramayu).
- A5 MoU 2018-01-01 .. 2019-01-01: BP2MI + Pemkab Lombok Timur (52.03).
- A6 MoU 2024-01-01 .. 2029-01-01: BP2MI + Pemkab Cilacap (33.01).
- P1 LTSA (started 2019-01-01) in 33.29 Brebes since 2022-09-01; P2 Kawan PMI (started 2023-03-01) in the
  province 52 (NTB) with no since (counts from the program's start).
- BP2MI is located in 31.74 (Kota Jakarta Selatan): an agency reaches nothing, so 31.74 stays isolated.
- Placements: 33.29 120 (2023, 100 in 2022), 32.12 500, 52.03 50, 33.28 300, 32.09 80 (2023).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from graphkit.dataset._regions import regencies

TABLES: dict[str, list[list[str]]] = {
    "organizations.csv": [
        ["id", "name", "type", "region"],
        ["bp2mi", "BP2MI", "agency", "31.74"],
        ["upt-33", "BP3MI Jawa Tengah", "agency", "33"],
        ["pemkab-tegal", "Pemerintah Kabupaten Tegal", "regional_government", "33.28"],
        ["pemkot-tegal", "Pemerintah Kota Tegal", "regional_government", "33.76"],
        ["pemkab-brebes", "Pemerintah Kabupaten Brebes", "regional_government", "33.29"],
        ["pemprov-jabar", "Pemerintah Provinsi Jawa Barat", "regional_government", "32"],
        ["poltek-cirebon", "Politeknik Cirebon", "education", "32.09"],
        ["pemkab-lotim", "Pemerintah Kabupaten Lombok Timur", "regional_government", "52.03"],
        ["pemkab-cilacap", "Pemerintah Kabupaten Cilacap", "regional_government", "33.01"],
        ["kawan", "Kawan PMI", "community", ""],
    ],
    "agreements.csv": [
        ["id", "kind", "signed_on", "expires_on", "title"],
        ["A1", "mou", "2020-03-10", "2023-03-10", "MoU Tegal"],
        ["A2", "pks", "2022-01-01", "", "PKS Kota Tegal"],
        ["A3", "mou", "2021-06-01", "2024-06-01", "MoU Jawa Barat"],
        ["A4", "mou", "2022-06-15", "2025-06-15", "MoU Politeknik Cirebon"],
        ["A5", "mou", "2018-01-01", "2019-01-01", "MoU Lombok Timur"],
        ["A6", "mou", "2024-01-01", "2029-01-01", "MoU Cilacap"],
    ],
    "parties.csv": [
        ["agreement_id", "organization_id", "role"],
        ["A1", "bp2mi", "first_party"], ["A1", "pemkab-tegal", "second_party"],
        ["A2", "upt-33", "first_party"], ["A2", "pemkot-tegal", "second_party"],
        ["A3", "bp2mi", "first_party"], ["A3", "pemprov-jabar", "second_party"],
        ["A4", "bp2mi", "first_party"], ["A4", "poltek-cirebon", "second_party"],
        ["A5", "bp2mi", "first_party"], ["A5", "pemkab-lotim", "second_party"],
        ["A6", "bp2mi", "first_party"], ["A6", "pemkab-cilacap", "second_party"],
    ],  # fmt: skip
    "follow_ups.csv": [
        ["id", "agreement_id", "kind", "date", "region", "description"],
        ["F1", "A1", "action_plan", "2021-05-01", "33.28", "Rencana aksi"],
        ["F2", "A4", "training", "", "32.09", "Pelatihan bahasa"],
        ["F3", "A4", "service", "2023-01-20", "32.12", "Layanan terpadu"],
    ],
    "programs.csv": [
        ["id", "name", "kind", "started_on"],
        ["P1", "LTSA", "service", "2019-01-01"],
        ["P2", "Kawan PMI", "community", "2023-03-01"],
    ],
    "program_regions.csv": [
        ["program_id", "region", "since", "organization_id"],
        ["P1", "33.29", "2022-09-01", "pemkab-brebes"],
        ["P2", "52", "", "kawan"],
    ],
    "placements.csv": [
        ["region", "year", "workers"],
        ["33.29", "2022", "100"], ["33.29", "2023", "120"], ["32.12", "2023", "500"],
        ["52.03", "2023", "50"], ["33.28", "2023", "300"], ["32.09", "2023", "80"],
    ],  # fmt: skip
}


def write_dataset(folder: Path, *, placements: bool = True) -> Path:
    """Write the CSV files into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in TABLES.items():
        if name == "placements.csv" and not placements:
            continue
        with (folder / name).open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(rows)
    return folder


def _province(code: str) -> set[str]:
    return {r.code for r in regencies() if r.province_code == code}


JABAR = _province("32")
NTB = _province("52")

#: Hand-worked statuses per date: {day: {code: status}}; every regency not listed is isolated.
EXPECTED: dict[dt.date, dict[str, str]] = {
    # A1's signing day: reached, nothing done yet. A5 expired 2019-01-01.
    dt.date(2020, 3, 10): {"33.28": "idle", "52.03": "lapsed"},
    # F1's date: the follow-up counts on its own day. A3 (Jawa Barat) not signed yet.
    dt.date(2021, 5, 1): {"33.28": "active", "52.03": "lapsed"},
    # F3's date: Indramayu reached by A4's follow-up on that day; A4 is active through undated F2; the
    # rest of Jawa Barat is provincial through A3; Brebes has P1 since 2022-09-01; P2 not started yet.
    dt.date(2023, 1, 20): {
        **dict.fromkeys(JABAR, "provincial"),
        "32.09": "active", "32.12": "active", "33.28": "active", "33.76": "idle",
        "33.29": "program_only", "52.03": "lapsed",
    },
    # A1's expiry day: still in force. P2 started 2023-03-01 in NTB: program_only beats lapsed.
    dt.date(2023, 3, 10): {
        **dict.fromkeys(JABAR, "provincial"), **dict.fromkeys(NTB, "program_only"),
        "32.09": "active", "32.12": "active", "33.28": "active", "33.76": "idle", "33.29": "program_only",
    },
    # The day after A1's expiry: Kabupaten Tegal has lapsed.
    dt.date(2023, 3, 11): {
        **dict.fromkeys(JABAR, "provincial"), **dict.fromkeys(NTB, "program_only"),
        "32.09": "active", "32.12": "active", "33.28": "lapsed", "33.76": "idle", "33.29": "program_only",
    },
    # The day after A3's expiry (2024-06-01): Jawa Barat's province agreement is gone; A6 signed 2024-01-01.
    dt.date(2024, 6, 2): {
        **dict.fromkeys(NTB, "program_only"),
        "32.09": "active", "32.12": "active", "33.28": "lapsed", "33.76": "idle", "33.29": "program_only",
        "33.01": "idle",
    },
    # A2's assumed expiry day, then the day after; A4 expired 2025-06-15 (32.09 and 32.12 lapsed).
    dt.date(2027, 1, 1): {
        **dict.fromkeys(NTB, "program_only"),
        "32.09": "lapsed", "32.12": "lapsed", "33.28": "lapsed", "33.76": "idle", "33.29": "program_only",
        "33.01": "idle",
    },
    dt.date(2027, 1, 2): {
        **dict.fromkeys(NTB, "program_only"),
        "32.09": "lapsed", "32.12": "lapsed", "33.28": "lapsed", "33.76": "lapsed", "33.29": "program_only",
        "33.01": "idle",
    },
}  # fmt: skip


def expected(day: dt.date) -> dict[str, str]:
    """Every regency's hand-worked status on ``day`` (one of :data:`EXPECTED`'s dates)."""
    return {r.code: EXPECTED[day].get(r.code, "isolated") for r in regencies()}
