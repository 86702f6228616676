"""The careful reader: which blocks of a note land under which component, and how they read."""

from __future__ import annotations

import ast
import gc
import weakref
from pathlib import Path

from models import Architecture
from models.architecture import Component, Group
from models.notes import Excerpt, NotesLibrary, parse_note
from models.notes.cleaning import clean_markdown
from models.notes.contrast import contrasted, stated_hits
from models.notes.library import NotesMatcher
from models.notes.matching import TermIndex
from models.notes.reading import read_note


def _component(cid: str, label: str, *aliases: str, group: str | None = None) -> Component:
    return Component(cid, label, "generic", "", group, tuple(aliases))


K8S = Architecture(
    "k8s",
    "Kubernetes cluster",
    "",
    groups=(Group("control-plane", "Control plane", "generic"), Group("node", "Worker node", "node")),
    components=(
        _component("kube-apiserver", "kube-apiserver", "API server", "apiserver"),
        _component("etcd", "etcd", "key-value store"),
        _component("kubelet", "kubelet", "kubelets", group="node"),
        _component("kube-proxy", "kube-proxy", "kube proxy"),
        _component("pod", "Pod", "pods"),
        _component("service", "Service", "Kubernetes Service"),
    ),
    aliases=("Kubernetes", "K8s"),
)
ECS_EC2 = Architecture(
    "ecs-ec2",
    "Amazon ECS on EC2",
    "",
    components=(
        _component("ecs-service", "ECS service", "service"),
        _component("eni", "Task ENI", "ENI", "elastic network interface"),
        _component("task", "Task", "tasks"),
        _component("app", "app container", "app", "container"),
        _component("ecs-control-plane", "ECS control plane", "control plane", "ECS"),
    ),
    aliases=("ECS on EC2", "EC2 mode"),
)
ECS_FARGATE = Architecture(
    "ecs-fargate",
    "Amazon ECS on Fargate",
    "",
    components=(
        _component("eni", "Task ENI", "ENI", "elastic network interface"),
        _component("fargate", "Fargate capacity", "Fargate"),
    ),
    aliases=("ECS on Fargate", "Fargate mode"),
)
ALL = (K8S, ECS_EC2, ECS_FARGATE)


def excerpts(architecture: Architecture, *notes: tuple[str, str]) -> dict[str, list[Excerpt]]:
    documents = [parse_note(text, source) for source, text in notes]
    others = [other for other in ALL if other is not architecture]
    return NotesMatcher(architecture, others).match(documents, limit=5)


def texts(found: dict[str, list[Excerpt]], element: str) -> list[str]:
    return [excerpt.text for excerpt in found.get(element, [])]


def test_names_in_inline_code_count() -> None:
    found = excerpts(K8S, ("n.md", "# Node agents\n\nThe `kubelet` starts the containers of a Pod.\n"))
    assert texts(found, "kubelet") == ["The `kubelet` starts the containers of a Pod."]


def test_the_subject_of_a_note_can_live_in_its_file_name_only() -> None:
    note = "# Introduction\n\nIt forwards requests from Services to Pods.\n"
    found = excerpts(K8S, ("vault/Kubernetes - Components - Kube proxy.md", note))
    assert texts(found, "kube-proxy") == ["It forwards requests from Services to Pods."]
    assert "pod" not in found
    assert "service" not in found


def test_bullets_take_the_subject_of_their_lead_in_and_show_with_it() -> None:
    note = (
        "# Node\n\nThe kubelet has a handful of responsibilities:\n"
        "- Watches the API server for pod specs assigned to its node\n"
        "- Reports pod status back\n"
    )
    found = excerpts(K8S, ("n.md", note))
    assert texts(found, "kubelet") == [
        "The kubelet has a handful of responsibilities:\n"
        "- Watches the API server for pod specs assigned to its node\n"
        "- Reports pod status back"
    ]
    assert "kube-apiserver" not in found  # a passing mention inside a bullet about the kubelet
    assert "pod" not in found


def test_headings_made_of_inline_code_hand_down_their_subject_and_keep_a_breadcrumb() -> None:
    found = excerpts(K8S, ("n.md", "# Kubernetes\n\n## `kube-proxy`\n- one per node, as a DaemonSet\n"))
    excerpt = found["kube-proxy"][0]
    assert excerpt.heading_path == ("Kubernetes", "kube-proxy")
    assert excerpt.text == "- one per node, as a DaemonSet"


def test_bullets_written_with_a_non_breaking_space_are_list_items() -> None:
    document = parse_note("# K8s\n\n-\u00a0the kubelet registers the node\n-\u00a0etcd holds state\n", "n.md")
    assert [block.kind for block in document.sections[0].blocks] == ["list_item", "list_item"]
    found = excerpts(
        K8S, ("n.md", "# K8s\n\n-\u00a0the kubelet registers the node\n-\u00a0etcd holds state\n")
    )
    assert texts(found, "kubelet") == ["- the kubelet registers the node"]


def test_a_block_about_another_architecture_feeds_nothing_here() -> None:
    fargate_note = (
        "# Fargate networking\n\nWith Fargate mode, tasks are injected into your VPC, "
        "each with its own elastic network interface.\n"
    )
    assert "eni" not in excerpts(ECS_EC2, ("fargate.md", fargate_note))
    assert texts(excerpts(ECS_FARGATE, ("fargate.md", fargate_note)), "eni")
    kubernetes_note = "# Kubernetes\n\nThe kubelets talk to the cluster control plane.\n"
    assert excerpts(ECS_EC2, ("k8s.md", kubernetes_note)) == {}


def test_an_architecture_named_as_a_contrast_does_not_change_the_context() -> None:
    note = (
        "# ECS\n\n## Fargate mode\n\n- Different from the EC2 mode, each task gets an "
        "**elastic network interface**\n"
    )
    assert "eni" not in excerpts(ECS_EC2, ("ecs.md", note))
    assert "eni" in excerpts(ECS_FARGATE, ("ecs.md", note))


def test_the_contrast_word_check_drops_the_same_names_as_the_full_one() -> None:
    terms = TermIndex.for_architecture(ECS_EC2, [ECS_FARGATE, K8S])
    for text in (
        "Different from the EC2 mode, Fargate gives each task an ENI.",
        "UNLIKE Kubernetes, ECS on EC2 runs the ECS agent.",
        "Kubernetes vs. ECS on EC2: the kubelet against the ECS agent.",
        "ECS on EC2 is cheaper than Fargate mode, and Kubernetes too.",
        "Compared with Kubernetes, ECS on EC2 is simpler.",
        "Not the same as Kubernetes: ECS on EC2 and its ENI.",
        "Unlike Kubernetes (written with a long ſ: \u017fame as), ECS on EC2 and its ENI.",
        "ECS on EC2 and Kubernetes, side by side.",
    ):
        hits = terms.hits(text)
        full = [hit for hit in hits if not (hit.architecture and contrasted(text, hit))]
        assert stated_hits(text, hits) == full, text


def test_a_name_that_says_this_architecture_survives_a_foreign_context() -> None:
    note = "# Kubernetes refresher\n\nA Kubernetes Service is not an ECS service: it only routes traffic.\n"
    found = excerpts(ECS_EC2, ("n.md", note))
    assert list(found) == ["ecs-service"]


def test_compound_names_of_other_concepts_never_match_the_shorter_name() -> None:
    note = (
        "# ECS\n\nService Control Policies limit what an account may do.\n\n"
        "AWS App Mesh routed service-to-service traffic.\n\n"
        "A Service Account is an identity for processes in a Pod.\n"
    )
    assert excerpts(ECS_EC2, ("ecs.md", note)) == {}
    assert excerpts(K8S, ("k8s.md", note.replace("# ECS", "# Kubernetes"))) == {}


def test_common_words_need_context_about_this_architecture() -> None:
    assert (
        excerpts(ECS_EC2, ("n.md", "# Shopping\n\nA service at the counter, then an app on my phone.\n"))
        == {}
    )
    found = excerpts(
        ECS_EC2, ("n.md", "# ECS on EC2\n\nA service keeps the desired count of tasks running.\n")
    )
    assert list(found) == ["ecs-service"]


def test_a_heading_named_after_the_architecture_is_not_a_component_subject() -> None:
    found = excerpts(ECS_EC2, ("n.md", "# ECS\n\n- Logs go to CloudWatch through the awslogs driver\n"))
    assert "ecs-control-plane" not in found


def test_definitions_rank_first() -> None:
    note = (
        "# Kubernetes\n\nEvery node runs many pods next to each other.\n\n"
        "Pods are scheduled onto nodes by the scheduler.\n\n"
        "Pod: the smallest unit Kubernetes schedules.\n"
    )
    assert texts(excerpts(K8S, ("n.md", note)), "pod")[0] == "Pod: the smallest unit Kubernetes schedules."


def test_each_table_row_is_an_excerpt_under_the_table_header() -> None:
    note = "# Kubernetes\n\n| Component | Role |\n|---|---|\n| `etcd` | stores state |\n"
    note += "| `kubelet` | runs pods |\n"
    found = excerpts(K8S, ("n.md", note))
    assert texts(found, "etcd") == ["| Component | Role |\n|---|---|\n| `etcd` | stores state |"]
    assert texts(found, "kubelet") == ["| Component | Role |\n|---|---|\n| `kubelet` | runs pods |"]


def test_images_raw_html_and_metadata_blocks_are_never_excerpts() -> None:
    note = (
        "# kubelet\n\n```yaml\ncourse: CKA\nkubelet: notes\n```\n\n![[kubelet.png]]\n\n"
        '<img src="kubelet.png" />\n\nIt registers the node. <img src="x.png" alt="diagram">\n'
    )
    assert texts(excerpts(K8S, ("n.md", note)), "kubelet") == ["It registers the node. [image: diagram]"]


def test_callouts_read_as_callouts() -> None:
    note = "# Kubernetes\n\n> [!danger] Distractor\n> The scheduler does not start pods: the kubelet does.\n"
    assert texts(excerpts(K8S, ("n.md", note)), "kubelet") == [
        "> **Distractor**\n> The scheduler does not start pods: the kubelet does."
    ]


def test_clean_markdown_resolves_obsidian_syntax_but_leaves_code_alone() -> None:
    assert clean_markdown("see [[EKS#Nodes|node groups]] and ![[d.png]]") == (
        "see [node groups](<note:EKS#Nodes>) and [image: d.png]"
    )
    assert clean_markdown("> [!tip]\n> text") == "> **Tip**\n> text"
    assert clean_markdown("`<img src=x>` <b>bold</b>") == "`<img src=x>` bold"


def test_an_edited_note_is_read_again_alone() -> None:
    notes = [parse_note(f"# Kubernetes\n\nThe kubelet {n} starts pods.\n", f"{n}.md") for n in range(3)]
    library = NotesLibrary(user=notes, architectures=ALL)
    assert len(library.excerpts_for(K8S, "kubelet")) == 3
    matcher = library._matchers["k8s"]
    before = {id(d): matcher.readings(d) for d in notes}
    library.replace_user(parse_note("# Kubernetes\n\nThe etcd store.\n", "1.md"))
    assert [e.source for e in library.excerpts_for(K8S, "kubelet")] == ["0.md", "2.md"]
    assert [e.source for e in library.excerpts_for(K8S, "etcd")] == ["1.md"]
    assert matcher.readings(notes[0]) is before[id(notes[0])]


def test_excerpts_and_matching_do_not_import_each_other() -> None:
    package = Path(__file__).parents[2] / "models" / "notes"

    def imports(name: str) -> set[str]:
        tree = ast.parse((package / f"{name}.py").read_text(encoding="utf-8"))
        return {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}

    assert "models.notes.matching" not in imports("excerpts")
    assert "models.notes.excerpts" not in imports("matching")


def test_a_term_index_is_freed_without_the_cycle_collector() -> None:
    """The notes code freezes the collector (``cache.settle``): an index in a reference cycle (with
    the heading readings it keeps) would never be freed."""
    note = parse_note("# Kubernetes\n\n## Kubelet\n\nThe kubelet has jobs:\n\n- runs Pods\n", "n.md")
    matcher = NotesMatcher(K8S, [ECS_EC2, ECS_FARGATE])
    assert matcher.match([note])["kubelet"]
    index = weakref.ref(matcher.terms)
    enabled = gc.isenabled()
    gc.disable()
    try:
        del matcher
        assert index() is None
    finally:
        if enabled:
            gc.enable()


def test_headings_read_for_one_note_read_the_same_for_the_next() -> None:
    """What the headings above a section hand down is kept per heading path by the term index: a note
    under the same headings, with another title, reads as it does with a fresh index."""
    body = "## Setup\n\nRuns Pods on each machine.\n\n## Etcd\n\nKeeps state.\n"
    first, *notes = [
        parse_note(f"---\ntitle: {title}\n---\n{body}", f"{number}.md")
        for number, title in enumerate(("Kubelet", "Kube proxy", "Study notes"))
    ]
    warm = NotesMatcher(K8S, [ECS_EC2, ECS_FARGATE]).terms
    read_note(warm, first)
    for note in notes:
        fresh = TermIndex.for_architecture(K8S, [ECS_EC2, ECS_FARGATE])
        expected = {
            k: [(r.score, r.block.line, r.terms) for r in v] for k, v in read_note(fresh, note)[1].items()
        }
        got = {k: [(r.score, r.block.line, r.terms) for r in v] for k, v in read_note(warm, note)[1].items()}
        assert got == expected
    assert list(read_note(warm, first)[1]) == ["kubelet", "etcd"]
    assert list(read_note(warm, notes[0])[1]) == [
        "kube-proxy",
        "etcd",
    ]  # the title's subject, not the first's
    assert list(read_note(warm, notes[1])[1]) == ["etcd"]
