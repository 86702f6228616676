"""What a parsed note is: sections (one per heading) holding blocks, plus Obsidian metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

BLOCK_KINDS = ("paragraph", "list_item", "table_row", "code", "quote", "callout")


@dataclass(frozen=True)
class Block:
    """One excerptable piece of a section.

    Attributes:
        kind: one of :data:`BLOCK_KINDS`.
        text: the block's Markdown source, dedented. A list item includes its
            nested items; leading tabs are expanded the way the parser read them,
            so the text renders as the user meant it.
        line: 1-based first line in the file.
        end_line: 1-based last line in the file.
        prose: the words matching looks at: the block's own inline text without
            nested list items, code, link targets or embeds. Empty for code.
        context: for a nested list item, the first line of each enclosing item,
            outermost first, so an excerpt can show what the item belongs to.
            For a table row: the table's header and delimiter lines.
        lead_in: for a list item or table row that follows a paragraph ending in
            ":" ("The kubelet has a handful of responsibilities:"), that paragraph's
            prose: the items take their subject from it.
        follow: for such a lead-in paragraph, the Markdown of the list or table
            after it (an excerpt shows a lead-in with its list), ending on line
            ``follow_end``.
    """

    kind: str
    text: str
    line: int
    end_line: int = 0
    prose: str = ""
    context: tuple[str, ...] = ()
    lead_in: str = ""
    follow: str = ""
    follow_end: int = 0

    @property
    def last_line(self) -> int:
        """The last line an excerpt of this block shows (a lead-in's list included)."""
        return max(self.end_line, self.follow_end)

    def contains(self, other: Block) -> bool:
        """True when ``other`` lies inside this block's excerpt (a nested item, a lead-in's list)."""
        return self.line <= other.line and other.end_line <= self.last_line and self != other


@dataclass(frozen=True)
class Section:
    """The text under one heading, up to the next heading of any level.

    Text before the first heading forms a section with level 0, an empty title
    and an empty heading path.
    """

    title: str
    level: int
    heading_path: tuple[str, ...]
    line: int
    keys: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()

    @property
    def text(self) -> str:
        """The section's Markdown without its heading."""
        return "\n\n".join(block.text for block in self.blocks)


@dataclass(frozen=True)
class NoteDocument:
    """A parsed note. ``source`` is the path (or any name) it came from."""

    source: str
    title: str
    front_matter: dict[str, Any] = field(hash=False)  # a dict: kept out of the hash so notes stay hashable
    sections: tuple[Section, ...]
    tags: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    embeds: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def name(self) -> str:
        """The file stem: what ``[[wikilinks]]`` call the note."""
        return PurePath(self.source).stem or self.source

    @property
    def aliases(self) -> tuple[str, ...]:
        """Other names from the front matter's ``aliases`` (Obsidian)."""
        value = self.front_matter.get("aliases", self.front_matter.get("alias", ()))
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            return ()
        return tuple(str(item) for item in value if isinstance(item, str | int | float) and str(item))

    @property
    def architectures(self) -> tuple[str, ...]:
        """Architecture ids listed in the front matter (built-in notes)."""
        value = self.front_matter.get("architectures", ())
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",")]
        if not isinstance(value, list | tuple):
            return ()
        return tuple(str(item) for item in value if isinstance(item, str) and item)


# A note's parse builds tens of thousands of blocks and sections: filling their ``__dict__`` at once
# costs less than half of the frozen dataclasses' ``__init__``, which sets each field through
# ``object.__setattr__``. The values are the same, so are equality, hashing and ``repr``.
_new = object.__new__
_set = object.__setattr__


def new_block(
    kind: str,
    text: str,
    line: int,
    end_line: int,
    prose: str,
    context: tuple[str, ...],
    lead_in: str = "",
    follow: str = "",
    follow_end: int = 0,
) -> Block:
    """``Block(kind, text, line, end_line, prose, context, lead_in, follow, follow_end)``, built faster."""
    block: Block = _new(Block)
    _set(
        block,
        "__dict__",
        {
            "kind": kind,
            "text": text,
            "line": line,
            "end_line": end_line,
            "prose": prose,
            "context": context,
            "lead_in": lead_in,
            "follow": follow,
            "follow_end": follow_end,
        },
    )
    return block


def new_section(
    title: str,
    level: int,
    heading_path: tuple[str, ...],
    line: int,
    keys: tuple[str, ...],
    blocks: tuple[Block, ...],
) -> Section:
    """``Section(title, level, heading_path, line, keys, blocks)``, built faster."""
    section: Section = _new(Section)
    _set(
        section,
        "__dict__",
        {
            "title": title,
            "level": level,
            "heading_path": heading_path,
            "line": line,
            "keys": keys,
            "blocks": blocks,
        },
    )
    return section


def with_lead_in(block: Block, lead_in: str) -> Block:
    """``dataclasses.replace(block, lead_in=lead_in)``, built faster."""
    new: Block = _new(Block)
    _set(new, "__dict__", {**block.__dict__, "lead_in": lead_in})
    return new


def with_follow(block: Block, follow: str, follow_end: int) -> Block:
    """``dataclasses.replace(block, follow=follow, follow_end=follow_end)``, built faster."""
    new: Block = _new(Block)
    _set(new, "__dict__", {**block.__dict__, "follow": follow, "follow_end": follow_end})
    return new
