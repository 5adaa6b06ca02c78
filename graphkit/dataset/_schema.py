"""The dataset contract (docs/DESIGN.md §1): tables, columns, types, enums and references."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Column",
    "Table",
    "TABLES",
    "TABLE_ORDER",
    "ORGANIZATION_TYPES",
    "AGREEMENT_KINDS",
    "FOLLOW_UP_KINDS",
    "SCOPES",
    "DEFAULT_TERM_YEARS",
    "MAX_FIELD_LENGTH",
]

ORGANIZATION_TYPES = (
    "agency",
    "regional_government",
    "education",
    "health",
    "financial",
    "government",
    "private",
    "international",
    "community",
)
AGREEMENT_KINDS = ("mou", "pks", "technical", "other")
FOLLOW_UP_KINDS = (
    "action_plan",
    "regulation",
    "budget",
    "training",
    "socialization",
    "service",
    "monitoring",
    "other",
)
#: The shipped scope list (id -> name); a dataset may extend it with a ``scopes.csv`` (id, name).
SCOPES: dict[str, str] = {
    "illegal_placement": "Fighting illegal placement syndicates",
    "education_training": "Education and training",
    "protection": "Protection of migrant workers",
    "placement_services": "Placement services",
    "socialization": "Socialisation of safe migration and job opportunities",
    "coordination": "Coordination of other duties and functions",
}
#: An agreement with no ``expires_on`` is assumed to run this many years from ``signed_on``.
DEFAULT_TERM_YEARS = 5
#: Longer fields are refused: a spreadsheet cell that long is almost always a paste error.
MAX_FIELD_LENGTH = 10_000


@dataclass(frozen=True)
class Column:
    """One column: ``type`` is str, date, int, float, bool, enum, list (``;``-separated), region or ref."""

    name: str
    type: str = "str"
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None  # table whose key this column references


@dataclass(frozen=True)
class Table:
    """One dataset table (a CSV file or an Excel sheet named by ``name``)."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    required_file: bool = False
    common: tuple[Column, ...] = field(default=(Column("note"), Column("synthetic", "bool")), repr=False)

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    def all_columns(self) -> tuple[Column, ...]:
        return self.columns + self.common

    def column(self, name: str) -> Column | None:
        return next((c for c in self.all_columns() if c.name == name), None)


def _t(name: str, key: tuple[str, ...], *cols: Column, required_file: bool = False) -> Table:
    return Table(name, cols, key, required_file)


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        _t(
            "sources",
            ("id",),
            Column("id", required=True),
            Column("title", required=True),
            Column("publisher"),
            Column("published_on", "date"),
            Column("url"),
        ),
        _t(
            "scopes",
            ("id",),
            Column("id", required=True),
            Column("name", required=True),
        ),
        _t(
            "organizations",
            ("id",),
            Column("id", required=True),
            Column("name", required=True),
            Column("type", "enum", required=True, choices=ORGANIZATION_TYPES),
            Column("region", "region"),
            Column("aliases", "list"),
            Column("source_id", "ref", ref="sources"),
            required_file=True,
        ),
        _t(
            "agreements",
            ("id",),
            Column("id", required=True),
            Column("kind", "enum", required=True, choices=AGREEMENT_KINDS),
            Column("signed_on", "date", required=True),
            Column("number"),
            Column("title"),
            Column("expires_on", "date"),
            Column("parent_id", "ref", ref="agreements"),
            Column("scopes", "list"),
            Column("source_id", "ref", ref="sources"),
            Column("source_ids", "list"),  # further sources of the same signing (each its own SOURCED_FROM)
            required_file=True,
        ),
        _t(
            "parties",
            ("agreement_id", "organization_id"),
            Column("agreement_id", "ref", required=True, ref="agreements"),
            Column("organization_id", "ref", required=True, ref="organizations"),
            Column("role"),
            required_file=True,
        ),
        _t(
            "programs",
            ("id",),
            Column("id", required=True),
            Column("name", required=True),
            Column("kind"),
            Column("started_on", "date"),
            Column("source_id", "ref", ref="sources"),
        ),
        _t(
            "program_regions",
            ("program_id", "region"),
            Column("program_id", "ref", required=True, ref="programs"),
            Column("region", "region", required=True),
            Column("since", "date"),
            Column("organization_id", "ref", ref="organizations"),
        ),
        _t(
            "follow_ups",
            ("id",),
            Column("id", required=True),
            Column("agreement_id", "ref", required=True, ref="agreements"),
            Column("kind", "enum", required=True, choices=FOLLOW_UP_KINDS),
            Column("date", "date"),
            Column("region", "region"),
            Column("description"),
            Column("source_id", "ref", ref="sources"),
        ),
        _t(
            "placements",
            ("region", "year", "destination"),
            Column("region", "region", required=True),
            Column("year", "int", required=True),
            Column("destination"),
            Column("workers", "int", required=True),
        ),
    )
}
#: Tables in dependency order: a table only references tables before it (agreements also itself).
TABLE_ORDER = tuple(TABLES)
