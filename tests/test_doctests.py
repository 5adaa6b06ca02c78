"""Every example in graphkit's docstrings runs and gives the output it shows."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import graphkit

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(graphkit.__path__, "graphkit.") if not m.name.endswith("__main__")
)


def _with_examples(name: str) -> bool:
    finder = doctest.DocTestFinder()
    return any(t.examples for t in finder.find(importlib.import_module(name)))


WITH_EXAMPLES = [m for m in MODULES if _with_examples(m)]


def test_the_pure_modules_carry_examples() -> None:
    # analytics functions and the small helpers document themselves with a runnable example
    for name in ("graphkit._gc", "graphkit.analytics.centrality", "graphkit.analytics.isolation"):
        assert name in WITH_EXAMPLES


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
