"""Groups from headings: kept when they gather two components or more."""

from __future__ import annotations

from models.drafting.groups import group_headings
from models.drafting.text import read_note

HEADINGS = read_note(
    "# Title\n## Platform\n### Data\n## Overview\n## Edge\n### Inner\n## Lonely\n## Wrapper\n### Only child\n"
).headings
TITLE, PLATFORM, DATA, OVERVIEW, EDGE, INNER, LONELY, WRAPPER, ONLY_CHILD = range(9)


def test_groups_nest_and_thin_headings_give_way() -> None:
    homes = {
        "a": DATA,
        "b": DATA,
        "c": PLATFORM,
        "d": OVERVIEW,
        "e": OVERVIEW,
        "f": LONELY,
        "g": ONLY_CHILD,
        "h": ONLY_CHILD,
        "i": TITLE,
    }
    groups, group_of = group_headings(HEADINGS, homes, skip_title=TITLE)
    assert [(group.label, group.parent) for group in groups] == [
        ("Platform", None),
        ("Data", "group-platform"),
        ("Only child", None),
    ]
    assert group_of == {
        "a": "group-data",
        "b": "group-data",
        "c": "group-platform",
        "g": "group-only-child",
        "h": "group-only-child",
    }


def test_a_heading_with_one_component_is_dropped_and_its_parent_takes_it() -> None:
    groups, group_of = group_headings(HEADINGS, {"x": INNER, "y": EDGE}, skip_title=TITLE)
    assert [group.label for group in groups] == ["Edge"]
    assert group_of == {"x": "group-edge", "y": "group-edge"}


def test_same_label_headings_get_distinct_ids() -> None:
    headings = read_note("## Zone\n## Zone\n").headings
    groups, _ = group_headings(headings, {"a": 0, "b": 0, "c": 1, "d": 1})
    assert [group.id for group in groups] == ["group-zone", "group-zone-2"]
