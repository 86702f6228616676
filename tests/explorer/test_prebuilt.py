"""The layouts and snapshot the build ships for a first start: current, and used only when they fit."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from explorer import builtin_snapshot, prebuilt
from explorer.layout.cache import LayoutCache
from explorer.layout.service import LayoutService
from explorer.settings import DEFAULT_ARCHITECTURE
from explorer.sources import Sources

REBUILD = "out of date: run `python -m explorer.prebuild` and commit assets/prebuilt/"


def cached_ids(folder: Path, sources: Sources) -> list[str]:
    """The built-ins whose layout (with the window's options) the cache in ``folder`` holds."""
    service = LayoutService(LayoutCache(folder))
    return [a.id for a in sources.architectures.values() if service.cached(a) is not None]


def test_the_shipped_snapshot_is_current() -> None:
    shipped = builtin_snapshot.SHIPPED_DIR / f"{builtin_snapshot.content_key()}.json"
    assert shipped.is_file(), REBUILD
    assert [p.name for p in builtin_snapshot.SHIPPED_DIR.glob("*.json")] == [shipped.name]


def test_the_shipped_layouts_are_current(tmp_path: Path, sources: Sources) -> None:
    ids = list(sources.architectures)
    assert prebuilt.seed_layouts(ids, tmp_path, tools=_shipped_tools) == len(ids)
    assert cached_ids(tmp_path, sources) == ids, REBUILD


def test_only_the_first_diagrams_layout_is_seeded(tmp_path: Path, sources: Sources) -> None:
    assert prebuilt.seed_layouts(["eks", "no-such-architecture"], tmp_path, tools=_shipped_tools) == 1
    assert cached_ids(tmp_path, sources) == ["eks"]


def test_the_first_diagrams_shipped_layout_is_what_this_graphviz_draws(
    tmp_path: Path, sources: Sources
) -> None:
    if prebuilt.tool_versions() != _shipped_tools():
        pytest.skip("this machine's Graphviz or diagrams is not the one the layouts were made with")
    assert prebuilt.seed_layouts([DEFAULT_ARCHITECTURE], tmp_path / "seeded") == 1
    architecture = sources.architectures[DEFAULT_ARCHITECTURE]
    fresh = LayoutService(LayoutCache(tmp_path / "fresh"))
    try:
        assert LayoutService(LayoutCache(tmp_path / "seeded")).cached(architecture) == fresh.layout_for(
            architecture
        )
    finally:
        fresh.shutdown()


def test_nothing_is_seeded_for_another_graphviz(tmp_path: Path, sources: Sources) -> None:
    other = {**_shipped_tools(), "graphviz": "dot - graphviz version 0.1"}
    assert prebuilt.seed_layouts(list(sources.architectures), tmp_path, tools=lambda: other) == 0
    assert cached_ids(tmp_path, sources) == []


def test_a_layout_the_cache_has_is_kept_and_the_tools_not_asked(tmp_path: Path) -> None:
    name = _shipped_layouts()["eks"]
    (tmp_path / name).write_bytes(b"the user's own entry")

    def never() -> dict[str, object]:
        raise AssertionError("a later start must not run dot -V")

    assert prebuilt.seed_layouts(["eks"], tmp_path, tools=never) == 0
    assert (tmp_path / name).read_bytes() == b"the user's own entry"


def test_a_changed_model_is_not_served_a_shipped_layout(tmp_path: Path, sources: Sources) -> None:
    architecture = next(iter(sources.architectures.values()))
    prebuilt.seed_layouts([architecture.id], tmp_path, tools=_shipped_tools)
    component = architecture.components[0]
    changed = dataclasses.replace(
        architecture,
        components=(
            dataclasses.replace(component, label=component.label + " 2"),
            *architecture.components[1:],
        ),
    )
    service = LayoutService(LayoutCache(tmp_path))
    assert service.cached(architecture) is not None
    assert service.cached(changed) is None


def test_no_manifest_seeds_nothing(tmp_path: Path) -> None:
    assert prebuilt.seed_layouts(["eks"], tmp_path / "cache", shipped=tmp_path / "none") == 0
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize("layouts", [3, {"eks": "../outside.layout"}, {"eks": "notes.md"}])
def test_a_damaged_manifest_seeds_nothing(tmp_path: Path, layouts: object) -> None:
    shipped = tmp_path / "shipped"
    shutil.copytree(prebuilt.LAYOUTS_DIR, shipped)
    manifest = {"tools": _shipped_tools(), "layouts": layouts}
    (shipped / prebuilt.MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    assert prebuilt.seed_layouts(["eks"], tmp_path / "cache", shipped=shipped, tools=_shipped_tools) == 0


def _manifest() -> dict[str, object]:
    return json.loads((prebuilt.LAYOUTS_DIR / prebuilt.MANIFEST_NAME).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _shipped_tools() -> dict[str, object]:
    return _manifest()["tools"]  # type: ignore[return-value]


def _shipped_layouts() -> dict[str, str]:
    return _manifest()["layouts"]  # type: ignore[return-value]
