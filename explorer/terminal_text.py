"""Text made safe for a terminal: model text and file names reach stdout and stderr, where ESC
sequences would run and bidirectional overrides would reorder what is shown."""

from __future__ import annotations

import json
import re

# Control characters (C0, DEL, C1) and the bidirectional overrides.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # json escapes C0


def terminal_text(text: str) -> str:
    """``text`` with every unsafe character shown as an escape (``\\x1b``); newlines and tabs kept."""
    return _UNSAFE.sub(lambda match: _escape(match.group()), text)


def terminal_json(value: object) -> str:
    """``value`` as indented JSON whose unsafe characters are escaped; parsing gives the original text."""
    return _UNSAFE_IN_JSON.sub(
        lambda match: f"\\u{ord(match.group()):04x}", json.dumps(value, indent=2, ensure_ascii=False)
    )


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
