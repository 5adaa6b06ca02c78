"""score.py, the extraction quality script, on labels in the public dataset's shape, and the labels that
scripts/extract_real_sample.py makes for real article texts."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path
from typing import Any

from score import dataset_signings, load_labels, score

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "extract_real_sample.py"
TEXT = "Jakarta, Selasa (5/4/2022) - BP2MI menandatangani nota kesepakatan dengan Pemerintah Kabupaten {}.\n"


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _labels(folder: Path) -> Path:
    """Two articles (keyed by url, no article_file) on one signing: the first as its source_id, the
    second in its source_ids, as graphkit/data/public records a signing several articles report."""
    folder.mkdir()
    _write(folder / "sources.csv", [
        {"id": "a", "title": "A", "publisher": "P", "published_on": "2022-04-05", "url": "https://a.example/1"},
        {"id": "b", "title": "B", "publisher": "Q", "published_on": "", "url": "https://b.example/2"},
    ])  # fmt: skip
    _write(folder / "organizations.csv", [
        {"id": "bp2mi", "name": "BP2MI", "type": "agency", "region": "", "region_candidates": ""},
        {"id": "tanah-datar", "name": "Pemerintah Kabupaten Tanah Datar", "type": "regional_government",
         "region": "13.04", "region_candidates": ""},
    ])  # fmt: skip
    _write(folder / "agreements.csv", [
        {"id": "mou-tanah-datar", "kind": "mou", "signed_on": "2022-04-05", "source_id": "a",
         "source_ids": "b", "signed_on_precision": "day"},
    ])  # fmt: skip
    parties = [{"agreement_id": "mou-tanah-datar", "organization_id": o, "role": "signatory"}
               for o in ("bp2mi", "tanah-datar")]  # fmt: skip
    _write(folder / "parties.csv", parties)
    return folder


def test_a_signing_counts_for_its_source_id_and_for_every_article_in_its_source_ids(tmp_path: Path) -> None:
    labels = dataset_signings(_labels(tmp_path / "labels"))
    for url in ("https://a.example/1", "https://b.example/2"):
        [signing] = labels[url]
        assert (signing.signed_on, signing.precision, signing.kind) == ("2022-04-05", "day", "mou")
        assert [p[:2] for p in signing.partners] == [("regional_government", "13.04")]


def test_a_folder_of_articles_with_url_sidecars_is_scored_against_both_labels(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, url in (("a", "https://a.example/1"), ("b", "https://b.example/2")):
        (articles / f"{name}.txt").write_text(TEXT.format("Tanah Datar"), encoding="utf-8")
        (articles / f"{name}.meta.json").write_text(json.dumps({"url": url}), encoding="utf-8")
    result = score(articles, load_labels([_labels(tmp_path / "labels")]))
    tp, fp, fn = result["pemda_tp_fp_fn"]  # type: ignore[misc]
    assert result["articles"] == 2
    assert tp + fn == 2 and result["day_dates"] == 2  # each article is labelled with the signing


def _sample_script() -> Any:
    """scripts/extract_real_sample.py, imported as a module."""
    spec = importlib.util.spec_from_file_location("extract_real_sample", SCRIPT)
    assert spec and spec.loader
    sample = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sample)
    return sample


def test_real_sample_labels_keep_only_the_partners_named_in_the_text(tmp_path: Path) -> None:
    sample = _sample_script()
    articles = tmp_path / "articles"
    articles.mkdir()
    # our own words; the source is one of six pemda signing on 2022-04-05 in graphkit/data/public
    text = articles / "lingkar-pena-undated-2d9df7.txt"
    text.write_text("BP2MI, Kabupaten Ende dan Kota Solok.", encoding="utf-8")
    left_out = sample.labels(articles, tmp_path / "labels")
    got = dataset_signings(tmp_path / "labels")
    [url] = got
    assert sorted(p[1] for s in got[url] for p in s.partners) == ["13.72", "53.08"]
    assert len(left_out) == 4 and any("Tanah Datar" in line for line in left_out)


def test_real_sample_labels_keep_a_signing_only_for_the_articles_naming_its_partner(tmp_path: Path) -> None:
    sample = _sample_script()
    articles = tmp_path / "articles"
    articles.mkdir()
    # our own words; both sources report the 2022-04-05 signings, the second one names Kota Solok only
    (articles / "lingkar-pena-undated-2d9df7.txt").write_text("BP2MI, Kabupaten Ende dan Kota Solok.", "utf8")
    (articles / "patroli-post-undated-26b0f1.txt").write_text("BP2MI dan Kota Solok.", encoding="utf-8")
    left_out = sample.labels(articles, tmp_path / "labels")  # before: SystemExit "split them"
    got = dataset_signings(tmp_path / "labels")
    regions = {url.split("/")[2]: sorted(p[1] for s in sigs for p in s.partners) for url, sigs in got.items()}
    assert regions == {"lingkarpena.id": ["13.72", "53.08"], "patrolipost.com": ["13.72"]}
    assert [line for line in left_out if "Ende" in line] == [
        "patroli-post-undated-26b0f1: mou 2022-04-05 Pemerintah Kabupaten Ende"
    ]
