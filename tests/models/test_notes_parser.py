"""Parsing Markdown/Obsidian notes into sections and blocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.notes import NoteDocument, Section, find_tags, find_wikilinks, parse_callout, parse_note
from models.notes.obsidian import normalize_indentation

VAULT = Path(__file__).parent.parent / "fixtures" / "notes" / "vault"


def section(document: NoteDocument, title: str) -> Section:
    return next(s for s in document.sections if s.title == title)


@pytest.fixture(scope="module")
def k8s_note() -> NoteDocument:
    path = VAULT / "Containers" / "Kubernetes" / "Kubernetes 101.md"
    return parse_note(path.read_text(encoding="utf-8"), str(path))


def test_headings_form_a_section_tree_with_paths(k8s_note: NoteDocument) -> None:
    paths = [s.heading_path for s in k8s_note.sections]
    assert paths == [
        (),
        ("Kubernetes architecture",),
        ("Kubernetes architecture", "Control plane"),
        ("Kubernetes architecture", "Worker nodes"),
    ]
    assert [s.level for s in k8s_note.sections] == [0, 3, 4, 4]


def test_skipped_heading_levels_and_trailing_colons() -> None:
    document = parse_note("### Kubernetes 101\n\n##### Cluster structure:\n- x\n# Next\n- y\n", "n.md")
    assert [s.heading_path for s in document.sections] == [
        ("Kubernetes 101",),
        ("Kubernetes 101", "Cluster structure"),
        ("Next",),
    ]


def test_line_numbers_are_one_based_file_lines(k8s_note: NoteDocument) -> None:
    control = section(k8s_note, "Control plane")
    assert control.line == 9
    first = control.blocks[0]
    assert (first.kind, first.line, first.text) == (
        "paragraph",
        10,
        "the brain of the cluster, usually on dedicated machines",
    )
    etcd = next(b for b in control.blocks if b.text.startswith("2. **etcd**"))
    assert (etcd.line, etcd.end_line) == (14, 15)


def test_tab_indented_block_after_heading_is_a_paragraph_not_code(k8s_note: NoteDocument) -> None:
    kinds = [b.kind for b in section(k8s_note, "Control plane").blocks]
    assert kinds[0] == "paragraph"
    assert "code" not in kinds


def test_tab_indented_list_right_after_heading_is_a_list() -> None:
    text = (
        "### ECR - DockerHub but for AWS\n\t- main advantage = integrated with IAM\n\t- lives in a region\n"
    )
    blocks = parse_note(text, "n.md").sections[0].blocks
    assert [(b.kind, b.line, b.text) for b in blocks] == [
        ("list_item", 2, "- main advantage = integrated with IAM"),
        ("list_item", 3, "- lives in a region"),
    ]


def test_nested_tab_lists_keep_children_with_their_parent(k8s_note: NoteDocument) -> None:
    blocks = section(k8s_note, "Control plane").blocks
    kcm = next(b for b in blocks if "kube-controller-manager" in b.prose)
    assert kcm.text.splitlines() == [
        "4. **kube-controller-manager** runs the control loops:",
        "   1. Node Controller - notices when nodes go down",
        "   2. Job Controller",
    ]
    assert kcm.prose == "**kube-controller-manager** runs the control loops:"
    child = next(b for b in blocks if b.prose.startswith("Node Controller"))
    assert child.context == ("4. **kube-controller-manager** runs the control loops:",)
    assert child.line == 18


def test_deeper_tab_nesting_than_commonmark_allows_stays_a_list() -> None:
    document = parse_note("- a\n\t\t- b\n\t\t\t\t- c\n", "n.md")
    blocks = document.sections[0].blocks
    assert [b.kind for b in blocks] == ["list_item"] * 3
    assert blocks[2].context == ("- a", "- b")


def test_fenced_code_is_a_code_block_with_no_prose(k8s_note: NoteDocument) -> None:
    code = [b for s in k8s_note.sections for b in s.blocks if b.kind == "code"]
    assert len(code) == 1
    assert code[0].prose == ""
    assert "etcd" in code[0].text


def test_fence_inside_a_tab_indented_item_keeps_its_indentation() -> None:
    lines = ["- step", "\t```", "\tif x:", "\t\treturn", "\t```"]
    assert normalize_indentation(lines) == ["- step", "  ```", "  if x:", "      return", "  ```"]


def test_callouts_and_quotes() -> None:
    document = parse_note("> [!tip] Pods\n> A pod holds containers.\n\n> just a quote\n", "n.md")
    callout, quote = document.sections[0].blocks
    assert (callout.kind, quote.kind) == ("callout", "quote")
    assert "[!tip]" not in callout.prose
    assert parse_callout("[!WARNING]- Careful") == parse_callout("[!warning]- Careful")
    assert parse_callout("[!note]+ Title").title == "Title"
    assert parse_callout("plain text") is None


def test_each_table_row_is_a_block_under_the_header() -> None:
    path = VAULT / "Containers" / "Kubernetes" / "EKS.md"
    document = parse_note(path.read_text(encoding="utf-8"), str(path))
    rows = [b for s in document.sections for b in s.blocks if b.kind == "table_row"]
    assert [row.line for row in rows] == [13, 14, 15]
    assert "Self-managed nodes" in rows[1].prose
    assert "Fargate" not in rows[1].prose
    assert rows[1].context == ("| Option | Who manages the nodes |", "| --- | --- |")


def test_obsidian_links_embeds_and_tags(k8s_note: NoteDocument) -> None:
    assert k8s_note.links == ("EKS#Managed node groups", "ECS basics")
    assert k8s_note.embeds == ("k8s-diagram.png",)
    assert k8s_note.tags == ("kubernetes", "study", "aws/containers")
    assert k8s_note.title == "Kubernetes 101"
    assert k8s_note.aliases == ("K8s basics",)
    link = find_wikilinks("see [[EKS#Managed node groups|node groups]]")[0]
    assert (link.note, link.heading, link.alias, link.embed) == (
        "EKS",
        "Managed node groups",
        "node groups",
        False,
    )


def test_tags_are_not_headings_code_numbers_or_anchors() -> None:
    text = "# Heading\n\nC# and page#anchor and #123 and `#incode` but #real-tag/sub\n\n```\n#fenced\n```\n"
    assert parse_note(text, "n.md").tags == ("real-tag/sub",)
    assert find_tags("#a #b") == ["a", "b"]


def test_wikilink_prose_shows_the_alias_drops_embeds_and_keeps_inline_code() -> None:
    block = (
        parse_note("Read [[Kubelet notes|the kubelet]] ![[etcd.png]] `kube-proxy`", "n.md")
        .sections[0]
        .blocks[0]
    )
    assert "the kubelet" in block.prose
    assert "etcd" not in block.prose
    assert "kube-proxy" in block.prose
    assert "`" not in block.prose


def test_heading_keys_are_split_off_the_title() -> None:
    document = parse_note("## kube-apiserver {#kube-apiserver #api}\n\ntext\n", "n.md")
    assert (document.sections[0].title, document.sections[0].keys) == (
        "kube-apiserver",
        ("kube-apiserver", "api"),
    )


def test_front_matter() -> None:
    document = parse_note("---\narchitectures: [eks, kubernetes]\ntitle: My title\n---\n# H\ntext\n", "x.md")
    assert document.front_matter["architectures"] == ["eks", "kubernetes"]
    assert document.architectures == ("eks", "kubernetes")
    assert document.title == "My title"
    assert document.sections[0].line == 5


@pytest.mark.parametrize(
    "text",
    [
        "---\n: : bad: [yaml\n---\n# H\ntext\n",
        "---\n!!python/object:os.system ls\n---\n# H\ntext\n",
        "---\n- just\n- a list\n---\n# H\ntext\n",
    ],
)
def test_broken_or_unsafe_front_matter_is_ignored_with_a_warning(text: str) -> None:
    document = parse_note(text, "x.md")
    assert document.front_matter == {}
    assert document.warnings
    assert document.sections[0].title == "H"


def test_only_front_matter_and_unclosed_front_matter() -> None:
    assert parse_note("---\na: 1\n---\n", "x.md").sections == ()
    unclosed = parse_note("---\nno end\n", "x.md")
    assert unclosed.front_matter == {}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "\0\0\0",
        "\ufeff# BOM\r\ntext\r\n",
        "#" * 10_000,
        "[[" * 10_000,
        "`" * 5_000,
        ">" * 5_000 + " x",
    ],
)
def test_odd_text_never_raises(text: str) -> None:
    assert isinstance(parse_note(text, "odd.md"), NoteDocument)


def test_bom_and_crlf_are_handled() -> None:
    document = parse_note("\ufeff# Title\r\n\r\ntext\r\n", "x.md")
    assert document.sections[0].title == "Title"
    assert document.sections[0].blocks[0].line == 3


def test_very_deep_nesting_keeps_the_content() -> None:
    text = "\n".join("\t" * depth + f"- level {depth}" for depth in range(3_000))
    blocks = parse_note(text, "deep.md").sections[0].blocks
    assert blocks[-1].prose == "level 2999"


def test_thousands_of_headings() -> None:
    text = "\n".join(f"{'#' * (1 + i % 6)} Heading {i}\ntext {i}" for i in range(5_000))
    document = parse_note(text, "many.md")
    assert len(document.sections) == 5_000
    assert document.sections[-1].blocks[0].line == 10_000


def test_a_large_note_parses_whole() -> None:
    note = (VAULT / "Containers" / "Kubernetes" / "Kubernetes 101.md").read_text(encoding="utf-8")
    copies = 1_000_000 // len(note)
    document = parse_note(note * copies, "big.md")
    assert len(document.sections) >= copies
    assert document.sections[-1].line > document.sections[0].line


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#>-*1. \t\n`[]!|:{}~=_abc\0")), max_size=300))
def test_any_markdown_like_text_parses(text: str) -> None:
    document = parse_note(text, "fuzz.md")
    for note_section in document.sections:
        for block in note_section.blocks:
            assert 1 <= block.line <= block.end_line
