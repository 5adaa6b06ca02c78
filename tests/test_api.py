"""The public API: an explicit __all__ whose every name resolves, and DataFrame-returning functions."""

from __future__ import annotations

from pathlib import Path

import graphkit

NEWS = Path(graphkit.__file__).parent / "data" / "news"

EXPECTED = {
    "connect", "validate_dataset", "load_dataset", "coverage", "isolated_regencies", "centrality",
    "expiring", "followup", "render_map", "query", "export_dataset", "generate", "GraphkitError",
}  # fmt: skip


def test_all_is_explicit_and_complete() -> None:
    assert EXPECTED <= set(graphkit.__all__)
    assert len(graphkit.__all__) == len(set(graphkit.__all__))


def test_every_public_name_resolves() -> None:
    for name in graphkit.__all__:
        assert getattr(graphkit, name) is not None, name


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        graphkit.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_query_returns_a_dataframe_in_return_order(graph) -> None:
    graphkit.load_dataset(NEWS, graph)  # the reference regions arrive with the first load
    df = graphkit.query(
        "MATCH (p:Province) WHERE p.code IN $codes RETURN p.name AS name, p.code AS code ORDER BY code",
        {"codes": ["33", "52"]},
        graph=graph,
    )
    assert list(df.columns) == ["name", "code"]
    assert df["code"].tolist() == ["33", "52"]
    assert df["name"].tolist() == ["Jawa Tengah", "Nusa Tenggara Barat"]
