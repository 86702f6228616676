"""The SVG writer's kerning lookup gives what a dictionary of every ``kern`` pair gave."""

from __future__ import annotations

import struct

import pytest

from explorer.export.text_metrics import _FILES, _font, _Kerning


def _kern_table(*subtables: list[tuple[int, int, int]]) -> bytes:
    """A ``kern`` table (version 0) of horizontal format-0 subtables with these pairs, in this order."""
    body = b""
    for pairs in subtables:
        data = b"".join(struct.pack(">HHh", *pair) for pair in pairs)
        body += struct.pack(">HHHHHHH", 0, 14 + len(data), 0x0001, len(pairs), 0, 0, 0) + data
    return struct.pack(">HH", 0, len(subtables)) + body


def _as_dictionary(*subtables: list[tuple[int, int, int]]) -> dict[tuple[int, int], int]:
    return {(left, right): value for pairs in subtables for left, right, value in pairs}


@pytest.mark.parametrize(
    "subtables",
    [
        [[(3, 4, -80), (3, 9, 12), (5, 1, -7), (70, 2, 300)]],
        [[(70, 2, 300), (3, 9, 12), (3, 4, -80), (3, 9, -5)]],  # out of order, a pair twice
        [[(3, 4, -80), (5, 1, -7)], [(3, 4, 40), (8, 8, 1)]],  # a later subtable wins
        [],
    ],
)
def test_every_pair_and_every_other_pair_is_found_as_in_a_dictionary(
    subtables: list[list[tuple[int, int, int]]],
) -> None:
    kerning, expected = _Kerning(_kern_table(*subtables)), _as_dictionary(*subtables)
    for left in range(-1, 80):
        for right in range(0, 12):
            assert kerning.get((left, right)) == expected.get((left, right))


def test_no_kern_table_kerns_nothing() -> None:
    assert _Kerning(b"").get((3, 4)) is None


@pytest.mark.parametrize("bold", [False, True])
def test_the_fonts_pairs_are_all_found(bold: bool) -> None:
    font = _font(bold)
    if font is None:
        pytest.skip(f"{_FILES[bold]} is not installed")
    assert sum(len(keys) for keys, _ in font.kerning._subtables) > 1000
    keys, values = font.kerning._subtables[0]
    for key, value in zip(keys[::50], values[::50], strict=True):
        assert font.kerning.get((key >> 16, key & 0xFFFF)) == value
