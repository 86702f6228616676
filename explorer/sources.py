"""Loading what every entry point needs: the architectures and the notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from explorer.userdirs import user_models_dir
from models.architecture import Architecture
from models.catalog import load_catalog
from models.errors import ModelError
from models.notes import NotesLibrary, load_builtin_notes, load_notes


@dataclass
class Sources:
    """Architectures by id (in display order), the notes library and every load problem.

    ``model_locations`` and ``note_locations`` are the user's own locations the
    content came from, so the window can watch and reload them.
    """

    architectures: dict[str, Architecture]
    notes: NotesLibrary
    model_errors: list[ModelError] = field(default_factory=list)
    notes_errors: list[str] = field(default_factory=list)
    model_locations: list[Path] = field(default_factory=list)
    note_locations: list[Path] = field(default_factory=list)


def user_model_locations(extra: Sequence[Path] = ()) -> list[Path]:
    """The user models folder (when it exists) followed by ``extra`` locations."""
    folder = user_models_dir()
    return [*([folder] if folder.is_dir() else []), *extra]


def load_sources(model_locations: Sequence[Path] = (), note_locations: Sequence[Path] = ()) -> Sources:
    """Built-in content plus the user models folder, ``model_locations`` and ``note_locations``."""
    models = user_model_locations(model_locations)
    catalog = load_catalog(models)
    user_notes = load_notes(note_locations) if note_locations else None
    return Sources(
        architectures={architecture.id: architecture for architecture in catalog.architectures},
        notes=NotesLibrary(
            load_builtin_notes(),
            user_notes.documents if user_notes else (),
            architectures=catalog.architectures,
        ),
        model_errors=list(catalog.errors),
        notes_errors=list(user_notes.errors) if user_notes else [],
        model_locations=list(model_locations),
        note_locations=list(note_locations),
    )
