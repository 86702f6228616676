"""Relations from sentences that name two components with a verb between them.

Conservative on purpose: the words between the two names must start (after at
most three words of the subject, like "job" in "the Spark job writes…") with a
known verb and hold no conjunction or clause break; the first name must not be
the object of a preposition ("data *from* Kafka…"). The subject is the source
("Prometheus scrapes Kafka": Prometheus → Kafka), unless the verb is passive
with "by" ("S3 is read by Athena": Athena → S3). The verb phrase is the label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from models.drafting._lexicon import (
    AUXILIARIES,
    BREAKS,
    DETERMINERS,
    NOUN_FOLLOWERS,
    NOUN_LIKE,
    PREPOSITIONS,
    RELATIVES,
    SUBJECT_FILLERS,
    VERBS,
)
from models.drafting.mentions import Mention
from models.drafting.text import Sentence

_PARTICIPLES = {participle: verb for verb, participle in VERBS.items()}


def _base_form(verb: str) -> str:
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("shes", "ches", "sses", "xes", "zes")):
        return verb[:-2]
    return verb[:-1]


_BASE_FORMS = {_base_form(verb): verb for verb in VERBS if _base_form(verb) not in NOUN_LIKE}
_PRONOUN = re.compile(r"(it|It)\s")
_ARROW = re.compile(r"\s*(?:→|->|=>|⟶)\s*")
_WORD = re.compile(r"[A-Za-z0-9'/.+#-]+|[,;:()]")
_MAX_GAP_WORDS = 9
_MAX_LABEL_WORDS = 4


@dataclass(frozen=True)
class FoundRelation:
    """A relation read from one sentence: its ends (catalogue references), verb and label."""

    source: str
    target: str
    verb: str
    label: str
    sentence: int


def find_relations(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[FoundRelation]:
    """Relations stated by ``sentences`` between the entries of ``mentions``."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    for number, antecedent in _pronoun_subjects(sentences, by_sentence).items():
        by_sentence[number] = [antecedent, *by_sentence[number]]
    found: list[FoundRelation] = []
    for number, in_sentence in by_sentence.items():
        text = sentences[number].text
        subject = _opening_subject(text, in_sentence[0])
        for left_index in range(len(in_sentence) - 1):
            left, right = in_sentence[left_index], in_sentence[left_index + 1]
            relation = _relation(text, left, right, number)
            gap_words = _WORD.findall(text[left.end : right.start])
            chained = subject is left and _verb_chain(gap_words)
            if relation is None and subject is not None and (chained or _continues_subject(gap_words)):
                # "A consumes from B, … and writes to C": A is the subject of the last verb too.
                tail = _tail_after_break(gap_words)
                if tail is not None:
                    gap = " ".join(tail) + " "
                    relation = _relation(
                        f"{subject.text} {gap}", _at_start(subject), _after(subject, gap, right), number
                    )
            if relation is None:
                continue
            if relation.source == left.entry.key:
                subject = left
            found.append(relation)
            found += _listed_targets(text, relation, in_sentence[left_index + 1 :], number)
    return found


def _arrow_between(gap: str, words: Sequence[str]) -> bool:
    """ "S3 event → Lambda": one arrow and at most two plain words between two names."""
    return len(_ARROW.findall(gap)) == 1 and len(words) <= 2 and not _breaks([w.casefold() for w in words])


def _opening_subject(text: str, first: Mention) -> Mention | None:
    """The name that opens the sentence ("[The] Vector tails…") when a verb follows it."""
    opening = len(_WORD.findall(text[: first.start])) <= 1
    return first if opening and not first.negative and takes_part(text, first.start, first.end) else None


def _verb_chain(gap_words: Sequence[str]) -> bool:
    """ "A tails the files, parses them and pushes them to B": clauses joined by commas and "and" only."""
    folded = [word.casefold() for word in gap_words]
    joints = [word for word in folded if word in BREAKS or word in ",;:()"]
    return bool(joints) and set(joints) <= {"and", ","}


def _continues_subject(gap_words: Sequence[str]) -> bool:
    """ "A calls B[ for each step] and sends …": a short phrase, then "and" or a comma, then a verb."""
    folded = [word.casefold() for word in gap_words]
    if not folded:
        return False
    if folded[0] in ("and", ","):
        return True
    joints = [index for index, word in enumerate(folded) if word in BREAKS or word in ",;:()"]
    return bool(joints) and folded[joints[0]] == "and" and joints[0] <= 4 and len(joints) == 1


def _pronoun_subjects(
    sentences: Sequence[Sentence], by_sentence: dict[int, list[Mention]]
) -> dict[int, Mention]:
    """ "Cloud Run hosts the API; it loads the model from Cloud Storage": "it" stands for Cloud Run.

    Only a sentence that starts with "it" and names another component, right after
    a sentence (of the same paragraph line) whose first words are a component
    followed by a verb.
    """
    subjects = {}
    for number, in_sentence in by_sentence.items():
        match = _PRONOUN.match(sentences[number].text)
        previous = by_sentence.get(number - 1)
        if match is None or not previous or sentences[number - 1].line != sentences[number].line:
            continue
        first = previous[0]
        text = sentences[number - 1].text
        if (
            first.negative
            or len(_WORD.findall(text[: first.start])) > 1
            or not takes_part(text, first.start, first.end)
        ):
            continue
        if all(mention.entry.key != first.entry.key for mention in in_sentence):
            subjects[number] = replace(first, sentence=number, start=0, end=match.end(1), text=match.group(1))
    return subjects


def takes_part(text: str, start: int, end: int) -> bool:
    """True when the name at ``text[start:end]`` is the subject or object of a known verb.

    "CloudFront serves them", "writes documents to Elasticsearch", "uploaded to an S3
    bucket": the note says what the thing does or receives, so it is part of the
    system even when named once; "we once tried Memcached" is not.
    """
    after = [word.casefold() for word in _WORD.findall(text[end:])[:3]]
    after = [word for word in after if word not in SUBJECT_FILLERS]
    if after and after[0] in VERBS and not (len(after) > 1 and after[1] in NOUN_FOLLOWERS):
        return True
    before = [word.casefold() for word in _WORD.findall(text[:start])][-5:]
    while before and before[-1] in DETERMINERS:
        before.pop()
    if not before or _breaks(before[-1:]):
        return False
    if before[-1] not in PREPOSITIONS and before[-1] not in VERBS:
        return False
    for word in reversed(before):
        if _breaks([word]):
            return False
        if word in VERBS or word in _PARTICIPLES:
            return True
    return False


def _at_start(subject: Mention) -> Mention:
    return replace(subject, start=0, end=len(subject.text))


def _after(subject: Mention, gap: str, right: Mention) -> Mention:
    start = len(subject.text) + 1 + len(gap)
    return replace(right, start=start, end=start + len(right.text))


def _relation(text: str, left: Mention, right: Mention, number: int) -> FoundRelation | None:
    if left.negative or right.negative or left.entry.key == right.entry.key:
        return None
    words = _WORD.findall(text[left.end : right.start])
    if _arrow_between(text[left.end : right.start], words):
        return FoundRelation(left.entry.key, right.entry.key, "flows", "flows to", number)
    folded = [word.casefold() for word in words]
    relative = folded[:2] in ([",", "which"], [",", "that"], [",", "who"])
    if relative:
        # "(to) API Gateway, which invokes Lambda": the clause's subject is the name before it,
        # whatever that name's own role in the sentence.
        words, folded = words[1:], folded[1:]
    elif _object_of_preposition(text[: left.start]):
        return None
    if len(words) > _MAX_GAP_WORDS:
        return None
    for position, word in enumerate(folded[:4]):
        if word in BREAKS or word in ",;:()":
            return None
        passive = word in AUXILIARIES and position + 1 < len(folded) and folded[position + 1] in _PARTICIPLES
        if passive:
            verb = _PARTICIPLES[folded[position + 1]]
            rest = folded[position + 2 :]
            if not rest or rest[-1] != "by" or _breaks(rest):
                return None
            return FoundRelation(right.entry.key, left.entry.key, verb, verb, number)
        verb = word if word in VERBS else _BASE_FORMS.get(word, "")
        if verb and position + 1 < len(folded) and folded[position + 1] in NOUN_FOLLOWERS:
            return None
        if verb:
            rest_words = words[position + 1 :]
            if {w.casefold() for w in rest_words} & RELATIVES:
                return (
                    None  # "keeps the tables that Athena reads": the second name starts a clause of its own
                )
            if _breaks([w.casefold() for w in rest_words]):
                # "A builds the image and pushes it to B": the last verb joins A to B.
                tail = _tail_after_break(rest_words)
                if tail is None:
                    return None
                verb, rest_words = tail[0].casefold(), tail[1:]
            if rest_words and rest_words[-1].casefold() == "by":
                return None
            return FoundRelation(left.entry.key, right.entry.key, verb, _label(verb, rest_words), number)
        if word in AUXILIARIES or word in PREPOSITIONS:
            return None
        if word not in SUBJECT_FILLERS and not word.isalpha():
            return None
    return None


def _tail_after_break(words: Sequence[str]) -> list[str] | None:
    """The words after the last "and" or comma, when they start with a verb."""
    folded = [word.casefold() for word in words]
    last = max(index for index, word in enumerate(folded) if word in BREAKS or word in ",;:()")
    if folded[last] not in ("and", ","):
        return None
    tail = [word for word in words[last + 1 :] if word.casefold() != "and"]
    if not tail or tail[0].casefold() not in VERBS or _breaks([word.casefold() for word in tail]):
        return None
    return tail


def _starts_clause(after: str) -> bool:
    """A verb within the next three words: the name before it is a subject."""
    words = [word.casefold() for word in _WORD.findall(after)[:3]]
    return any(word in VERBS or word in _BASE_FORMS for word in words)


def _breaks(words: Sequence[str]) -> bool:
    return any(word in BREAKS or word in ",;:()" for word in words)


def _object_of_preposition(before: str) -> bool:
    words = [word.casefold() for word in _WORD.findall(before)]
    while words and words[-1] in DETERMINERS:
        words.pop()
    return bool(words) and words[-1] in PREPOSITIONS


def _label(verb: str, rest: Sequence[str]) -> str:
    """The verb and what follows it, without articles; long phrases keep the verb and preposition."""
    words = [word for word in rest if word.casefold() not in DETERMINERS]
    if len(words) + 1 > _MAX_LABEL_WORDS:
        words = [words[-1]] if words[-1].casefold() in PREPOSITIONS else []
    return " ".join([verb, *words])


def _listed_targets(
    text: str, relation: FoundRelation, following: Sequence[Mention], number: int
) -> list[FoundRelation]:
    """ "A writes to B and C": the relation to B holds for C too."""
    extra = []
    for previous, current in zip(following, following[1:], strict=False):
        gap = [
            word
            for word in _WORD.findall(text[previous.end : current.start].casefold())
            if word not in DETERMINERS
        ]
        joined = [word for word in gap if word in (",", "and", "or")]
        if not joined or len(gap) - len(joined) > 1 or gap[-1] not in (",", "and", "or") or current.negative:
            break
        if _starts_clause(text[current.end :]):
            break  # "…to B, and C workers consume…": C is the subject of a new clause, not a target
        if current.entry.key != relation.source:
            extra.append(
                FoundRelation(relation.source, current.entry.key, relation.verb, relation.label, number)
            )
    return extra
