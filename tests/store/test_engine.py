"""Choosing the ArcadeDB build (``GRAPHKIT_ENGINE``), and the fallback to the JVM build on one data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graphkit._errors import DatabaseUnavailable
from graphkit.store import _db, _server
from graphkit.store._engine import DEFAULT_ENGINE, ENGINE_ENV, choose_engine, native_unavailable


@pytest.fixture
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh GRAPHKIT_HOME; whatever server runs in it is stopped afterwards."""
    home = tmp_path / "gk-home"
    monkeypatch.setenv("GRAPHKIT_HOME", str(home))
    monkeypatch.delenv("GRAPHKIT_DATABASE", raising=False)
    yield home
    monkeypatch.setenv("GRAPHKIT_HOME", str(home))
    if home.exists():
        _server.stop()


def test_the_choice_follows_the_setting() -> None:
    why = native_unavailable()
    auto = choose_engine({})
    assert auto == choose_engine({ENGINE_ENV: "auto"}) and not auto.explicit
    if why is None:
        assert (auto.name, auto.note) == (DEFAULT_ENGINE, "")
    else:  # the JVM build, saying why
        assert auto.name == "jvm" and why in auto.note
    assert choose_engine({ENGINE_ENV: " JVM"}).name == "jvm"
    with pytest.raises(DatabaseUnavailable, match=r"GRAPHKIT_ENGINE='java': use native, jvm or auto") as err:
        choose_engine({ENGINE_ENV: "java"})
    assert "\n" not in str(err.value)


def test_a_native_build_that_cannot_start_falls_back_to_the_jvm_on_the_same_data(
    own_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if native_unavailable():
        pytest.skip(f"the native build cannot run here: {native_unavailable()}")
    monkeypatch.setenv(ENGINE_ENV, "native")
    first = _server.start()
    assert first.engine == "native" and first.engine_note == ""
    with _db.connect(database="graphkit") as g:
        g.query("CREATE (n:Survivor {id: 'n1'})", write=True)
    assert _server.stop() is True

    monkeypatch.delenv(ENGINE_ENV)  # the default, with a native build that fails to start
    monkeypatch.setenv("ARCADEDB_NATIVE_ISOLATE_ARGS", "-XX:+GraphkitNoSuchOption")
    second = _server.start()
    assert second.engine == "jvm" and second.engine_version.startswith("arcadedb-embedded ")
    assert second.engine_note.startswith("the native build failed to start (")
    assert second.engine_note.endswith("): using the JVM build") and "\n" not in second.engine_note
    assert _server.status() == second  # recorded in server.json, as db status shows it
    with _db.connect(database="graphkit") as g:  # the data folder the native build wrote
        _, rows = g.query("MATCH (n:Survivor) RETURN n.id AS id")
    assert rows == [{"id": "n1"}]

    monkeypatch.setenv(ENGINE_ENV, "native")  # chosen explicitly: no fallback, one line naming the log
    assert _server.stop() is True
    with pytest.raises(DatabaseUnavailable, match=r"\(native build\) exited while starting") as err:
        _server.start(timeout=60)
    assert str(own_home / "server.log") in str(err.value) and _server.status() is None
