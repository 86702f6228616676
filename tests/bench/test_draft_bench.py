"""The drafting evaluation: its scoring, and the targets it must keep meeting."""

from __future__ import annotations

from pathlib import Path

from bench.draft.score import Score, load_gold, score
from explorer.drafting.icon_source import icon_catalogue
from models.drafting import NameIndex, draft_note
from models.drafting.draft import Draft, DraftComponent, DraftRelation

EVALUATION = Path(__file__).resolve().parents[2] / "bench" / "draft"


def _component(cid: str, icon: str) -> DraftComponent:
    return DraftComponent(cid, cid, icon, "x", (), "", "", None, 2)


def test_scoring_counts_icons_optional_parts_and_direction() -> None:
    draft = Draft(
        "d",
        "D",
        "",
        (),
        (_component("a", "onprem/queue/kafka"), _component("b", "x/y/z"), _component("c", "opt/i/on")),
        (DraftRelation("b", "a", "k", "l", ""), DraftRelation("a", "c", "k", "l", "")),
        (),
    )
    gold = {
        "components": {"Kafka": "onprem/queue/kafka", "Other": "x/y/z|x/y/w", "Lost": "p/q/r"},
        "optional": ["opt/i/on"],
        "relations": [["Kafka", "Other"]],
    }
    result = score(draft, gold)
    assert (result.found_components, result.gold_components, result.spurious_components) == (2, 3, 0)
    assert result.drafted_components == 2
    # b → a is the gold relation reversed: wrong; a → c touches an optional part: not counted.
    assert (result.found_relations, result.wrong_relations, result.drafted_relations) == (0, 1, 1)


def test_the_evaluation_set_meets_its_targets() -> None:
    index = NameIndex(icon_catalogue().entries)
    total = Score()
    notes = sorted((EVALUATION / "notes").glob("*.md"))
    assert len(notes) >= 10
    for note in notes:
        total.add(
            score(
                draft_note(note.read_text(encoding="utf-8"), index),
                load_gold(EVALUATION / "gold" / f"{note.stem}.yaml"),
            )
        )
    assert total.found_components / total.gold_components >= 0.9
    assert total.spurious_components / total.drafted_components <= 0.1
    assert total.found_groups / total.gold_groups >= 0.9
    assert total.found_relations / total.gold_relations >= 0.6
    assert total.wrong_relations / total.drafted_relations <= 0.1
