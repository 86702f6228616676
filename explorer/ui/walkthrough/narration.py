"""What the notes panel shows for a walkthrough step: the narration, then the user's own excerpts."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from models.architecture import Architecture
from models.walkthroughs import Walkthrough

if TYPE_CHECKING:
    from models.notes import Excerpt, NotesLibrary


def narration_html(walkthrough: Walkthrough, index: int) -> list[str]:
    """The walkthrough's title, the step's number, title and narration (and the summary on step 1)."""
    step = walkthrough.steps[index]
    where = f"{html.escape(walkthrough.title)} · step {index + 1} of {len(walkthrough.steps)}"
    parts = [
        f'<p class="muted">{where}</p>',
        f"<h2>{html.escape(step.title)}</h2>",
        f"<p>{html.escape(step.text)}</p>",
    ]
    if index == 0:
        parts.insert(1, f"<p><i>{html.escape(walkthrough.summary)}</i></p>")
    return parts


def own_excerpts(
    notes: NotesLibrary, architecture: Architecture, element_ids: tuple[str, ...]
) -> list[Excerpt]:
    """The user's own excerpts for each of ``element_ids`` in turn, each excerpt once."""
    found: list[Excerpt] = []
    seen: set[tuple[str, int]] = set()
    for element_id in element_ids:
        for excerpt in notes.excerpts_for(architecture, element_id):
            key = (excerpt.source, excerpt.line)
            if excerpt.origin == "user" and key not in seen:
                seen.add(key)
                found.append(excerpt)
    return found


def excerpts_heading(architecture: Architecture, element_ids: tuple[str, ...], count: int) -> str:
    names = ", ".join(
        architecture.components_by_id[e].label if e in architecture.components_by_id else e
        for e in element_ids
    )
    if count:
        return f'<h3>From your notes</h3><p class="muted">{html.escape(names)}</p>'
    return f'<p class="missing">Your notes do not mention {html.escape(names)} yet.</p>'
