"""Each walkthrough is one spaced-repetition card, scheduled with the component cards.

A card key is (architecture id, component id); a walkthrough's card uses
``walkthrough:<id>`` in the second place. The colon cannot occur in a component
id, so the two never collide, and the card's due state is counted with its
architecture's other cards (``Progress.due_counts``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from models.revision.progress import Progress
from models.revision.scheduler import CardKey
from models.walkthroughs import Walkthrough

PREFIX = "walkthrough:"


def walkthrough_card_key(walkthrough: Walkthrough) -> CardKey:
    return (walkthrough.architecture, PREFIX + walkthrough.id)


def walkthrough_id_of(key: CardKey) -> str | None:
    """The walkthrough id of a walkthrough card key, None for a component card."""
    _architecture, element = key
    return element[len(PREFIX) :] if element.startswith(PREFIX) else None


def sync_ids(
    components: Mapping[str, Iterable[str]], walkthroughs: Iterable[Walkthrough]
) -> dict[str, list[str]]:
    """``components`` (architecture id → component ids) plus each walkthrough's card id.

    Pass this to ``Progress.sync`` so walkthrough cards stay active while their
    walkthrough is loaded and are retired (kept, never due) when it goes away.
    """
    ids = {architecture_id: list(component_ids) for architecture_id, component_ids in components.items()}
    for walkthrough in walkthroughs:
        if walkthrough.architecture in ids:
            ids[walkthrough.architecture].append(walkthrough_card_key(walkthrough)[1])
    return ids


def due_walkthroughs(
    walkthroughs: Iterable[Walkthrough], progress: Progress, now: datetime
) -> list[Walkthrough]:
    """The walkthroughs due today, the most overdue first; a never-revised one is not due."""
    due = [w for w in walkthroughs if progress.is_due(walkthrough_card_key(w), now)]
    due.sort(key=lambda w: _due_at(progress, w))
    return due


def new_walkthroughs(walkthroughs: Iterable[Walkthrough], progress: Progress) -> list[Walkthrough]:
    """The walkthroughs never revised yet."""
    return [w for w in walkthroughs if progress.card(walkthrough_card_key(w)) is None]


def _due_at(progress: Progress, walkthrough: Walkthrough) -> datetime:
    card = progress.card(walkthrough_card_key(walkthrough))
    assert card is not None  # only called on due walkthroughs, which have a card
    return card.due
