"""Maps icon references in model files to image files on disk.

A reference is a path without extension, relative to an icon root, such as
``aws/compute/fargate`` or ``k8s/infra/etcd``. Roots are searched in order: the
project's own ``assets/icons`` first, then the icons shipped by the ``diagrams``
package (found without importing it, so this stays free of ``diagrams``).
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from models.paths import ASSETS_DIR

ICON_EXTENSIONS = (".png", ".svg")
FALLBACK_ICON = "generic/blank/blank"


class UnknownIconError(LookupError):
    """An icon reference that names no file; lists where it was looked for."""


@cache
def diagrams_resources_dir() -> Path | None:
    """The ``resources`` folder that the ``diagrams`` package ships beside itself."""
    spec = importlib.util.find_spec("diagrams")
    if spec is None or spec.origin is None:
        return None
    resources = Path(spec.origin).resolve().parent.parent / "resources"
    return resources if resources.is_dir() else None


def icon_roots(extra_roots: tuple[Path, ...] = ()) -> list[Path]:
    roots = [*extra_roots, ASSETS_DIR / "icons"]
    resources = diagrams_resources_dir()
    if resources is not None:
        roots.append(resources)
    return roots


def find_icon(reference: str, extra_roots: tuple[Path, ...] = ()) -> Path | None:
    """The file for ``reference``, or None when no root has it (or it cannot be looked up)."""
    return _lookup(reference, extra_roots)[0]


def icon_problem(reference: str, extra_roots: tuple[Path, ...] = ()) -> str | None:
    """Why ``reference`` has no icon file (for a warning), or None when it has one."""
    return _lookup(reference, extra_roots)[1]


@cache
def _lookup(reference: str, extra_roots: tuple[Path, ...]) -> tuple[Path | None, str | None]:
    """(file, None) or (None, why not). Never raises: the fallback icon stands in for any failure.

    A reference is text from a model file, so the file system may refuse to look
    it up at all (a name longer than the system allows raises ``OSError``).
    """
    if not reference or ".." in Path(reference).parts or Path(reference).is_absolute():
        return None, "unknown icon"
    for root in icon_roots(extra_roots):
        for extension in ICON_EXTENSIONS:
            candidate = root / f"{reference}{extension}"
            try:
                if candidate.is_file():
                    return candidate, None
            except OSError as error:
                return None, f"icon cannot be looked up ({error.strerror or error})"
    return None, "unknown icon"


def icon_path(reference: str, extra_roots: tuple[Path, ...] = ()) -> Path:
    """The file for ``reference``; raises :class:`UnknownIconError` naming the roots searched."""
    found = find_icon(reference, extra_roots)
    if found is None:
        searched = ", ".join(str(root) for root in icon_roots(extra_roots))
        raise UnknownIconError(f"no icon named {reference!r} (searched {searched})")
    return found


def icon_or_fallback(reference: str, extra_roots: tuple[Path, ...] = ()) -> Path:
    """The file for ``reference``, or the fallback icon when there is none."""
    found = find_icon(reference, extra_roots)
    return found if found is not None else icon_path(FALLBACK_ICON)
