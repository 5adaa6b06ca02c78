"""Reading articles: .txt / .md / .html files or folders of them, with an optional NAME.meta.json sidecar.

HTML is reduced to the article's text (paragraphs and headings; scripts, styles, menus, headers, footers
and asides are dropped). Lines that only point to other articles ("Baca juga: ...") are dropped from every
input, keeping the character offsets of what remains stable for the evidence.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from graphkit._errors import GraphkitError

__all__ = ["Article", "ArticleError", "read_articles", "join_wrapped", "SUFFIXES"]

SUFFIXES = (".txt", ".md", ".html", ".htm")
_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "button",
              "iframe", "menu", "select", "figure"}  # fmt: skip
_BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
               "blockquote", "td", "time"}  # fmt: skip
_SEE_ALSO = re.compile(r"^\s*(baca juga|baca pula|lihat juga|simak juga|artikel terkait|berita terkait)\b",
                       re.IGNORECASE)  # fmt: skip
#: A heading over a list of links to other stories ("Breaking News", "Terpopuler"): its bullet lines go too.
_LINKS_HEAD = re.compile(
    r"(?i)^\W*(?:breaking\s+news|berita\s+(?:terkini|terbaru|terpopuler|populer|lainnya|pilihan)|terpopuler"
    r"|terkini|terbaru|trending|populer|most\s+popular|latest\s+news|headlines?)\W*$"
)
_BULLET = re.compile(r"^\s*[-\u2013\u2022*]\s+\S")
_TERMINAL = re.compile(r"[.!?:;\"”’')\]]\s*$")
_META_KEYS = ("url", "publisher", "published_on", "title")


class ArticleError(GraphkitError):
    """An input file that cannot be read as an article (empty, binary, not UTF-8, bad sidecar)."""

    exit_code = 2


@dataclass
class Article:
    """One article: its text (as extracted) and what is known about it from options or its sidecar."""

    path: Path
    text: str
    meta: dict[str, str] = field(default_factory=dict)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = " ".join(v or "" for k, v in attrs if k in ("class", "id")).casefold()
        if tag in _SKIP_TAGS or (tag == "div" and re.search(r"\b(menu|nav|share|related|baca)", classes)):
            if tag not in ("br",):
                self.skip += 1
            return
        if tag == "title":
            self._in_title = True
        if tag in _BLOCK_TAGS and not self.skip:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS or tag == "div" and self.skip:
            self.skip = max(0, self.skip - 1)
        if tag == "title":
            self._in_title = False
        if tag in _BLOCK_TAGS and not self.skip:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self.skip:
            self.parts.append(data)


def html_text(html: str) -> tuple[str, str]:
    """(article text, page title) of an HTML page."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return "\n".join(line for line in lines if line), " ".join(parser.title.split())


def join_wrapped(text: str) -> str:
    """``text`` with the line breaks that cut a sentence made spaces (offsets are kept).

    A line break followed by a blank line always ends a paragraph. One followed by text goes on with the
    sentence when the line before does not end a sentence (``.``, ``!``, ``?``, ``:``, ``;``, a closing
    quote or bracket) and either the next line starts in lower case, or the page is hard-wrapped (three
    lines or more, and a third of its lines at least, run on into the next line that way).

    Parameters
    ----------
    text : str
        The article text.

    Returns
    -------
    str
        The same text, of the same length, with those line breaks replaced by spaces.
    """
    lines = text.split("\n")
    pairs = zip(lines, lines[1:], strict=False)
    run_on = [bool(a.strip() and b.strip() and not _TERMINAL.search(a)) for a, b in pairs]
    filled = sum(1 for line in lines if line.strip())
    hard = sum(run_on) >= 3 and sum(run_on) * 3 >= filled
    out = []
    for i, line in enumerate(lines[:-1]):
        joined = run_on[i] and (hard or lines[i + 1].lstrip()[:1].islower())
        out.append(line + (" " if joined else "\n"))
    return "".join(out) + lines[-1]


def _clean(text: str) -> str:
    """See-also lines, and a heading over a list of links ("Breaking News") with its bullet lines, become
    blanks of the same length: offsets still point into the file's text; line breaks inside a sentence
    become spaces (:func:`join_wrapped`)."""
    lines = text.replace("\r", " ").split("\n")
    links = False  # inside a list of links under a heading such as "Breaking News"
    for i, line in enumerate(lines):
        links = bool(_LINKS_HEAD.match(line)) or (links and bool(_BULLET.match(line)))
        if links or _SEE_ALSO.match(line):
            lines[i] = " " * len(line)
    return join_wrapped("\n".join(lines))


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        problem = f"{path}: cannot read ({exc.strerror}); give a readable .txt, .md or .html file"
        raise ArticleError(problem) from None
    if not data.strip():
        raise ArticleError(f"{path}: empty file; give an article's text or leave the file out")
    if b"\x00" in data[:4096]:
        raise ArticleError(f"{path}: binary file, not article text; save the article as UTF-8 text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{path}: not UTF-8 (byte {exc.start}); re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)"
        ) from None


def _sidecar(path: Path) -> dict[str, str]:
    meta_path = path.with_name(path.stem + ".meta.json")
    if not meta_path.is_file():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        problem = f"{meta_path}: not a UTF-8 JSON object ({exc}); fix or remove the sidecar"
        raise ArticleError(problem) from None
    if not isinstance(meta, dict):
        raise ArticleError(f"{meta_path}: must hold one JSON object with url, publisher, published_on")
    return {k: str(meta[k]).strip() for k in _META_KEYS if meta.get(k) not in (None, "")}


def _files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            raise ArticleError(f"{path}: no such file or folder; give article files or folders of them")
    return found


def read_articles(paths: list[Path], options: dict[str, str] | None = None) -> list[Article]:
    """Every article under ``paths`` (files in the given order, folders sorted), all read before any use.

    ``options`` (url, publisher, published_on) override the sidecars. Raises :class:`ArticleError` on the
    first file that is not article text, so nothing is written for a bad input.
    """
    articles = []
    for path in _files(paths):
        raw = _decode(path)
        meta = _sidecar(path)
        if path.suffix.lower() in (".html", ".htm"):
            raw, title = html_text(raw)
            if title and "title" not in meta:
                meta["title"] = title
        text = _clean(raw)
        if not text.strip():
            raise ArticleError(f"{path}: no article text found; give the article's text")
        meta.update({k: v for k, v in (options or {}).items() if v})
        articles.append(Article(path, text, meta))
    return articles
