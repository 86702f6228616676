"""``prebuilt.run_briefly``: a first start's ``dot -V`` without importing ``subprocess``."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

from explorer import prebuilt

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell programs")
PRINTS_AND_FAILS = ["sh", "-c", "echo out; echo err >&2; exit 3"]


@pytest.fixture(params=["posix_spawnp", "subprocess"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test runs both ways: spawned, and through ``subprocess`` (where ``posix_spawnp`` is missing)."""
    if request.param == "subprocess":
        monkeypatch.setattr(prebuilt, "_spawn", None)
    return str(request.param)


def test_the_status_and_what_it_printed(way: str) -> None:
    assert prebuilt.run_briefly(PRINTS_AND_FAILS, timeout=30) == (3, "out\nerr")


def test_a_missing_program_is_none(way: str) -> None:
    assert prebuilt.run_briefly(["no-such-program-for-the-tests"], timeout=30) is None


def test_a_program_that_does_not_end_in_time_is_killed(way: str) -> None:
    assert prebuilt.run_briefly(["sh", "-c", "exec sleep 60"], timeout=0.05) is None


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz")
def test_the_graphviz_version_is_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    spawned = prebuilt.graphviz_version()
    monkeypatch.setattr(prebuilt, "_spawn", None)
    assert spawned is not None
    assert spawned == prebuilt.graphviz_version()


@pytest.fixture
def fake_dot(tmp_path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A ``dot`` first on PATH that answers ``-V`` as Graphviz does (on its errors)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "dot"
    program.write_text("#!/bin/sh\necho 'dot - graphviz version 0.0 (fake)' >&2\n")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:{os.environ['PATH']}")
    return "dot - graphviz version 0.0 (fake)"


def test_a_first_start_asks_dot_early_and_is_answered_from_it(tmp_path, fake_dot: str) -> None:
    prebuilt.probe_graphviz_early(tmp_path / "no-cache-yet")
    early = prebuilt._early_probe
    assert early is not None, "started at once"
    assert prebuilt.graphviz_version() == fake_dot
    assert prebuilt._early_probe is None
    with pytest.raises(ChildProcessError):
        os.waitpid(early.pid, os.WNOHANG)  # reaped


def test_a_later_start_asks_nothing_early(tmp_path, fake_dot: str) -> None:
    prebuilt.probe_graphviz_early(tmp_path)  # the cache folder is there
    assert prebuilt._early_probe is None


def test_an_early_answer_nobody_asked_for_is_reaped_by_the_seeding(tmp_path, fake_dot: str) -> None:
    prebuilt.probe_graphviz_early(tmp_path / "no-cache-yet")
    early = prebuilt._early_probe
    assert early is not None
    assert prebuilt.seed_layouts(["not-a-built-in"], tmp_path / "cache") == 0
    assert prebuilt._early_probe is None
    with pytest.raises(ChildProcessError):
        os.waitpid(early.pid, os.WNOHANG)
