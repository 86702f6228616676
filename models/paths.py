"""Where the project's bundled data lives, in a checkout and once installed."""

from __future__ import annotations

from pathlib import Path

# ``assets/`` ships beside the ``models`` package both in the repository and in
# site-packages (see ``[tool.setuptools]`` in pyproject.toml).
ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
ARCHITECTURES_DIR = ASSETS_DIR / "architectures"
NOTES_DIR = ASSETS_DIR / "notes"
WALKTHROUGHS_DIR = ASSETS_DIR / "walkthroughs"
