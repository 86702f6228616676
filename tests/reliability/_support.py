"""Shared pieces of the reliability tests: hypothesis settings, fake ``dot`` programs, real faults."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[2]
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="fake programs are shell scripts")
FUZZ_SCALE = float(os.environ.get("RELIABILITY_FUZZ_SCALE", "1"))
"""Multiplies every example count: ``RELIABILITY_FUZZ_SCALE=50`` for a long local hunt."""

SMALL_MODEL = """\
id: small
title: Small app
summary: A web task behind a load balancer, with its registry.
groups:
  - {id: vpc, label: VPC, kind: vpc}
components:
  - {id: alb, label: Load balancer, kind: lb, icon: aws/network/elb-application-load-balancer, group: vpc}
  - {id: web, label: Web task, kind: task, icon: aws/compute/fargate, group: vpc}
  - {id: ecr, label: Registry, kind: registry, icon: aws/compute/ec2-container-registry}
relations:
  - {source: alb, target: web, kind: routes-to, label: HTTPS}
  - {source: web, target: ecr, kind: pulls-from}
"""


def fuzz(max_examples: int) -> settings:
    """Hypothesis settings for CI: a fixed example count, no deadline, the same examples every run.

    ``derandomize`` keeps CI from ever failing on an example no one can reproduce; a
    longer, random hunt is ``RELIABILITY_FUZZ_SCALE=50 HYPOTHESIS_SEED=…`` locally.
    """
    return settings(
        max_examples=max(1, int(max_examples * FUZZ_SCALE)),
        deadline=None,
        derandomize=FUZZ_SCALE == 1,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


def install_program(folder: Path, name: str, body: str) -> Path:
    """An executable ``#!/bin/sh`` script ``folder/name`` running ``body`` (a real process when run)."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / name
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return script


def path_without_dot(folder: Path) -> str:
    """A PATH on which no ``dot`` can be found: only an empty folder of our own."""
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder)


@contextmanager
def small_filesystem(folder: Path, *, size_kb: int = 256, read_only: bool = False) -> Iterator[Path]:
    """A real tmpfs of ``size_kb`` at ``folder`` (root with mount rights only; skips otherwise)."""
    mount = shutil.which("mount")
    if sys.platform != "linux" or os.geteuid() != 0 or mount is None:
        pytest.skip("needs root on Linux to mount a small file system")
    folder.mkdir(parents=True, exist_ok=True)
    options = f"size={size_kb}k" + (",ro" if read_only else "")
    mounted = subprocess.run(
        [mount, "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def fill_up(folder: Path) -> None:
    """Write a file in ``folder`` until its file system has no space left (a real ENOSPC)."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with pytest.raises(OSError, match="No space left") as full:
            _write_forever(fd)
    finally:
        os.close(fd)
    assert full.value.errno == errno.ENOSPC


def _write_forever(fd: int) -> None:
    while True:
        os.write(fd, b"\0" * 4096)


@contextmanager
def folder_made_read_only(folder: Path) -> Iterator[Path]:
    """``folder`` (with whatever the test wrote in it) made read-only for this process, for real.

    Root ignores permission bits, so as root the folder is a small file system
    remounted read-only; otherwise its permission bits are cleared.
    """
    if os.geteuid() == 0:
        remounted = subprocess.run(
            ["mount", "-o", "remount,ro", str(folder)], capture_output=True, check=False
        )
        if remounted.returncode != 0:
            pytest.skip("cannot remount read-only here")
        yield folder
        return
    mode = folder.stat().st_mode
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(mode)


@contextmanager
def writable_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder that :func:`folder_made_read_only` can later make read-only (a tmpfs when root)."""
    folder = tmp_path / "folder"
    if os.geteuid() == 0:
        with small_filesystem(folder, size_kb=1024):
            yield folder
    else:
        folder.mkdir()
        yield folder
