"""Facts of articles -> dataset rows, merged into a dataset (empty or ``--into``) without duplicates.

Same partner + same day (or same event) = the same agreement: the new article is added to the row's
``source_ids`` (``;``-separated; ``source_id`` keeps the first article, since the loader makes one
SOURCED_FROM per ``source_id``). Organizations are matched by region (regional governments), by region
candidates + name (ambiguous ones) or by name/alias (others).
"""

from __future__ import annotations

from collections import defaultdict

from graphkit.extraction._agency import AGENCIES
from graphkit.extraction._build import PROGRAMS, Facts, evidence, undated_note
from graphkit.extraction._links import merge_links
from graphkit.extraction._partners import Mention, slug
from graphkit.extraction._signers import Signer

__all__ = ["COLUMNS", "MergeIndex", "merge_facts"]

COLUMNS = {
    "sources": ["id", "title", "publisher", "published_on", "url", "published_year", "article_file",
                "counts_reported", "evidence", "review", "note"],
    "organizations": ["id", "name", "type", "region", "aliases", "source_id", "region_candidates",
                      "evidence", "review", "note"],
    "agreements": ["id", "kind", "signed_on", "number", "title", "expires_on", "parent_id", "scopes",
                   "source_id", "signed_on_precision", "event", "counts_reported", "source_ids", "evidence",
                   "review", "note"],
    "parties": ["agreement_id", "organization_id", "role", "signed_by", "evidence", "review", "note"],
    "programs": ["id", "name", "kind", "started_on", "source_id", "evidence", "review", "note"],
    "program_regions": ["program_id", "region", "since", "organization_id", "since_precision", "source_id",
                        "evidence", "review", "note"],
    "follow_ups": ["id", "agreement_id", "kind", "date", "region", "description", "source_id",
                   "date_precision", "evidence", "review", "note"],
}  # fmt: skip
_PREFIX = {"kabupaten": "pemkab", "kota": "pemkot", "provinsi": "pemprov"}


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def _org_keys(org: dict[str, str]) -> list[tuple[str, str]]:
    if org.get("type") == "regional_government":
        if org.get("region"):
            return [("gov", org["region"])]
        return [("govc", org["region_candidates"])] if org.get("region_candidates") else []
    return [
        (org.get("type", ""), slug(n)) for n in [org.get("name", ""), *_split(org.get("aliases", ""))] if n
    ]


def _mention_key(m: Mention) -> tuple[str, str]:
    if m.type == "regional_government":
        return ("gov", m.region.code) if m.region else ("govc", ";".join(r.code for r in m.candidates))
    return (m.type, slug(m.name))


class MergeIndex:
    """Lookups over the tables being merged (organizations by region or name, agreements by their parties,
    sources by id, url and file name), kept up to date as rows are added: merging stays linear."""

    def __init__(self, tables: dict[str, list[dict[str, str]]]) -> None:
        self.orgs: dict[tuple[str, str], dict[str, str]] = {}
        self.org_ids = {o["id"] for o in tables["organizations"]}
        for org in tables["organizations"]:
            for key in _org_keys(org):
                self.orgs.setdefault(key, org)
        parties: dict[str, set[str]] = defaultdict(set)
        for p in tables["parties"]:
            parties[p["agreement_id"]].add(p["organization_id"])
        self.agreements: dict[tuple[frozenset[str], str, str], dict[str, str]] = {}
        self.kinded: dict[tuple[frozenset[str], str, str, str], dict[str, str]] = {}  # the same, by kind
        for agreement in tables["agreements"]:
            self.add_agreement(agreement, parties[agreement["id"]])
        self.agreement_ids = {a["id"] for a in tables["agreements"]}
        self.sources = set()
        for s in tables["sources"]:
            self.sources |= {("id", s["id"]), ("url", s.get("url") or ""),
                             ("file", (s.get("article_file") or "").rsplit("/", 1)[-1])}  # fmt: skip
        self.sources -= {("url", ""), ("file", "")}

    def add_agreement(self, agreement: dict[str, str], party_ids: set[str]) -> None:
        """Same parties and the same event, or the same parties and the same day = the same signing."""
        parties, kind = frozenset(party_ids), agreement.get("kind", "")
        if agreement.get("event"):
            self.agreements.setdefault((parties, "event", agreement["event"]), agreement)
            self.kinded.setdefault((parties, "event", agreement["event"], kind), agreement)
        if agreement.get("signed_on_precision", "day") in ("day", "day_inferred", ""):
            self.agreements.setdefault((parties, "day", agreement.get("signed_on", "")), agreement)
            self.kinded.setdefault((parties, "day", agreement.get("signed_on", ""), kind), agreement)

    def find_agreement(
        self, party_ids: set[str], event: str, signed_on: str, precision: str, kind: str = "",
        strict: bool = False,
    ) -> dict | None:  # fmt: skip
        """The agreement of these parties at ``event`` (or on that day): of that ``kind`` first, else of any
        kind, unless ``strict`` (an article reporting an MoU and a PKS signed together: one row each)."""
        parties = frozenset(party_ids)

        def lookup(table: dict, *extra: str) -> dict | None:
            found = table.get((parties, "event", event, *extra)) if event else None
            if found is None and precision in ("day", "day_inferred"):
                found = table.get((parties, "day", signed_on, *extra))
            return found

        if kind and ((found := lookup(self.kinded, kind)) is not None or strict):
            return found
        return lookup(self.agreements)


def _org_row(
    tables: dict[str, list[dict[str, str]]], index: MergeIndex, m: Mention, facts: Facts
) -> dict[str, str]:
    found = index.orgs.get(_mention_key(m))
    if found is not None:
        if m.words not in _split(found.get("aliases", "")) and m.words != found.get("name"):
            found["aliases"] = ";".join([*_split(found.get("aliases", "")), m.words])
            for key in _org_keys(found):
                index.orgs.setdefault(key, found)
        return found
    if m.type == "regional_government":
        base = (
            f"{_PREFIX[m.region.kind]}-{slug(m.region.short_name)}"
            if m.region
            else f"pemda-{slug(m.name.split(' (')[0][18:])}"
        )
    elif m.name.endswith(")") and m.words.isupper() and len(m.words) <= 6:
        base = slug(m.words)  # IOM, ILO
    else:
        base = slug(m.name)[:60].strip("-")
    oid, n = base, 2
    while oid in index.org_ids:
        oid, n = f"{base}-{n}", n + 1
    review = list(m.notes)
    if m.region is None and m.candidates:
        review.insert(0, "region left empty")
    row = {"id": oid, "name": m.name, "type": m.type, "region": m.region.code if m.region else "",
           "aliases": m.words if m.words != m.name else "", "source_id": facts.source_id,
           "region_candidates": ";".join(r.code for r in m.candidates),
           "evidence": evidence(m.start, m.end, m.words), "review": "; ".join(review)}  # fmt: skip
    tables["organizations"].append(row)
    index.org_ids.add(oid)
    for key in _org_keys(row):
        index.orgs.setdefault(key, row)
    return row


def merge_facts(
    tables: dict[str, list[dict[str, str]]], index: MergeIndex, facts: Facts, article_file: str
) -> None:
    """Add one article's rows to ``tables`` (in place); an article already there adds nothing."""
    meta = facts.article.meta
    keys = {("id", facts.source_id), ("url", meta.get("url", "")), ("file", article_file.rsplit("/", 1)[-1])}
    if keys & index.sources:
        return  # this article is in the dataset already
    index.sources |= keys - {("url", "")}
    first_line = facts.article.text.strip().split("\n")[0]
    title = meta.get("title") or (
        first_line if len(first_line) < 150 else f"Article {facts.article.path.stem}"
    )
    review = list(facts.review)
    source = {
        "id": facts.source_id, "title": title, "publisher": facts.publisher,
        "published_on": facts.published_on,
        "url": meta.get("url", ""), "published_year": facts.published_year, "article_file": article_file,
        "counts_reported": "; ".join(c.value for c in facts.counts) if facts.signing is None else "",
        "evidence": "", "review": "; ".join(review)}  # fmt: skip
    tables["sources"].append(source)
    names = {pid: (name, kind) for pid, name, kind, _ in PROGRAMS}
    for pid, fact in facts.programs:
        if not any(p["id"] == pid for p in tables.setdefault("programs", [])):
            tables["programs"].append({
                "id": pid, "name": names[pid][0], "kind": names[pid][1], "source_id": facts.source_id,
                "evidence": evidence(fact.start, fact.end, fact.words),
                "review": "program named; where and since when it is active: check the article"})  # fmt: skip
    article = _agreements(tables, index, facts, source) if facts.signing is not None else []
    if len(facts.kinds) > 1:  # an MoU + PKS signed together: follow-ups follow the MoU
        article = [(a, org) for a, org in article if a.get("kind") == facts.kinds[0].value] or article
    notes, uses_bp2mi = merge_links(tables, facts, article)
    if uses_bp2mi:
        _add_agency(tables, facts, "bp2mi")
    source["review"] = "; ".join(x for x in [source.get("review", ""), *notes] if x)


def _add_agency(tables: dict[str, list[dict[str, str]]], facts: Facts, agency: str) -> None:
    if not any(o["id"] == agency for o in tables["organizations"]):
        tables["organizations"].insert(0, {**AGENCIES[agency], "source_id": facts.source_id})


def _signed_by(row: dict[str, str], signer: Signer | None) -> dict[str, str]:
    if signer is not None:
        row["signed_by"] = signer.value
        said = evidence(signer.start, signer.end, signer.words)
        row["evidence"] = " | ".join(x for x in [row.get("evidence", ""), said] if x)
        note = "signatory as the article names them: check"
        row["review"] = "; ".join(x for x in [row.get("review", ""), note] if x)
    return row


def _agreements(
    tables: dict[str, list[dict[str, str]]], index: MergeIndex, facts: Facts, source: dict[str, str]
) -> list[tuple[dict[str, str], dict[str, str] | None]]:
    """The signing's agreement rows (new, or found in the dataset), each with its partner's organization."""
    assert facts.signing is not None and facts.kind is not None
    article: list[tuple[dict[str, str], dict[str, str] | None]] = []
    agency = facts.agency.id if facts.agency else "bp2mi"
    _add_agency(tables, facts, agency)
    date = facts.date
    notes = [*(date.notes if date else []), *(facts.agency.notes if facts.agency else [])]
    if date is not None:
        signed_on, precision = date.date.isoformat(), date.precision
    elif facts.published_year:
        signed_on, precision = f"{facts.published_year}-01-01", "year"
        whence = "of publication" if facts.published_on else "of the article's dateline or copyright"
        notes.append(f"no signing date in the article: year {facts.published_year} {whence} only")
    else:
        source["review"] = "; ".join([*facts.review, undated_note(facts)])
        return article
    counts = "; ".join(c.value for c in facts.counts)
    partners = [(_org_row(tables, index, m, facts), m) for m in facts.partners] or [(None, None)]
    signers = {id(facts.partners[i]): s for i, s in facts.signers.items()}
    if facts.partners and facts.counts:
        named = len(facts.partners)
        notes.append(f"article counts {counts}; {named} named: unnamed partners not recorded")
    kinds = facts.kinds or [facts.kind]
    for org, mention in partners:
        first: dict[str, str] | None = None  # the MoU of an MoU + PKS signed together
        for kind in kinds:
            ev = [evidence(facts.signing.start, facts.signing.end, facts.signing.words),
                  evidence(kind.start, kind.end, kind.words) if kind.start >= 0 else "",
                  evidence(date.start, date.end, date.words) if date else ""]  # fmt: skip
            party_ids = {agency} | ({org["id"]} if org else set())
            a = index.find_agreement(party_ids, facts.event, signed_on, precision, kind.value, len(kinds) > 1)
            if a is not None:
                ids = _split(a.get("source_ids", "")) or [a.get("source_id", "")]
                if facts.source_id not in ids:
                    a["source_ids"] = ";".join(i for i in [*ids, facts.source_id] if i)
                article.append((a, org))
                first = first or a
                continue
            base = f"{facts.source_id}-{kind.value}" + (f"-{org['id']}" if org else "")
            aid, n = base[:120], 2
            while aid in index.agreement_ids:
                aid, n = f"{base[:116]}-{n}", n + 1
            name = org["name"] if org else "partners not named"
            row_review = [*notes, *kind.review]
            if first is not None:
                row_review.append(f"signed together with the {first['kind'].upper()} {first['id']} (the "
                                  "article names both kinds): check")  # fmt: skip
            if mention is not None and mention.region is None and mention.candidates:
                row_review.append(
                    f"partner region ambiguous ({';'.join(r.code for r in mention.candidates)})"
                )
            agreement = {
                "id": aid, "kind": kind.value, "signed_on": signed_on,
                "title": f"{kind.value.upper()} {agency.upper()} - {name}",
                "scopes": ";".join(facts.scopes), "source_id": facts.source_id,
                "signed_on_precision": precision, "event": facts.event, "counts_reported": counts,
                "source_ids": facts.source_id, "evidence": " | ".join(e for e in ev if e),
                "review": "; ".join(row_review)}  # fmt: skip
            tables["agreements"].append(agreement)
            article.append((agreement, org))
            first = first or agreement
            index.add_agreement(agreement, party_ids)
            index.agreement_ids.add(aid)
            named = facts.agency if facts.agency and facts.agency.start >= 0 else None
            own = {"agreement_id": aid, "organization_id": agency, "role": "signatory",
                   "evidence": evidence(named.start, named.end, named.words) if named else ""}  # fmt: skip
            tables["parties"].append(_signed_by(own, facts.bp2mi_signer))
            if org is not None and mention is not None:
                tables["parties"].append(_signed_by({
                    "agreement_id": aid, "organization_id": org["id"], "role": "signatory",
                    "evidence": evidence(mention.start, mention.end, mention.words),
                    "review": "; ".join(mention.notes)}, signers.get(id(mention))))  # fmt: skip
    return article
