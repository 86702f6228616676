"""The build step that makes ``assets/prebuilt/``: ``python -m explorer.prebuild``.

Parses the built-in content into the shipped snapshot (:func:`explorer.builtin_snapshot.ship`)
and lays every built-in architecture out with the options the window uses, keeping
the layout cache's entry files and a manifest of the tools that made them
(:mod:`explorer.prebuilt`). Run it after changing a built-in model, note or
walkthrough, the ``models`` package, the layout adapter, Graphviz or ``diagrams``;
a test says when the shipped files are out of date.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from explorer import builtin_snapshot, prebuilt
from explorer.layout.cache import LayoutCache
from explorer.layout.service import LayoutService
from models.paths import ASSETS_DIR


def build(
    snapshot_folder: Path = builtin_snapshot.SHIPPED_DIR, layouts_folder: Path = prebuilt.LAYOUTS_DIR
) -> None:
    """Writes the shipped snapshot and layouts, replacing the old ones.

    Raises:
        RuntimeError: the snapshot cannot keep the content, or still names this checkout's folder.
    """
    content = builtin_snapshot.parse_builtin_content()
    snapshot_folder.mkdir(parents=True, exist_ok=True)
    for old in snapshot_folder.glob("*.json"):
        old.unlink()
    path = builtin_snapshot.ship(content, snapshot_folder)
    if path is None:
        raise RuntimeError("the built-in content cannot be kept as a snapshot")
    if str(ASSETS_DIR.parent).encode() in path.read_bytes():
        raise RuntimeError(f"{path} names this checkout's folder: it would not serve another copy")
    layouts: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        service = LayoutService(LayoutCache(folder))
        try:
            for architecture in content.architectures:
                before = set(folder.glob(f"*{prebuilt.LAYOUT_SUFFIX}"))
                service.layout_for(architecture)
                (entry,) = set(folder.glob(f"*{prebuilt.LAYOUT_SUFFIX}")) - before
                layouts[architecture.id] = entry.name
        finally:
            service.shutdown()
        if layouts_folder.exists():
            shutil.rmtree(layouts_folder)
        layouts_folder.mkdir(parents=True)
        for name in layouts.values():
            shutil.copyfile(folder / name, layouts_folder / name)
    manifest = {"tools": prebuilt.tool_versions(), "layouts": layouts}
    (layouts_folder / prebuilt.MANIFEST_NAME).write_text(
        json.dumps(manifest, indent=1) + "\n", encoding="utf-8"
    )


def main() -> int:
    build()
    print(f"wrote {builtin_snapshot.SHIPPED_DIR}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
