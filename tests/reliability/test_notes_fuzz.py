"""Notes, random and odd: parsing and matching never raise, never hang, and say what they skipped.

Random Markdown (built from the pieces real notes are made of, names of
components included) goes through the parser and the matcher; random bytes go
through the file loader. The explicit cases are the files people really have:
misencoded, with NUL bytes, 50 MB, deeply nested, thousands of headings.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.catalog import load_catalog
from models.notes import NoteDocument, NotesLibrary, load_note_file, load_notes, parse_note
from models.notes.loading import MAX_NOTE_BYTES, MAX_PARSED_BYTES, MAX_PARSED_LINES
from tests.reliability._guards import Reads, hang_guard
from tests.reliability._support import ROOT, fuzz

ARCHITECTURES = tuple(load_catalog().architectures)
KUBERNETES = next(a for a in ARCHITECTURES if a.id == "kubernetes")
NOTE = (ROOT / "tests/fixtures/notes/vault/Containers/Kubernetes/Kubernetes 101.md").read_text("utf-8")

PIECES = [
    "# ", "## ", "###### ", "- ", "* ", "1. ", "2) ", "> ", "> [!note] ", "\t", "  ", "\n", "\n\n", " ",
    "kubelet", "etcd", "API server", "kube-proxy", "Kubernetes", "EKS", "Fargate", "pods", "node",
    "[[EKS#Nodes|the nodes]]", "[[", "]]", "![[diagram.png]]", "![x](http://example.com/a.png)", "**", "_",
    "`", "```\n", "~~~", "|", "| a | b |\n|---|---|\n", "---\n", "{#etcd}", "#tag", "<div>", "&amp;",
    "\\", "\0", "\r", "é", "日本", "🚀", "\u202e", "^block-id", "==mark==", "- [ ] ", "[link](note:EKS)",
]  # fmt: skip
MARKDOWN = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


@functools.cache
def _names_of_kubernetes() -> NotesLibrary:
    """A library with no notes whose Kubernetes matcher is built: the libraries made from it share
    that matcher (as the app's do), so each input costs its own parsing and matching only."""
    library = NotesLibrary(architectures=ARCHITECTURES)
    library.warm([KUBERNETES])
    return library


def parsed_and_matched(text: str, source: str = "fuzz.md") -> tuple[NoteDocument, NotesLibrary]:
    """``text`` parsed and matched against Kubernetes; a hang fails (see :func:`hang_guard`)."""
    line_count = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    with hang_guard():
        document = parse_note(text, source)
        library = _names_of_kubernetes().with_user((document,))
        for element in (*KUBERNETES.components[:6], *KUBERNETES.groups[:2]):
            for excerpt in library.excerpts_for(KUBERNETES, element.id, show_all=True):
                assert excerpt.source == source
                assert 1 <= excerpt.line <= line_count
                assert math.isfinite(excerpt.score)
        library.summary_for(KUBERNETES)
    return document, library


@fuzz(150)
@given(MARKDOWN)
def test_random_markdown_parses_and_matches(text: str) -> None:
    document, _ = parsed_and_matched(text)
    line_count = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for section in document.sections:
        assert 1 <= section.line <= line_count
        for block in section.blocks:
            assert 1 <= block.line <= block.end_line <= line_count


@fuzz(100)
@given(st.binary(max_size=600) | st.builds(lambda b: NOTE[:300].encode() + b, st.binary(max_size=60)))
def test_random_bytes_in_a_note_file(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("note") / "note.md"
    path.write_bytes(raw)
    document, problems = load_note_file(path)
    assert all(problem.startswith(f"{path}: ") for problem in problems)
    if document is not None:
        parsed_and_matched("\n".join(block.text for s in document.sections for block in s.blocks))


@pytest.mark.parametrize(
    ("raw", "offset"),
    [
        (b"# Notes\nthe kubelet \xc0\xaf runs pods\n", 20),
        (b"# Notes\nthe kubelet \xed\xa0\x80 surrogate\n", 20),
        (b"# Notes\nthe kubelet \x80 stray\n", 20),
        (b"# Notes\nthe kubelet cut \xe6\x97", 24),
    ],
    ids=["overlong", "encoded-surrogate", "stray-continuation", "cut-at-the-end"],
)
def test_invalid_utf8_is_shown_replaced_and_reported(tmp_path: Path, raw: bytes, offset: int) -> None:
    path = tmp_path / "odd.md"
    path.write_bytes(raw)
    document, problems = load_note_file(path)
    assert document is not None
    assert "\N{REPLACEMENT CHARACTER}" in document.sections[0].blocks[0].text
    replaced = "such bytes are shown as \N{REPLACEMENT CHARACTER}"
    assert problems == [f"{path}: not UTF-8 (undecodable byte at offset {offset}); {replaced}"]
    _, library = parsed_and_matched(document.sections[0].blocks[0].text)
    assert library.excerpts_for(KUBERNETES, "kubelet-1")


def test_nul_bytes_past_the_start_are_replaced_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "nul.md"
    path.write_bytes(b"# etcd\n" + b"x" * 2_000 + b"\n\nthe kubelet\0 talks to the API server\0\0\n")
    document, problems = load_note_file(path)
    assert problems == []
    assert document is not None
    text = "\n".join(block.text for block in document.sections[0].blocks)
    assert "\0" not in text
    assert "kubelet\N{REPLACEMENT CHARACTER} talks" in text


def write_big_note(path: Path, size: int) -> None:
    """A note of ``size`` bytes: real text well past the parsing limit, then a sparse end (no disk).

    The end is never read (the test that uses it checks the bytes read), so it costs nothing."""
    unit = NOTE.encode("utf-8")
    with path.open("wb") as file:
        for _ in range(2 * MAX_PARSED_BYTES // len(unit)):
            file.write(unit)
        file.truncate(size)


def test_a_50_mb_note_is_read_only_in_part_with_a_message(tmp_path: Path, reads: Reads) -> None:
    path = tmp_path / "vault" / "huge.md"
    path.parent.mkdir()
    write_big_note(path, 50 * 1000 * 1000)
    result = load_notes([path.parent])
    assert reads.bytes_read(path) <= MAX_PARSED_BYTES + 1, "the rest of the 50 MB is never read"
    [document] = result.documents
    assert (
        max(block.end_line for section in document.sections for block in section.blocks) <= MAX_PARSED_LINES
    )
    library = NotesLibrary((), result.documents, architectures=ARCHITECTURES)
    excerpts = library.excerpts_for(KUBERNETES, "etcd", show_all=True)
    assert result.errors == [
        f"{path}: this note is too large to read whole (47.7 MB); only its first {MAX_PARSED_LINES:,} "
        f"lines were read (the limit is {MAX_PARSED_LINES:,} lines or {MAX_PARSED_BYTES // 2**20} MB a note)"
    ]
    assert excerpts, "what was read is matched as usual"
    assert max(excerpt.line for excerpt in excerpts) <= MAX_PARSED_LINES


def test_a_note_over_the_size_limit_is_skipped_unread(tmp_path: Path, reads: Reads) -> None:
    path = tmp_path / "enormous.md"
    with path.open("wb") as file:
        file.truncate(MAX_NOTE_BYTES + 1)  # sparse: costs no disk
    document, problems = load_note_file(path)
    assert not reads.was_opened(path), "judged by its size alone, never opened"
    assert document is None
    assert problems == [f"{path}: larger than the 50 MB limit for a note; skipped"]


@pytest.mark.parametrize(("lines", "cut"), [(MAX_PARSED_LINES, False), (MAX_PARSED_LINES + 1, True)])
def test_the_line_limit_is_exact(tmp_path: Path, lines: int, cut: bool) -> None:
    path = tmp_path / "lines.md"
    path.write_text("".join(f"line {i}\n" for i in range(lines)), encoding="utf-8")
    document, problems = load_note_file(path)
    assert document is not None
    assert bool(problems) is cut
    assert document.sections[0].blocks[-1].end_line == MAX_PARSED_LINES


def test_a_character_cut_by_the_byte_limit_is_not_reported_as_bad_utf8(tmp_path: Path) -> None:
    path = tmp_path / "accents.md"
    line = "é" * 999 + "\n"  # 1,999 bytes: the limit falls inside a character
    path.write_text(line * (MAX_PARSED_BYTES // len(line.encode()) + 5), encoding="utf-8")
    document, problems = load_note_file(path)
    assert document is not None
    assert len(problems) == 1
    assert "too large to read whole" in problems[0]
    assert "\N{REPLACEMENT CHARACTER}" not in document.sections[0].blocks[-1].text


@pytest.mark.parametrize(
    "text",
    [
        "- " * 5_000 + "kubelet",
        "> " * 10_000 + "kubelet",
        "> - " * 2_500 + "kubelet",
        "1. " * 3_000 + "etcd",
        "\n".join(" " * (2 * depth) + f"- level {depth} kubelet" for depth in range(1_000)),
        "\n".join(f"{'>' * depth} quote {depth} etcd" for depth in range(1_000)),
        "[" * 50_000 + "etcd" + "]" * 50_000,
        "*" * 100_000 + " etcd",
    ],
    ids=["bullets", "quotes", "quotes-in-lists", "ordered", "indented", "quote-ladder", "brackets", "stars"],
)
def test_deep_nesting_parses_and_matches_without_hanging(text: str) -> None:
    parsed_and_matched(text)


def test_thousands_of_headings_naming_components_match_without_hanging() -> None:
    text = "\n".join(f"{'#' * (1 + i % 6)} kubelet and etcd {i}\ntext about pods {i}" for i in range(5_000))
    document, library = parsed_and_matched(text)
    assert len(document.sections) == 5_000
    assert library.total_user_matches(KUBERNETES, "etcd") >= 5_000


def test_a_front_matter_billion_laughs_is_ignored() -> None:
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]" for n in range(1, 9)]
    with hang_guard():  # expanded, the aliases would be 10⁹ values
        document = parse_note(
            "---\n" + "\n".join(lines) + "\ntags: *l8\n---\n# etcd\nthe store\n", "laughs.md"
        )
    assert document.front_matter == {}
    assert document.tags == ()
    assert "was ignored" in document.warnings[0]
    assert document.sections[0].title == "etcd"
