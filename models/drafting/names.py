"""Display names and aliases for icon references, and the words too common to be names.

An icon of the ``diagrams`` package is known by its path (``aws/storage/
simple-storage-service-s3``), its class name (``SimpleStorageServiceS3``) and
the short aliases its module defines (``S3``). Curated names
(:mod:`models.drafting._curated`) come first; the rest are derived here.
"""

from __future__ import annotations

import re

from models.drafting._curated import curated_names, table_fingerprint

# Bump when the naming rules below change, so cached catalogues are rebuilt (the
# curated table is fingerprinted on its own, see naming_fingerprint).
NAMING_VERSION = 4

# Vendor prefixes a note may put before a provider's service name.
VENDOR_PREFIXES: dict[str, tuple[str, ...]] = {
    "aws": ("Amazon", "AWS"),
    "gcp": ("Google Cloud", "Google", "GCP"),
    "azure": ("Azure", "Microsoft Azure", "Microsoft"),
    "onprem": ("Apache",),
    "firebase": ("Firebase",),
    "ibm": ("IBM",),
    "oci": ("Oracle Cloud", "OCI"),
    "alibabacloud": ("Alibaba Cloud",),
    "digitalocean": ("DigitalOcean",),
    "elastic": ("Elastic",),
}
# Providers whose uncurated icon names are everyday phrases ("Data Pipeline",
# "Storage"): they only count with the vendor in front or emphasised.
CLOUD_PROVIDERS = frozenset(VENDOR_PREFIXES) - {"onprem", "elastic"}

# fmt: off
# Names that are everyday words in notes: never a component from plain text.
GENERIC_NAMES = frozenset({
    "admin", "agent", "alert", "alerts", "analytics", "api", "app", "application", "apps", "backup",
    "balancer",
    "blank", "blueprint", "bucket", "cache", "client", "clients", "cloud", "cluster", "component", "compute",
    "config", "container", "containers", "controller", "data", "database", "databases", "dashboard",
    "developer", "device", "disk", "dns", "document", "documents", "email", "endpoint",
    "engine", "event", "events", "file", "files", "firewall", "function", "functions", "gateway", "general",
    "group", "hardware", "host", "image", "images", "instance", "instances", "internet", "job", "jobs", "key",
    "library", "load", "log", "logs", "logging", "manager", "master", "message", "messages", "metrics",
    "mobile", "monitor", "monitoring", "nat", "network", "node", "nodes", "notification", "object", "os",
    "plane", "policy", "pool", "process", "project", "proxy", "queue", "queues", "region",
    "registry", "replica", "repository", "role", "router", "rule", "rules", "run", "runtime", "scheduler",
    "search", "secret", "server", "servers", "serverless", "service", "services", "sdk", "sql", "storage",
    "store", "stream", "streams", "subnet", "support", "switch", "system", "table", "tables", "task", "tasks",
    "tool", "tools", "topic", "user", "users", "vpn", "volume", "volumes", "web", "worker", "workers",
    "workload", "zone", "next", "spring", "shield", "glue", "composer",
    "cdn", "ide", "code", "build", "forums", "marketplace", "toolkit",
    "predictions", "invites", "performance", "hosting", "authentication", "messaging", "extensions",
})
# One-word product names that are also ordinary words: they count only written
# with the capitals of the name ("Vault", not "vault").
CASE_SENSITIVE_NAMES = frozenset({
    "argo", "athena", "aurora", "bash", "beam", "bedrock", "c", "caddy", "camel", "celery", "consul",
    "cortex", "dart", "dex", "druid", "ember", "envoy", "flux", "go", "harbor", "helm", "hive", "kong",
    "lambda", "neptune", "nomad", "phoenix", "presto", "r", "ruby", "rust", "spark", "storm", "swift",
    "tempo", "vault", "vector", "flask", "backbone", "angular", "react", "git", "ingress", "jetty", "sentry",
    "vue", "looker", "dataflow", "datastore", "firestore", "filestore", "spanner", "memorystore", "trino",
    "loki", "thanos", "jaeger", "mimir", "splunk", "graylog", "superset", "metabase", "tableau",
    "snowflake", "slack", "stripe", "teams", "pulumi", "ansible", "terraform", "jenkins", "docker",
    "namespace", "deployment", "pod", "pods", "kibana", "linux", "ubuntu", "q", "config", "connect", "batch",
    "translate", "forecast", "personalize", "comprehend", "transcribe", "polly", "lex", "kendra",
    "detective", "inspector", "macie", "artifact", "proton", "chatbot", "outposts", "wavelength",
})
# fmt: on

_CAMEL = re.compile(r"[A-Z][A-Z0-9]*(?=[A-Z][a-z]|$)|[A-Z]?[a-z0-9]+|[A-Z0-9]+")


def split_camel(class_name: str) -> str:
    """``SimpleStorageServiceS3`` → ``Simple Storage Service S3``."""
    return " ".join(_CAMEL.findall(class_name))


def icon_names(
    reference: str, class_name: str = "", code_aliases: tuple[str, ...] = ()
) -> tuple[str, tuple[str, ...], bool]:
    """The display label, the aliases and whether the names were curated."""
    curated = curated_names().get(reference)
    if curated is not None:
        return curated[0], curated[1], True
    words = reference.rsplit("/", 1)[-1].split("-")
    label = split_camel(class_name) if class_name else " ".join(word.capitalize() for word in words)
    aliases: list[str] = [alias for alias in code_aliases if alias.casefold() != label.casefold()]
    acronym = words[-1]
    initials = "".join(word[0] for word in words[:-1])
    if len(words) > 2 and acronym.casefold() == initials.casefold():
        aliases += [" ".join(label.split()[:-1]), acronym.upper()]
    return label, tuple(dict.fromkeys(aliases)), False


def naming_fingerprint() -> str:
    """Identifies the naming rules and the curated table: part of the catalogue cache's key."""
    return f"{NAMING_VERSION}-{table_fingerprint()}"


def vendor_forms(provider: str, name: str) -> tuple[str, ...]:
    """``S3`` → ``Amazon S3``, ``AWS S3``: what a note may write for an ``aws`` name."""
    prefixes = VENDOR_PREFIXES.get(provider, ())
    return tuple(
        f"{prefix} {name}" for prefix in prefixes if not name.casefold().startswith(prefix.casefold())
    )
