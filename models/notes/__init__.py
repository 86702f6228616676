"""Study notes: parsing Markdown/Obsidian notes and matching their excerpts to architecture elements.

Pure Python (markdown-it-py, PyYAML): no Qt, no Graphviz.
"""

from models.notes.document import Block, NoteDocument, Section
from models.notes.excerpts import BUILTIN, SUMMARY_KEY, USER, Excerpt, builtin_excerpts, check_builtin_keys
from models.notes.library import NotesLibrary, NotesMatcher, match_excerpts
from models.notes.loading import NotesLoadResult, load_builtin_notes, load_note_file, load_notes
from models.notes.obsidian import Callout, Wikilink, find_tags, find_wikilinks, parse_callout
from models.notes.parser import parse_note

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
