"""Synthetic organizations: BP2MI, its provincial units and the partners (see ``synthetic._generate``).

At scale 1 the partner counts by type are exactly the published aggregates (195 regional governments,
128 education, 14 health, 2 financial, 3 government institutions); at scale N they are N times as many,
with village (desa) governments once the ~550 provincial and regency governments run out.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from graphkit.dataset._regions import Region
from graphkit.synthetic._names import (
    INTERNATIONAL,
    NATIONAL_GOVERNMENT,
    TOP_SENDING,
    UPT_PROVINCES,
    NameBook,
    province_weight,
    regency_label,
    village_name,
    village_names,
    weighted_sample,
)

__all__ = ["Org", "Orgs", "PUBLISHED_PARTNERS", "build_organizations", "regency_weight", "top_sending_codes"]

#: Partners by type since 2018 (BP2MI press release of 14 March 2024): what scale 1 matches exactly.
PUBLISHED_PARTNERS: dict[str, int] = {
    "regional_government": 195,
    "education": 128,
    "health": 14,
    "financial": 2,
    "government": 3,
}
#: Partners of other types at scale 1 (not in the published aggregate; international capped by the list).
OTHER_PARTNERS: dict[str, int] = {"international": 4, "private": 8, "community": 10}
_PROVINCIAL_SHARE = 12 / 195  # provincial governments among the regional-government partners
_PEMDA_CAP = 0.9  # at most this share of all provincial/regency governments become partners
_VILLAGES_PER_KABUPATEN = 400
BP2MI_REGION = "31.74"  # Kota Administrasi Jakarta Selatan, where BP2MI's office is


@dataclass
class Org:
    """One organization row; ``province`` is the province code of ``region`` ('' when none)."""

    id: str
    name: str
    type: str
    region: str
    province: str
    aliases: str = ""
    village: bool = False


@dataclass
class Orgs:
    """All organizations, with the handles the agreement and program builders need."""

    bp2mi: Org
    upt: dict[str, Org]  # province code -> BP3MI unit
    partners: list[Org]  # every non-agency organization, in id order
    province_gov: dict[str, Org]  # province code -> provincial government partner

    @property
    def all(self) -> list[Org]:
        return [self.bp2mi, *self.upt.values(), *self.partners]


def top_sending_codes(regencies: list[Region]) -> dict[str, float]:
    """Regency code -> share of national placements, for the regencies in ``TOP_SENDING``."""
    index = {(r.province_code, r.kind, r.short_name): r.code for r in regencies}
    found: dict[str, float] = {}
    for province, kind, short, share in TOP_SENDING:
        code = index.get((province, kind, short))
        if code is None:
            raise LookupError(f"top sending regency {kind} {short} ({province}) is not in regions.csv")
        found[code] = share
    return found


def regency_weight(region: Region, top: dict[str, float]) -> float:
    """How likely a regency is to send workers (and so to partner with BP2MI)."""
    weight = province_weight(region.province_code) * (1.0 if region.kind == "kabupaten" else 0.5)
    return weight * (1.0 + 20.0 * top.get(region.code, 0.0))


def _autonomous(region: Region) -> bool:
    """Regencies with their own government (not Jakarta's administrative cities and regency)."""
    return region.province_code != "31"


def _scaled(count: int, scale: int) -> int:
    return count * scale


def build_organizations(
    rng: random.Random, scale: int, provinces: list[Region], regencies: list[Region]
) -> Orgs:
    """Create BP2MI, its 23 units and every partner; ids are ``syn-org-NNNNNN`` in creation order."""
    top = top_sending_codes(regencies)
    prov_by_code = {p.code: p for p in provinces}
    names = NameBook(rng)
    partners: list[Org] = []

    def add(name: str, kind: str, region: Region | None, aliases: str = "", village: bool = False) -> Org:
        code = region.code if region else "31"
        org = Org(f"syn-org-{len(partners) + 1:06d}", name, kind, code, code[:2], aliases, village)
        partners.append(org)
        return org

    bp2mi = Org(
        "bp2mi",
        "Badan Pelindungan Pekerja Migran Indonesia (BP2MI)",
        "agency",
        BP2MI_REGION,
        "31",
        "BP2MI;Badan Perlindungan Pekerja Migran Indonesia",
    )
    upt = {
        code: Org(
            f"syn-upt-{code}",
            f"Balai Pelayanan Pelindungan Pekerja Migran Indonesia (BP3MI) {prov_by_code[code].name}",
            "agency",
            code,
            code,
            f"BP3MI {prov_by_code[code].name};UPT BP2MI {prov_by_code[code].name}",
        )
        for code in UPT_PROVINCES
    }

    # Regional governments: provinces and regencies first, villages once they run out.
    eligible = [r for r in regencies if _autonomous(r)]
    wanted = _scaled(PUBLISHED_PARTNERS["regional_government"], scale)
    pemda = min(wanted, math.floor(_PEMDA_CAP * (len(provinces) + len(eligible))))
    n_prov = min(round(pemda * _PROVINCIAL_SHARE), math.floor(_PEMDA_CAP * len(provinces)))
    chosen_prov = weighted_sample(rng, provinces, [province_weight(p.code) for p in provinces], n_prov)
    forced = [r for r in eligible if r.code in top][: pemda - n_prov]
    rest = [r for r in eligible if r.code not in top]
    chosen_reg = forced + weighted_sample(
        rng, rest, [regency_weight(r, top) for r in rest], pemda - n_prov - len(forced)
    )
    province_gov: dict[str, Org] = {}
    for p in sorted(chosen_prov, key=lambda r: r.code):
        aliases = f"Pemprov {p.name}" if rng.random() < 0.5 else ""
        province_gov[p.code] = add(f"Pemerintah Provinsi {p.name}", "regional_government", p, aliases)
    for r in sorted(chosen_reg, key=lambda r: r.code):
        short = "Pemkab" if r.kind == "kabupaten" else "Pemkot"
        aliases = f"{short} {r.short_name}" if rng.random() < 0.5 else ""
        add(f"Pemerintah {regency_label(r)}", "regional_government", r, aliases)
    _add_villages(rng, wanted - pemda, regencies, top, add)

    # Other partner types, located in regencies drawn by sending weight (plus a floor everywhere).
    places = list(regencies)
    place_weights = [regency_weight(r, top) + 5.0 for r in places]

    def place() -> Region:
        return rng.choices(places, weights=place_weights)[0]

    def village_in(where: Region) -> str | None:
        """Above scale 1, some clinics and community groups are village-level (puskesmas, paguyuban)."""
        if scale > 1 and where.kind == "kabupaten" and rng.random() < 0.4:
            return village_name(rng)
        return None

    for _ in range(_scaled(PUBLISHED_PARTNERS["education"], scale)):
        where = place()
        add(names.education(where), "education", where)
    for _ in range(_scaled(PUBLISHED_PARTNERS["health"], scale)):
        where = place()
        add(names.health(where, village_in(where)), "health", where)
    for _ in range(_scaled(PUBLISHED_PARTNERS["financial"], scale)):
        where = place()
        add(names.financial(where), "financial", where)
    n_gov = _scaled(PUBLISHED_PARTNERS["government"], scale)
    for name, alias in NATIONAL_GOVERNMENT[:n_gov]:
        add(names.unique(name), "government", prov_by_code["31"], alias)
    for _ in range(n_gov - min(n_gov, len(NATIONAL_GOVERNMENT))):
        where = place()
        add(names.government(where), "government", where)
    n_intl = min(_scaled(OTHER_PARTNERS["international"], scale), len(INTERNATIONAL))
    for name, alias in INTERNATIONAL[:n_intl]:
        add(names.unique(name), "international", prov_by_code["31"], alias)
    for _ in range(_scaled(OTHER_PARTNERS["private"], scale)):
        where = place()
        add(names.private(where), "private", where)
    for _ in range(_scaled(OTHER_PARTNERS["community"], scale)):
        where = place()
        add(names.community(where, village_in(where)), "community", where)
    return Orgs(bp2mi, upt, partners, province_gov)


def _add_villages(
    rng: random.Random, count: int, regencies: list[Region], top: dict[str, float], add: Callable[..., Org]
) -> None:
    """Village (desa) governments in kabupaten, heavier where more workers come from."""
    if count <= 0:
        return
    kabupaten = [r for r in regencies if r.kind == "kabupaten" and _autonomous(r)]
    if count > _VILLAGES_PER_KABUPATEN * len(kabupaten):
        raise ValueError(f"scale too large: cannot place {count} village governments")
    weights = [regency_weight(r, top) ** 0.7 for r in kabupaten]
    per: Counter[int] = Counter(rng.choices(range(len(kabupaten)), weights=weights, k=count))
    overflow = sum(max(0, n - _VILLAGES_PER_KABUPATEN) for n in per.values())
    for i in list(per):
        per[i] = min(per[i], _VILLAGES_PER_KABUPATEN)
    order = list(range(len(kabupaten)))
    while overflow:
        i = rng.choice(order)
        if per[i] < _VILLAGES_PER_KABUPATEN:
            per[i] += 1
            overflow -= 1
    for i, regency in enumerate(kabupaten):
        for village in sorted(village_names(rng, per[i])) if per[i] else ():
            aliases = f"Pemdes {village}" if rng.random() < 0.3 else ""
            name = f"Pemerintah Desa {village}, {regency_label(regency)}"
            add(name, "regional_government", regency, aliases, village=True)
