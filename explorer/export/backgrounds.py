"""Several backgrounds in one export run (``--background white,dark,transparent``).

With one background every path is used as given. With several, each
background gets its own copy of the output: a file ``talk.pdf`` becomes
``talk-white.pdf``, ``talk-dark.pdf``…, a folder ``slides/`` becomes
``slides/white/``, ``slides/dark/``…
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import cast

from explorer.export.options import BACKGROUNDS, Background


def parse_backgrounds(text: str) -> tuple[Background, ...]:
    """``white,dark`` → ``("white", "dark")``; argparse reports an unknown or repeated name."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in BACKGROUNDS]
    if not names or unknown:
        raise argparse.ArgumentTypeError(
            f"unknown background {', '.join(map(repr, unknown)) or repr(text)} "
            f"(choose from {', '.join(BACKGROUNDS)}, comma-separated)"
        )
    if len(set(names)) != len(names):
        raise argparse.ArgumentTypeError(f"a background is listed twice in {text!r}")
    return tuple(cast(Background, name) for name in names)


def output_for(path: Path, background: str, several: bool, *, folder: bool) -> Path:
    """Where one background's output goes (``path`` itself when there is only one background)."""
    if not several:
        return path
    if folder:
        return path / background
    return path.with_name(f"{path.stem}-{background}{path.suffix}")
