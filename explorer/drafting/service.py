"""Drafting one note file: the checks on the input and the draft checked by the model loader.

Shared by the ``draft`` command and, later, the window's "New architecture
from note…": both refuse the same input with the same one-line messages.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from explorer.drafting.icon_source import icon_catalogue
from models.drafting import Draft, NameIndex, draft_note, draft_yaml
from models.errors import ModelError
from models.loader import load_architecture_text

MAX_NOTE_BYTES = 5 * 1024 * 1024


_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


class DraftInputError(Exception):
    """Input the draft refuses; the message is one line for the user."""


def read_note_text(path: Path) -> str:
    """The note's text; raises :class:`DraftInputError` for anything that is not a usable note."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_NOTE_BYTES + 1)
    except IsADirectoryError:
        raise DraftInputError(f"{path} is a folder; give one note file") from None
    except OSError as error:
        raise DraftInputError(f"cannot read {path}: {error.strerror or error}") from None
    if len(raw) > MAX_NOTE_BYTES:
        raise DraftInputError(f"{path} is larger than {MAX_NOTE_BYTES // (1024 * 1024)} MB; is it a note?")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DraftInputError(f"{path} is not UTF-8 text (a binary file?)") from None
    if "\x00" in text:
        raise DraftInputError(f"{path} is a binary file, not a Markdown note")
    if not text.strip():
        raise DraftInputError(f"{path} is empty")
    return text


def make_draft(text: str, note: Path, architecture_id: str | None, title: str | None) -> tuple[Draft, str]:
    """The draft of ``text`` and its YAML, checked by the model loader."""
    if architecture_id is not None and not _ID.fullmatch(architecture_id):
        raise DraftInputError(f"--id {architecture_id!r}: use letters, digits, '-', '_' and '.'")
    draft = draft_note(text, NameIndex(icon_catalogue().entries), fallback_title=note.stem)
    if not draft.components:
        passing = ", ".join(item.label for item in draft.unsure)
        hint = f" (only in passing: {passing}; write them in bold to keep them)" if passing else ""
        raise DraftInputError(f"found no technologies or services in {note}{hint}; nothing to draw")
    draft = replace(draft, title=title or draft.title, id=architecture_id or draft.id)
    text_out = draft_yaml(draft, note.name)
    try:
        load_architecture_text(text_out, f"draft of {note}")
    except ModelError as error:
        raise DraftInputError(f"the draft is not a valid architecture: {error}") from None
    return draft, text_out
