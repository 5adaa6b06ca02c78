"""Facts of articles -> dataset rows, merged into a dataset (empty or ``--into``) without duplicates.

Same partner + same day (or same event) = the same agreement (``_merge``): the new article is added to the
row's ``source_ids`` (``;``-separated, the further sources only; ``source_id`` keeps the first article,
since the loader makes one SOURCED_FROM per ``source_id``). Organizations are matched by region (regional
governments), by region candidates + name (ambiguous ones) or by name/alias (others).
"""

from __future__ import annotations

from graphkit.extraction._agency import AGENCIES
from graphkit.extraction._build import PROGRAMS, Facts, evidence, undated_note
from graphkit.extraction._links import merge_links
from graphkit.extraction._merge import MergeIndex, add_source, split
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


def _mention_key(m: Mention) -> tuple[str, str]:
    if m.type == "regional_government":
        return ("gov", m.region.code) if m.region else ("govc", ";".join(r.code for r in m.candidates))
    return (m.type, slug(m.name))


def _org_row(
    tables: dict[str, list[dict[str, str]]], index: MergeIndex, m: Mention, facts: Facts
) -> dict[str, str]:
    found = index.orgs.get(_mention_key(m))
    if found is not None:
        if m.words not in split(found.get("aliases", "")) and m.words != found.get("name"):
            found["aliases"] = ";".join([*split(found.get("aliases", "")), m.words])
            index.add_org(found)
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
    index.add_org(row)
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
        whence = ("of publication" if facts.published_on and not facts.from_url
                  else f"of publication ({facts.from_url} in the url)" if facts.from_url
                  else "of the article's dateline or copyright")  # fmt: skip
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
            match = index.find_agreement(party_ids, facts.event, signed_on, precision, kind.value)
            if (a := match.agreement) is not None:
                if match.refine:  # this article gives the day of a signing dated only to its year or month
                    match.notes.append(index.refine(a, party_ids, signed_on, precision))
                if add_source(a, facts.source_id):
                    said = [n.replace("{source}", facts.source_id) for n in match.notes]
                    a["review"] = "; ".join(x for x in [a.get("review", ""), *said] if x)
                article.append((a, org))
                first = first or a
                continue
            base = f"{facts.source_id}-{kind.value}" + (f"-{org['id']}" if org else "")
            aid, n = base[:120], 2
            while aid in index.agreement_ids:
                aid, n = f"{base[:116]}-{n}", n + 1
            name = org["name"] if org else "partners not named"
            row_review = [*notes, *kind.review, *match.new_row]
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
                "source_ids": "", "evidence": " | ".join(e for e in ev if e),
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
