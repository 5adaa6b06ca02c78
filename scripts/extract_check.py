"""Compare every agreement of graphkit/data/public with what ``graphkit extract`` drafts from its articles.

The article texts are not in the project (no article text is shipped); they are fetched by hand into a
folder of ``<source_id>.txt`` files outside the repository (``scripts/extract_real_sample.py sidecars``
writes their ``.meta.json``). This script drafts them all with ``graphkit.extract`` and, for each
agreement, sets the ``extract_draft`` column of ``review/agreements.csv``:

- ``same``: a draft of one of its articles has the partner, the date (the same day, or the same year or
  month when either is coarse) and the kind;
- ``kind_differs`` / ``date_differs``: the partner is drafted, the kind or the date is not the row's;
- ``missed``: no draft of its articles names the partner;
- ``no_text``: none of its articles' texts could be fetched.

    python scripts/extract_check.py ARTICLES [--write]     # prints the tally; --write fills the column
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = ROOT / "graphkit" / "data" / "public"
REVIEW = PUBLIC / "review" / "agreements.csv"
VALUES = ("same", "kind_differs", "date_differs", "missed", "no_text")
_WIDTH = {"year": 4, "month": 7}


def _score_module():  # tests/extraction/score.py: the same readers and partner comparison as the scores
    spec = importlib.util.spec_from_file_location("score", ROOT / "tests" / "extraction" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("score", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _dates_agree(a_on: str, a_precision: str, b_on: str, b_precision: str) -> bool:
    width = min(_WIDTH.get(a_precision, 10), _WIDTH.get(b_precision, 10))
    return a_on[:width] == b_on[:width]


def check(articles: Path) -> dict[str, str]:
    """Agreement id -> one of :data:`VALUES`."""
    from graphkit.extraction import extract

    score = _score_module()
    fetched = {p.stem for p in articles.glob("*.txt")}
    with tempfile.TemporaryDirectory() as tmp:
        extract([articles], Path(tmp) / "draft")
        drafts = score.dataset_signings(Path(tmp) / "draft")  # "<source_id>.txt" -> its signings
    rows = {t: score._rows(PUBLIC, t) for t in ("agreements", "parties", "organizations")}
    orgs = {o["id"]: o for o in rows["organizations"]}
    parties: dict[str, list[str]] = {}
    for p in rows["parties"]:
        parties.setdefault(p["agreement_id"], []).append(p["organization_id"])
    out: dict[str, str] = {}
    for a in rows["agreements"]:
        cited = [a["source_id"], *(s for s in a["source_ids"].split(";") if s)]
        texts = [s for s in cited if s in fetched]
        if not texts:
            out[a["id"]] = "no_text"
            continue
        mine = []
        for oid in parties.get(a["id"], []):
            o = orgs[oid]
            if o["type"] != "agency":
                cands = [c for c in (o.get("region_candidates") or "").split(";") if c]
                mine.append((o["type"], score._region_key(o.get("region"), cands), o["name"]))
        found = [s for t in texts for s in drafts.get(f"{t}.txt", [])
                 if any(score._same_partner(p, q) for p in mine for q in s.partners)]  # fmt: skip
        precision = a.get("signed_on_precision") or "day"
        dated = [s for s in found if _dates_agree(a["signed_on"], precision, s.signed_on, s.precision)]
        if not found:
            out[a["id"]] = "missed"
        elif not dated:
            out[a["id"]] = "date_differs"
        else:
            out[a["id"]] = "same" if any(s.kind == a["kind"] for s in dated) else "kind_differs"
    return out


def write(verdicts: dict[str, str]) -> None:
    """Set the ``extract_draft`` column of review/agreements.csv (added after ``verdict`` if missing)."""
    with REVIEW.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields = list(reader.fieldnames or [])
        review = list(reader)
    if "extract_draft" not in fields:
        fields.insert(fields.index("verdict") + 1, "extract_draft")
    for r in review:
        r["extract_draft"] = verdicts.get(r["agreement_id"], "no_text")
    with REVIEW.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(review)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", type=Path, help="folder of <source_id>.txt (+ .meta.json)")
    parser.add_argument("--write", action="store_true", help="fill review/agreements.csv's extract_draft")
    args = parser.parse_args(argv)
    verdicts = check(args.articles)
    tally = Counter(verdicts.values())
    texts = len(verdicts) - tally["no_text"]
    print(f"{len(verdicts)} agreements, {texts} with at least one fetched article text")
    for v in VALUES:
        share = f" ({tally[v] / texts:.0%} of those with a text)" if v != "no_text" and texts else ""
        print(f"  {v:13} {tally[v]:4}{share}")
    if args.write:
        write(verdicts)
        print(f"wrote the extract_draft column of {REVIEW.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
