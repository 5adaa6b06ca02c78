"""The planning brief on the real embedded database: it opens in real headless Chromium with no console
error and no request, carries the headline numbers (computed here from the reports) as text, prints to a
PDF of at least two pages that contains them and says SYNTHETIC on every page; real data states how
complete it is; data strings are escaped."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from browser import chrome, page_problems

import graphkit
from graphkit.briefing._i18n import fmt_int, fmt_pct
from graphkit.sync._load import load_dataset

NEWS = Path(__file__).resolve().parents[2] / "graphkit" / "data" / "news"
AS_OF = "2025-06-30"


def _expected(graph, lang: str) -> list[str]:
    """The headline numbers as the page must print them, from the reports (not from the brief)."""
    prov = graphkit.coverage(AS_OF, by="province", graph=graph)
    counts = prov.attrs["counts"]
    fu = graphkit.followup(AS_OF, graph=graph)
    exp = graphkit.expiring(AS_OF, within="6m", graph=graph)
    in_force = fu.attrs["agreements"]
    idle = fu.attrs["states"].get("none", 0)
    numbers = [fmt_int(counts["active"] + counts["idle"], lang), fmt_int(in_force, lang),
               fmt_int(len(exp), lang), fmt_pct(idle / in_force, lang)]  # fmt: skip
    if prov.attrs["reached_share"] is not None:
        numbers.append(fmt_pct(prov.attrs["reached_share"], lang))
    return numbers


@pytest.fixture(scope="module")
def national(graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("brief") / "national"
    graphkit.generate(out, scale=1, seed=5)
    load_dataset(out, graph)
    return graph


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["id", "en"])
def test_brief_opens_in_chromium_and_carries_the_headline_numbers(national, tmp_path, lang):
    result = graphkit.brief(
        tmp_path / "brief.html", as_of=AS_OF, since="2024-06-30", lang=lang, graph=national
    )
    html = result.html.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    with chrome() as browser:
        browser.open(result.html)
        errors, requests = page_problems(browser)
        page = browser.js("return document.body.innerText;")
        headline = browser.js("return document.getElementById('headline').innerText;")
    assert errors == [] and requests == []
    for number in _expected(national, lang):
        assert number in headline, (number, headline[:400])
    assert "SYNTHETIC" in page
    assert browser.driver is not None
    assert result.figures["regencies"] == 514 and result.figures["synthetic"] is True


@pytest.mark.browser
def test_pdf_has_two_pages_or_more_with_the_numbers_and_synthetic_on_each(national, tmp_path, run_cli):
    if not shutil.which("pdftotext"):
        pytest.skip("needs pdftotext (Debian poppler-utils)")
    done = run_cli("brief", "-o", str(tmp_path / "b.html"), "--as-of", AS_OF, "--lang", "en", "--pdf",
                   str(tmp_path / "b.pdf"))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "SYNTHETIC" in done.stdout
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "b.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 2
    assert all("SYNTHETIC" in p for p in pages)
    for number in _expected(national, "en"):
        assert number in pages[0], number


def test_real_data_says_how_complete_it_is_and_strings_are_escaped(graph, tmp_path):
    news = shutil.copytree(NEWS, tmp_path / "news")
    orgs = list(csv.DictReader((news / "organizations.csv").open(encoding="utf-8")))
    orgs[1]["name"] = "<script>alert(1)</script> & Co"
    with (news / "organizations.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(orgs[0]))
        writer.writeheader()
        writer.writerows(orgs)
    load_dataset(news, graph)
    html = graphkit.brief(tmp_path / "news.html", as_of=AS_OF, lang="en", graph=graph).html.read_text("utf-8")
    assert "SYNTHETIC" not in html and "<script>alert" not in html
    partners = graphkit.query("MATCH (o:Organization)-[:PARTY_TO]->(:Agreement) WHERE o.type <> 'agency' "
                              "RETURN count(DISTINCT o) AS n", graph=graph)["n"][0]  # fmt: skip
    assert f"names {partners} of 342 partners" in html
    # a completeness statement carried by the data wins over the fallback
    sources = list(csv.DictReader((news / "sources.csv").open(encoding="utf-8")))
    sources[0]["completeness"] = "names 9 of 342 partners reported (test statement)"
    with (news / "sources.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=[*sources[1].keys(), "completeness"])
        writer.writeheader()
        writer.writerows(sources)
    load_dataset(news, graph)
    html = graphkit.brief(tmp_path / "n2.html", as_of=AS_OF, graph=graph).html.read_text("utf-8")
    assert "names 9 of 342 partners reported (test statement)" in html


def test_bad_arguments_are_one_line_and_write_nothing(graph, tmp_path, run_cli):
    done = run_cli("brief", "-o", str(tmp_path / "x.html"), "--as-of", "2025-01-01", "--since", "2026-01-01")
    assert done.returncode == 2 and "--since" in done.stderr and not (tmp_path / "x.html").exists()
    done = run_cli("brief", "-o", str(tmp_path / "y.html"), "--pdf", str(tmp_path / "y.pdf"),
                   env={"GRAPHKIT_CHROMIUM": "no-such-chromium"})  # fmt: skip
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "GRAPHKIT_CHROMIUM" in done.stderr
    assert not (tmp_path / "y.pdf").exists()
