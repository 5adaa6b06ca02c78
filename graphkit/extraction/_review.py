"""review.md: each article's facts beside their evidence, for a person to confirm in minutes."""

from __future__ import annotations

from collections import defaultdict

from graphkit.extraction._build import Facts, evidence, undated_note

__all__ = ["review_markdown"]


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def review_markdown(all_facts: list[Facts], tables: dict[str, list[dict[str, str]]]) -> str:
    """One section per article: the facts taken, where in the text they are, and what to check."""
    lines = [
        "# Extraction review",
        "",
        "Each article's facts beside their evidence (character offsets into the article text and the "
        "words matched). Check every line with a note; empty region = ambiguous, never guessed.",
        "",
    ]
    undated = [f for f in all_facts if f.signing is not None and f.date is None and not f.published_year]
    if undated:
        lines += ["## Signings without a date (not in the dataset)", ""]
        lines += [f"- {f.article.path.name} (`{f.source_id}`): {_cell(undated_note(f))}" for f in undated]
        lines.append("")
    sources = {s["id"]: s for s in tables.get("sources", [])}
    linked: dict[str, list[dict[str, str]]] = defaultdict(list)
    for table in ("follow_ups", "program_regions"):
        for row in tables.get(table, []):
            linked[row.get("source_id", "")].append(row)
    for facts in all_facts:
        lines += [
            f"## {facts.article.path.name} (`{facts.source_id}`)",
            "",
            "| fact | value | evidence | check |",
            "|---|---|---|---|",
        ]
        source = sources.get(facts.source_id)
        notes = (
            [n for n in source["review"].split("; ") if n]
            if source and source.get("review")
            else facts.review
        )
        for note in notes:
            lines.append(f"| article | | | {_cell(note)} |")
        if (s := facts.signing) is not None:
            lines.append(f"| signing | | {_cell(evidence(s.start, s.end, s.words))} | |")
            for k in facts.kinds or [facts.kind]:  # an MoU and a PKS signed together: both
                lines.append(
                    f"| kind | {k.value} | {_cell(evidence(k.start, k.end, k.words))} | "
                    f"{_cell('; '.join(k.review))} |"
                )
            d = facts.date
            if d:
                lines.append(
                    f"| signed on | {d.date.isoformat()} ({d.precision}) | "
                    f"{_cell(evidence(d.start, d.end, d.words))} | {_cell('; '.join(d.notes))} |"
                )
            else:
                lines.append("| signed on | (none found) | | year of publication used, if any |")
            lines.append(f"| event | {facts.event} | | |")
            if (ag := facts.agency) is not None:
                lines.append(f"| agency | {ag.id} | {_cell(evidence(ag.start, ag.end, ag.words))} | "
                             f"{_cell('; '.join(ag.notes))} |")  # fmt: skip
            for m in facts.partners:
                region = m.region.code if m.region else "(empty) " + ";".join(r.code for r in m.candidates)
                lines.append(
                    f"| partner ({m.type}) | {_cell(m.name)} / {region} | "
                    f"{_cell(evidence(m.start, m.end, m.words))} | {_cell('; '.join(m.notes))} |"
                )
        for who in [facts.bp2mi_signer, *facts.signers.values()]:
            if who is not None:
                lines.append(
                    f"| signed by | {_cell(who.value)} | {_cell(evidence(who.start, who.end, who.words))} | |"
                )
        for row in linked.get(facts.source_id, []):
            if "agreement_id" in row:
                what = f"follow-up ({row['kind']}) of {row['agreement_id']}"
                value = f"{row.get('region', '')} {row.get('date', '')} {row.get('description', '')}"
            else:
                what, value = (
                    f"program {row['program_id']} active in",
                    f"{row['region']} since {row['since']}",
                )
            lines.append(
                f"| {_cell(what)} | {_cell(value)} | {_cell(row['evidence'])} | {_cell(row['review'])} |"
            )
        for c in facts.counts:
            lines.append(
                f"| count | {_cell(c.value)} | {_cell(evidence(c.start, c.end, c.words))} | "
                "partners not named |"
            )
        for pid, fact in facts.programs:
            lines.append(f"| program | {pid} | {_cell(evidence(fact.start, fact.end, fact.words))} | |")
        if facts.scopes:
            lines.append(f"| scopes | {';'.join(facts.scopes)} | | |")
        lines.append("")
    return "\n".join(lines)
