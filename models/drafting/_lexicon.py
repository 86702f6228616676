"""The words the relation reader knows: verbs, and the small words around them.

Data only; :mod:`models.drafting.relations` reads sentences with it.
"""

# fmt: off
# Verb (third person) → past participle; the base form is the verb without its "s"/"es".
VERBS: dict[str, str] = {
    "writes": "written", "sends": "sent", "forwards": "forwarded", "publishes": "published",
    "pushes": "pushed", "streams": "streamed", "ships": "shipped", "emits": "emitted",
    "exports": "exported", "loads": "loaded", "delivers": "delivered", "posts": "posted",
    "routes": "routed", "proxies": "proxied", "uploads": "uploaded", "copies": "copied",
    "syncs": "synced", "replicates": "replicated", "dumps": "dumped", "inserts": "inserted",
    "puts": "put", "enqueues": "enqueued", "produces": "produced", "reads": "read",
    "queries": "queried", "calls": "called", "invokes": "invoked", "fetches": "fetched",
    "pulls": "pulled", "polls": "polled", "consumes": "consumed", "subscribes": "subscribed",
    "scrapes": "scraped", "watches": "watched", "ingests": "ingested", "indexes": "indexed",
    "stores": "stored", "caches": "cached", "persists": "persisted", "triggers": "triggered",
    "schedules": "scheduled", "starts": "started", "launches": "launched", "runs": "run",
    "orchestrates": "orchestrated", "notifies": "notified", "alerts": "alerted", "pages": "paged",
    "monitors": "monitored", "authenticates": "authenticated", "serves": "served",
    "redirects": "redirected", "balances": "balanced", "fronts": "fronted", "protects": "protected",
    "encrypts": "encrypted", "uses": "used", "depends": "depended", "talks": "talked",
    "connects": "connected", "hits": "hit", "requests": "requested", "collects": "collected",
    "aggregates": "aggregated", "transforms": "transformed", "processes": "processed",
    "visualizes": "visualized", "visualises": "visualised", "graphs": "graphed", "traces": "traced",
    "logs": "logged", "receives": "received", "feeds": "fed", "passes": "passed",
    "distributes": "distributed", "resolves": "resolved", "registers": "registered",
    "deploys": "deployed", "builds": "built", "manages": "managed", "creates": "created",
    "updates": "updated", "exposes": "exposed", "tails": "tailed", "backs": "backed",
    "signs": "signed", "checks": "checked", "retrieves": "retrieved", "hosts": "hosted",
    "executes": "executed", "dispatches": "dispatched", "relays": "relayed", "mirrors": "mirrored",
    "archives": "archived", "replays": "replayed", "drains": "drained", "offloads": "offloaded",
    "sinks": "sunk", "lands": "landed", "saves": "saved", "wraps": "wrapped",
    "keeps": "kept", "holds": "held", "handles": "handled", "sits": "sat", "reports": "reported",
    "queues": "queued",
}

# Base forms that are more often nouns ("the Redis cache"): only their "-s" form counts.
NOUN_LIKE = frozenset({
    "alert", "archive", "back", "build", "cache", "call", "check", "copy", "drain", "dump", "export",
    "feed", "graph", "handle", "hit", "hold", "host", "index", "land", "load", "log", "mirror", "page",
    "pass", "post", "process", "query", "queue", "record", "relay", "report", "request", "route", "schedule",
    "sign", "sink", "store", "stream", "sync", "trace", "update", "wrap",
})
# After a "-s" word these say it was a plural noun ("Fluent Bit logs are…").
NOUN_FOLLOWERS = frozenset({
    "are", "end", "flow", "get", "go", "is", "live", "sit", "stay", "were",
})
# Words of a passive verb ("is read by").
AUXILIARIES = frozenset({
    "are", "be", "been", "being", "get", "gets", "is", "was", "were",
})
# Words that may stand between a subject and its verb ("Kafka then feeds…").
SUBJECT_FILLERS = frozenset({
    "also", "always", "asynchronously", "can", "continuously", "directly", "each", "every", "finally",
    "first", "hourly", "itself", "just", "later", "may", "must", "nightly", "now", "only", "periodically",
    "regularly", "should", "that", "then", "usually", "which", "will",
})
# Words that end a clause: no relation reaches across them.
BREAKS = frozenset({
    "after", "although", "and", "because", "before", "but", "if", "instead", "never", "nor", "not", "or",
    "so", "then", "though", "unless", "unlike", "when", "whereas", "while", "whose", "without",
})
PREPOSITIONS = frozenset({
    "across", "against", "at", "behind", "by", "for", "from", "in", "into", "of", "on", "onto", "over",
    "through", "to", "via", "with",
})
DETERMINERS = frozenset({
    "a", "all", "an", "each", "every", "its", "our", "some", "the", "their", "this",
})
# Words that open a relative clause ("the tables that Athena reads").
RELATIVES = frozenset({
    "that", "where", "which", "who", "whom",
})
# fmt: on
