"""Finds the catalogue's names in a note's sentences.

Names match whole words, longest first, ignoring case and the separators
``-``, ``_``, ``/`` and ``.`` — except where a loose match would misfire: a
one-word name that is an everyday word ("Vault", "Spark", "Go") only counts
written with its capitals, and everyday names ("storage", "users") or the
uncurated names of cloud icons ("Data Pipeline") only count in bold or code
(or, for cloud icons, with the vendor in front: "AWS Data Pipeline").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from models.drafting._curated import exact_case_names
from models.drafting.catalogue import IconEntry
from models.drafting.names import (
    CASE_SENSITIVE_NAMES,
    CLOUD_PROVIDERS,
    GENERIC_NAMES,
    VENDOR_PREFIXES,
    vendor_forms,
)
from models.drafting.text import Sentence

_TOKEN = re.compile(r"[A-Za-z0-9]+[#+]*")
_MAX_TOKENS = 7
_CLAUSE_BREAK = re.compile(r"[,;:()]")
# Words before a name that say the note is setting it aside, not using it.
_NEGATIONS = frozenset(
    {
        "unlike",
        "instead",
        "rather",
        "not",
        "without",
        "versus",
        "vs",
        "alternative",
        "alternatives",
        "replaced",
        "replacing",
        "deprecated",
        "avoid",
        "avoided",
        "than",
        "except",
        "nor",
        "considered",
    }
)
EXACT_CASE_NAMES = exact_case_names()
# Icons never named in prose (flowchart shapes).
_SKIPPED_PREFIXES = ("programming/flowchart/",)


class Rule(Enum):
    """How strictly a name must appear to count."""

    LOOSE = "loose"
    EXACT_CASE = "exact-case"
    EMPHASISED = "emphasised"


@dataclass(frozen=True)
class Name:
    entry: IconEntry
    tokens: tuple[str, ...]
    rule: Rule


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entry's name in a sentence (``start``/``end`` index its text)."""

    entry: IconEntry
    text: str
    sentence: int
    start: int
    end: int
    emphasised: bool
    negative: bool
    qualified: bool = False
    """Written with its vendor ("Amazon Cognito", "Azure Key Vault"): named on purpose, not in passing."""


def tokens_of(text: str) -> list[str]:
    return _TOKEN.findall(text)


class NameIndex:
    """Every name of every entry, keyed by its lower-cased words; earlier entries win ties."""

    def __init__(self, entries: Iterable[IconEntry]) -> None:
        self._names: dict[tuple[str, ...], list[Name]] = {}
        for entry in entries:
            if entry.reference.startswith(_SKIPPED_PREFIXES):
                continue
            for name, rule in _names_with_rules(entry):
                tokens = tuple(tokens_of(name))
                if not tokens:
                    continue
                keys = {tuple(token.casefold() for token in tokens)}
                if len(tokens[-1]) > 4 and tokens[-1].endswith("s") and len(tokens) > 1:
                    keys.add((*[token.casefold() for token in tokens[:-1]], tokens[-1][:-1].casefold()))
                for key in keys:
                    self._names.setdefault(key, []).append(Name(entry, tokens, rule))

        for entry, short in _short_forms(entries):
            key = tuple(token.casefold() for token in tokens_of(short))
            taken = self._names.setdefault(key, [])
            if not any(name.entry.curated for name in taken):  # unless a hand name already says it
                taken.insert(0, Name(entry, tuple(tokens_of(short)), Rule.EXACT_CASE))

        for names in self._names.values():
            rivals = list(names)  # list.sort empties the list while it sorts
            names.sort(key=lambda name: (_outranked(name, rivals), not name.entry.curated))

    def find(self, sentences: Sequence[Sentence]) -> list[Mention]:
        """Every mention in ``sentences``, in reading order."""
        mentions = []
        for number, sentence in enumerate(sentences):
            mentions += self._find_in(number, sentence)
        return mentions

    def _find_in(self, number: int, sentence: Sentence) -> list[Mention]:
        matches = list(_TOKEN.finditer(sentence.text))
        words = [match.group(0) for match in matches]
        folded = [word.casefold() for word in words]
        found = []
        index = 0
        while index < len(words):
            hit = self._longest_at(sentence, matches, words, folded, index)
            if hit is None:
                index += 1
                continue
            name, length = hit
            start, end = matches[index].start(), matches[index + length - 1].end()
            clause = _CLAUSE_BREAK.split(sentence.text[:start])[-1]
            before = {word.casefold() for word in tokens_of(clause)[-4:]}
            found.append(
                Mention(
                    name.entry,
                    sentence.text[start:end],
                    number,
                    start,
                    end,
                    sentence.emphasised(start, end),
                    bool(before & _NEGATIONS),
                    _qualified(name.entry, sentence.text[start:end]),
                )
            )
            index += length
        return found

    def _longest_at(
        self,
        sentence: Sentence,
        matches: list[re.Match[str]],
        words: list[str],
        folded: list[str],
        index: int,
    ) -> tuple[Name, int] | None:
        for length in range(min(_MAX_TOKENS, len(words) - index), 0, -1):
            key = tuple(folded[index : index + length])
            candidates = self._names.get(key, [])
            if not candidates and len(key[-1]) > 3 and key[-1].endswith("s"):
                candidates = self._names.get((*key[:-1], key[-1][:-1]), [])
            start, end = matches[index].start(), matches[index + length - 1].end()
            if _in_compound(sentence.text, start, end):
                continue
            for name in candidates:
                if _allowed(name, words[index : index + length], sentence.emphasised_exactly(start, end)):
                    return name, length
        return None


def _short_forms(entries: Iterable[IconEntry]) -> list[tuple[IconEntry, str]]:
    """A hand name without its vendor ("Azure API Management" → "API Management"), two words or more."""
    forms = []
    for entry in entries:
        if not entry.curated or entry.concept or entry.reference.startswith(_SKIPPED_PREFIXES):
            continue
        for prefix in VENDOR_PREFIXES.get(entry.provider, ()):
            if entry.label.startswith(prefix + " ") and len(tokens_of(entry.label[len(prefix) :])) >= 2:
                forms.append((entry, entry.label[len(prefix) + 1 :]))
                break
    return forms


def _qualified(entry: IconEntry, written: str) -> bool:
    """True when ``written`` starts with its provider's vendor name, capitalised ("Amazon SNS")."""
    return any(
        written.startswith(prefix + " ") and len(written) > len(prefix) + 1
        for prefix in VENDOR_PREFIXES.get(entry.provider, ())
    )


def _in_compound(text: str, start: int, end: int) -> bool:
    """ "S3-compatible", "Kafka-like": a name glued to a word by a hyphen is not the name."""
    glued_after = text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha()
    glued_before = start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()
    return glued_after or glued_before


def _outranked(name: Name, rivals: list[Name]) -> bool:
    """A built-in concept yields a shared name to a curated icon drawn differently ("Docker")."""
    return bool(name.entry.concept) and any(
        rival.entry.curated and not rival.entry.concept and rival.entry.reference != name.entry.reference
        for rival in rivals
    )


def _allowed(name: Name, written: list[str], emphasised: bool) -> bool:
    if name.rule is Rule.EMPHASISED:
        return emphasised
    if name.rule is Rule.EXACT_CASE:
        return [word.rstrip("s") for word in written] == [token.rstrip("s") for token in name.tokens]
    return True


def _names_with_rules(entry: IconEntry) -> list[tuple[str, Rule]]:
    own = [(name, _rule(entry, name)) for name in entry.names]
    vendored = [
        (form, _vendored_rule(entry, name))
        for name in entry.names
        for form in vendor_forms(entry.provider, name)
    ]
    return own + vendored if not entry.concept else own


def _vendored_rule(entry: IconEntry, name: str) -> Rule:
    if _everyday_after_vendor(entry, name) or name in EXACT_CASE_NAMES:
        return Rule.EXACT_CASE
    return Rule.LOOSE if entry.provider in CLOUD_PROVIDERS else _rule(entry, name)


def _everyday_after_vendor(entry: IconEntry, name: str) -> bool:
    """ "AWS Batch" is the service, "AWS (batch)" is not: a vendor before an everyday word keeps its case."""
    for prefix in VENDOR_PREFIXES.get(entry.provider, ()):
        if name.casefold().startswith(prefix.casefold() + " "):
            name = name[len(prefix) + 1 :]
    tokens = tokens_of(name)
    return len(tokens) == 1 and tokens[0].casefold() in CASE_SENSITIVE_NAMES | GENERIC_NAMES


def _rule(entry: IconEntry, name: str) -> Rule:
    tokens = tokens_of(name)
    single = len(tokens) == 1
    if (single and tokens[0].casefold() in GENERIC_NAMES) or not entry.curated:
        return Rule.EMPHASISED
    if (
        name in EXACT_CASE_NAMES
        or _everyday_after_vendor(entry, name)
        or (single and (tokens[0].casefold() in CASE_SENSITIVE_NAMES or len(name) <= 3))
    ):
        return Rule.EXACT_CASE
    return Rule.LOOSE
