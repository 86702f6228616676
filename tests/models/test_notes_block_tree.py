"""markdown-it.rs must give the notes markdown-it-py gives: every note it parses reads the same."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from models.notes import block_tree
from models.notes.parser import parse_note

ROOT = Path(__file__).resolve().parents[2]
FRAGMENTS = [
    "# Heading",
    "## Kubelet {#kubelet}",
    "#not a heading",
    "   # indented heading",
    "Plain text line",
    "Lead-in:",
    "- item",
    "* star item",
    "+ plus item",
    "1. first",
    "2) second",
    "10. tenth",
    "1.no space",
    "-no space",
    "-",
    "*",
    "+",
    "---",
    "***",
    "___",
    "- - -",
    "| a | b |",
    "|---|---|",
    "a | b",
    "--- | ---",
    ":-- | --:",
    "> quote",
    "> [!note] Callout",
    "```yaml",
    "```",
    "~~~",
    "    indented",
    "  - nested item",
    "    - deeper item",
    "<div>",
    "</div>",
    "<!-- comment -->",
    "<img src=x.png />",
    "[ref]: https://example.org",
    "Setext title",
    "===",
    "-----",
    "",
    "",
    "",
    "_emphasis_ text",
    "*emphasis* text",
    "é accent",
    "Ωmega",
    "- [ ] task",
    ": colon start",
    "\tTabbed",
    "![[image.png]]",
    "[[wiki]] link",
    "[x] not a reference",
    "`code` first",
    "~~~~",
    "<span>inline</span>",
    "> > nested quote",
    "(aside)",
    "| a \\| b | c |",
    "| x |",
    "|---|",
    "| 1 | 2 | 3 |",
    "||",
    "| |",
    "|:-:|--:|",
    "a|b|c",
    "-|-",
    "| é | ü |",
    "\u00a0nbsp start",
    "text\u00a0",
    "\u3000ideographic",
    "line with trailing spaces   ",
    "\t- tab item",
    "\t\tdeep tab",
    ">\tquote tab",
    "> - quoted item",
    ">  > x",
    "> ```",
    "> code",
    "> | a | b |",
    "> |---|---|",
    "...",
    "--- ",
    "----",
    "title: x",
    "tags: [k8s]",
    "  ---",
    "#",
    "# ",
    "## Closing ##",
    "#\tTab heading",
    "<pre>",
    "</pre>",
    "<script>",
    "</script>",
    "<?php ?>",
    "<!DOCTYPE html>",
    "<![CDATA[ x ]]>",
    "<search>",
    "<custom-tag>",
    "<a href='x'>",
    "[ref]:",
    "  https://x.org 'title'",
    '[foo]: /url "title"',
    "  1. spaced ordered",
    "1) paren",
    "00. zero",
    "1234567890. big",
    "- # heading in item",
    "- > quote in item",
    "  ```",
    "   ```",
    "    ```",
    "- ```",
    "  code in item",
    "-\tx",
    "*\t*\t*",
    "=",
    "==",
    "Text :",
    "Ends:",
    "\u2028sep",
    "x\x0cy",
    "\x0b",
    "😀 emoji",
    "#tag #other",
    "[[link#head|alias]]",
    "<br>",
    "<img src='é.png'>",
    "> [!warning]- Fold",
    ">",
    "> ",
    "  >",
    "- [x] done",
    "2.",
    "3) ",
    "| a |\t",
    "\\| esc",
    "\x85next line",
]


def _reference(text: str, source: str = "note.md") -> str:
    """The note as markdown-it-py reads it (every note through the fallback)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(block_tree, "_for_python", lambda text: True)
        return _seen(parse_note(text, source))


def _seen(document: object) -> str:
    return repr(document) + repr(getattr(document, "warnings", ()))


def _mixes(seed: int, count: int, fragments: list[str], longest: int = 14) -> list[str]:
    chooser = random.Random(seed)
    texts = []
    for _ in range(count):
        text = "\n".join(chooser.choice(fragments) for _ in range(chooser.randint(1, longest)))
        draw = chooser.random()
        if draw < 0.15:
            text = "---\ntags: [a]\n---\n" + text
        elif draw < 0.2:
            text = "---\n" + text
        texts.append(text)
    return texts


def _corpus() -> list[Path]:
    folders = [ROOT / "bench" / "notes_eval", ROOT / "tests" / "fixtures", ROOT / "assets" / "notes"]
    return sorted(path for folder in folders for path in folder.rglob("*.md"))


def test_the_corpus_is_read_by_markdown_it_rs_and_reads_the_same() -> None:
    paths = _corpus()
    assert len(paths) > 30
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert not block_tree._for_python(text), path  # the fast path, for every ordinary note
        assert _seen(parse_note(text, str(path))) == _reference(text, str(path)), path


@pytest.mark.parametrize("seed", [1, 2])
def test_random_mixes_read_the_same(seed: int) -> None:
    for text in _mixes(seed, 1000, FRAGMENTS):
        assert _seen(parse_note(text, "note.md")) == _reference(text), text


def test_mixes_of_real_lines_read_the_same() -> None:
    lines = [line for path in _corpus() for line in path.read_text(encoding="utf-8").split("\n")]
    for text in _mixes(3, 500, FRAGMENTS + lines, longest=30):
        assert _seen(parse_note(text, "note.md")) == _reference(text), text


@pytest.mark.parametrize(
    "text",
    [
        "> quote\n2) second\n",  # a list that cannot interrupt a paragraph ends the quote
        "| a | b |\n|---|---|\n*\n",  # … and the table
        "Setext title\n|---|\n",  # a one-column table needs a pipe in its header
        ">\tquote tab\n>\tquote tab\n",
        "- > quote in item\n    indented\n",
        "Text\n<search>\n+ plus item\n",
    ],
)
def test_where_the_parsers_part_markdown_it_py_reads_the_note(text: str) -> None:
    reference = _reference(text)
    assert _seen(parse_note(text, "note.md")) == reference
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(block_tree, "_for_python", lambda text: False)
        assert _seen(parse_note(text, "note.md")) != reference, "markdown-it.rs alone reads it otherwise"


@pytest.mark.parametrize("depth", [20, 57, 58, 59, 60, 61, 300])
def test_deep_nesting_is_read_as_markdown_it_py_reads_it(depth: int) -> None:
    for text in (
        "# K\n\n" + ">" * depth + " the kubelet\n",
        "> " * depth + "- a\n" + "> " * depth + "  - b\n\n> after\n",
        "- " * depth + "x\n- y\n",
    ):
        assert _seen(parse_note(text, "deep.md")) == _reference(text, "deep.md"), text


def test_a_note_ending_on_html_and_blank_lines_is_read_by_markdown_it_py() -> None:
    text = "Text\n\n<pre>\nunclosed\n\n\n"
    assert _seen(parse_note(text, "note.md")) == _reference(text)


def test_a_panic_in_markdown_it_rs_falls_back_to_markdown_it_py(monkeypatch: pytest.MonkeyPatch) -> None:
    class PanicException(BaseException):  # what pyo3 raises for a panic in Rust code
        pass

    class Panics:
        def tree(self, text: str) -> None:
            raise PanicException("index out of bounds")

    text = "# Kubelet\n\nThe kubelet runs pods:\n- one\n- two\n"
    expected = _reference(text)
    monkeypatch.setattr(block_tree, "_RUST", Panics())
    assert _seen(parse_note(text, "note.md")) == expected


def test_the_front_matter_is_found_as_the_plugin_finds_it() -> None:
    markdown = MarkdownIt("commonmark").use(front_matter_plugin)
    chooser = random.Random(4)
    parts = [
        "---",
        "----",
        "--",
        "---x",
        "...",
        "... ",
        "  ---",
        "    ---",
        "--- ",
        "-----",
        "a: 1",
        "",
        "\t---",
    ]
    for _ in range(2000):
        lines = [chooser.choice(parts) for _ in range(chooser.randint(1, 6))]
        tokens = [token for token in markdown.parse("\n".join(lines)) if token.type == "front_matter"]
        expected = (tokens[0].content, tokens[0].map[1]) if tokens and tokens[0].map else None
        assert block_tree.front_matter(lines) == expected, lines
