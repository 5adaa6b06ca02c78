"""Which dataset row a new article's signing joins: lookups over the tables being merged (organizations by
region or name, agreements by their partners, sources by id, url and file name), kept up to date as rows
are added, so merging stays linear.

Same partner + same date (or same event) + same kind = the same agreement, whoever signed for the
government (BP2MI, KP2MI or BNP2TKI: an older draft may name another of them). The partner is the same
organization or, for a regional government, the same region code. A ``day`` and a ``day_inferred`` date
agree when they are the same day; a ``year`` or ``month`` date agrees with a finer one inside it only with a
review note (a row dated to its year or month takes the day of a report that joins it, with a note), and
when several rows fit, none is taken (a note names them). An MoU and a PKS of the same day
stay two rows; a kind not named (``other``) joins a named one, with a note.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from graphkit.extraction._partners import slug

__all__ = ["AGENCY_IDS", "Match", "MergeIndex", "org_keys", "split"]

AGENCY_IDS = frozenset({"bp2mi", "kp2mi", "bnp2tki"})  # the government's side, whatever its name then
_DAYS = ("day", "day_inferred", "")
_WIDTH = {"year": 4, "month": 7}  # characters of signed_on a coarse date fixes
_Row = tuple[int, dict[str, str]]


def split(value: str) -> list[str]:
    """``"a; b;"`` -> ``["a", "b"]``."""
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def org_keys(org: dict[str, str]) -> list[tuple[str, str]]:
    """The keys an organization is found by: its region (a regional government), else its names."""
    if org.get("type") == "regional_government":
        if org.get("region"):
            return [("gov", org["region"])]
        return [("govc", org["region_candidates"])] if org.get("region_candidates") else []
    names = [org.get("name", ""), *split(org.get("aliases", ""))]
    return [(org.get("type", ""), slug(n)) for n in names if n]


def _event(event: str) -> str:
    """The event without the agency's prefix: ``kp2mi-kupang-2025-08-07`` = ``bp2mi-kupang-2025-08-07``."""
    for agency in AGENCY_IDS:
        if event.startswith(f"{agency}-"):
            return event[len(agency) + 1 :]
    return event


@dataclass
class Match:
    """The row a signing joins (None: a new row), and the review notes the joining or not joining needs."""

    agreement: dict[str, str] | None
    notes: list[str] = field(default_factory=list)  # for the joined row
    new_row: list[str] = field(default_factory=list)  # for a new row (several rows could be it)
    refine: bool = False  # the row's date is coarser (year, month) than the signing's day that joins it


class MergeIndex:
    """Lookups over the tables being merged; see the module's docstring for what counts as the same."""

    def __init__(self, tables: dict[str, list[dict[str, str]]]) -> None:
        self.orgs: dict[tuple[str, str], dict[str, str]] = {}
        self.org_ids: set[str] = set()
        self.region_of: dict[str, str] = {}  # regional government's id -> its region code
        for org in tables["organizations"]:
            self.add_org(org)
        parties: dict[str, set[str]] = defaultdict(set)
        for p in tables["parties"]:
            parties[p["agreement_id"]].add(p["organization_id"])
        # (partners, "event", event without the agency) / "day" / "year" (every row) / "coarse" (year and
        # month rows), then the day, year or event -> [(order added, agreement)]
        self.signings: dict[tuple[frozenset[str], str, str], list[_Row]] = defaultdict(list)
        self.agency: dict[str, set[str]] = {}  # agreement id -> the agency parties
        self._order = itertools.count()
        for agreement in tables["agreements"]:
            drop_own_source(agreement)
            self.add_agreement(agreement, parties[agreement["id"]])
        self.agreement_ids = {a["id"] for a in tables["agreements"]}
        self.sources = set()
        for s in tables["sources"]:
            self.sources |= {("id", s["id"]), ("url", s.get("url") or ""),
                             ("file", (s.get("article_file") or "").rsplit("/", 1)[-1])}  # fmt: skip
        self.sources -= {("url", ""), ("file", "")}

    def add_org(self, org: dict[str, str]) -> None:
        """Make ``org`` findable by its keys (the first organization with a key keeps it)."""
        self.org_ids.add(org["id"])
        if org.get("type") == "regional_government" and org.get("region"):
            self.region_of[org["id"]] = org["region"]
        for key in org_keys(org):
            self.orgs.setdefault(key, org)

    def _partners(self, party_ids: set[str]) -> frozenset[str]:
        return frozenset(
            f"gov:{self.region_of[p]}" if p in self.region_of else p for p in party_ids if p not in AGENCY_IDS
        )

    def add_agreement(self, agreement: dict[str, str], party_ids: set[str]) -> None:
        """Make ``agreement`` (signed by ``party_ids``) findable."""
        partners, order = self._partners(party_ids), (next(self._order), agreement)
        if agreement.get("event"):
            self.signings[(partners, "event", _event(agreement["event"]))].append(order)
        if agreement.get("signed_on_precision", "") in _DAYS:
            self.signings[(partners, "day", agreement.get("signed_on", ""))].append(order)
        if partners:  # a coarse date is compared only with rows that name the same partners
            year = agreement.get("signed_on", "")[:4]
            self.signings[(partners, "year", year)].append(order)
            if agreement.get("signed_on_precision", "") in _WIDTH:
                self.signings[(partners, "coarse", year)].append(order)
        self.agency[agreement["id"]] = party_ids & AGENCY_IDS

    def find_agreement(
        self, party_ids: set[str], event: str, signed_on: str, precision: str, kind: str
    ) -> Match:
        """The agreement of these parties at ``event`` or on that date, of that ``kind`` (or one of them
        ``other``), with the notes joining it needs."""
        partners = self._partners(party_ids)
        fits: list[tuple[int, dict[str, str]]] = []  # (0 same event or day, 1 coarse date; +2 other kind)
        pool = dict(self.signings.get((partners, "event", _event(event)), []) if event else [])
        if precision in _DAYS:
            pool.update(self.signings.get((partners, "day", signed_on), []))
        if partners:  # a coarse date: every row of its year; a day: the coarse rows of its year
            rows = "coarse" if precision in _DAYS else "year"
            pool.update(self.signings.get((partners, rows, signed_on[:4]), []))
        for _, a in sorted(pool.items()):
            theirs = a.get("kind", "")
            if theirs != kind and "other" not in (theirs, kind):
                continue  # an MoU and a PKS of the same day are two agreements
            off = 0 if theirs == kind else 2
            same_event = event and a.get("event") and _event(a["event"]) == _event(event)
            p = a.get("signed_on_precision", "")
            if same_event or (precision in _DAYS and p in _DAYS and a.get("signed_on", "") == signed_on):
                fits.append((off, a))
            elif partners and (width := min(_WIDTH.get(precision, 10), _WIDTH.get(p, 10))) < 10:
                if a.get("signed_on", "")[:width] == signed_on[:width]:
                    fits.append((1 + off, a))
        if not fits:
            return Match(None)
        tier = min(t for t, _ in fits)
        best = [a for t, a in fits if t == tier]
        if len(best) > 1:
            if tier % 2 == 0:
                return Match(best[0])  # the first row of that day (rows of an older draft may repeat)
            ids = ", ".join(a["id"] for a in best)
            note = f"may be the same signing as {ids} (same partner, dates agree to the year or month only)"
            return Match(None, new_row=[f"{note}: check and merge by hand"])
        found = best[0]
        match = Match(found)
        if tier % 2 == 1 and precision in _DAYS and found.get("signed_on_precision", "") in _WIDTH:
            match.refine = True  # a dated report of a signing known only to its year or month
        elif tier % 2 == 1:
            theirs = f"{found.get('signed_on', '')} ({found.get('signed_on_precision', '')})"
            match.notes.append(
                f"{{source}} dates this signing {signed_on} ({precision}), this row {theirs}: "
                "the dates agree to the year or month only, check it is the same signing"
            )
        if tier >= 2:
            match.notes.append(f"{{source}} names the kind {kind}, this row {found.get('kind', '')}: check")
        agency = party_ids & AGENCY_IDS
        if agency and self.agency.get(found["id"]) and agency != self.agency[found["id"]]:
            theirs = ", ".join(sorted(self.agency[found["id"]]))
            match.notes.append(f"{{source}} has {', '.join(sorted(agency))} sign, this row {theirs}: check")
        return match


    def refine(self, agreement: dict[str, str], party_ids: set[str], signed_on: str, precision: str) -> str:
        """Give a year- or month-dated row the day of a report that joins it (and find it by that day);
        returns the review note saying so."""
        was = f"{agreement.get('signed_on', '')} ({agreement.get('signed_on_precision', '')})"
        agreement["signed_on"], agreement["signed_on_precision"] = signed_on, precision
        partners = self._partners(party_ids)
        self.signings[(partners, "day", signed_on)].append((next(self._order), agreement))
        return f"{{source}} dates this signing {signed_on} ({precision}); it was {was}: check"


def drop_own_source(agreement: dict[str, str]) -> None:
    """``source_ids`` lists the further sources of a row, never its own ``source_id``."""
    ids = split(agreement.get("source_ids", ""))
    if agreement.get("source_id") in ids:
        agreement["source_ids"] = ";".join(i for i in ids if i != agreement["source_id"])


def add_source(agreement: dict[str, str], source_id: str) -> bool:
    """Add ``source_id`` to the row's sources; False when it is there already."""
    ids = split(agreement.get("source_ids", ""))
    if source_id == agreement.get("source_id") or source_id in ids:
        return False
    agreement["source_ids"] = ";".join([*ids, source_id])
    return True
