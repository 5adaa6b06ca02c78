"""One self-contained HTML file: vis-network (from the installed pyvis package's bundled copy), the page's
own CSS/JS (``assets/``) and the data, all inline. Nothing is fetched, now or when the page opens.

Safety: the data goes in a ``<script type="application/json">`` block with ``<``, ``>``, ``&`` and the
JavaScript line separators escaped, so no data text can close the block; the page writes data with
``textContent`` only; and a Content-Security-Policy allows only the page's own inline scripts (by hash),
no network at all (``default-src 'none'``) and images/fonts only from ``data:``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from graphkit._errors import GraphkitError

__all__ = ["VIS_VERSION", "vis_assets", "page_assets", "embed_json", "html_document", "MapAssetError"]

VIS_VERSION = "9.1.2"
_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$|/\*# sourceMappingURL=.*?\*/", re.MULTILINE)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")


class MapAssetError(GraphkitError):
    """The bundled vis-network files are missing (pyvis not installed, or a different layout)."""


@cache
def vis_assets() -> tuple[str, str]:
    """``(javascript, css)`` of vis-network as shipped inside the installed ``pyvis`` package, with
    source-map comments removed (a browser with developer tools open would try to fetch them)."""
    # located, not imported: importing pyvis loads IPython and jinja2 (~0.5 s) for two files we only read
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - pyvis is a dependency
        raise MapAssetError("pyvis is not installed: pip install 'pyvis>=0.3.2,<0.4'")
    package = Path(next(iter(spec.submodule_search_locations))).resolve()
    lib = package / "templates" / "lib" / f"vis-{VIS_VERSION}"
    try:
        js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        css = (lib / "vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise MapAssetError(f"vis-network {VIS_VERSION} not found in {lib}: reinstall pyvis 0.3.x") from exc
    return _SOURCE_MAP.sub("", js), _SOURCE_MAP.sub("", css)


@cache
def page_assets() -> dict[str, str]:
    """The page template, its stylesheet and its scripts (``graphkit/maps/assets``)."""
    folder = resources.files("graphkit.maps") / "assets"
    return {
        name: (folder / name).read_text(encoding="utf-8")
        for name in ("map.html", "map.css", "panel.js", "map.js", "picture.js")
    }


def embed_json(data: Any) -> str:
    """JSON text that is safe inside ``<script type="application/json">`` (no ``</script>``, no ``<!--``).

    >>> embed_json({"name": "</script><img src=x>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def html_document(payload: dict[str, Any], *, generator: str = "graphkit") -> str:
    """The complete page for ``payload`` (see :func:`graphkit.maps._page.build_payload`)."""
    vis_js, vis_css = vis_assets()
    assets = page_assets()
    map_js = assets["panel.js"] + "\n" + assets["map.js"] + "\n" + assets["picture.js"]
    for name, text in (("vis-network", vis_js), ("map script", map_js)):
        if re.search(r"</script|<!--", text, re.IGNORECASE):
            raise MapAssetError(f"the {name} cannot be inlined: it contains '</script' or '<!--'")
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_sha256(vis_js)} {_sha256(map_js)}",
        "style-src 'unsafe-inline'",
        "img-src data:",
        "font-src data:",
        "connect-src 'none'",
        "form-action 'none'",
        "base-uri 'none'",
    ])  # fmt: skip
    parts = {
        "LANG": html.escape(str(payload["meta"]["lang"]), quote=True),
        "CSP": html.escape(csp, quote=True),
        "GENERATOR": html.escape(generator, quote=True),
        "TITLE": html.escape(str(payload["meta"]["title"]), quote=True),
        "VIS_CSS": vis_css,
        "MAP_CSS": assets["map.css"],
        "DATA": embed_json(payload),
        "VIS_JS": vis_js,
        "MAP_JS": map_js,
    }
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], assets["map.html"])
