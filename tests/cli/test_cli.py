"""The CLI shell: one-line errors with the right exit codes, help that ends with an example."""

from __future__ import annotations

import click
from click.testing import CliRunner

from graphkit.cli import cli


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += _commands(command, (*path, name))
        else:
            found.append((*path, name))
    return found


def test_every_help_ends_with_an_example() -> None:
    commands = _commands(cli)
    assert len(commands) >= 17
    for path in commands:
        text = CliRunner().invoke(cli, [*path, "--help"]).output
        last = text.strip().split("\n\n")[-1].strip()  # the last paragraph (it may wrap)
        assert last.startswith("Example: graphkit"), (path, last)


def test_usage_errors_are_one_line_and_exit_2(run_cli) -> None:
    for args, expected in (
        (("report", "coverage", "--as-of", "2025-13-01"), "'2025-13-01' is not a date"),
        (("report", "coverage", "--format", "xml"), "'xml' is not one of"),
        (("no-such-command",), "No such command"),
        (("generate", "/tmp/never", "--scale", "huge"), "use national or a whole multiple"),
    ):
        proc = run_cli(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], (args, lines)


def test_an_unwritable_output_path_is_one_line_not_a_traceback(run_cli, tmp_path) -> None:
    target = tmp_path / "missing" / "folder" / "out.csv"
    proc = run_cli("query", "RETURN 1 AS x", "--format", "csv", "--output", target)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: {target}: No such file or directory"
