"""Generated architectures of any size, shaped like real ones.

Components sit eight to a leaf group; leaf groups sit four to a middle group
and those four to a top group (a region holding VPCs holding subnets). Every
component makes about 1.5 relations: most to its own group, some to a sibling
group, a few anywhere, as services in one system tend to. A third of the
relations carry a label. The same ``size`` and ``seed`` give the same model.
"""

from __future__ import annotations

import math
import random

from models.architecture import Architecture, Component, Group, LayoutHints, Relation

ICONS = (
    "aws/compute/ec2",
    "aws/compute/fargate",
    "aws/compute/elastic-container-service",
    "aws/network/elb-application-load-balancer",
    "aws/database/rds",
    "k8s/compute/pod",
    "k8s/network/svc",
    "onprem/container/containerd",
)
"""Icons from the ``diagrams`` package, so the ``diagrams`` baseline can use the same files."""
NAMES = ("orders", "payments", "catalog", "search", "accounts", "billing", "checkout", "inventory")
VERBS = ("calls", "reads from", "writes to", "publishes to")
PER_LEAF = 8
FAN_OUT = 4
RELATIONS_PER_COMPONENT = 1.5


def generate(size: int, seed: int = 7) -> Architecture:
    """An architecture of ``size`` components in nested groups with ~1.5 relations each."""
    rnd = random.Random(seed)
    leaves = max(1, math.ceil(size / PER_LEAF))
    middles = max(1, math.ceil(leaves / FAN_OUT))
    tops = max(1, math.ceil(middles / FAN_OUT))
    groups = [Group(f"r{t}", f"Region {t}", "region") for t in range(tops)]
    groups += [Group(f"v{m}", f"VPC {m}", "vpc", parent=f"r{m // FAN_OUT}") for m in range(middles)]
    # Labels repeat across groups on purpose: same-label groups must stay apart.
    groups += [Group(f"s{s}", f"Subnet {s % 3}", "subnet", parent=f"v{s // FAN_OUT}") for s in range(leaves)]
    components = tuple(
        Component(
            id=f"c{index}",
            label=f"{NAMES[index % len(NAMES)]}-service {index}",
            kind="service",
            icon=ICONS[rnd.randrange(len(ICONS))],
            group=f"s{index // PER_LEAF}",
            description=f"Generated component {index}.",
        )
        for index in range(size)
    )
    relations = _relations(size, rnd)
    return Architecture(
        id=f"generated-{size}",
        title=f"Generated, {size} components",
        summary="A generated model for the benchmark.",
        groups=tuple(groups),
        components=components,
        relations=relations,
        layout=LayoutHints("LR"),
    )


def _relations(size: int, rnd: random.Random) -> tuple[Relation, ...]:
    relations: list[Relation] = []
    seen: set[tuple[int, int]] = set()
    wanted = min(round(size * RELATIONS_PER_COMPONENT), size * (size - 1))
    while len(relations) < wanted:
        source = rnd.randrange(size)
        roll = rnd.random()
        if roll < 0.7:
            leaf = source // PER_LEAF
            target = rnd.randrange(leaf * PER_LEAF, min(size, (leaf + 1) * PER_LEAF))
        elif roll < 0.92:
            middle = source // (PER_LEAF * FAN_OUT)
            span = PER_LEAF * FAN_OUT
            target = rnd.randrange(middle * span, min(size, (middle + 1) * span))
        else:
            target = rnd.randrange(size)
        if target == source or (source, target) in seen:
            continue
        seen.add((source, target))
        label = VERBS[len(relations) % len(VERBS)] if len(relations) % 3 == 0 else ""
        relations.append(Relation(f"c{source}", f"c{target}", "calls", label))
    return tuple(relations)
