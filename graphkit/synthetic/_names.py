"""Name material and weights for the synthetic generator (``graphkit.synthetic._generate``).

Everything here is plain data plus small deterministic helpers that take a ``random.Random``: no global
random state, no iteration over sets. Names are plausible Indonesian institution names built from the
reference regions; every organization id the generator writes starts with ``syn-`` so nobody mistakes
one for a real record.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from graphkit.dataset._regions import Region

__all__ = [
    "PROVINCE_WEIGHT",
    "TOP_SENDING",
    "UPT_PROVINCES",
    "INTERNATIONAL",
    "NATIONAL_GOVERNMENT",
    "province_weight",
    "regency_label",
    "village_names",
    "village_name",
    "weighted_sample",
    "NameBook",
]

#: Relative weight of each province as a source of migrant workers (shape only; not published figures).
PROVINCE_WEIGHT: dict[str, float] = {
    "35": 100,
    "33": 90,
    "32": 95,
    "52": 70,
    "18": 35,
    "12": 25,
    "53": 20,
    "51": 15,
    "36": 15,
    "73": 12,
    "16": 8,
    "61": 8,
    "34": 6,
    "21": 6,
    "31": 4,
    "11": 4,
    "13": 4,
    "14": 4,
    "15": 3,
    "17": 3,
    "63": 3,
    "64": 3,
    "65": 3,
    "72": 3,
    "74": 3,
    "19": 2,
    "71": 2,
    "76": 2,
    "62": 1,
    "75": 1,
    "81": 1,
    "82": 1,
}
_PAPUA_WEIGHT = 0.3  # provinces 9x
_DEFAULT_WEIGHT = 1.0

#: The biggest sending regencies: (province code, kind, short name, share of national placements).
TOP_SENDING: tuple[tuple[str, str, str, float], ...] = (
    ("32", "kabupaten", "Indramayu", 0.075),
    ("52", "kabupaten", "Lombok Timur", 0.060),
    ("32", "kabupaten", "Cirebon", 0.040),
    ("33", "kabupaten", "Cilacap", 0.040),
    ("52", "kabupaten", "Lombok Tengah", 0.040),
    ("35", "kabupaten", "Malang", 0.035),
    ("35", "kabupaten", "Blitar", 0.030),
    ("33", "kabupaten", "Kendal", 0.028),
    ("35", "kabupaten", "Ponorogo", 0.025),
    ("32", "kabupaten", "Cianjur", 0.025),
    ("35", "kabupaten", "Tulungagung", 0.025),
    ("32", "kabupaten", "Subang", 0.025),
    ("33", "kabupaten", "Brebes", 0.020),
    ("18", "kabupaten", "Lampung Timur", 0.020),
    ("35", "kabupaten", "Banyuwangi", 0.018),
    ("32", "kabupaten", "Karawang", 0.015),
    ("35", "kabupaten", "Kediri", 0.015),
    ("32", "kabupaten", "Majalengka", 0.015),
    ("52", "kabupaten", "Lombok Barat", 0.015),
    ("35", "kabupaten", "Jember", 0.015),
    ("32", "kabupaten", "Sukabumi", 0.014),
    ("52", "kabupaten", "Sumbawa", 0.012),
    ("33", "kabupaten", "Pati", 0.012),
    ("18", "kabupaten", "Lampung Tengah", 0.012),
    ("33", "kabupaten", "Grobogan", 0.010),
    ("33", "kabupaten", "Kebumen", 0.010),
    ("33", "kabupaten", "Banyumas", 0.010),
    ("35", "kabupaten", "Madiun", 0.008),
    ("35", "kabupaten", "Trenggalek", 0.008),
    ("52", "kabupaten", "Dompu", 0.008),
)

#: Provinces with a synthetic UPT (BP3MI) unit: 23, the big sending and transit provinces.
UPT_PROVINCES: tuple[str, ...] = (
    "11",
    "12",
    "13",
    "14",
    "15",
    "16",
    "17",
    "18",
    "21",
    "32",
    "33",
    "34",
    "35",
    "36",
    "51",
    "52",
    "53",
    "61",
    "64",
    "65",
    "71",
    "73",
    "74",
)

#: (name, aliases) of international organizations, in the order they are used as scale grows.
INTERNATIONAL: tuple[tuple[str, str], ...] = (
    ("International Organization for Migration (IOM)", "IOM;Organisasi Internasional untuk Migrasi"),
    ("International Labour Organization (ILO)", "ILO;Organisasi Perburuhan Internasional"),
    ("UN Women", ""),
    ("United Nations Office on Drugs and Crime (UNODC)", "UNODC"),
    ("Korea International Cooperation Agency (KOICA)", "KOICA"),
    ("Japan International Cooperation Agency (JICA)", "JICA"),
    ("United Nations Development Programme (UNDP)", "UNDP"),
    ("Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)", "GIZ"),
    ("Migrant Forum in Asia", "MFA"),
    ("Save the Children", ""),
    ("Plan International", ""),
    ("United Nations Children's Fund (UNICEF)", "UNICEF"),
)

#: National government bodies (type ``government``), the first three used at scale 1.
NATIONAL_GOVERNMENT: tuple[tuple[str, str], ...] = (
    ("Kementerian Ketenagakerjaan", "Kemnaker"),
    ("Direktorat Jenderal Imigrasi", "Ditjen Imigrasi"),
    ("Kepolisian Negara Republik Indonesia", "Polri"),
    ("Kementerian Luar Negeri", "Kemlu"),
    ("Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi", "Kemendes PDTT"),
    ("Kementerian Sosial", "Kemensos"),
    ("Kementerian Kesehatan", "Kemenkes"),
    ("Badan Pusat Statistik", "BPS"),
)

_VILLAGE_HEAD = (
    "Suka",
    "Sumber",
    "Karang",
    "Tanjung",
    "Mekar",
    "Sido",
    "Wono",
    "Margo",
    "Kali",
    "Banjar",
    "Tegal",
    "Pasir",
    "Ci",
    "Rejo",
    "Sri",
    "Jati",
    "Gunung",
    "Kebon",
    "Bojong",
    "Tirta",
    "Purwa",
    "Sari",
    "Mulya",
    "Batu",
)
_VILLAGE_TAIL = (
    "maju",
    "jaya",
    "sari",
    "mulyo",
    "rejo",
    "makmur",
    "asih",
    "harja",
    "agung",
    "wangi",
    "indah",
    "mukti",
    "rahayu",
    "tani",
    "baru",
    "asri",
    "luhur",
    "kencana",
    "raharja",
    "mekar",
    "kerta",
    "wetan",
    "sejati",
    "utama",
)
_VILLAGE_SIDE = ("", " Kidul", " Lor", " Wetan", " Kulon", " Tengah", " Baru", " Hilir", " Hulu", " Timur")

_WORDS = (
    "Bina",
    "Karya",
    "Mandiri",
    "Sejahtera",
    "Abadi",
    "Nusa",
    "Prima",
    "Duta",
    "Mitra",
    "Insan",
    "Cahaya",
    "Sinar",
    "Bakti",
    "Harapan",
    "Cendekia",
    "Mulia",
    "Utama",
    "Persada",
    "Citra",
    "Gemilang",
    "Amanah",
    "Berkah",
    "Putra",
    "Lestari",
)


def province_weight(code: str) -> float:
    """Relative sending weight of a province (by code)."""
    if code in PROVINCE_WEIGHT:
        return PROVINCE_WEIGHT[code]
    return _PAPUA_WEIGHT if code.startswith("9") else _DEFAULT_WEIGHT


def regency_label(region: Region) -> str:
    """``Kabupaten Indramayu``, ``Kota Palu``, ``Provinsi Jawa Timur``."""
    if region.level == "province":
        return f"Provinsi {region.name}"
    return f"{'Kabupaten' if region.kind == 'kabupaten' else 'Kota'} {region.short_name}"


def village_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct plausible village names (``Sukamaju``, ``Karangsari Kidul``) in random order.

    At most ``len(_VILLAGE_HEAD) * len(_VILLAGE_TAIL) * len(_VILLAGE_SIDE)`` (5,760) names.
    """
    pool = [h + t for h in _VILLAGE_HEAD for t in _VILLAGE_TAIL if h.lower() != t]
    base = rng.sample(pool, min(count, len(pool)))
    names = list(base)
    side = 1
    while len(names) < count and side < len(_VILLAGE_SIDE):
        names.extend(b + _VILLAGE_SIDE[side] for b in base[: count - len(names)])
        side += 1
    if len(names) < count:
        raise ValueError(f"cannot make {count} distinct village names")
    return names


def village_name(rng: random.Random) -> str:
    """One plausible village name (names may repeat between calls)."""
    return rng.choice(_VILLAGE_HEAD) + rng.choice(_VILLAGE_TAIL) + rng.choice(_VILLAGE_SIDE[:4])


class NameBook:
    """Hands out unique organization names; a repeated name gets a branch number."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.counters: dict[str, int] = {}

    def unique(self, name: str) -> str:
        """Return ``name`` or, if taken, ``name`` with the next free number (``... 2``)."""
        candidate, n = name, 1
        while candidate in self.used:
            n += 1
            candidate = f"{name} {n}"
        self.used.add(candidate)
        return candidate

    def numbered(self, stem: str, place: str) -> str:
        """``SMK Negeri 3 Indramayu``: the next number of ``stem`` in ``place``."""
        key = f"{stem}|{place}"
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.unique(f"{stem} {self.counters[key]} {place}")

    def words(self, k: int = 2) -> str:
        return " ".join(self.rng.sample(_WORDS, k))

    def education(self, place: Region) -> str:
        """A school, polytechnic, university or training institute in ``place``."""
        short = place.short_name
        pick = self.rng.random()
        if pick < 0.30:
            return self.numbered("SMK Negeri", short)
        if pick < 0.50:
            return self.unique(f"Lembaga Pelatihan Kerja {self.words()} {short}")
        if pick < 0.62:
            return self.unique(f"Politeknik {self.words(1)} {short}")
        if pick < 0.74:
            return self.unique(f"Universitas {self.words(1)} {short}")
        if pick < 0.84:
            return self.unique(f"Akademi Bahasa Asing {self.words(1)} {short}")
        if pick < 0.92:
            return self.unique(f"Sekolah Tinggi Ilmu Kesehatan {self.words(1)} {short}")
        return self.unique(f"Balai Latihan Kerja {short}")

    def health(self, place: Region, village: str | None = None) -> str:
        """A hospital, clinic, laboratory or (with ``village``) a puskesmas."""
        short = place.short_name
        if village is not None:
            return self.unique(f"Puskesmas {village}, {regency_label(place)}")
        pick = self.rng.random()
        if pick < 0.35:
            return self.unique(f"RSUD {short}")
        if pick < 0.60:
            return self.unique(f"Klinik Pratama {self.words(1)} {short}")
        if pick < 0.80:
            return self.unique(f"Laboratorium Klinik {self.words(1)} {short}")
        return self.unique(f"Rumah Sakit {self.words(1)} {short}")

    def financial(self, place: Region) -> str:
        """A rural bank (BPR) or a savings-and-loan cooperative."""
        short = place.short_name
        if self.rng.random() < 0.5:
            return self.unique(f"PT BPR {self.words(1)} Migran {short}")
        return self.unique(f"Koperasi Simpan Pinjam Purna PMI {self.words(1)} {short}")

    def government(self, place: Region) -> str:
        """A local office of a national body (immigration office, police resort, statistics office)."""
        label = regency_label(place)
        pick = self.rng.random()
        if pick < 0.4:
            return self.unique(f"Kantor Imigrasi {place.short_name}")
        if pick < 0.75:
            return self.unique(f"Kepolisian Resor {place.short_name}")
        return self.unique(f"Badan Pusat Statistik {label}")

    def private(self, place: Region) -> str:
        """A company (placement agency, training company)."""
        suffix = self.rng.choice(("Indonesia", "Nusantara", "Perkasa", "Internasional", place.short_name))
        return self.unique(f"PT {self.words(2)} {suffix}")

    def community(self, place: Region, village: str | None = None) -> str:
        """A migrant workers' union, returnee community, family association or foundation."""
        short = place.short_name
        if village is not None:
            return self.unique(f"Paguyuban Keluarga PMI Desa {village}, {regency_label(place)}")
        return self.unique(
            self.rng.choice(
                (
                    f"Serikat Buruh Migran {short}",
                    f"Komunitas Purna PMI {short}",
                    f"Yayasan Peduli Migran {self.words(1)} {short}",
                    f"Forum Relawan Migran {short}",
                )
            )
        )


def weighted_sample(rng: random.Random, items: Sequence, weights: Sequence[float], k: int) -> list:
    """``k`` distinct items drawn without replacement, heavier ones first (Efraimidis-Spirakis).

    Items with weight 0 are never drawn. Deterministic for a given ``rng`` state and input order.
    """
    keyed = []
    for index, (item, weight) in enumerate(zip(items, weights, strict=True)):
        if weight > 0:
            keyed.append((rng.random() ** (1.0 / weight), index, item))
    keyed.sort(key=lambda t: (-t[0], t[1]))
    return [item for _, _, item in keyed[:k]]
