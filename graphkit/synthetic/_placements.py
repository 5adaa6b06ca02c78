"""Synthetic placements broken down by destination country, for scales above 1 (see ``_generate``).

BP2MI publishes its placement statistics by region of origin and by destination country. At scale 1 the
generator writes one total per regency and year; at scale ``N > 1`` :func:`by_destination` splits each of
those totals over destination countries, so the per region-year totals stay identical at every scale and
only the number of rows grows. A regency sends to a few dozen countries at most, so the rows grow about
``N``-fold up to scale 10 (about 11 rows per region-year there) and more slowly after it (about 22 at
scale 100, not 100): 100 times the rows would add some 360,000 Placement nodes, double the graph of the
100x dataset and push the database server past its 2 GB memory target.

The destination countries are real; their weights (:data:`DESTINATIONS`), each regency's preference for
them and every figure per destination are INVENTED, shaped only like the published ranking (Hong Kong,
Taiwan and Malaysia far ahead, then South Korea, Japan, Singapore, Saudi Arabia, ...).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from graphkit.synthetic._names import weighted_sample

__all__ = ["DESTINATIONS", "by_destination", "breadth", "split_workers"]

#: Destination countries and their synthetic weights (invented; relative share of all placements).
DESTINATIONS: tuple[tuple[str, float], ...] = (
    ("Taiwan", 28.0),
    ("Hong Kong", 24.0),
    ("Malaysia", 22.0),
    ("South Korea", 5.0),
    ("Japan", 3.5),
    ("Singapore", 3.0),
    ("Saudi Arabia", 2.5),
    ("Poland", 1.2),
    ("Brunei", 1.0),
    ("United Arab Emirates", 1.0),
    ("Italy", 0.8),
    ("Turkey", 0.8),
    ("Qatar", 0.6),
    ("Germany", 0.4),
    ("Kuwait", 0.4),
    ("United States", 0.4),
    ("Australia", 0.3),
    ("Oman", 0.3),
    ("Bahrain", 0.2),
    ("Netherlands", 0.2),
    ("Romania", 0.2),
    ("Hungary", 0.15),
    ("Maldives", 0.15),
    ("New Zealand", 0.15),
    ("Spain", 0.15),
    ("Czech Republic", 0.1),
    ("Cyprus", 0.1),
    ("Papua New Guinea", 0.1),
    ("Portugal", 0.1),
    ("Slovakia", 0.1),
    ("Thailand", 0.1),
    ("Croatia", 0.05),
    ("Fiji", 0.05),
    ("Greece", 0.05),
    ("Ireland", 0.05),
    ("Lithuania", 0.05),
    ("Mauritius", 0.05),
    ("Seychelles", 0.05),
    ("South Africa", 0.05),
    ("Zambia", 0.03),
)


def breadth(scale: int) -> float:
    """Typical number of destinations per region-year at ``scale``: ``scale`` up to 10, then slower.

    >>> [round(breadth(n), 1) for n in (1, 2, 10, 100, 1000)]
    [1.0, 2.0, 10.0, 25.1, 63.1]
    """
    return float(min(scale, 10.0 * (scale / 10.0) ** 0.4))


def split_workers(rng: random.Random, total: int, weights: Sequence[float]) -> list[int]:
    """``total`` split over ``len(weights)`` parts about in proportion to ``weights``, each at least 1.

    The parts sum to ``total`` exactly (largest remainders get the rounding); ``ValueError`` unless there
    is at least one part and no more parts than ``total``.

    >>> parts = split_workers(random.Random(1), 100, [3.0, 1.0, 0.01])
    >>> sum(parts), min(parts) >= 1, parts[0] > parts[1]
    (100, True, True)
    """
    k = len(weights)
    if not 0 < k <= total:
        raise ValueError(f"cannot split {total} workers into {k} parts of at least 1")
    noisy = [w * rng.lognormvariate(0.0, 0.3) for w in weights]
    scale = (total - k) / sum(noisy)
    exact = [1 + w * scale for w in noisy]
    parts = [math.floor(v) for v in exact]
    short = total - sum(parts)
    for i in sorted(range(k), key=lambda i: (parts[i] - exact[i], i))[:short]:
        parts[i] += 1
    return parts


def by_destination(
    rng: random.Random, totals: Sequence[tuple[str, int, int]], scale: int
) -> list[tuple[str, int, str, int]]:
    """Split every ``(region, year, workers)`` total over destination countries.

    Returns ``(region, year, destination, workers)`` rows, per region and year the destinations by
    workers (most first); the workers of one region and year sum to its total exactly. A total of 0
    stays one row with an empty destination (the region's total: nothing to break down). The number of
    destinations grows with :func:`breadth` of ``scale`` and with the total (its 0.25th power relative
    to the median total), capped by the total itself and by the :data:`DESTINATIONS` list; each
    regency keeps its own (synthetic) preference for some countries across the years.

    >>> rows = by_destination(random.Random(5), [("33.28", 2023, 900), ("33.29", 2023, 0)], 10)
    >>> sum(w for r, _, _, w in rows if r == "33.28"), [d for r, _, d, _ in rows if r == "33.29"]
    (900, [''])
    """
    names = [name for name, _ in DESTINATIONS]
    nonzero = sorted(w for _, _, w in totals if w > 0)
    typical = nonzero[len(nonzero) // 2] if nonzero else 1  # the median total
    wide = breadth(scale)
    preference: dict[str, list[float]] = {}
    rows: list[tuple[str, int, str, int]] = []
    for region, year, workers in totals:
        if workers <= 0:
            rows.append((region, year, "", workers))
            continue
        if region not in preference:
            preference[region] = [w * rng.lognormvariate(0.0, 0.8) for _, w in DESTINATIONS]
        likes = preference[region]
        k = min(workers, len(names), max(1, round(wide * (workers / typical) ** 0.25)))
        chosen = sorted(weighted_sample(rng, range(len(names)), likes, k))
        parts = split_workers(rng, workers, [likes[i] for i in chosen])
        ranked = sorted(zip(parts, chosen, strict=True), key=lambda t: (-t[0], t[1]))
        rows.extend((region, year, names[i], n) for n, i in ranked)
    return rows
