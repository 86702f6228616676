"""Which exports wait for the disk: the window's do, the command line's do not (as ``dot -o``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.export.batch import export_architecture
from explorer.export.options import ExportOptions
from explorer.layout.service import LayoutService
from explorer.sources import load_models


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = os.fsync

    def counting(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", counting)
    return calls


def test_the_command_line_writes_its_file_whole_without_flushing_it(
    tmp_path: Path, fsyncs: list[int]
) -> None:
    output = tmp_path / "vms.svg"
    assert main(["export", "containers-vs-vms", "-o", str(output)]) == 0
    assert output.read_bytes().rstrip().endswith(b"</svg>")
    assert fsyncs == []
    assert [p.name for p in tmp_path.iterdir()] == ["vms.svg"]


def test_the_window_export_still_flushes_to_disk(tmp_path: Path, fsyncs: list[int]) -> None:
    architecture = load_models().architectures["containers-vs-vms"]
    layout = LayoutService().layout_for(architecture)
    export_architecture(architecture, layout, tmp_path / "vms.svg", ExportOptions(format="svg"))
    assert len(fsyncs) == 2  # the file, then its folder
