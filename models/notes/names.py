"""How names are compared in notes: case, plural and separator folding, common words, and the
variants of a name ("Amazon ECS", "ECS"; "Elastic Kubernetes Service (EKS)", "EKS")."""

from __future__ import annotations

import re
from collections.abc import Iterable

# fmt: off
# One-word names this common only count with other evidence (see the module docstring).
GENERIC_WORDS = frozenset({
    "admin", "agent", "api", "app", "application", "balancer", "blueprint", "cache", "client", "cloud",
    "cluster", "component", "container", "controller", "database", "dependency", "deployment", "developer",
    "disk", "endpoint", "engine", "function", "gateway", "hardware", "host", "image", "instance", "job",
    "key", "library", "load", "log", "manager", "master", "network", "node", "plane", "policy", "pod", "pool",
    "process", "proxy", "queue", "region", "registry", "replica", "repository", "role", "runtime",
    "scheduler", "secret", "server", "serverless", "service", "storage", "store", "subnet", "system", "task",
    "tool", "user", "volume", "worker", "workload", "zone", "kernel", "os", "control",
})
# Names made of common words that many architectures use for different things.
AMBIGUOUS_PHRASES = frozenset({
    "controlplane", "containerruntime", "loadbalancer", "networkinterface", "workernode", "containerhost",
})
# fmt: on

_SEPARATORS = re.compile(r"[\s_-]+")
_WORDS = re.compile(r"[^\W_]+")
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}s?")
_VENDOR = re.compile(r"(?i)(?:amazon|aws) \S")


def name_key(name: str) -> str:
    """A name compared case- and separator-insensitively."""
    return key(name)


def key(name: str) -> str:
    return _SEPARATORS.sub("", name.lower())


def words(name: str) -> list[str]:
    return _WORDS.findall(name.lower())


def singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def ends_generic(name: str) -> bool:
    found_words = words(name)
    return bool(found_words) and singular(found_words[-1]) in GENERIC_WORDS


def is_generic(name: str) -> bool:
    found_words = words(name)
    return (len(found_words) == 1 and singular(found_words[0]) in GENERIC_WORDS) or key(
        name
    ) in AMBIGUOUS_PHRASES


def variants(names: Iterable[str]) -> list[str]:
    """Each name; also without its "(part)" (and the part if an acronym), and without "Amazon"/"AWS"."""
    found: list[str] = []
    for raw in names:
        forms = [" ".join(str(raw).split())]
        if match := _PARENTHESES.search(forms[0]):
            outside = " ".join(f"{forms[0][: match.start()]} {forms[0][match.end() :]}".split())
            inside = match.group(1).strip()
            acronym = is_acronym_of(inside, outside) or is_acronym_of(outside, inside)
            forms += [outside, inside] if acronym else [outside]
        found += forms + [form.split(" ", 1)[1] for form in forms if _VENDOR.match(form)]
    return [name for name in dict.fromkeys(found) if name]


def is_acronym_of(short: str, long: str) -> bool:
    """ "EKS" for "Elastic Kubernetes Service", but not "EC2" for "Managed node"."""
    if not _ACRONYM.fullmatch(short):
        return False
    initials = iter(word[0] for word in long.upper().split())
    return all(letter in initials for letter in short.upper() if letter.isalpha())
