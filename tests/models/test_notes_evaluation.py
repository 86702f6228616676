"""The evaluation corpus (``bench/notes_eval``) keeps meeting the matching targets on both halves."""

from __future__ import annotations

import pytest

from bench.notes import EVAL_DIR, HALVES, evaluate, load_gold
from models.catalog import load_catalog
from models.notes import load_notes

MAX_WRONG, MIN_RECALL = 0.05, 0.95


@pytest.mark.parametrize("half", HALVES)
def test_top_five_excerpts_meet_the_targets(half: str) -> None:
    result = load_notes([EVAL_DIR / half])
    assert result.errors == []
    score = evaluate(load_catalog().architectures, result.documents, load_gold())
    assert score.shown > 50
    assert score.wrong_rate <= MAX_WRONG, score.wrong_items
    assert score.recall >= MIN_RECALL, score.missed_items


def test_every_gold_block_is_in_its_note() -> None:
    for block in load_gold():
        text = " ".join((EVAL_DIR / block.note).read_text(encoding="utf-8").split())
        assert block.key in text, (block.note, block.key)
