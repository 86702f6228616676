"""Loading what every entry point needs: the architectures and the notes."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Generic, TypeVar

from explorer.userdirs import user_models_dir
from models.architecture import Architecture
from models.errors import ModelError
from models.records import frozen_record, set_field

if TYPE_CHECKING:
    # Imported where notes are loaded: Markdown and the notes parser cost 50 ms to import.
    from models.notes import NotesLibrary
    from models.walkthroughs import Walkthrough, WalkthroughLoadResult

T = TypeVar("T")


@frozen_record
class Models:
    """The architectures alone, for commands that draw no notes (``export``)."""

    architectures: Mapping[str, Architecture]
    model_errors: tuple[ModelError, ...] = ()

    def __init__(
        self, architectures: Mapping[str, Architecture], model_errors: tuple[ModelError, ...] = ()
    ) -> None:
        set_field(self, "architectures", architectures)
        set_field(self, "model_errors", model_errors)


def load_models(model_locations: Sequence[Path] = ()) -> Models:
    """Built-in architectures plus the user models folder and ``model_locations``; no notes."""
    locations = user_model_locations(model_locations)
    if not locations:  # the built-ins alone: from the snapshot, without parsing YAML
        from explorer.builtin_snapshot import builtin_architectures

        architectures, errors = builtin_architectures()
        return Models({a.id: a for a in architectures}, errors)
    from models.catalog import load_catalog

    catalog = load_catalog(locations)
    return Models({a.id: a for a in catalog.architectures}, tuple(catalog.errors))


class Once(Generic[T]):
    """A value made on first use, then the same object for every caller and thread.

    The built-in notes (and the notes stack they need, ~30 ms of imports) and walkthroughs
    are read when first asked for: the window's first paint shows neither, so it does not
    wait for them.
    """

    def __init__(self, make: Callable[[], T]) -> None:
        self._make: Callable[[], T] | None = make
        self._made: tuple[T] | None = None
        self._lock = threading.Lock()

    @classmethod
    def of(cls, value: T) -> Once[T]:
        once = cls(lambda: value)
        once._made, once._make = (value,), None
        return once

    def __call__(self) -> T:
        made = self._made
        if made is None:
            with self._lock:
                if self._made is None and self._make is not None:
                    self._made, self._make = (self._make(),), None
                made = self._made
        assert made is not None
        return made[0]

    @property
    def made(self) -> bool:
        return self._made is not None


def _no_walkthroughs() -> Once[tuple[Walkthrough, ...]]:
    return Once.of(())


@frozen_record
class Sources:
    """Architectures by id (in display order), the notes library and every load problem.

    A snapshot: nothing in it changes, so worker threads read it safely. A reload
    makes a new one (:meth:`with_architectures`, :meth:`with_notes`) and the window
    swaps it in whole. ``model_locations`` and ``note_locations`` are the user's own
    locations the content came from, so the window can watch and reload them. The
    notes library and the walkthroughs are made on first use (:class:`Once`), once for every copy.
    """

    architectures: Mapping[str, Architecture]
    notes_once: Once[NotesLibrary] = field(repr=False, compare=False)
    model_errors: tuple[ModelError, ...] = ()
    notes_errors: tuple[str, ...] = ()
    model_locations: tuple[Path, ...] = ()
    note_locations: tuple[Path, ...] = ()
    walkthrough_errors: tuple[ModelError, ...] = ()
    walkthroughs_once: Once[tuple[Walkthrough, ...]] = field(
        default_factory=_no_walkthroughs, repr=False, compare=False
    )

    def __init__(
        self,
        architectures: Mapping[str, Architecture],
        notes_once: Once[NotesLibrary],
        model_errors: tuple[ModelError, ...] = (),
        notes_errors: tuple[str, ...] = (),
        model_locations: tuple[Path, ...] = (),
        note_locations: tuple[Path, ...] = (),
        walkthrough_errors: tuple[ModelError, ...] = (),
        walkthroughs_once: Once[tuple[Walkthrough, ...]] | None = None,
    ) -> None:
        set_field(self, "architectures", architectures)
        set_field(self, "notes_once", notes_once)
        set_field(self, "model_errors", model_errors)
        set_field(self, "notes_errors", notes_errors)
        set_field(self, "model_locations", model_locations)
        set_field(self, "note_locations", note_locations)
        set_field(self, "walkthrough_errors", walkthrough_errors)
        set_field(
            self, "walkthroughs_once", _no_walkthroughs() if walkthroughs_once is None else walkthroughs_once
        )
        self.__post_init__()

    def __post_init__(self) -> None:
        # A read-only view of a private copy: no caller can change it under a reader.
        object.__setattr__(self, "architectures", MappingProxyType(dict(self.architectures)))

    @property
    def notes(self) -> NotesLibrary:
        return self.notes_once()

    @property
    def walkthroughs(self) -> tuple[Walkthrough, ...]:
        return self.walkthroughs_once()

    def with_architectures(
        self, architectures: Sequence[Architecture], errors: Sequence[ModelError]
    ) -> Sources:
        return replace(self, architectures={a.id: a for a in architectures}, model_errors=tuple(errors))

    def with_notes(self, notes: NotesLibrary) -> Sources:
        return replace(self, notes_once=Once.of(notes))

    def with_walkthroughs(self, loaded: WalkthroughLoadResult) -> Sources:
        return replace(
            self,
            walkthroughs_once=Once.of(tuple(loaded.walkthroughs)),
            walkthrough_errors=tuple(loaded.errors),
        )


def user_model_locations(extra: Sequence[Path] = ()) -> list[Path]:
    """The user models folder (when it exists) followed by ``extra`` locations."""
    folder = user_models_dir()
    return [*([folder] if folder.is_dir() else []), *extra]


def load_sources(model_locations: Sequence[Path] = (), note_locations: Sequence[Path] = ()) -> Sources:
    """Built-in content plus the user models folder, ``model_locations`` and ``note_locations``.

    The user's notes at ``note_locations`` are read now (their problems are part of the
    result); the built-in notes and walkthroughs are read when first asked for.
    """
    from explorer.builtin_snapshot import builtin_content

    models = user_model_locations(model_locations)
    builtin = builtin_content(notes=False, walkthroughs=False)
    if models:
        from models.catalog import load_catalog

        catalog = load_catalog(models)
        architectures, errors = catalog.architectures, catalog.errors
    else:
        architectures, errors = list(builtin.architectures), list(builtin.errors)
    if models:
        from models.walkthroughs import load_walkthrough_catalog

        walkthroughs = load_walkthrough_catalog({a.id: a for a in architectures}, models)
        walks, walk_errors = Once.of(tuple(walkthroughs.walkthroughs)), tuple(walkthroughs.errors)
    else:
        parsed_walks = builtin.walkthroughs  # empty when the snapshot was read, as the notes

        def builtin_walks() -> tuple[Walkthrough, ...]:
            from explorer.builtin_snapshot import builtin_walkthroughs

            return parsed_walks or builtin_walkthroughs()

        walks, walk_errors = Once(builtin_walks), builtin.walkthrough_errors
    user_notes = None
    if note_locations:
        from models.notes import load_notes

        user_notes = load_notes(note_locations)
    user_documents = tuple(user_notes.documents) if user_notes else ()
    parsed_notes = builtin.notes  # empty when the snapshot was read: its notes are read on first use

    def notes_library() -> NotesLibrary:
        from explorer.builtin_snapshot import builtin_notes
        from models.notes import NotesLibrary

        return NotesLibrary(parsed_notes or builtin_notes(), user_documents, architectures=architectures)

    return Sources(
        architectures={architecture.id: architecture for architecture in architectures},
        notes_once=Once(notes_library),
        model_errors=tuple(errors),
        notes_errors=tuple(user_notes.errors) if user_notes else (),
        model_locations=tuple(model_locations),
        note_locations=tuple(note_locations),
        walkthrough_errors=walk_errors,
        walkthroughs_once=walks,
    )
