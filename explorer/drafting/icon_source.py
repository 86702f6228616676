"""Builds the icon catalogue from the ``diagrams`` package, once, and caches it.

The scan reads the package's files as text (its ``resources/`` icons and the
generated ``diagrams/<provider>/<category>.py`` modules, for class names and
short aliases such as ``S3 = SimpleStorageServiceS3``) without importing it.
The result is cached as JSON in the user cache folder, keyed by the
``diagrams`` version and the naming rules (their version and the curated
table's fingerprint), so later starts only read
one file.
"""

from __future__ import annotations

import json
import logging
import re
from functools import cache
from importlib import metadata
from pathlib import Path

from explorer.atomic_write import ExportError, write_atomically
from explorer.userdirs import user_cache_dir
from models.catalog import load_catalog
from models.drafting.catalogue import Catalogue, ScannedIcon, entries_from_architectures, entries_from_icons
from models.drafting.names import naming_fingerprint
from models.icons import diagrams_resources_dir

logger = logging.getLogger(__name__)

_CLASS = re.compile(r'^class (\w+)\(_\w+\):\s*\n\s+_icon = "([^"]+)\.png"', re.MULTILINE)
_ALIAS = re.compile(r"^(\w+) = (\w+)$", re.MULTILINE)


def scan_icons(resources: Path) -> list[ScannedIcon]:
    """Every PNG below ``resources`` with its class name and aliases from the sibling module."""
    modules = resources.parent / "diagrams"
    # Provider logos (``k8s/k8s.png``) too: a few name a technology of their own.
    icons = [ScannedIcon(f"{png.parent.name}/{png.stem}") for png in sorted(resources.glob("*/*.png"))]
    for folder in sorted(path for path in resources.glob("*/*") if path.is_dir()):
        provider, category = folder.parent.name, folder.name
        classes, aliases = _module_names(modules / provider / f"{category}.py")
        for png in sorted(folder.glob("*.png")):
            class_name = classes.get(png.stem, "")
            reference = f"{provider}/{category}/{png.stem}"
            icons.append(ScannedIcon(reference, class_name, tuple(aliases.get(class_name, ()))))
    return icons


def _module_names(module: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    try:
        source = module.read_text(encoding="utf-8")
    except OSError:
        return {}, {}
    classes = {stem: name for name, stem in _CLASS.findall(source)}
    aliases: dict[str, list[str]] = {}
    for alias, target in _ALIAS.findall(source):
        if alias != target:
            aliases.setdefault(target, []).append(alias)
    return classes, aliases


def _cache_file() -> Path:
    try:
        version = metadata.version("diagrams")
    except metadata.PackageNotFoundError:
        version = "none"
    return user_cache_dir() / f"icon-catalogue-diagrams-{version}-names-{naming_fingerprint()}.json"


def _icon_entries_json() -> list[dict[str, object]]:
    path = _cache_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, list):
            return data
    except (OSError, ValueError):
        pass
    resources = diagrams_resources_dir()
    data = Catalogue(entries_from_icons(scan_icons(resources))).to_json() if resources else []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except (OSError, ExportError) as error:
        logger.warning("cannot cache the icon catalogue at %s: %s", path, error)
    return data


@cache
def icon_catalogue() -> Catalogue:
    """The built-in architectures' concepts first, then every ``diagrams`` icon."""
    concepts = entries_from_architectures(load_catalog().architectures)
    return Catalogue.from_json(_icon_entries_json(), extra=concepts)
