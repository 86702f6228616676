"""The walkthrough values: a titled, ordered list of steps on one architecture."""

from __future__ import annotations

from models.records import frozen_record, set_field

DIRECTIONS = ("forward", "reverse")
"""Which way a step's "request" travels along its relations: source → target, or back."""


@frozen_record
class Step:
    """One moment of a walkthrough: what it emphasises and what the narration says.

    Attributes:
        title: a few words ("Scheduler binds the Pod").
        text: the narration, one to three sentences.
        components: ids of the components the step involves.
        groups: ids of the groups (boxes) the step involves.
        relations: (source, target) pairs, each a relation of the architecture.
        direction: ``forward`` when the request travels source → target, ``reverse`` when it
            travels back along the drawn arrows (a reply, a watch notification).
    """

    title: str
    text: str
    components: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    relations: tuple[tuple[str, str], ...] = ()
    direction: str = "forward"

    def __init__(
        self,
        title: str,
        text: str,
        components: tuple[str, ...] = (),
        groups: tuple[str, ...] = (),
        relations: tuple[tuple[str, str], ...] = (),
        direction: str = "forward",
    ) -> None:
        set_field(self, "title", title)
        set_field(self, "text", text)
        set_field(self, "components", components)
        set_field(self, "groups", groups)
        set_field(self, "relations", relations)
        set_field(self, "direction", direction)


@frozen_record
class Walkthrough:
    """A step-by-step flow on the architecture ``architecture``.

    Attributes:
        id: unique among all walkthroughs.
        architecture: the id of the architecture it runs on.
        title: what happens ("kubectl apply of a Deployment").
        summary: one or two sentences shown before the first step.
        steps: in order; at least two.
        source: the file it came from.
    """

    id: str
    architecture: str
    title: str
    summary: str
    steps: tuple[Step, ...]
    source: str = ""

    def __init__(
        self, id: str, architecture: str, title: str, summary: str, steps: tuple[Step, ...], source: str = ""
    ) -> None:
        set_field(self, "id", id)
        set_field(self, "architecture", architecture)
        set_field(self, "title", title)
        set_field(self, "summary", summary)
        set_field(self, "steps", steps)
        set_field(self, "source", source)

    def components_up_to(self, index: int) -> frozenset[str]:
        """Components of steps 0…``index``: what a built-up slide keeps emphasised."""
        return frozenset(c for step in self.steps[: index + 1] for c in step.components)

    def to_data(self) -> dict[str, object]:
        """Plain data for JSON: the shape ``main.py walkthroughs --json`` prints."""
        return {
            "id": self.id,
            "architecture": self.architecture,
            "title": self.title,
            "summary": self.summary,
            "steps": [
                {
                    "title": step.title,
                    "text": step.text,
                    "components": list(step.components),
                    "groups": list(step.groups),
                    "relations": [{"source": s, "target": t} for s, t in step.relations],
                    "direction": step.direction,
                }
                for step in self.steps
            ],
        }
