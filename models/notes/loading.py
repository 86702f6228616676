"""Reads notes from files and folders; every problem becomes a message naming the file, never an exception."""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from models.notes import two_cores
from models.notes.cache import NotesCache, StatKey, collector_paused
from models.notes.document import NoteDocument
from models.notes.parser import parse_note
from models.paths import NOTES_DIR

if TYPE_CHECKING:
    from models.notes.library import NotesMatcher

NOTE_SUFFIXES = (".md", ".markdown")
MAX_NOTE_BYTES = 50 * 1024 * 1024
"""Larger files are skipped: no one writes a note this long; it is an export, a log or a mistake."""
MAX_PARSED_BYTES = 2 * 1024 * 1024
MAX_PARSED_LINES = 20_000
"""A longer note is cut here, with a message. Parsing costs up to ~50 µs a line (long lists and
tables), so these keep the worst note to about a second and a 50 MB file from stalling a reload."""
_BINARY_PROBE = 1024
_MIB = 1024 * 1024


@dataclass
class NotesLoadResult:
    """The notes that could be read, and one message per problem (each names the file)."""

    documents: list[NoteDocument] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def load_builtin_notes() -> list[NoteDocument]:
    """Every ``assets/notes/*.md`` (the app's own notes, keyed with ``{#key}`` headings)."""
    if not NOTES_DIR.is_dir():
        return []
    return load_notes([NOTES_DIR]).documents


FolderVisit = Callable[[str, int], None]
"""Called with each folder searched and the notes found so far; it may raise to stop the load."""


def load_notes(
    locations: Sequence[Path],
    cache: NotesCache | None = None,
    *,
    on_folder: FolderVisit | None = None,
    between: Callable[[], None] | None = None,
    read_with: NotesMatcher | None = None,
) -> NotesLoadResult:
    """Load each location: a Markdown file, or a folder searched recursively.

    Hidden folders (``.obsidian``, ``.trash``, ``.git``) are skipped, symbolic
    links are followed but never twice into the same folder, and a note reached
    through two locations is loaded once. A note whose file is unchanged since
    it was put in ``cache`` (by default, one kept in memory) is not parsed again.
    ``on_folder`` reports progress (and stops the load by raising), as does
    ``between``, called between the notes parsed. ``read_with``: a matcher that
    reads each note parsed as it comes (the architecture on screen): a large load
    is parsed and read on two cores (:mod:`models.notes.two_cores`).
    """
    with collector_paused():
        return _load_all(locations, cache or _MEMORY, on_folder, between, read_with)


def _load_all(
    locations: Sequence[Path],
    cache: NotesCache,
    on_folder: FolderVisit | None,
    between: Callable[[], None] | None,
    read_with: NotesMatcher | None,
) -> NotesLoadResult:
    """The files first (each with the folder problems met before it), then the notes: from the cache
    when unchanged, the others parsed together. The helper process (:mod:`~models.notes.two_cores`)
    starts as soon as the listing has found enough notes to parse: the rest of the listing overlaps
    its start."""
    result = NotesLoadResult()
    walk_errors: list[str] = []
    found: list[tuple[Path, StatKey | None, int]] = []  # path, (size, mtime), walk problems before it
    loaded: list[tuple[NoteDocument | None, list[str]] | None] = []  # from the cache, or None: to parse
    visit = (lambda folder: on_folder(folder, len(found))) if on_folder else None
    helper: two_cores.Helper | None = None
    to_parse = 0
    try:
        for path, key in _distinct_files(locations, walk_errors, visit):
            found.append((path, key, len(walk_errors)))
            loaded.append(cache.note(str(path), key) if key is not None else None)
            if loaded[-1] is None:
                to_parse += 1
                if to_parse == two_cores.MIN_NOTES:
                    helper = two_cores.start_helper([read_with] if read_with is not None else [])
    except BaseException:
        if helper is not None:
            helper.close()
        raise
    missing = [index for index, entry in enumerate(loaded) if entry is None]
    parsed = two_cores.parse_all(
        [found[index][0] for index in missing], load_note_file, read_with, between=between, helper=helper
    )
    for index, (document, problems) in zip(missing, parsed, strict=True):
        path, key, _ = found[index]
        if key is not None:  # a file that could not even be looked at is read again next time
            cache.keep_note(str(path), key, document, problems)
        loaded[index] = (document, problems)
    reported = 0
    for (_, _, walk_problems), entry in zip(found, loaded, strict=True):
        result.errors.extend(walk_errors[reported:walk_problems])
        reported = walk_problems
        document, problems = entry or (None, [])
        result.errors.extend(problems)
        if document is not None:
            result.documents.append(document)
    result.errors.extend(walk_errors[reported:])
    return result


def _distinct_files(
    locations: Sequence[Path], errors: list[str], visit: Callable[[str], None] | None
) -> Iterator[tuple[Path, StatKey | None]]:
    """Each note file under ``locations`` once, with its (size, mtime_ns) (None if it cannot be looked at)."""
    seen: set[tuple[int, int] | str] = set()
    for location in locations:
        for path in _note_files(Path(location).expanduser(), errors, visit):
            try:
                status: os.stat_result | None = path.stat()
            except OSError:
                status = None
            # The same file through two locations or links: the file id, or (where a file
            # system has none) the real path, which costs a look-up per folder on the way.
            identity = (status.st_dev, status.st_ino) if status and status.st_ino else os.path.realpath(path)
            if identity in seen:
                continue
            seen.add(identity)
            yield path, (status.st_size, status.st_mtime_ns) if status is not None else None


_MEMORY = NotesCache()
"""Where :func:`load_notes` keeps notes when it is given no cache."""


def load_note_file(path: Path) -> tuple[NoteDocument | None, list[str]]:
    """Read and parse one note; returns the document (None if unusable) and the problems met."""
    source = str(path)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            return None, [f"{source}: not a regular file; skipped"]
        if status.st_size > MAX_NOTE_BYTES:
            limit = MAX_NOTE_BYTES // (1024 * 1024)
            return None, [f"{source}: larger than the {limit} MB limit for a note; skipped"]
        with path.open("rb") as file:
            raw = file.read(MAX_PARSED_BYTES + 1)
    except OSError as error:
        return None, [f"{source}: cannot read the file ({error.strerror or error})"]
    cut_bytes = len(raw) > MAX_PARSED_BYTES
    if cut_bytes:
        raw = _whole_characters(raw[:MAX_PARSED_BYTES])
    text, problems = _decode(raw, source)
    if text is None:
        return None, problems
    text, cut_note = _first_lines(text, drop_partial_line=cut_bytes)
    if cut_note:
        size = f"{max(status.st_size, len(raw)) / _MIB:.1f} MB"
        problems.append(
            f"{source}: this note is too large to read whole ({size}); only its first "
            f"{text.count(chr(10)) + 1:,} lines were read (the limit is {MAX_PARSED_LINES:,} lines "
            f"or {MAX_PARSED_BYTES // _MIB} MB a note)"
        )
    document = parse_note(text, source)
    problems.extend(f"{source}: {warning}" for warning in document.warnings)
    return document, problems


def _decode(raw: bytes, source: str) -> tuple[str | None, list[str]]:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; other bytes are replaced, with a message."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace"), []
    if b"\0" in raw[:_BINARY_PROBE]:
        return None, [
            f"{source}: looks like a binary file (it contains NUL bytes), not a Markdown note; skipped"
        ]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        problem = (
            f"{source}: not UTF-8 (undecodable byte at offset {error.start}); "
            "such bytes are shown as \N{REPLACEMENT CHARACTER}"
        )
        return raw.decode("utf-8-sig", errors="replace"), [problem]


def _whole_characters(raw: bytes) -> bytes:
    """``raw`` without a character cut in half at its end (UTF-8, or UTF-16 with a BOM)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw[: len(raw) // 2 * 2]
    for back in range(1, min(4, len(raw)) + 1):
        byte = raw[-back]
        if byte & 0xC0 != 0x80:  # not a continuation byte: an ASCII byte or a lead byte
            return raw[:-back] if _sequence_length(byte) > back else raw
    return raw


def _sequence_length(lead: int) -> int:
    """Bytes in the UTF-8 sequence that ``lead`` starts (1 for ASCII or a stray byte)."""
    if lead >> 5 == 0b110:
        return 2
    if lead >> 4 == 0b1110:
        return 3
    return 4 if lead >> 3 == 0b11110 else 1


def _first_lines(text: str, *, drop_partial_line: bool) -> tuple[str, bool]:
    """At most :data:`MAX_PARSED_LINES` lines of ``text``; True when something was left out.

    ``drop_partial_line``: the text was cut mid-file, so its last line may be
    incomplete and is dropped (unless it is the only one).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not drop_partial_line and text.count("\n") < MAX_PARSED_LINES:  # most notes: whole, not split
        return text, False
    lines = text.split("\n", MAX_PARSED_LINES)
    cut = len(lines) > MAX_PARSED_LINES and lines[MAX_PARSED_LINES] != ""  # not just a final newline
    if cut:
        lines = lines[:MAX_PARSED_LINES]
    elif drop_partial_line and len(lines) > 1:
        lines = lines[:-1]
    return "\n".join(lines), cut or drop_partial_line


def _note_files(path: Path, errors: list[str], visit: Callable[[str], None] | None) -> Iterator[Path]:
    try:
        if path.is_dir():
            found = False
            for file in _walk(path, errors, visit):
                found = True
                yield file
            if not found:
                errors.append(f"{path}: no Markdown notes ({', '.join(NOTE_SUFFIXES)}) in this folder")
        elif path.is_file():
            if path.suffix.lower() in NOTE_SUFFIXES:
                yield path
            else:
                errors.append(f"{path}: not a Markdown note (expected {' or '.join(NOTE_SUFFIXES)})")
        elif path.is_symlink():
            errors.append(f"{path}: broken symbolic link")
        elif not path.exists():
            errors.append(f"{path}: not found")
        else:
            errors.append(f"{path}: not a file or a folder")
    except OSError as error:
        errors.append(f"{path}: cannot be read ({error.strerror or error})")


def _walk(root: Path, errors: list[str], visit: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Markdown files below ``root`` in a stable order, following links but never in a loop.

    Files are chosen by name alone: nothing that is not Markdown is opened or even looked up.
    """
    visited: set[str] = set()

    def report(error: OSError) -> None:
        errors.append(f"{error.filename}: cannot read the folder ({error.strerror or error})")

    for folder, subfolders, files in os.walk(root, onerror=report, followlinks=True):
        if visit is not None:
            visit(folder)
        real = os.path.realpath(folder)
        visited.add(real)
        kept = []
        for name in sorted(subfolders):
            full = os.path.join(folder, name)
            if name.startswith("."):
                continue
            target = os.path.realpath(full)
            if target == real or real.startswith(target.rstrip(os.sep) + os.sep):
                errors.append(f"{full}: symbolic link loop (it leads back to {target}); skipped")
            elif target not in visited:
                kept.append(name)
        subfolders[:] = kept
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(NOTE_SUFFIXES):
                yield Path(folder, name)
