"""The decision helper: a few questions that recommend ECS on EC2, ECS on Fargate or plain EC2.

The reasoning follows the built-in "when to use" notes: Fargate when you want
no hosts or the load is bursty; EC2 mode when the load is steady enough to keep
instances packed or you need what Fargate lacks; a plain EC2 Docker host only
when nothing has to be orchestrated.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass


class Choice(enum.Enum):
    ECS_EC2 = "ECS on EC2 (EC2 mode)"
    FARGATE = "ECS on Fargate"
    PLAIN_EC2 = "Plain EC2 as a Docker host"

    @property
    def architecture_id(self) -> str | None:
        """The built-in architecture that shows it (plain EC2 has none)."""
        return {Choice.ECS_EC2: "ecs-ec2", Choice.FARGATE: "ecs-fargate"}.get(self)


@dataclass(frozen=True)
class DecisionQuestion:
    id: str
    text: str
    options: tuple[tuple[str, str], ...]
    """(answer id, what the user reads)."""


QUESTIONS: tuple[DecisionQuestion, ...] = (
    DecisionQuestion(
        "orchestration",
        "Must something keep the containers running for you (restarts, spreading over AZs, "
        "scaling, load balancer registration, rolling deployments)?",
        (("yes", "Yes, it is a service or a regular job"), ("no", "No, a quick test or a one-off container")),
    ),
    DecisionQuestion(
        "manage",
        "Do you want to manage EC2 instances yourself (choose, patch, size and scale them)?",
        (
            ("yes", "Yes, I want control of the hosts"),
            ("no", "No, I want no hosts to manage"),
            ("either", "I don't mind"),
        ),
    ),
    DecisionQuestion(
        "load",
        "Is the load steady or bursty?",
        (
            ("steady", "Steady and predictable"),
            ("bursty", "Bursty or unpredictable"),
            ("batch", "Batch or scheduled jobs"),
        ),
    ),
    DecisionQuestion(
        "host_features",
        "Do you need GPUs, a custom AMI or host agents, DAEMON services, privileged containers, "
        "or the bridge or host network modes?",
        (("yes", "Yes, at least one of them"), ("no", "No")),
    ),
)


@dataclass(frozen=True)
class Recommendation:
    choice: Choice
    reasons: tuple[str, ...]
    caveats: tuple[str, ...] = ()

    @property
    def architecture_id(self) -> str | None:
        return self.choice.architecture_id


_WHY = {
    "one_off_fargate": "Nothing needs orchestrating, but you want no host either: run it as a standalone "
    "ECS task on Fargate and pay per second only while it runs.",
    "one_off_docker_too": "A plain EC2 instance with Docker also works if you accept starting and "
    "patching it.",
    "one_off": "Nothing needs orchestrating: one EC2 instance running `docker run` is the simplest setup "
    "for a quick test, learning, or a one-off container.",
    "no_orchestration": "Without orchestration, restarts, spreading over AZs, scaling and load balancer "
    "registration are all yours to do by hand.",
    "features": "You need something Fargate does not offer (GPUs, custom AMIs, DAEMON services, privileged "
    "containers, bridge or host networking), so the tasks must run on your own container instances.",
    "managed_instances": "Amazon ECS Managed Instances is a middle ground: AWS provisions and maintains the "
    "EC2 instances while you still choose their types.",
    "no_hosts": "You want no instances to manage: with Fargate, AWS provides and patches the capacity for "
    "each task.",
    "bursty": "Bursty or batch load would leave instances idle; Fargate bills only the vCPU and memory each "
    "task requests, per second, while it runs.",
    "steady_cost": "For steady, large load a well-packed EC2 cluster can cost less per unit of compute; "
    "Compute Savings Plans and Fargate Spot narrow the gap.",
    "control": "You are happy to run the instances, which gives you the choice of instance types and "
    "Reserved Instances, Savings Plans and Spot Instances.",
    "steady": "Steady load keeps instances well packed, and you pay for instances whether or not they are "
    "full: the cheapest per unit of compute.",
    "bursty_on_ec2": "With bursty load, let a capacity provider with managed scaling size the Auto Scaling "
    "group, or consider Fargate to avoid idle instances.",
    "simpler": "With no strong reason to run instances, Fargate is the simpler start: no hosts to patch or "
    "scale.",
    "may_move": "If the load turns out steady and large, EC2 mode may cost less; the task definitions move "
    "over with few changes.",
}


def recommend(answers: Mapping[str, str]) -> Recommendation:
    """The recommendation for ``answers`` (question id → answer id); missing answers count as "don't mind"."""
    orchestration = answers.get("orchestration", "yes")
    manage = answers.get("manage", "either")
    load = answers.get("load", "")
    bursty = load in ("bursty", "batch")
    if orchestration == "no":
        if manage == "no":
            return Recommendation(Choice.FARGATE, (_WHY["one_off_fargate"],), (_WHY["one_off_docker_too"],))
        return Recommendation(Choice.PLAIN_EC2, (_WHY["one_off"],), (_WHY["no_orchestration"],))
    if answers.get("host_features") == "yes":
        caveats = (_WHY["managed_instances"],) if manage == "no" else ()
        return Recommendation(Choice.ECS_EC2, (_WHY["features"],), caveats)
    if manage == "no":
        reasons: tuple[str, ...] = (_WHY["no_hosts"], _WHY["bursty"]) if bursty else (_WHY["no_hosts"],)
        caveats = (_WHY["steady_cost"],) if load == "steady" else ()
        return Recommendation(Choice.FARGATE, reasons, caveats)
    if manage == "yes" or load == "steady":
        reasons = tuple(
            _WHY[key]
            for key, applies in (("control", manage == "yes"), ("steady", load == "steady"))
            if applies
        )
        caveats = (_WHY["bursty_on_ec2"],) if bursty else ()
        return Recommendation(Choice.ECS_EC2, reasons, caveats)
    if bursty:
        return Recommendation(Choice.FARGATE, (_WHY["bursty"],))
    return Recommendation(Choice.FARGATE, (_WHY["simpler"],), (_WHY["may_move"],))
