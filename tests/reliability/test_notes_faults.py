"""Notes that reach the Markdown parser's limits keep their text, and say so."""

from __future__ import annotations

import pytest

from models.notes import parse_note
from models.notes.parser import MAX_NESTING


@pytest.mark.parametrize("depth", [MAX_NESTING, MAX_NESTING + 1, 500])
def test_a_quote_nested_past_the_limit_keeps_its_text_and_says_so(depth: int) -> None:
    note = parse_note("# Kubelet\n\n" + ">" * depth + " the kubelet runs pods\n", "deep.md")
    [block] = [block for section in note.sections for block in section.blocks]
    assert block.line == 3
    assert "the kubelet runs pods" in block.prose, "the text is kept for matching"
    assert any("line 3" in warning and "nested" in warning for warning in note.warnings)


def test_a_quote_within_the_limit_needs_no_message() -> None:
    note = parse_note(">" * (MAX_NESTING - 1) + " the kubelet runs pods\n", "ok.md")
    assert not note.warnings
    assert "the kubelet runs pods" in note.sections[0].blocks[0].prose
