"""The block-rule dispatch must give exactly the tokens markdown-it gives without it."""

from __future__ import annotations

import random

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from models.notes.block_rules import ends_list_item, ends_paragraph, use_dispatch
from models.notes.parser import _MARKDOWN, parse_note

FRAGMENTS = [
    "# Heading", "## Kubelet {#kubelet}", "#not a heading", "   # indented heading", "Plain text line",
    "Lead-in:", "- item", "* star item", "+ plus item", "1. first", "2) second", "10. tenth", "1.no space",
    "-no space", "-", "*", "+", "---", "***", "___", "- - -", "| a | b |", "|---|---|", "a | b", "--- | ---",
    ":-- | --:", "> quote", "> [!note] Callout", "```yaml", "```", "~~~", "    indented", "  - nested item",
    "    - deeper item", "<div>", "</div>", "<!-- comment -->", "<img src=x.png />", "[ref]: https://example.org",
    "Setext title", "===", "-----", "", "", "", "_emphasis_ text", "*emphasis* text", "é accent", "Ωmega",
    "- [ ] task", ": colon start", "\tTabbed", "![[image.png]]", "[[wiki]] link", "[x] not a reference",
    "`code` first", "~~~~", "<span>inline</span>", "> > nested quote", "(aside)",
]  # fmt: skip


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"maxNesting": 60}).enable("table").use(front_matter_plugin)


def _tokens(markdown: MarkdownIt, text: str) -> list[tuple[object, ...]]:
    return [
        (t.type, t.map, t.content, t.nesting, t.markup, t.info, t.level, t.hidden, t.block)
        for t in markdown.parse(text)
    ]


PLAIN, DISPATCHED = _markdown(), use_dispatch(_markdown())


@pytest.mark.parametrize(
    "text",
    [
        "Title\n===\n\nText\n---\n",
        "Lead-in:\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        "a | b\n--- | ---\n1 | 2\nnot a row\n",
        "---\ntitle: x\n---\n# Note\n",
        "* * *\n- - -\n_ _ _\n+ item\n3. three\n",
        "Text\n    code-looking\n# H\n#H\n",
        "> quote\n> - item\n>   more\n\n- item\n\n  continued paragraph\n  ---\n",
        "- a\n  - b\n    - c\n      text\n",
        "Text\n> quote\nText\n```\ncode\n```\nText\n<div>\nText\n# H\n",
        "Text\n***\nText\n1. one\nText\n2. two\n",
        "- item\n  lazy\n- item\n> quote\n- item\n```\ncode\n```\n- item\n---\n- item\n# H\n",
        "a | b\n--- | ---\nText\n| c | d |\n|---|---|\n",
    ],
)
def test_dispatch_gives_the_same_tokens(text: str) -> None:
    assert _tokens(DISPATCHED, text) == _tokens(PLAIN, text)


def test_dispatch_gives_the_same_tokens_on_random_mixes() -> None:
    chooser = random.Random(12)
    for _ in range(1500):
        text = "\n".join(chooser.choice(FRAGMENTS) for _ in range(chooser.randint(1, 12)))
        if chooser.random() < 0.2:
            text = "---\ntags: [a]\n---\n" + text
        assert _tokens(DISPATCHED, text) == _tokens(PLAIN, text), text


def test_the_parser_tries_the_dispatch_first() -> None:
    assert _MARKDOWN.block.ruler.get_active_rules()[0] == "dispatch"
    assert _MARKDOWN.block.ruler.getRules("paragraph") == [ends_paragraph]
    assert _MARKDOWN.block.ruler.getRules("list") == [ends_list_item]
    document = parse_note("Intro:\n- kubelet\n\nTitle\n===\n", "note.md")
    assert [section.title for section in document.sections] == ["", "Title"]
    assert [block.kind for block in document.sections[0].blocks] == ["paragraph", "list_item"]
