"""Study notes: parsing Markdown/Obsidian notes and matching their excerpts to architecture elements.

Pure Python (markdown-it-py, PyYAML): no Qt, no Graphviz.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.notes.document import Block, NoteDocument, Section
    from models.notes.excerpts import (
        BUILTIN,
        SUMMARY_KEY,
        USER,
        Excerpt,
        builtin_excerpts,
        check_builtin_keys,
    )
    from models.notes.library import NotesLibrary, NotesMatcher, match_excerpts
    from models.notes.loading import NotesLoadResult, load_builtin_notes, load_note_file, load_notes
    from models.notes.obsidian import Callout, Wikilink, find_tags, find_wikilinks, parse_callout
    from models.notes.parser import parse_note

# Every name is imported on first use: the window's first paint needs none of the
# notes stack (the notes are shown just after it), and a submodule such as
# ``models.notes.document`` is then imported without the rest.
_LAZY = {
    **dict.fromkeys(("Block", "NoteDocument", "Section"), "models.notes.document"),
    **dict.fromkeys(
        ("BUILTIN", "SUMMARY_KEY", "USER", "Excerpt", "builtin_excerpts", "check_builtin_keys"),
        "models.notes.excerpts",
    ),
    **dict.fromkeys(("NotesLibrary", "NotesMatcher", "match_excerpts"), "models.notes.library"),
    **dict.fromkeys(
        ("NotesLoadResult", "load_builtin_notes", "load_note_file", "load_notes"), "models.notes.loading"
    ),
    **dict.fromkeys(
        ("Callout", "Wikilink", "find_tags", "find_wikilinks", "parse_callout"), "models.notes.obsidian"
    ),
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
