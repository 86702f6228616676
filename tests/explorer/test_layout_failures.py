"""Labels wrapped for Graphviz, and a ``dot`` that is missing, hangs or fails: real processes."""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from explorer.layout.dot_errors import GraphvizFailedError, GraphvizNotFoundError
from explorer.layout.graphviz_run import compute_layout
from explorer.layout.labels import MAX_NODE_LINES, NODE_LABEL_EMS, node_label_lines, text_ems, wrap_label
from explorer.layout.options import LayoutOptions
from tests.explorer.test_layout import POSIX_ONLY, _architecture, _laid_out


@pytest.fixture
def fake_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Puts an executable ``dot`` shell script with the given body first on PATH."""

    def install(body: str) -> Path:
        script = tmp_path / "dot"
        script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
        monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
        return script

    return install


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("kube-controller-manager", ("kube-controller-", "manager")),
        ("Elastic Container Registry (ECR)", ("Elastic Container", "Registry (ECR)")),
        ("one\ntwo", ("one", "two")),
        ("tab\tand  spaces", ("tab and spaces",)),
        ("", ()),
        ("x\x00y", ("xy",)),
        ("lone \ud800surrogate", ("lone surrogate",)),
    ],
)
def test_wrap_label(text: str, lines: tuple[str, ...]) -> None:
    assert node_label_lines(text) == lines


def test_wrap_label_cuts_long_words_and_long_labels() -> None:
    assert all(text_ems(line) <= NODE_LABEL_EMS for line in node_label_lines("x" * 60 + " 日本語" * 20))
    lines = node_label_lines("word " * 80)
    assert len(lines) == MAX_NODE_LINES
    assert lines[-1].endswith("…")
    assert wrap_label("a b c d", max_ems=1.5, max_lines=2) == ("a", "b…")


def test_graphviz_not_on_path_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GraphvizNotFoundError) as raised:
        _laid_out(_architecture())
    message = str(raised.value)
    assert "apt-get install graphviz" in message
    assert "brew install graphviz" in message
    assert "winget install graphviz" in message


@POSIX_ONLY
def test_a_hanging_dot_is_stopped(fake_dot) -> None:
    fake_dot("exec sleep 30")
    with pytest.raises(GraphvizFailedError, match="longer than 0.2 s"):
        _laid_out(_architecture(), timeout=0.2)


@POSIX_ONLY
@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("echo 'this is not json'", "not a JSON layout"),
        ("echo '[1, 2]'", "not a JSON layout"),
        ("echo '{\"objects\": []}'", "could not be read"),
        ("echo 'Warning: noise' >&2; echo 'Error: trouble in init_rank' >&2; exit 1", "trouble in init_rank"),
        ("kill -SEGV $$", "crashed"),
    ],
)
def test_a_failing_dot_says_how_it_failed(fake_dot, body: str, message: str) -> None:
    fake_dot(f"cat > /dev/null\n{body}")
    with pytest.raises(GraphvizFailedError, match=message):
        _laid_out(_architecture())


@POSIX_ONLY
def test_after_an_ortho_crash_the_curved_layout_keeps_the_text_size_and_slide_profile(fake_dot) -> None:
    real_dot = shutil.which("dot")
    assert real_dot is not None
    crash_on_ortho = 'input=$(cat)\ncase "$input" in *ortho*) kill -ABRT $$;; esac\n'
    fake_dot(f'{crash_on_ortho}printf "%s" "$input" | {real_dot} "$@"')
    architecture = _architecture()
    options = LayoutOptions.for_architecture(architecture, text_scale=2.0, compact=True, edge_labels=False)
    assert options.splines == "ortho"
    fallen_back = compute_layout(architecture, options)
    assert fallen_back.splines == "spline"
    assert fallen_back.nodes == compute_layout(architecture, replace(options, splines="spline")).nodes
