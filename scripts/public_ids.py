"""Row ids of graphkit/data/public, for adding rows by hand the way the first build named them.

A source is ``source_id(publisher, published_on, url)``, e.g. ``republika-2022-03-14-e45b31`` (the last
part is the first six hex digits of the url's SHA-1). Agreements are ``{kind}-{organization id}-{signed_on}``;
a regional government is ``pemda-{region code with '-' for '.'}``, another organization the slug of its name;
follow-ups are ``fu-{kind}-{region code or x}-{short_hash(description + source id)}``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata


def slug(text: str, n: int = 60) -> str:
    """Lower-case ASCII words joined by '-', at most ``n`` characters."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")[:n].strip("-")


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:6]


def source_id(publisher: str, published_on: str, url: str) -> str:
    """``{publisher slug, 20 chars}-{published_on or 'undated'}-{short_hash(url)}``."""
    return f"{slug(publisher, 20)}-{published_on or 'undated'}-{short_hash(url)}"
