"""The decision helper: a few questions that recommend how to run containers on AWS.

Two topics, one per built-in comparison. For ECS (EC2 mode, Fargate, ECS
Managed Instances or a plain EC2 Docker host) the reasoning follows the "when
to use" notes: Fargate when you want no hosts or the load is bursty; EC2 mode
when the load keeps instances packed or you need host-level control; Managed
Instances when you need GPUs or host networking without patching hosts. For
Kubernetes it answers self-managed Kubernetes or EKS, and which EKS compute
option (Auto Mode, managed node groups, Karpenter, self-managed nodes, Fargate,
Hybrid Nodes).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass


class Choice(enum.Enum):
    ECS_EC2 = "ECS on EC2 (EC2 mode)"
    FARGATE = "ECS on Fargate"
    ECS_MANAGED_INSTANCES = "ECS Managed Instances"
    PLAIN_EC2 = "Plain EC2 as a Docker host"
    SELF_MANAGED_K8S = "Self-managed Kubernetes"
    EKS_AUTO_MODE = "Amazon EKS with Auto Mode"
    EKS_MANAGED_NODES = "Amazon EKS with managed node groups"
    EKS_KARPENTER = "Amazon EKS with Karpenter"
    EKS_SELF_MANAGED_NODES = "Amazon EKS with self-managed nodes"
    EKS_FARGATE = "Amazon EKS on Fargate"
    EKS_HYBRID_NODES = "Amazon EKS with Hybrid Nodes"

    @property
    def architecture_id(self) -> str | None:
        """The built-in architecture that shows it, or the closest one (plain EC2 has none)."""
        if self is Choice.PLAIN_EC2:
            return None
        if self is Choice.FARGATE:
            return "ecs-fargate"
        if self in (Choice.ECS_EC2, Choice.ECS_MANAGED_INSTANCES):
            return "ecs-ec2"
        return "kubernetes" if self is Choice.SELF_MANAGED_K8S else "eks"


@dataclass(frozen=True)
class DecisionQuestion:
    id: str
    text: str
    options: tuple[tuple[str, str], ...]
    """(answer id, what the user reads)."""


@dataclass(frozen=True)
class Recommendation:
    choice: Choice
    reasons: tuple[str, ...]
    caveats: tuple[str, ...] = ()

    @property
    def architecture_id(self) -> str | None:
        return self.choice.architecture_id


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
        "accelerators",
        "Do you need GPUs or other accelerated instance types, or the host network mode?",
        (("yes", "Yes"), ("no", "No")),
    ),
    DecisionQuestion(
        "host_features",
        "Do you need a custom AMI or host agents, DAEMON services, privileged containers, "
        "or the bridge network mode?",
        (("yes", "Yes, at least one of them"), ("no", "No")),
    ),
)
"""The ECS questions."""


_WHY = {
    "one_off_fargate": "Nothing needs orchestrating, but you want no host either: run it as a standalone "
    "ECS task on Fargate and pay per second only while it runs.",
    "one_off_docker_too": "A plain EC2 instance with Docker also works if you accept starting and "
    "patching it.",
    "one_off": "Nothing needs orchestrating: one EC2 instance running `docker run` is the simplest setup "
    "for a quick test, learning, or a one-off container.",
    "no_orchestration": "Without orchestration, restarts, spreading over AZs, scaling and load balancer "
    "registration are all yours to do by hand.",
    "features": "You need host-level control that only your own container instances give (custom AMIs "
    "or host agents, DAEMON services, privileged containers, bridge networking).",
    "features_managed": "If GPUs or host networking are all you need, ECS Managed Instances gives them "
    "without patching hosts yourself.",
    "accelerators_fargate": "Fargate offers no GPUs and only the awsvpc network mode.",
    "managed_instances": "With ECS Managed Instances, AWS provisions, patches and replaces the EC2 "
    "instances; it supports GPUs and accelerated types and the awsvpc, host and none network modes.",
    "managed_instances_types": "ECS picks cost-optimised instance types unless you give instance "
    "attributes (types, accelerators, CPU makers).",
    "managed_instances_cost": "You pay for the whole instance plus a management fee, and an instance "
    "lives at most 14 days before ECS replaces it: run tasks as services.",
    "accelerators_control": "You want the hosts in your hands: GPU instances in your own Auto Scaling "
    "group, with the ECS GPU-optimised AMI.",
    "no_hosts": "You want no instances to manage: with Fargate, AWS provides and patches the capacity for "
    "each task.",
    "bursty": "Bursty or batch load would leave instances idle; Fargate bills only the vCPU and memory each "
    "task requests, per second, while it runs.",
    "steady_cost": "For steady, large load a well-packed EC2 cluster can cost less per unit of compute; "
    "Compute Savings Plans and Fargate Spot narrow the gap, and ECS Managed Instances packs tasks "
    "onto AWS-run instances.",
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
    """The ECS recommendation for ``answers`` (question id → answer id); missing answers mean "don't mind"."""
    orchestration = answers.get("orchestration", "yes")
    manage = answers.get("manage", "either")
    load = answers.get("load", "")
    bursty = load in ("bursty", "batch")
    if orchestration == "no":
        if manage == "no":
            return Recommendation(Choice.FARGATE, (_WHY["one_off_fargate"],), (_WHY["one_off_docker_too"],))
        return Recommendation(Choice.PLAIN_EC2, (_WHY["one_off"],), (_WHY["no_orchestration"],))
    accelerators = answers.get("accelerators") == "yes"
    if answers.get("host_features") == "yes":
        caveats = (_WHY["features_managed"],) if accelerators or manage == "no" else ()
        return Recommendation(Choice.ECS_EC2, (_WHY["features"],), caveats)
    if accelerators:
        if manage == "yes":
            return Recommendation(Choice.ECS_EC2, (_WHY["accelerators_control"], _WHY["control"]))
        why = (_WHY["accelerators_fargate"], _WHY["managed_instances"], _WHY["managed_instances_types"])
        return Recommendation(Choice.ECS_MANAGED_INSTANCES, why, (_WHY["managed_instances_cost"],))
    reasons: tuple[str, ...]
    if manage == "no":
        reasons = (_WHY["no_hosts"], _WHY["bursty"]) if bursty else (_WHY["no_hosts"],)
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


KUBERNETES_QUESTIONS: tuple[DecisionQuestion, ...] = (
    DecisionQuestion(
        "where",
        "Where must the workloads run?",
        (
            ("aws", "In AWS"),
            ("hybrid", "On my own servers or at the edge, with the control plane in AWS"),
            ("elsewhere", "On premises or in another cloud, with no AWS at all"),
        ),
    ),
    DecisionQuestion(
        "control_plane",
        "Do you need to control the control plane itself (API server flags, etcd, admission plugins, "
        "versions beyond the supported ones), or to learn how it works inside?",
        (("yes", "Yes"), ("no", "No, I only need the Kubernetes API")),
    ),
    DecisionQuestion(
        "nodes",
        "How much of the nodes do you want to manage?",
        (
            ("none", "Nothing: AWS should run the nodes"),
            ("some", "Instance types and AMIs, but AWS should handle updates"),
            ("all", "Everything: AMI, bootstrap, scaling and patching"),
        ),
    ),
    DecisionQuestion(
        "pods",
        "What do the Pods need?",
        (
            ("host", "DaemonSets, GPUs, privileged Pods or other node-level access"),
            ("small", "Nothing from the node: small or bursty Pods"),
            ("cost", "Large, varied load where instance choice and Spot matter"),
        ),
    ),
    DecisionQuestion(
        "kubernetes",
        "Do you need Kubernetes itself (its API, Helm charts, operators, portability)?",
        (("yes", "Yes"), ("no", "Not really, I just need to run containers")),
    ),
)


_K8S_WHY = {
    "elsewhere": "Amazon EKS runs its control plane only in AWS; without AWS you run the control plane "
    "yourself (for example with kubeadm) or use another provider's managed Kubernetes.",
    "control_plane": "EKS runs the control plane for you and does not let you log in to it or change its "
    "flags; only a cluster you run yourself gives that control.",
    "self_cost": "Running it yourself means three or more etcd members, backups, certificates and every "
    "upgrade are yours.",
    "hybrid": "EKS Hybrid Nodes join your own on-premises or edge machines to an EKS cluster whose control "
    "plane AWS runs in a Region.",
    "hybrid_network": "The machines need a private network path to the cluster's VPC (VPN or Direct "
    "Connect), and you still run those machines.",
    "eks": "EKS runs a highly available control plane for you (at least two API servers and three etcd "
    "members over three AZs) for $0.10 per cluster-hour in standard support.",
    "auto_mode": "EKS Auto Mode, built on Karpenter, chooses, launches, patches and replaces the EC2 nodes "
    "and runs load balancing, storage and Pod networking for you.",
    "auto_mode_host": "Unlike Fargate, Auto Mode nodes are real EC2 instances, so DaemonSets and GPU "
    "instances work.",
    "auto_mode_fee": "Auto Mode adds a per-node management fee on top of the EC2 price.",
    "fargate": "EKS on Fargate runs each Pod in its own isolation boundary with no node at all, billed for "
    "the Pod's vCPU and memory.",
    "fargate_limits": "Fargate has no DaemonSets, privileged Pods or GPUs, needs IP targets for load "
    "balancers, and does not support EKS Pod Identity (use IRSA).",
    "managed_nodes": "Managed node groups let you pick instance types, Spot and the AMI (AL2023 or "
    "Bottlerocket) while EKS creates the Auto Scaling group and rolls out updates, draining Pods first.",
    "karpenter": "Karpenter launches right-sized instances for pending Pods from many types, mixes Spot "
    "and On-Demand, and consolidates idle nodes: the most control over cost.",
    "karpenter_ops": "You install, configure and upgrade Karpenter yourself; Auto Mode is the managed "
    "version.",
    "karpenter_hint": "For large, varied load consider Karpenter (or Auto Mode, which runs it for you) "
    "to pick instance types per Pod.",
    "self_managed": "Self-managed nodes give full control of the AMI and bootstrap; you patch, replace and "
    "scale them yourself.",
    "default": "With no strong reason to run nodes, Auto Mode is the simplest start on EKS.",
    "no_kubernetes": "If you do not need Kubernetes itself, Amazon ECS (see ECS on EC2 vs ECS on Fargate) "
    "is simpler and has no cluster fee.",
}


def recommend_kubernetes(answers: Mapping[str, str]) -> Recommendation:
    """Self-managed Kubernetes or EKS, and which EKS compute option, for ``answers``."""
    extra = (_K8S_WHY["no_kubernetes"],) if answers.get("kubernetes") == "no" else ()
    where = answers.get("where", "aws")
    if where == "elsewhere":
        return Recommendation(Choice.SELF_MANAGED_K8S, (_K8S_WHY["elsewhere"],), (_K8S_WHY["self_cost"],))
    if answers.get("control_plane") == "yes":
        return Recommendation(Choice.SELF_MANAGED_K8S, (_K8S_WHY["control_plane"],), (_K8S_WHY["self_cost"],))
    if where == "hybrid":
        return Recommendation(Choice.EKS_HYBRID_NODES, (_K8S_WHY["hybrid"],), (_K8S_WHY["hybrid_network"],))
    nodes, pods = answers.get("nodes", ""), answers.get("pods", "")
    if nodes == "all":
        if pods == "cost":
            return Recommendation(
                Choice.EKS_KARPENTER,
                (_K8S_WHY["eks"], _K8S_WHY["karpenter"]),
                (_K8S_WHY["karpenter_ops"], *extra),
            )
        return Recommendation(
            Choice.EKS_SELF_MANAGED_NODES, (_K8S_WHY["eks"], _K8S_WHY["self_managed"]), extra
        )
    if nodes == "some":
        caveats = (_K8S_WHY["karpenter_hint"],) if pods == "cost" else ()
        return Recommendation(
            Choice.EKS_MANAGED_NODES, (_K8S_WHY["eks"], _K8S_WHY["managed_nodes"]), (*caveats, *extra)
        )
    if pods == "small":
        return Recommendation(
            Choice.EKS_FARGATE, (_K8S_WHY["eks"], _K8S_WHY["fargate"]), (_K8S_WHY["fargate_limits"], *extra)
        )
    reasons = [_K8S_WHY["eks"], _K8S_WHY["auto_mode"]]
    if pods == "host":
        reasons.append(_K8S_WHY["auto_mode_host"])
    if not nodes and not pods:
        reasons.append(_K8S_WHY["default"])
    return Recommendation(Choice.EKS_AUTO_MODE, tuple(reasons), (_K8S_WHY["auto_mode_fee"], *extra))


@dataclass(frozen=True)
class DecisionTopic:
    """One question set: the architectures it is about, its questions and how it recommends."""

    id: str
    title: str
    architectures: frozenset[str]
    questions: tuple[DecisionQuestion, ...]
    recommend: Callable[[Mapping[str, str]], Recommendation]


ECS_TOPIC = DecisionTopic(
    "ecs",
    "ECS on EC2, Fargate, Managed Instances or plain EC2?",
    frozenset({"ecs-ec2", "ecs-fargate"}),
    QUESTIONS,
    recommend,
)
KUBERNETES_TOPIC = DecisionTopic(
    "kubernetes",
    "Self-managed Kubernetes or EKS, and which EKS compute?",
    frozenset({"kubernetes", "eks"}),
    KUBERNETES_QUESTIONS,
    recommend_kubernetes,
)
TOPICS: tuple[DecisionTopic, ...] = (ECS_TOPIC, KUBERNETES_TOPIC)


def topic_for(*architecture_ids: str) -> DecisionTopic:
    """The topic about most of ``architecture_ids`` (the two sides compared); ECS when none matches."""
    return max(TOPICS, key=lambda topic: sum(a in topic.architectures for a in architecture_ids))
