"""Follow-ups and program regions of one article -> ``follow_ups`` and ``program_regions`` rows.

A follow-up the article reports as done is linked to an agreement:
- of this article, with a regional-government party of the follow-up's region (or, no region named, the
  article's only agreement);
- else, when the article calls it a follow-up of an earlier agreement ("tindak lanjut", "implementasi" ...),
  the one agreement already in the dataset with a party of that region.
Several candidates or none: no row, a review note on the source. Intended or only named follow-ups are notes.
A program region row needs one region: an ambiguous place is a note listing its candidates.
"""

from __future__ import annotations

import re

from graphkit.extraction._build import Facts, evidence
from graphkit.extraction._followups import Spot
from graphkit.extraction._partners import slug

__all__ = ["merge_links"]

_LINK = re.compile(
    r"(?i)tindak\s+lanjut|menindaklanjuti|implementasi|realisasi|hasil\s+(?:dari\s+)?kerja\s*sama"
    r"|pelaksanaan\s+(?:dari\s+)?(?:nota|MoU|perjanjian|kesepakatan|kerja\s*sama)"
)
_PROGRAMS = ("Kawan PMI", "Desa Migran Emas")  # follow-ups that are also programs (program_regions)
_STATE = {"intended": "only announced or urged", "named": "named, not reported as done"}


def _ev(*parts: tuple[int, int, str] | None) -> str:
    return " | ".join(evidence(*p) for p in parts if p is not None and p[0] >= 0)


def _spot_label(s: Spot) -> str:
    if s.region is not None:
        return f"{s.region.code} {s.region.name}"
    return f"{s.words} (ambiguous: {', '.join(f'{r.code} {r.name}' for r in s.candidates)})"


def _candidates(
    spot: Spot | None,
    article: list[tuple[dict, dict | None]],
    tables: dict[str, list[dict[str, str]]],
    linked: bool,
) -> tuple[list[dict], str]:
    """Agreements a follow-up at ``spot`` may follow, and how they were found."""
    if spot is None:
        if len(article) == 1:
            return [article[0][0]], "no region named: linked to the article's only agreement"
        return [], "no region named and the article reports several agreements"
    code = spot.region.code if spot.region else ""
    cands = ";".join(r.code for r in spot.candidates)

    def same(org: dict | None) -> bool:
        return (
            org is not None
            and org.get("type") == "regional_government"
            and ((code and org.get("region") == code) or (not code and org.get("region_candidates") == cands))
        )

    here = [a for a, org in article if same(org)]
    if here or not linked:
        return here, "linked to this article's agreement with the government of that region"
    orgs = {o["id"] for o in tables["organizations"] if same(o)}
    ids = {p["agreement_id"] for p in tables["parties"] if p["organization_id"] in orgs}
    earlier = [a for a in tables["agreements"] if a["id"] in ids]
    return earlier, "the article calls it a follow-up: linked to the earlier agreement with that region"


def _follow_ups(
    tables: dict[str, list[dict[str, str]]],
    facts: Facts,
    article: list[tuple[dict, dict | None]],
    notes: list[str],
) -> None:
    if not facts.follow_ups:
        return
    done = any(h.state == "done" for h in facts.follow_ups)
    linked = done and _LINK.search(facts.article.text) is not None
    rows = tables.setdefault("follow_ups", [])
    ids = {r["id"] for r in rows}
    for hit in facts.follow_ups:
        where = evidence(hit.start, hit.end, hit.words)
        if hit.state != "done":
            cue = f" ({evidence(*hit.cue)})" if hit.cue else ""
            if hit.what not in _PROGRAMS:  # programs named anyway: no note
                extra = "".join(f", {n}" for n in hit.notes)
                notes.append(f"{hit.what} {_STATE[hit.state]}{cue}{extra}, at {where}: not a follow-up")
            continue
        if not article and not linked:
            if hit.what not in _PROGRAMS:
                notes.append(f"{hit.what} reported at {where}, but no agreement in the article to link it to")
            continue
        for spot in hit.spots or [None]:
            found, how = _candidates(spot, article, tables, linked)
            if len(found) != 1:
                if not found and hit.what in _PROGRAMS:
                    continue  # a program formed where the article signed nothing: program_regions say it
                listed = ", ".join(a["id"] for a in found) or "none found"
                place = f" in {_spot_label(spot)}" if spot else ""
                notes.append(f"{hit.what} reported{place} at {where}: which agreement it follows is unclear "
                             f"({listed}): no follow_ups row")  # fmt: skip
                continue
            agreement = found[0]
            region = spot.region.code if spot is not None and spot.region else ""
            base = f"{facts.source_id}-{hit.kind}" + (f"-{slug(region)}" if region else "")
            fid, n = base, 2
            while fid in ids:
                fid, n = f"{base}-{n}", n + 1
            ids.add(fid)
            review = [how, "check that it follows this agreement (the article reports it, it may predate it)"]
            if spot is not None:
                review += spot.notes
                if spot.region is None:
                    review.append(f"region ambiguous: {_spot_label(spot)}: region left empty")
            review += hit.notes + (hit.date.notes if hit.date else [])
            if hit.date and hit.date.date and hit.date.date.isoformat() < agreement.get("signed_on", ""):
                review.append(f"dated before the signing ({agreement['signed_on']}): is it a follow-up?")
            desc = hit.description + (f": {' '.join(hit.amount[2].split())}" if hit.amount else "")
            spot_ev = (spot.start, spot.end, spot.words) if spot is not None else None
            date_ev = (hit.date.start, hit.date.end, hit.date.words) if hit.date else None
            rows.append({
                "id": fid, "agreement_id": agreement["id"], "kind": hit.kind,
                "date": hit.date.date.isoformat() if hit.date and hit.date.date else "",
                "region": region, "description": desc, "source_id": facts.source_id,
                "date_precision": hit.date.precision if hit.date else "",
                "evidence": _ev((hit.start, hit.end, hit.words), hit.cue, hit.amount, spot_ev, date_ev),
                "review": "; ".join(review)})  # fmt: skip


def _program_regions(tables: dict[str, list[dict[str, str]]], facts: Facts, notes: list[str]) -> bool:
    """Rows for programs active in a region; True when a row names BP2MI as the organization running it."""
    if not facts.program_regions:
        return False
    rows = tables.setdefault("program_regions", [])
    have = {(r["program_id"], r["region"]) for r in rows}
    programs = {p["id"]: p for p in tables.get("programs", [])}
    uses_bp2mi = False
    for hit in facts.program_regions:
        where = evidence(hit.start, hit.end, hit.words)
        if hit.state != "done":  # only named with a place (a meeting venue ...): no note
            if hit.state == "intended" and hit.cue:
                cue = evidence(*hit.cue)
                notes.append(f"program {hit.kind} only announced ({cue}), at {where}: no program_regions row")
            continue
        for spot in hit.spots:
            if spot.region is None:
                at = evidence(spot.start, spot.end, spot.words)
                note = f"program {hit.kind} in {_spot_label(spot)} at {at}"
                notes.append(f"{note}: no program_regions row")
                if hit.kind in programs:
                    old = programs[hit.kind].get("review", "")
                    programs[hit.kind]["review"] = "; ".join(x for x in (old, f"{note}: no row") if x)
                continue
            if (hit.kind, spot.region.code) in have:
                continue
            have.add((hit.kind, spot.region.code))
            review = ["program reported active there: check"] + spot.notes
            if hit.date and hit.date.date:
                since, precision = hit.date.date.isoformat(), hit.date.precision
            elif facts.published_year:
                since, precision = f"{facts.published_year}-01-01", "year"
                review.append(f"since: only the year of the article ({facts.published_year})")
            else:
                since, precision = "", ""
            org = "bp2mi" if hit.bp2mi else ""
            uses_bp2mi |= bool(org)
            date_ev = (hit.date.start, hit.date.end, hit.date.words) if hit.date else None
            rows.append({
                "program_id": hit.kind, "region": spot.region.code, "since": since, "organization_id": org,
                "since_precision": precision, "source_id": facts.source_id,
                "evidence": _ev((hit.start, hit.end, hit.words), hit.cue, (spot.start, spot.end, spot.words),
                                date_ev),
                "review": "; ".join(review)})  # fmt: skip
    return uses_bp2mi


def merge_links(
    tables: dict[str, list[dict[str, str]]], facts: Facts, article: list[tuple[dict, dict | None]]
) -> tuple[list[str], bool]:
    """Add the article's follow_ups and program_regions rows; returns the review notes for its source, and
    whether a row refers to BP2MI (which must then be in organizations)."""
    notes: list[str] = []
    _follow_ups(tables, facts, article, notes)
    uses_bp2mi = _program_regions(tables, facts, notes)
    return notes, uses_bp2mi
