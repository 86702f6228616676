"""Study notes: parsing Markdown/Obsidian notes and matching their excerpts to architecture elements.

Pure Python (markdown-it-py, PyYAML): no Qt, no Graphviz.
"""

from typing import TYPE_CHECKING, Any

from models.notes.document import Block, NoteDocument, Section
from models.notes.excerpts import BUILTIN, SUMMARY_KEY, USER, Excerpt, builtin_excerpts, check_builtin_keys
from models.notes.library import NotesLibrary, NotesMatcher, match_excerpts
from models.notes.obsidian import Callout, Wikilink, find_tags, find_wikilinks, parse_callout

if TYPE_CHECKING:
    from models.notes.loading import NotesLoadResult, load_builtin_notes, load_note_file, load_notes
    from models.notes.parser import parse_note

# Parsing (and markdown-it with it) is imported on first use: a start that reads its
# notes from a snapshot draws the first diagram without it.
_LAZY = {
    "NotesLoadResult": "models.notes.loading",
    "load_builtin_notes": "models.notes.loading",
    "load_note_file": "models.notes.loading",
    "load_notes": "models.notes.loading",
    "parse_note": "models.notes.parser",
}

__all__ = [
    "BUILTIN",
    "SUMMARY_KEY",
    "USER",
    "Block",
    "Callout",
    "Excerpt",
    "NoteDocument",
    "NotesLibrary",
    "NotesLoadResult",
    "NotesMatcher",
    "Section",
    "Wikilink",
    "builtin_excerpts",
    "check_builtin_keys",
    "find_tags",
    "find_wikilinks",
    "load_builtin_notes",
    "load_note_file",
    "load_notes",
    "match_excerpts",
    "parse_callout",
    "parse_note",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'models.notes' has no attribute {name!r}")
