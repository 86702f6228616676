"""Matching note excerpts to components, groups and architectures."""

from __future__ import annotations

from pathlib import Path

import pytest

import models.notes.reading as reading_module
from models import Architecture, load_architectures
from models.notes import (
    Excerpt,
    NoteDocument,
    NotesLibrary,
    builtin_excerpts,
    check_builtin_keys,
    load_notes,
    match_excerpts,
    parse_note,
)
from models.paths import ARCHITECTURES_DIR

FIXTURES = Path(__file__).parent.parent / "fixtures" / "notes"
EXAMPLES = Path("/work/shared/examples/notes")


def _demo_architectures() -> dict[str, Architecture]:
    loaded = load_architectures([FIXTURES / "architectures"])
    assert loaded.errors == []
    return {architecture.id: architecture for architecture in loaded.architectures}


_DEMO = _demo_architectures()
K8S, EKS, ECS = _DEMO["demo-k8s"], _DEMO["demo-eks"], _DEMO["demo-ecs"]
ARCHITECTURES = (K8S, EKS, ECS)


@pytest.fixture(scope="module")
def vault() -> list[NoteDocument]:
    result = load_notes([FIXTURES / "vault"])
    assert result.errors == []
    return result.documents


def matches(architecture: Architecture, documents: list[NoteDocument]) -> dict[str, list[Excerpt]]:
    others = [other for other in ARCHITECTURES if other is not architecture]
    return match_excerpts(architecture, documents, limit=None, others=others)


def top(found: dict[str, list[Excerpt]], element_id: str) -> Excerpt:
    assert found.get(element_id), f"no excerpt for {element_id}"
    return found[element_id][0]


@pytest.mark.parametrize(
    ("element_id", "note", "first_line"),
    [
        ("kube-apiserver", "Kubernetes 101", "1. **kube-apiserver**"),
        ("etcd", "Kubernetes 101", "2. **etcd** - consistent key value store, holds the whole cluster state"),
        ("kube-scheduler", "Kubernetes 101", "3. **kube-scheduler** picks a node for every new pod"),
        (
            "kube-controller-manager",
            "Kubernetes 101",
            "4. **kube-controller-manager** runs the control loops:",
        ),
        (
            "kubelet-1",
            "Kubernetes 101",
            "- every node runs a **kubelet** -> it starts the pods and reports back",
        ),
        (
            "kubelet-2",
            "Kubernetes 101",
            "- every node runs a **kubelet** -> it starts the pods and reports back",
        ),
        ("kube-proxy-1", "Kubernetes 101", "- **kube-proxy** keeps the network rules for Services"),
        ("containerd-1", "Kubernetes 101", "- container runtime: **containerd**"),
        ("pod-1", "Kubernetes 101", "> **Pods**"),
        ("control-plane", "Kubernetes 101", "the brain of the cluster, usually on dedicated machines"),
        ("node-1", "Kubernetes 101", "- every node runs a **kubelet**"),
    ],
)
def test_each_kubernetes_component_gets_the_right_excerpt_first(
    vault: list[NoteDocument], element_id: str, note: str, first_line: str
) -> None:
    excerpt = top(matches(K8S, vault), element_id)
    assert excerpt.title == note
    assert excerpt.text.startswith(first_line)


def test_nested_item_excerpt_keeps_its_parent_context(vault: list[NoteDocument]) -> None:
    excerpt = top(matches(K8S, vault), "node-controller")
    assert excerpt.text.splitlines() == [
        "4. **kube-controller-manager** runs the control loops:",
        "   1. Node Controller - notices when nodes go down",
    ]
    assert excerpt.line == 18
    assert excerpt.heading_path == ("Kubernetes architecture", "Control plane")
    assert excerpt.matched_terms == ("Node Controller",)


def test_matched_terms_are_spelled_as_in_the_text(vault: list[NoteDocument]) -> None:
    found = matches(K8S, vault)
    assert top(found, "kubelet-1").matched_terms == ("kubelet",)
    assert "Pods" in top(found, "pod-1").matched_terms


def test_a_note_about_another_architecture_feeds_nothing_here(vault: list[NoteDocument]) -> None:
    k8s_etcd = matches(K8S, vault)["etcd"]
    assert [e.title for e in k8s_etcd] == ["Kubernetes 101"]  # not the EKS note's etcd line
    eks_etcd = matches(EKS, vault)["etcd-a"]
    assert eks_etcd[0].title == "EKS"
    assert eks_etcd[0].text == "- **etcd** is encrypted with KMS (envelope encryption)"


def test_eks_components(vault: list[NoteDocument]) -> None:
    found = matches(EKS, vault)
    assert top(found, "managed-node-group").heading_path == (
        "Elastic Kubernetes Service (EKS)",
        "Managed node groups",
    )
    assert top(found, "fargate-profile").text.startswith("- **Fargate** profiles")
    eks_lines = [e.text for e in found["eks-control-plane"] if e.title == "EKS"]
    assert eks_lines[0].startswith("- AWS runs the **control plane** for me")


def test_ecs_components(vault: list[NoteDocument]) -> None:
    found = matches(ECS, vault)
    assert top(found, "task-definition").text.startswith("1. a **Task Definition** = the blueprint")
    assert top(found, "task-role").text.endswith("2. the **task role** gives the app its AWS permissions")
    assert top(found, "ecs-service").text.startswith("2. an **ECS Service** keeps N copies")
    assert top(found, "ecs-cluster").text == "3. a **cluster** to run in"
    assert top(found, "instance").text.startswith("- I run the **container instances** myself")
    assert top(found, "ecs-agent").text.startswith("- I run the **container instances** myself")


def test_a_heading_naming_the_element_hands_its_subject_to_each_block(vault: list[NoteDocument]) -> None:
    ecr = matches(ECS, vault)["ecr"]
    assert [e.heading_path for e in ecr] == [("ECR",), ("ECR",)]
    assert sorted(e.text for e in ecr) == [
        "- `docker push` to ECR, the task definition points at the image URI",
        "private registry for the images, integrated with IAM",
    ]


def test_generic_words_do_not_match_without_evidence(vault: list[NoteDocument]) -> None:
    for architecture in ARCHITECTURES:
        for excerpts in matches(architecture, vault).values():
            assert all(excerpt.title != "2024-11-02" for excerpt in excerpts), architecture.id


def test_generic_names_need_the_architecture_in_context() -> None:
    note = parse_note("# Shopping\n- a cluster of grapes and a pod of peas\n", "shop.md")
    assert matches(K8S, [note]) == {}
    note = parse_note("# Kubernetes\n- a cluster of grapes and a pod of peas\n- pods of peas\n", "k8s.md")
    found = matches(K8S, [note])
    assert set(found) == {"cluster", "pod-1"}
    assert [e.text for e in found["pod-1"]] == ["- pods of peas"]  # "a pod" above is a passing mention


def test_code_is_never_matched(vault: list[NoteDocument]) -> None:
    note = parse_note("# Kubernetes\n```\netcd kubelet\n```\n\n    etcd in indented text\n", "n.md")
    assert set(matches(K8S, [note])) == {"etcd"}
    assert matches(K8S, [note])["etcd"][0].text == "etcd in indented text"
    for excerpts in matches(K8S, vault).values():
        assert all(excerpt.line != 29 for excerpt in excerpts)


def test_names_are_case_separator_and_plural_insensitive() -> None:
    note = parse_note(
        "# Kubernetes\n- KUBE_APISERVER, kube apiserver and kubeapiserver\n- two Kubelets\n", "n.md"
    )
    found = matches(K8S, [note])
    assert found["kube-apiserver"][0].matched_terms == ("KUBE_APISERVER", "kube apiserver", "kubeapiserver")
    assert found["kubelet-1"][0].matched_terms == ("Kubelets",)


def test_a_name_inside_a_longer_word_does_not_match() -> None:
    note = parse_note("# Kubernetes\n- etcdctl and podcast and kubelet-like things\n", "n.md")
    assert "etcd" not in matches(K8S, [note])
    assert "pod-1" not in matches(K8S, [note])


def test_ties_keep_note_order_and_the_limit_caps() -> None:
    text = "# Kubernetes\n" + "".join(f"- etcd fact {i}\n" for i in range(8))
    found = match_excerpts(K8S, [parse_note(text, "n.md")], limit=3)
    assert [e.line for e in found["etcd"]] == [2, 3, 4]


def test_a_paragraph_pasted_twice_is_shown_once() -> None:
    paragraph = "The etcd store keeps every object of the cluster.\n"
    note = parse_note(
        f"# Kubernetes\n\n{paragraph}\n## Again\n\n{paragraph}\n"
        "## More\n\n- etcd runs on the control plane\n",
        "n.md",
    )
    library = NotesLibrary((), [note], architectures=ARCHITECTURES, limit=2)
    texts = [e.text for e in library.excerpts_for(K8S, "etcd")]
    assert len(texts) == 2
    assert len(set(texts)) == 2  # the second copy gave its place to the next excerpt
    assert texts[0] == paragraph.strip()


def test_library_puts_builtin_first_and_counts_user_matches(vault: list[NoteDocument]) -> None:
    builtin = load_notes([FIXTURES / "builtin"]).documents
    library = NotesLibrary(builtin, vault, architectures=ARCHITECTURES, limit=2)
    excerpts = library.excerpts_for(K8S, "kubelet-1")
    assert [e.origin for e in excerpts] == ["built-in", "user"]
    assert excerpts[0].title == "The kubelet"
    assert library.total_user_matches(EKS, "etcd-a") == 3
    assert len(library.excerpts_for(EKS, "etcd-a")) == 2
    assert len(library.excerpts_for(EKS, "etcd-a", show_all=True)) == 3
    assert library.excerpts_for(K8S, "no-such-element") == []


def test_library_caches_per_architecture(vault: list[NoteDocument], monkeypatch: pytest.MonkeyPatch) -> None:
    library = NotesLibrary((), vault)
    first = library.excerpts_for(K8S, "etcd")
    reads: list[str] = []
    original = reading_module.read_document
    monkeypatch.setattr(
        reading_module,
        "read_document",
        lambda terms, document: reads.append(document.source) or original(terms, document),
    )
    for _ in range(100):
        assert library.excerpts_for(K8S, "etcd") == first
    assert reads == [], "asking again reads no note again"
    library.set_user([])
    assert library.excerpts_for(K8S, "etcd") == []


def test_summary_has_builtin_then_user_sections(vault: list[NoteDocument]) -> None:
    builtin = load_notes([FIXTURES / "builtin"]).documents
    summary = NotesLibrary(builtin, vault).summary_for(K8S)
    assert summary[0].origin == "built-in"
    assert summary[0].text == "A tiny cluster made for the tests."
    assert any(e.heading_path == ("Kubernetes architecture", "Control plane") for e in summary[1:])
    eks_summary = NotesLibrary((), vault).summary_for(EKS)
    assert [e.heading_path for e in eks_summary] == [("Elastic Kubernetes Service (EKS)",)]


def test_builtin_keys_resolve_by_id_concept_and_group() -> None:
    builtin = load_notes([FIXTURES / "builtin"]).documents
    found = builtin_excerpts(K8S, builtin)
    elements = {"kube-apiserver", "kubelet-1", "kubelet-2", "control-plane", "etcd", "kube-scheduler"}
    assert set(found) == {"summary", "no-such-thing", *elements}  # an unknown key stays a topic key
    assert found["kube-apiserver"][0].text == "The front door of the control plane."
    assert found["kube-apiserver"][0].title == "API server"
    assert found["kubelet-1"] == found["kubelet-2"]
    assert found["etcd"][0] is found["kube-scheduler"][0]
    assert builtin_excerpts(EKS, builtin) == {}
    problems = check_builtin_keys(ARCHITECTURES, builtin)
    assert any("'no-such-thing'" in problem for problem in problems)
    assert any("some-other" in problem for problem in problems)


def test_find_section_for_wikilinks(vault: list[NoteDocument]) -> None:
    library = NotesLibrary((), vault)
    document, section = library.find_section("EKS", "Managed node groups")
    assert (document.title, section.line) == ("EKS", 6)
    assert library.find_section("k8s BASICS", "worker nodes")[1].title == "Worker nodes"
    assert (
        library.find_section("Containers/ECS basics.md", None)[1].title == "ECS (Elastic Container Service)"
    )
    assert library.find_section("EKS", "Kubernetes architecture#Control plane") is None
    assert library.find_section("Kubernetes 101", "Kubernetes architecture#Control plane")[1].line == 9
    assert library.find_section("Nope", None) is None


def test_matching_hundreds_of_notes(vault: list[NoteDocument]) -> None:
    """Hundreds of notes full of common words match without flooding (speed: ``python -m bench.notes``)."""
    filler = "\n".join(f"- point {i}: the node process and the service task of the day" for i in range(40))
    documents = [
        parse_note(f"### Topic {n}\n{filler}\n" if n % 5 else note_text, f"note-{n}.md")
        for n, note_text in enumerate(
            (FIXTURES / "vault" / "Containers" / "Kubernetes" / "Kubernetes 101.md").read_text(
                encoding="utf-8"
            )
            for _ in range(300)
        )
    ]
    library = NotesLibrary((), documents, architectures=ARCHITECTURES)
    excerpts = library.excerpts_for(K8S, "etcd")
    assert excerpts, "the real notes among the filler still match"
    assert all("point" not in excerpt.text for excerpt in excerpts), (
        "filler about nodes and tasks is not etcd"
    )


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="the shared example note is not available")
def test_the_shared_example_note() -> None:
    loaded = load_architectures([ARCHITECTURES_DIR]).architectures
    by_id = {architecture.id: architecture for architecture in loaded}
    if "kubernetes" not in by_id or "eks" not in by_id:
        pytest.skip("the bundled architectures are not there yet")
    documents = load_notes([EXAMPLES]).documents
    library = NotesLibrary((), documents, architectures=loaded)
    k8s, eks = by_id["kubernetes"], by_id["eks"]
    expected = {"kube-apiserver": 59, "etcd": 60, "kube-scheduler": 61, "kubelet-1": 73, "ingress": 77}
    for element_id, line in expected.items():
        assert library.excerpts_for(k8s, element_id)[0].line == line, element_id
    assert library.excerpts_for(eks, "etcd-a")[0].line == 88
