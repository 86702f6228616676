"""Ten thousand generated inputs per run, and five hundred generated models through the whole pipeline.

Models (mutated real models, random model-shaped trees, YAML noise), notes
(random Markdown) and progress files (valid files with damaged values or bytes)
each go through their parser; generated valid models go through load → Graphviz
layout → scene → PNG/SVG/PDF export. Half the inputs come from a fixed seed, half
from a seed that changes every run (see ``_bulk.py``); the counts and seeds are
printed at the end of the run.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import yaml

from explorer.export.options import ExportOptions
from explorer.export.render import render_architecture
from explorer.layout.geometry import Layout
from explorer.layout.graphviz_run import compute_layout
from explorer.revision.store import parse_json, to_json
from models import Architecture, load_architecture_text
from models.notes import parse_note
from models.paths import ARCHITECTURES_DIR
from models.revision.progress import Progress, ProgressFormatError
from models.revision.scheduler import Grade
from tests.reliability._bulk import PIPELINE, SEED_IDS, SEEDS, case_random, run_cases, scaled
from tests.reliability._support import SMALL_MODEL
from tests.reliability.test_model_fuzz import SCHEMA_KEYS, assert_consistent, assert_located, load_or_error
from tests.reliability.test_notes_fuzz import PIECES, parsed_and_matched

BUILT_IN_MODELS = [path.read_text("utf-8") for path in sorted(ARCHITECTURES_DIR.glob("*.yaml"))]
"""Twenty times slower to load than the small model, so mutated one time in twenty."""
NOISE = list("-:{}[]&*!|>'\"#%@`,?\n\t  abcid01.~<") + ["é", "日", "\x1b", "\u202e", "x-"]
HOSTILE_TEXT = [
    "", " ", "a", "web", "vpc", "LR", "x-extra", "aws/compute/ec2", "web\n", "a" * 300, "日本語", "🚀",
    'say "hi" {x} <b>', "back\\slash", "\x1b[31m", "\u202e", "-> [label=x]", "cluster_x", "a:b", "..",
    "/etc/passwd", "%s%n", "9" * 50,
]  # fmt: skip
HOSTILE_YAML = [yaml.safe_dump(text, allow_unicode=True).split("\n")[0] for text in HOSTILE_TEXT]
NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
SMALL_TREE: dict[str, Any] = yaml.safe_load(SMALL_MODEL)
"""Parsed once: the pure-Python YAML parser would cost more than the check of each input."""
FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=FAST_DUMPER, allow_unicode=True, sort_keys=False)


# Models ---------------------------------------------------------------------


def mutated_model(rng: random.Random) -> str:
    lines = (rng.choice(BUILT_IN_MODELS) if rng.random() < 0.05 else SMALL_MODEL).split("\n")
    for _ in range(rng.randint(1, 5)):
        index = rng.randrange(len(lines))
        line = lines[index]
        operation = rng.randrange(7)
        if operation == 0:
            del lines[index]
        elif operation == 1:
            at = rng.randint(0, len(line))
            lines[index] = line[:at] + "".join(rng.choices(NOISE, k=rng.randint(1, 6))) + line[at:]
        elif operation == 2:
            other = rng.randrange(len(lines))
            lines[index], lines[other] = lines[other], line
        elif operation == 3:
            lines.insert(index, line)
        elif operation == 4:
            lines[index] = rng.choice([" ", "  ", "\t", "    "]) + line
        elif operation == 5:
            lines = lines[: index + 1]
        else:
            value = rng.choice(HOSTILE_YAML)
            key, _colon, _value = line.partition(": ")
            lines[index] = f"{key}: {value}"
        lines = lines or [""]
    return "\n".join(lines)


def random_value(rng: random.Random, depth: int = 0) -> Any:
    choice = rng.randrange(8 if depth < 3 else 5)
    if choice == 0:
        return rng.choice(HOSTILE_TEXT)
    if choice == 1:
        return rng.choice([None, True, False, 0, -1, 2**70, 1.5, float("nan"), float("inf")])
    if choice in (2, 3, 4):
        return rng.choice(HOSTILE_TEXT[:10])
    if choice in (5, 6):
        return {rng.choice(SCHEMA_KEYS): random_value(rng, depth + 1) for _ in range(rng.randint(0, 5))}
    return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]


def model_shaped_tree(rng: random.Random) -> str:
    base = copy.deepcopy(SMALL_TREE)
    for _ in range(rng.randint(1, 4)):
        section = rng.choice(["groups", "components", "relations", ""])
        items = base.get(section)
        target = rng.choice(items) if isinstance(items, list) and items else base
        if isinstance(target, dict):
            target[rng.choice(SCHEMA_KEYS)] = random_value(rng)
    return dump(base)


def model_text(rng: random.Random) -> str:
    kind = rng.randrange(10)
    if kind < 6:
        return mutated_model(rng)
    if kind < 9:
        return model_shaped_tree(rng)
    return "".join(rng.choices(NOISE, k=rng.randint(1, 200)))


def check_model(text: str) -> None:
    assert_located(load_or_error(text))


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_generated_models_load_or_fail_located(seed: int) -> None:
    run_cases("models", seed, 2_500, model_text, check_model)


# Notes ----------------------------------------------------------------------


def note_text(rng: random.Random) -> str:
    return "".join(rng.choices(PIECES, k=rng.randint(0, 80)))


def check_note(text: str) -> None:
    """Every note is parsed; one in eight is also matched against components (several times the cost)."""
    if len(text) % 8 == 0:
        parsed_and_matched(text)
        return
    line_count = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for section in parse_note(text, "fuzz.md").sections:
        assert 1 <= section.line <= line_count
        for block in section.blocks:
            assert 1 <= block.line <= block.end_line <= line_count


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_generated_notes_parse_and_match(seed: int) -> None:
    run_cases("notes", seed, 1_000, note_text, check_note)


# Progress files ---------------------------------------------------------------

DAMAGED_VALUES = [
    "NaN", "Infinity", "-Infinity", "1e999", "-1", "0", "3.5", "9" * 30, "9" * 5_000, "true", "null", '""',
    '"x"', '"eks\\n"', '"9999-12-31T23:59:59-12:00"', '"0001-01-01T00:00:00+05:00"', '"2025-02-30T00:00:00"',
    '"2025-01-01T00:00:00"', "[]", "{}", "[" * 3_000 + "]" * 3_000, '"' + "a" * 500 + '"', "1e-320",
]  # fmt: skip


def valid_progress(rng: random.Random) -> Progress:
    progress = Progress(reset_at=NOW - timedelta(days=rng.randint(0, 5)) if rng.random() < 0.3 else None)
    for _ in range(rng.randint(1, 4)):
        keys = [(rng.choice(["eks", "ecs-ec2"]), rng.choice(["etcd", "kubelet", "alb"]))]
        when = NOW + timedelta(hours=rng.randint(-2_000, 2_000))
        progress.record(keys, rng.choice(list(Grade)), when, fuzz=False)
    return progress


def progress_bytes(rng: random.Random) -> bytes:
    text = to_json(valid_progress(rng)).decode()
    if rng.random() < 0.7:
        data = json.loads(text)
        target = rng.choice([data, *data["cards"]])
        target[rng.choice([*target, "extra"])] = "@@"
        return json.dumps(data).replace('"@@"', rng.choice(DAMAGED_VALUES)).encode()
    raw = bytearray(text.encode())
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(raw))
        operation = rng.randrange(3)
        if operation == 0:
            del raw[at:]
        elif operation == 1:
            raw[at] = rng.randrange(256)
        else:
            raw[at:at] = rng.choice([b"{", b"[", b",", b'"', b"\\", b"\x00", b"\xff", b"NaN"])
        if not raw:
            break
    return bytes(raw)


def check_progress(raw: bytes) -> None:
    try:
        progress = parse_json(raw)
    except ProgressFormatError as error:
        refused = str(error)
    else:
        refused = ""
    assert len(refused) < 600
    if refused:
        return
    assert parse_json(to_json(progress)) == progress, "what is read is written back the same"
    progress.due_counts(NOW)
    progress.next_due()
    progress.merged(valid_progress(random.Random(len(raw))))
    progress.record(list(progress.cards), Grade.AGAIN, NOW + timedelta(days=1))


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_generated_progress_files_load_or_are_refused(seed: int) -> None:
    run_cases("progress files", seed, 1_500, progress_bytes, check_progress)


# The whole pipeline -------------------------------------------------------------

LABEL_PIECES = [
    "Web", "task", "API server", "日本語", "🚀", "é", '"', "'", "{", "}", "<b>", "&amp;", "\\", "->", ";",
    "[label=x]", "\\n", "cluster_", "  ", "-", "x" * 40,
]  # fmt: skip


def label(rng: random.Random) -> str:
    return ("".join(rng.choices(LABEL_PIECES, k=rng.randint(1, 6))).strip() or "x")[:120]


def valid_model(rng: random.Random) -> str:
    groups: list[dict[str, Any]] = []
    for index in range(rng.randint(0, 5)):
        group: dict[str, Any] = {"id": f"g{index}", "label": label(rng), "kind": "zone"}
        if groups and rng.random() < 0.6:
            group["parent"] = rng.choice(groups)["id"]
        groups.append(group)
    components: list[dict[str, Any]] = []
    for index in range(rng.randint(1, 7)):
        component: dict[str, Any] = {
            "id": f"c{index}",
            "label": label(rng),
            "kind": "k",
            "icon": rng.choice(["aws/compute/ec2", "k8s/infra/etcd", "no/such/icon", "a" * 260]),
        }
        if groups and rng.random() < 0.7:
            component["group"] = rng.choice(groups)["id"]
        components.append(component)
    relations = [
        {"source": rng.choice(components)["id"], "target": rng.choice(components)["id"], "label": label(rng)}
        for _ in range(rng.randint(0, 6))
    ]
    model = {
        "id": "generated",
        "title": label(rng),
        "summary": label(rng),
        "layout": {"direction": rng.choice(["LR", "TB", "RL", "BT"])},
        "groups": groups,
        "components": components,
        "relations": relations,
    }
    return dump(model)


MAGIC = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}


Laid = tuple[int, Architecture, Layout]


def laid_out(seed: int, count: int) -> Iterator[tuple[str, Laid | Exception]]:
    """Generated models (text) with their Graphviz layouts, two ``dot`` processes at a time."""

    def lay_out(index: int) -> tuple[str, Laid | Exception]:
        text = valid_model(case_random(seed, PIPELINE, index))
        try:
            architecture = load_architecture_text(text, "generated.yaml")
            # The app's own choice of routing: where Graphviz 2.43 aborts with orthogonal
            # routing (about one model in 2,000), the layout falls back to splines itself.
            return text, (index, architecture, compute_layout(architecture))
        except Exception as error:  # handed to the checking thread, which reports it with the input
            return text, error

    with ThreadPoolExecutor(max_workers=2) as pool:
        yield from pool.map(lay_out, range(count))


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_generated_models_go_through_the_whole_pipeline(qapp: object, seed: int) -> None:
    results = laid_out(seed, scaled(250))

    def check(case: tuple[str, Laid | Exception]) -> None:
        _text, laid = case
        if isinstance(laid, Exception):
            raise laid
        index, architecture, layout = laid
        assert_consistent(architecture)
        assert set(layout.nodes) == set(architecture.components_by_id)
        assert set(layout.groups) == set(architecture.groups_by_id)
        fmt = ("png", "svg", "pdf")[index % 3]
        # A small picture: the same drawing and export code, less rasterising.
        data = render_architecture(architecture, layout, ExportOptions(format=fmt, width=160))
        assert data.lstrip().startswith(MAGIC[fmt])

    run_cases(PIPELINE, seed, 250, lambda _rng: next(results), check)
