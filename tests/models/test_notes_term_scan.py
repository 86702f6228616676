"""The names scan finds exactly what the plain way of writing it finds: a look-behind regex tried at every
position, and each name ending in a common word checked for a compound one call at a time (kept here as
the reference). The fast scan starts its regex on the character before a name, checks compounds inline
and sums each text's signal."""

from __future__ import annotations

import re
from bisect import bisect_right

from hypothesis import example, given, settings
from hypothesis import strategies as st

from models.catalog import load_catalog
from models.notes import names as naming
from models.notes.contrast import _CONTRAST, _may_contrast
from models.notes.matching import (
    _FUNCTION_WORDS,
    _NEXT_TITLE_WORD,
    _PART_SEPARATOR,
    COMPOUND_HEADS,
    Hit,
    TermIndex,
)
from models.notes.name_regex import NAME_START as _NAME_START

ARCHITECTURES = load_catalog().architectures
KUBERNETES = next(a for a in ARCHITECTURES if a.id == "kubernetes")
TERMS = TermIndex.for_architecture(KUBERNETES, [a for a in ARCHITECTURES if a is not KUBERNETES])
ODD_NAMES = TermIndex(
    [(".NET", "dotnet", 0, False), ("node", "node", 0, True), ("kubelet", "kubelet", 0, False)]
)
_LOOK_BEHIND = r"(?<![^\W_])"
_NEXT_WORD = re.compile(r"[\s_-]+([^\W_]+)")

WORDS = [
    "kubelet", "Kubelets", "kube-proxy", "Kube_Proxy", "pod", "Pods", "node", "Node", "group", "Group",
    "Service", "service", "Account", "accounts", "EKS", "Elastic Kubernetes Service", "ECS", "Fargate",
    "control plane", "Control-Plane", "etcd", "API server", "and", "And", "The", "Managed", "by", "AWS",
    "k8s", "K8s", "types", "IDs", "ids", "ipss", "é", "café", "énode", "ßkubelet", "İstanbul", "ſervice",
    "Kelvin", "\u212a8s",
    ".NET", "x.NET", "_node", "node_", "nodes2", "than", "unlike", "vs.", "Compared", "rather", "same as",
]  # fmt: skip
SEPARATORS = [" ", "  ", "-", "_", "\n", ". ", ", ", " (", ") ", "—", "’s ", "", "\t", ": "]


def _reference(terms: TermIndex, parts: list[str], title_case: bool) -> tuple[list[list[Hit]], float]:
    """The scan as it was first written (one look-behind regex, a call per compound check)."""
    names = terms.pattern.pattern.removeprefix(_NAME_START).removeprefix(_LOOK_BEHIND)[1:-1]
    pattern = re.compile(_LOOK_BEHIND + names)
    text = _PART_SEPARATOR.join(parts)
    starts = [sum(len(p) + len(_PART_SEPARATOR) for p in parts[:i]) for i in range(len(parts))]
    found: list[list[Hit]] = [[] for _ in parts]
    lower = text.lower()
    folded = len(lower) != len(text)
    total = 0.0
    for match in (
        re.compile(pattern.pattern, re.IGNORECASE).finditer(text) if folded else pattern.finditer(lower)
    ):
        start, end = match.span()
        index = bisect_right(starts, start) - 1
        targets, any_generic, ends_generic, signal = terms._lookup(match.group(0).lower())
        total += signal
        compound = not folded and ends_generic and _compound(text, lower, end, title_case, heads=any_generic)
        for element, generic, architecture in targets:
            found[index].append(
                Hit(
                    start - starts[index],
                    end - starts[index],
                    text[start:end],
                    element,
                    generic,
                    architecture,
                    compound,
                )
            )
    return found, total


def _compound(text: str, lower: str, end: int, title_case: bool, *, heads: bool) -> bool:
    following = _NEXT_WORD.match(lower, end)
    if following is None:
        return False
    if heads and naming.singular(following.group(1)) in COMPOUND_HEADS:
        return True
    if title_case or not text[end - 1 : end].isalpha():
        return False
    titled = _NEXT_TITLE_WORD.match(text, end)
    if titled is None or titled.group(1).lower() in _FUNCTION_WORDS:
        return False
    start = end - 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    return text[start].isupper()


texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=12).map(
    lambda pieces: "".join(word + separator for word, separator in pieces)
)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4), st.booleans())
@example(["énode ßkubelet, ünd_pod; Ωpods 2pods"], False)  # letters beyond ASCII glued to a name
@example(["Service Account and node group", "The Node Group", "pods_types"], False)
@example(["Service Account and node group", "The Node Group"], True)
def test_the_scan_finds_what_the_plain_scan_finds(parts: list[str], title_case: bool) -> None:
    for terms in (TERMS, ODD_NAMES):
        found, signals = terms.scan_parts(parts, title_case=title_case)
        expected, total = _reference(terms, parts, title_case)
        assert found == expected
        assert sum(signals) == total
        assert terms.scan(parts, title_case=title_case) == (expected, total)


def test_names_starting_with_a_letter_or_digit_start_the_regex_on_the_character_before() -> None:
    assert TERMS.pattern.pattern.startswith(_NAME_START)
    assert ODD_NAMES.pattern.pattern.startswith(_LOOK_BEHIND), (
        "a name starting with '.' needs the look-behind"
    )
    found = ODD_NAMES.hits(".NET and x.NET, node_ and a node")
    assert [(hit.start, hit.text) for hit in found] == [(0, ".NET"), (16, "node"), (28, "node")]


def test_each_text_gets_the_signal_of_its_own_hits() -> None:
    parts = ["Kubernetes runs the kubelet.", "Nothing here.", "ECS on Fargate and EKS."]
    found, signals = TERMS.scan_parts(parts)
    assert signals == [TERMS.signal(hits) for hits in found]
    assert signals[0] > 0
    assert signals[1] == 0
    assert signals[2] < 0


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_text_without_a_contrast_word_names_nothing_as_a_contrast(text: str) -> None:
    if text.isascii() and not _may_contrast(text.lower()):
        assert all(_CONTRAST.search(text, 0, end) is None for end in range(len(text) + 1))
