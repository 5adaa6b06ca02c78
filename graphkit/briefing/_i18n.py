"""The brief's words in Indonesian (``id``, default) and English (``en``), and number formats."""

from __future__ import annotations

__all__ = ["TEXT", "LANGS", "fmt_int", "fmt_pct", "text"]

LANGS = ("id", "en")

TEXT: dict[str, dict[str, str]] = {
    "title": {"id": "Ringkasan perencanaan kerja sama BP2MI", "en": "BP2MI cooperation planning brief"},
    "as_of": {"id": "per", "en": "as of"},
    "dataset": {"id": "dataset", "en": "dataset"},
    "synthetic_banner": {
        "id": "DATA SINTETIS (SYNTHETIC) — bukan perjanjian nyata; hanya untuk uji dan demonstrasi",
        "en": "SYNTHETIC DATA — not real agreements; for testing and demonstration only",
    },
    "synthetic_short": {"id": "SYNTHETIC · data sintetis", "en": "SYNTHETIC data"},
    "real_short": {"id": "Data nyata", "en": "Real data"},
    "headline": {"id": "Angka utama", "en": "Headline figures"},
    "reached": {
        "id": "kabupaten/kota dijangkau perjanjian yang berlaku",
        "en": "regencies reached by an agreement in force",
    },
    "of_regencies": {"id": "dari {n} kabupaten/kota", "en": "of {n} regencies"},
    "workers_share": {
        "id": "PMI yang ditempatkan berasal dari daerah yang dijangkau",
        "en": "of placed workers come from reached regencies",
    },
    "no_placements": {"id": "tidak ada data penempatan", "en": "no placement data"},
    "in_force": {"id": "perjanjian berlaku", "en": "agreements in force"},
    "idle_share": {
        "id": "perjanjian berlaku belum punya tindak lanjut",
        "en": "of agreements in force have no follow-up yet",
    },
    "expiring6": {"id": "perjanjian berakhir dalam 6 bulan", "en": "agreements expire within 6 months"},
    "status_counts": {"id": "Status cakupan", "en": "Coverage status"},
    "provinces": {"id": "Cakupan per provinsi", "en": "Coverage by province"},
    "provinces_note": {
        "id": "Jumlah kabupaten/kota per status; angka di kanan: persen dijangkau.",
        "en": "Regencies per status; right: share reached.",
    },
    "map": {"id": "Peta provinsi", "en": "Province map"},
    "map_note": {
        "id": "Lingkaran di ibu kota provinsi, ukuran = jumlah kabupaten/kota, warna = persen "
        "kabupaten/kota yang dijangkau. Garis pantai: Natural Earth; batas provinsi perkiraan.",
        "en": "Circles at province capitals, size = number of regencies, colour = share of "
        "regencies reached. Coastline: Natural Earth; province borders approximate.",
    },
    "gaps": {
        "id": "Celah terbesar menurut kebutuhan, dengan jalur terbaik",
        "en": "Top gaps by need, each with its best approach path",
    },
    "gaps_note": {
        "id": "Kabupaten/kota yang tidak dijangkau perjanjian berlaku, diurutkan menurut jumlah "
        "PMI yang ditempatkan (tahun terakhir). Aturan jalur: docs/DESIGN.md §7.",
        "en": "Regencies no agreement in force reaches, ranked by placed workers (latest year). "
        "Path rules: docs/DESIGN.md §7.",
    },
    "expiring": {"id": "Perjanjian yang berakhir dalam 6 bulan", "en": "Agreements expiring within 6 months"},
    "changes": {"id": "Perubahan sejak", "en": "Changes since"},
    "gained": {"id": "kabupaten/kota mulai dijangkau", "en": "regencies newly reached"},
    "lost": {"id": "kabupaten/kota tidak lagi dijangkau", "en": "regencies no longer reached"},
    "changed": {"id": "perubahan status lain", "en": "other status changes"},
    "signed": {"id": "perjanjian ditandatangani", "en": "agreements signed"},
    "expired": {"id": "perjanjian berakhir", "en": "agreements expired"},
    "followed_up": {"id": "perjanjian ditindaklanjuti", "en": "agreements followed up"},
    "movers": {
        "id": "Pergeseran peringkat sentralitas (betweenness)",
        "en": "Centrality rank movers (betweenness)",
    },
    "none": {"id": "tidak ada", "en": "none"},
    "more": {"id": "dan {n} lainnya", "en": "and {n} more"},
    "rank": {"id": "No", "en": "#"},
    "regency": {"id": "Kabupaten/kota", "en": "Regency"},
    "province": {"id": "Provinsi", "en": "Province"},
    "status": {"id": "Status", "en": "Status"},
    "placements": {"id": "PMI", "en": "Placed"},
    "contact": {"id": "Hubungi", "en": "Contact"},
    "why": {"id": "Alasan", "en": "Why"},
    "no_path": {"id": "belum ada jalur dalam data", "en": "no path in the data"},
    "agreement": {"id": "Perjanjian", "en": "Agreement"},
    "expires": {"id": "Berakhir", "en": "Expires"},
    "days": {"id": "hari", "en": "days"},
    "parties": {"id": "Pihak", "en": "Parties"},
    "regions": {"id": "Wilayah", "en": "Regions"},
    "follow_up": {"id": "Tindak lanjut", "en": "Follow-up"},
    "from_to": {"id": "Dari → ke", "en": "From → to"},
    "reason": {"id": "Sebab", "en": "Reason"},
    "organization": {"id": "Organisasi", "en": "Organization"},
    "assumed": {"id": "perkiraan", "en": "assumed"},
    "method": {"id": "Cara membaca", "en": "How to read this"},
    "method_text": {
        "id": "Perjanjian berlaku sejak tanggal tanda tangan sampai tanggal berakhir (keduanya termasuk); "
        "tanpa tanggal berakhir dianggap berlaku {term} tahun (\u201cperkiraan\u201d). Kabupaten/kota "
        "dijangkau bila salah satu pihak (selain BP2MI) memerintah atau berada di sana, atau ada "
        "tindak lanjut di sana (docs/DESIGN.md §3).",
        "en": "An agreement is in force from its signing day to its expiry day, both included; one without "
        "an expiry date is assumed to run {term} years (\u201cassumed\u201d). A regency is reached "
        "when a party other than BP2MI governs or is located in it, or a follow-up is there "
        "(docs/DESIGN.md §3).",
    },
    "generated": {"id": "dibuat oleh graphkit", "en": "made by graphkit"},
    "share_reached": {"id": "dijangkau", "en": "reached"},
    "up": {"id": "naik", "en": "up"},
    "down": {"id": "turun", "en": "down"},
    "rank_from": {"id": "peringkat awal", "en": "rank before"},
    "rank_to": {"id": "peringkat akhir", "en": "rank after"},
}

STATUS_TEXT = {
    "active": {"id": "aktif", "en": "active"},
    "idle": {"id": "belum ditindaklanjuti", "en": "idle"},
    "provincial": {"id": "lewat provinsi", "en": "provincial"},
    "program_only": {"id": "hanya program", "en": "program only"},
    "lapsed": {"id": "kedaluwarsa", "en": "lapsed"},
    "isolated": {"id": "terisolasi", "en": "isolated"},
}


def text(key: str, lang: str, **values: object) -> str:
    """The phrase ``key`` in ``lang`` with ``{name}`` placeholders filled.

    >>> text("of_regencies", "en", n=514), text("of_regencies", "id", n=514)
    ('of 514 regencies', 'dari 514 kabupaten/kota')
    """
    phrase = (STATUS_TEXT.get(key) or TEXT[key])[lang]
    return phrase.format(**values) if values else phrase


def fmt_int(value: int, lang: str) -> str:
    """A whole number with the language's thousands separator.

    >>> fmt_int(273747, "id"), fmt_int(273747, "en"), fmt_int(12, "id")
    ('273.747', '273,747', '12')
    """
    s = f"{value:,}"
    return s.replace(",", ".") if lang == "id" else s


def fmt_pct(share: float, lang: str) -> str:
    """A share (0-1) as a percentage with one decimal, in the language's decimal mark.

    >>> fmt_pct(0.4531, "id"), fmt_pct(0.4531, "en"), fmt_pct(1, "en")
    ('45,3%', '45.3%', '100.0%')
    """
    s = f"{share * 100:.1f}%"
    return s.replace(".", ",") if lang == "id" else s
