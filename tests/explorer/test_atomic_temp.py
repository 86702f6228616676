"""The atomic writer's temporary files: new, private, and never an existing file reused."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from explorer import atomic_write


def test_a_temporary_file_is_new_and_readable_only_by_us(tmp_path: Path) -> None:
    fd, path = atomic_write._make_temp(tmp_path)
    os.close(fd)
    assert atomic_write.is_temp_file(path)
    assert path.parent == tmp_path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_name_already_taken_is_never_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draws = iter([b"\0" * 8, b"\0" * 8, b"\1" * 8])
    monkeypatch.setattr(atomic_write.os, "urandom", lambda _: next(draws))
    taken = tmp_path / f"{atomic_write.TEMP_PREFIX}{'00' * 8}{atomic_write.TEMP_SUFFIX}"
    taken.write_bytes(b"someone else's")
    fd, path = atomic_write._make_temp(tmp_path)
    os.close(fd)
    assert path.name == f"{atomic_write.TEMP_PREFIX}{'01' * 8}{atomic_write.TEMP_SUFFIX}"
    assert taken.read_bytes() == b"someone else's"


def test_a_written_file_keeps_the_usual_mode_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = atomic_write.write_atomically(tmp_path / "out.svg", b"<svg/>", durable=False)
    umask = os.umask(0)
    os.umask(umask)
    assert target.read_bytes() == b"<svg/>"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]
