"""Score ``graphkit extract`` on a folder of labelled articles; prints precision / recall figures.

    python tests/extraction/score.py ARTICLES_DIR LABELS [LABELS ...]
    python tests/extraction/score.py --snippets RESEARCH.jsonl [...]   (no article texts: words as written)

ARTICLES_DIR holds the articles (.txt/.md/.html, optional NAME.meta.json with their ``url``). LABELS are
the ground truth, in either of two formats:

- a dataset folder in the graphkit format (docs/DESIGN.md §1), whose ``sources.csv`` names each article in
  ``article_file`` (matched by file name) or ``url``: e.g. ``graphkit/data/news`` for the five seeds, or
  ``graphkit/data/public`` filtered to the articles at hand (a signing counts for its ``source_id`` and for
  every article in its ``source_ids``);
- research JSONL files (/work/scratch/research/FORMAT.md: one object per article, matched by ``url``).

Figures: regional-government partners by region code (an ambiguous one counts as right only with the same
candidates), precision and recall; signing dates given to the day, share right; kind of agreement, share
right; invented partners (extracted, not in the labels of that article), listed. With dataset-folder labels
also program regions (program, region) and follow-ups (kind, region), precision and recall.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from graphkit.extraction import extract
from graphkit.extraction._dates import find_dates
from graphkit.extraction._partners import find_partners


@dataclass
class Signing:
    signed_on: str
    precision: str
    kind: str
    partners: list[tuple[str, str, str]] = field(default_factory=list)  # (type, region key, name)


def _region_key(region: str | None, candidates: list[str]) -> str:
    return region or ("?" + ";".join(sorted(candidates)) if candidates else "")


def _rows(folder: Path, table: str) -> list[dict[str, str]]:
    path = folder / f"{table}.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def dataset_signings(folder: Path) -> dict[str, list[Signing]]:
    """Article key (file name, or url) -> its signings, from a dataset folder."""
    sources = {s["id"]: s for s in _rows(folder, "sources")}
    orgs = {o["id"]: o for o in _rows(folder, "organizations")}
    parties: dict[str, list[str]] = {}
    for p in _rows(folder, "parties"):
        parties.setdefault(p["agreement_id"], []).append(p["organization_id"])
    out: dict[str, list[Signing]] = {}
    for s in sources.values():  # an article without a signing is labelled too: nothing to find there
        out.setdefault(Path(s.get("article_file") or "").name or s.get("url") or s["id"], [])
    for a in _rows(folder, "agreements"):
        ids = [a["source_id"]] if a.get("source_id") else []  # the article it came from, then
        ids += [i for i in (a.get("source_ids") or "").split(";") if i and i not in ids]  # others on it
        partners = []
        for oid in parties.get(a["id"], []):
            o = orgs[oid]
            if o["type"] == "agency":
                continue
            cands = [c for c in (o.get("region_candidates") or "").split(";") if c]
            partners.append((o["type"], _region_key(o.get("region"), cands), o["name"]))
        for sid in ids:
            s = sources.get(sid, {})
            key = Path(s.get("article_file") or "").name or s.get("url") or sid
            sig = Signing(a["signed_on"], a.get("signed_on_precision") or "day", a["kind"], partners)
            out.setdefault(key, []).append(sig)
    return out


def dataset_links(folder: Path) -> dict[str, set[tuple[str, str, str]]]:
    """Article key -> its ``("program", program_id, region)`` and ``("follow_up", kind, region)`` rows."""
    sources = {s["id"]: s for s in _rows(folder, "sources")}
    out: dict[str, set[tuple[str, str, str]]] = {}
    for s in sources.values():
        out.setdefault(Path(s.get("article_file") or "").name or s.get("url") or s["id"], set())
    for table, what, key in (
        ("program_regions", "program", "program_id"),
        ("follow_ups", "follow_up", "kind"),
    ):
        for r in _rows(folder, table):
            s = sources.get(r.get("source_id") or "", {})
            article = Path(s.get("article_file") or "").name or s.get("url") or r.get("source_id") or ""
            out.setdefault(article, set()).add((what, r[key], r.get("region") or ""))
    return out


def jsonl_signings(path: Path) -> dict[str, list[Signing]]:
    """url -> its signings, from a research JSONL file (lines that are not JSON objects are skipped)."""
    out: dict[str, list[Signing]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(rec, dict) or not rec.get("url"):
            continue
        sigs = out.setdefault(rec["url"], [])
        for s in rec.get("signings") or []:
            partners = [(p.get("type") or "", _region_key(p.get("region"), p.get("region_candidates") or []),
                         p.get("name") or "") for p in s.get("partners") or []]  # fmt: skip
            sigs.append(
                Signing(s.get("signed_on") or "", s.get("precision") or "", s.get("kind") or "", partners)
            )
    return out


def _words(name: str) -> set[str]:
    stop = {"pemerintah", "kabupaten", "kota", "provinsi", "daerah", "pt", "tbk", "dan", "the", "of"}
    return {w for w in re.findall(r"[a-z0-9]+", name.casefold()) if w not in stop}


def _same_partner(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    if a[0] == "regional_government" or b[0] == "regional_government":
        return a[0] == b[0] and a[1] == b[1] and bool(a[1])
    wa, wb = _words(a[2]), _words(b[2])
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def score(
    articles: Path,
    labels: dict[str, list[Signing]],
    links: dict[str, set[tuple[str, str, str]]] | None = None,
) -> dict[str, object]:
    """Run extract on ``articles`` and compare with ``labels`` (article key -> signings) and, if given, with
    ``links`` (article key -> program regions and follow-ups, from :func:`dataset_links`)."""
    keys = {}
    for p in sorted(articles.rglob("*")):
        if p.suffix.lower() in (".txt", ".md", ".html", ".htm"):
            meta = p.with_name(p.stem + ".meta.json")
            url = json.loads(meta.read_text(encoding="utf-8")).get("url") if meta.is_file() else None
            key = p.name if p.name in labels else url
            if key in labels:
                keys[p.name] = key
    with tempfile.TemporaryDirectory() as tmp:
        extract([articles], Path(tmp) / "draft")
        pred = dataset_signings(Path(tmp) / "draft")
        pred_links = dataset_links(Path(tmp) / "draft")
    ltp = lfp = lfn = 0
    for name, key in sorted(keys.items()) if links is not None else []:
        gold_l, got_l = links.get(key, set()), pred_links.get(name, set())  # type: ignore[union-attr]
        ltp, lfp, lfn = ltp + len(gold_l & got_l), lfp + len(got_l - gold_l), lfn + len(gold_l - got_l)
    tp = fp = fn = days = days_right = kinds = kinds_right = 0
    invented: list[str] = []
    for name, key in sorted(keys.items()):
        gold, got = labels[key], pred.get(name, [])
        gold_p = {p for s in gold for p in s.partners}
        got_p = {p for s in got for p in s.partners}
        gold_gov = {p[1] for p in gold_p if p[0] == "regional_government" and p[1]}
        got_gov = {p[1] for p in got_p if p[0] == "regional_government" and p[1]}
        tp, fp, fn = tp + len(gold_gov & got_gov), fp + len(got_gov - gold_gov), fn + len(gold_gov - got_gov)
        invented += [f"{name}: {p[2]} ({p[1] or 'no region'})" for p in sorted(got_p)
                     if not any(_same_partner(p, g) for g in gold_p)]  # fmt: skip
        for s in gold:
            if s.precision == "day" and s.signed_on:
                days += 1
                days_right += any(g.signed_on == s.signed_on for g in got)
            if s.kind:
                kinds += 1
                kinds_right += any(g.kind == s.kind for g in got)
    return {
        "articles": len(keys),
        "pemda_precision": tp / (tp + fp) if tp + fp else 1.0,
        "pemda_recall": tp / (tp + fn) if tp + fn else 1.0,
        "pemda_tp_fp_fn": (tp, fp, fn), "day_dates": days,
        "day_dates_right": days_right / days if days else 1.0,
        "kinds_right": kinds_right / kinds if kinds else 1.0, "invented": invented,
        "links_precision": ltp / (ltp + lfp) if ltp + lfp else 1.0,
        "links_recall": ltp / (ltp + lfn) if ltp + lfn else 1.0, "links_tp_fp_fn": (ltp, lfp, lfn),
    }  # fmt: skip


def score_snippets(paths: list[Path], today: dt.date) -> dict[str, object]:
    """A proxy when the articles themselves are not at hand: the research JSONL keeps, per partner, the
    words the article used (``as_written``) and, per signing, the date as written (``date_evidence``).
    Each partner's words go through the partner finder in a neutral sentence, each date's words through
    the date finder (with the record's ``published_on``); compared with the labelled region / date."""
    tp = fp = fn = days = right = 0
    wrong: list[str] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            published = _iso(rec.get("published_on"))
            for s in rec.get("signings") or [] if isinstance(rec, dict) else []:
                for p in s.get("partners") or []:
                    if p.get("type") != "regional_government" or not p.get("as_written"):
                        continue
                    gold = _region_key(p.get("region"), p.get("region_candidates") or [])
                    found = [m for m in find_partners(f"BP2MI menandatangani MoU dengan {p['as_written']}.")
                             if m.type == "regional_government"]  # fmt: skip
                    keys = {_region_key(m.region.code if m.region else None, [r.code for r in m.candidates])
                            for m in found}  # fmt: skip
                    tp, fp = tp + (gold in keys), fp + len(keys - {gold})
                    fn += gold not in keys
                    if keys != {gold}:
                        wrong.append(
                            f"partner {p['as_written']!r}: labelled {gold or '-'}, found {sorted(keys)}"
                        )
                if s.get("precision") == "day" and s.get("signed_on") and s.get("date_evidence"):
                    days += 1
                    hits = find_dates(s["date_evidence"], published, None, today)
                    ok = any(h.date and h.date.isoformat() == s["signed_on"] for h in hits)
                    right += ok
                    if not ok:
                        wrong.append(f"date {s['date_evidence']!r}: labelled {s['signed_on']}, found "
                                     f"{[h.date.isoformat() for h in hits if h.date]}")  # fmt: skip
    return {"pemda_precision": tp / (tp + fp) if tp + fp else 1.0, "pemda_recall": tp / (tp + fn) if tp + fn
            else 1.0, "pemda_tp_fp_fn": (tp, fp, fn), "day_dates": days,
            "day_dates_right": right / days if days else 1.0, "wrong": wrong}  # fmt: skip


def _iso(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def load_labels(paths: list[Path]) -> dict[str, list[Signing]]:
    labels: dict[str, list[Signing]] = {}
    for path in paths:
        for key, sigs in (dataset_signings(path) if path.is_dir() else jsonl_signings(path)).items():
            labels.setdefault(key, []).extend(sigs)
    return labels


def main(argv: list[str]) -> None:
    if argv[:1] == ["--snippets"]:
        res = score_snippets([Path(a) for a in argv[1:]], dt.date.today())
        tp, fp, fn = res["pemda_tp_fp_fn"]  # type: ignore[misc]
        print(f"snippets: regional-government partners: precision {res['pemda_precision']:.3f}, recall "
              f"{res['pemda_recall']:.3f} (tp {tp}, fp {fp}, fn {fn})")  # fmt: skip
        print(
            f"snippets: signing dates given to the day: {res['day_dates_right']:.3f} right "
            f"of {res['day_dates']}"
        )
        for line in res["wrong"]:  # type: ignore[attr-defined]
            print(f"  {line}")
        return
    if len(argv) < 2:
        sys.exit(__doc__)
    folders = [Path(a) for a in argv[1:] if Path(a).is_dir()]
    links: dict[str, set[tuple[str, str, str]]] | None = None
    for folder in folders:
        for key, rows in dataset_links(folder).items():
            links = links or {}
            links.setdefault(key, set()).update(rows)
    result = score(Path(argv[0]), load_labels([Path(a) for a in argv[1:]]), links)
    tp, fp, fn = result["pemda_tp_fp_fn"]  # type: ignore[misc]
    print(f"articles scored: {result['articles']}")
    print(f"regional-government partners: precision {result['pemda_precision']:.3f}, recall "
          f"{result['pemda_recall']:.3f} (tp {tp}, fp {fp}, fn {fn})")  # fmt: skip
    print(f"signing dates given to the day: {result['day_dates_right']:.3f} right of {result['day_dates']}")
    print(f"kind of agreement: {result['kinds_right']:.3f} right")
    if links is not None:
        ltp, lfp, lfn = result["links_tp_fp_fn"]  # type: ignore[misc]
        print(f"program regions and follow-ups: precision {result['links_precision']:.3f}, recall "
              f"{result['links_recall']:.3f} (tp {ltp}, fp {lfp}, fn {lfn})")  # fmt: skip
    print(f"invented partners: {len(result['invented'])}")  # type: ignore[arg-type]
    for line in result["invented"]:  # type: ignore[attr-defined]
        print(f"  {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
