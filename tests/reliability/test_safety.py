"""Models and notes are data: loading them runs no code, and nothing in them can steer Graphviz or the panel.

Malicious files are really loaded here (and through the real command line):
YAML tags that would run commands, DOT injection attempts in labels. The code
itself is checked too: no shell, no eval, no pickle, safe YAML only.
"""

from __future__ import annotations

import ast
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer import exit_codes
from explorer.layout.dot_process import run_dot
from explorer.layout.graphviz_layout import dot_source
from explorer.layout.labels import clean_text, edge_label_lines, node_label_lines
from explorer.ui.notes_html import markdown_to_html
from models import Architecture, Component, Group, ModelError, Relation, load_architecture_file
from models.notes import load_note_file
from tests.cli_process import run_cli
from tests.reliability._support import ROOT, SMALL_MODEL, fuzz

PAYLOADS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/apply:subprocess.check_output [['touch', '{marker}']]",
    "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
    "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object:builtins.object {{}}",
    "!!python/apply:os.system ['touch {marker}']",
]


def yaml_payloads(marker: Path) -> list[str]:
    return [payload.format(marker=marker) for payload in PAYLOADS]


# YAML tags never run ----------------------------------------------------------------


@pytest.mark.parametrize("place", ["top", "label", "key"])
def test_python_tags_in_model_files_run_nothing(tmp_path: Path, place: str) -> None:
    marker = tmp_path / "pwned"
    for index, payload in enumerate(yaml_payloads(marker)):
        text = {
            "top": payload + "\n",
            "label": SMALL_MODEL.replace("label: Web task", f"label: {payload}"),
            "key": SMALL_MODEL.replace("  - {id: vpc,", f"  - {{? {payload} : 1, id: vpc,"),
        }[place]
        path = tmp_path / f"evil-{index}.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ModelError, match="constructor for the tag") as raised:
            load_architecture_file(path)
        assert raised.value.line is not None
    assert not marker.exists()


def test_python_tags_through_the_command_line_run_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    models = tmp_path / "models"
    models.mkdir()
    for index, payload in enumerate(yaml_payloads(marker)):
        (models / f"evil-{index}.yaml").write_text(payload + "\n", encoding="utf-8")
    notes = tmp_path / "notes"
    notes.mkdir()
    for index, payload in enumerate(yaml_payloads(marker)):
        (notes / f"evil-{index}.md").write_text(f"---\ntitle: {payload}\n---\n# etcd\n", encoding="utf-8")
    completed = run_cli("list", "--models", str(models), "--notes", str(notes))
    assert completed.returncode == exit_codes.BAD_INPUT
    assert completed.stderr.count("constructor for the tag") >= len(PAYLOADS)
    assert "containers-vs-vms" in completed.stdout, "the built-in architectures still load"
    assert not marker.exists()


def test_python_tags_in_note_front_matter_are_ignored(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    for index, payload in enumerate(yaml_payloads(marker)):
        path = tmp_path / f"evil-{index}.md"
        path.write_text(f"---\ntags: {payload}\n---\n# etcd\nthe store\n", encoding="utf-8")
        document, problems = load_note_file(path)
        assert document is not None
        assert document.front_matter == {}
        assert document.sections[0].title == "etcd"
        assert "front matter is not valid YAML" in problems[0]
    assert not marker.exists()


# Labels cannot steer Graphviz ---------------------------------------------------------

INJECTIONS = [
    '"]; evil [label="pwned"]; x [label="',
    '\\"]; node [shape=box, image="/etc/passwd"]; \\"',
    "<<table><tr><td>html</td></tr></table>>",
    'label"\n}\ndigraph evil { a }\n//',
    '"; imagepath="/etc"; shapefile="/etc/passwd',
    "\\N \\G \\L \\E \\H \\T \\l \\r \\\\",
    "ends with a backslash\\",
    "-> b; a -> c",
]


def injected(label: str) -> Architecture:
    return Architecture(
        "evil",
        "Evil",
        "",
        groups=(Group("zone", label, "zone"),),
        components=(
            Component("a", label, "x", "aws/compute/fargate", group="zone"),
            Component("b", "B", "x", "/etc/passwd"),
        ),
        relations=(Relation("a", "b", "calls", label),),
    )


def graphviz_view(architecture: Architecture) -> dict[str, Any]:
    """What Graphviz made of the model: objects and edges with their attribute names and texts."""
    data = run_dot(dot_source(architecture, splines="spline"), output_format="json")

    def texts(item: dict[str, Any]) -> list[str]:
        return [op["text"] for op in item.get("_ldraw_", ()) if op.get("op") == "T"]

    objects = {obj["name"]: (sorted(obj), obj.get("image"), texts(obj)) for obj in data["objects"]}
    edges = [(edge["tail"], edge["head"], sorted(edge), texts(edge)) for edge in data.get("edges", ())]
    return {"objects": objects, "edges": edges}


def assert_only_text(label: str) -> None:
    plain = graphviz_view(injected("plain"))
    seen = graphviz_view(injected(label))
    assert seen["objects"].keys() == plain["objects"].keys(), "no node or cluster was added"
    for name, (attributes, image, _) in seen["objects"].items():
        assert set(attributes) <= set(plain["objects"][name][0]), f"{name}: no attribute was added"
        assert image == plain["objects"][name][1]
    assert [edge[:2] for edge in seen["edges"]] == [edge[:2] for edge in plain["edges"]]
    assert set(seen["edges"][0][2]) <= set(plain["edges"][0][2])
    assert seen["objects"]["a"][2] == list(node_label_lines(label))
    assert seen["objects"]["cluster_zone"][2] == ([clean_text(label)] if clean_text(label) else [])
    assert seen["edges"][0][3] == list(edge_label_lines(label))


@pytest.mark.parametrize("label", INJECTIONS)
def test_dot_injection_in_labels_stays_text(
    label: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert_only_text(label)
    assert list(tmp_path.iterdir()) == [], "Graphviz wrote no file"


def test_icon_references_cannot_reach_outside_the_icon_folders() -> None:
    plain = graphviz_view(injected("plain"))
    fallback = plain["objects"]["b"][1]
    assert fallback is not None
    assert "passwd" not in fallback
    for reference in ("../../../../etc/passwd", "/etc/passwd", "aws/../../../../../etc/passwd"):
        architecture = injected("x")
        evil = Component("b", "B", "x", reference)
        architecture = Architecture(
            "evil",
            "Evil",
            "",
            architecture.groups,
            (architecture.components[0], evil),
            architecture.relations,
        )
        assert graphviz_view(architecture)["objects"]["b"][1] == fallback


LABEL_TEXT = st.lists(
    st.sampled_from(list("\"\\<>{}[];=-|:\n\t #%&'/*,.ab日é🚀") + ["->", "--", "\\N", "\\n", "\x00"]),
    max_size=30,
).map("".join)


@fuzz(20)
@given(LABEL_TEXT)
def test_any_label_reaches_graphviz_as_plain_text(label: str) -> None:
    assert_only_text(label)


# The notes panel's HTML ------------------------------------------------------------------

ALLOWED_TAGS = {
    "p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"href", "class", "title", "start", "style"}
NOTE_PIECES = [
    "<img src='http://127.0.0.1:1/x.png'>", "<script>alert(1)</script>", "<iframe src=x>", "<style>",
    "![remote](http://127.0.0.1:1/a.png)", "![local](/etc/passwd)", "![data](data:image/png;base64,AAAA)",
    "[js](javascript:alert(1))", "[vb](vbscript:x)", "[file](file:///etc/passwd)", "[ok](https://a.b)",
    '[q](http://a" onclick="x)', "<http://auto.link>", "[[EKS#Nodes]]", "![[embed.png]]", "`<b>`",
    "```\n<script>\n```\n", "| a | b |\n|:-|-:|\n| <i> | x |\n", "> quote ", "- item ", "# ", "\n", " ",
    "text", "&lt;", "&#106;avascript:x", "[r][1]\n\n[1]: javascript:x\n", "<a href='x'>", "\\<b>",
]  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


@fuzz(200)
@given(st.lists(st.sampled_from(NOTE_PIECES), max_size=12).map("".join))
def test_note_html_has_no_active_content(text: str) -> None:
    parser = _Tags()
    parser.feed(markdown_to_html(text, ("etcd", "<b>")))
    for tag, attributes in parser.found:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attributes:
            assert name in ALLOWED_ATTRIBUTES, name
            if name == "href":
                scheme = (value or "").split(":", 1)[0].strip().lower()
                assert scheme not in {"javascript", "vbscript", "file"}, value
            if name == "style":
                assert "url(" not in (value or "")


# The code: argument lists, no shell, no eval, no pickle, safe YAML only ----------------------------

SOURCE_FILES = sorted([*ROOT.glob("explorer/**/*.py"), *ROOT.glob("models/**/*.py"), ROOT / "main.py"])
FORBIDDEN_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_ATTRIBUTES = {
    "system", "popen", "startCommand", "create_subprocess_shell", "getoutput", "getstatusoutput",
    "unsafe_load", "full_load", "unsafe_load_all", "full_load_all", "FullLoader", "UnsafeLoader",
    "Loader", "CLoader", "UnsafeConstructor", "FullConstructor",
}  # fmt: skip
PROCESS_CALLS = {"run", "Popen", "call", "check_call", "check_output"}


def _problems(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    assigned = {
        target.id: ast.unparse(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(root)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [alias.name for alias in node.names] + (
                [node.module] if isinstance(node, ast.ImportFrom) else []
            )
            found += [
                f"{where}: imports {name}"
                for name in names
                if name and name.split(".")[0] in FORBIDDEN_MODULES
            ]
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRIBUTES:
            found.append(f"{where}: uses .{node.attr}")
        elif (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS
        ):
            found.append(f"{where}: calls {node.func.id}()")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            found += _call_problems(node, where, assigned)
    return found


def _call_problems(call: ast.Call, where: str, assigned: dict[str, str]) -> list[str]:
    owner = ast.unparse(call.func.value) if isinstance(call.func, ast.Attribute) else ""
    name = call.func.attr if isinstance(call.func, ast.Attribute) else ""
    found = []
    for keyword in call.keywords:
        if keyword.arg == "shell" and not (
            isinstance(keyword.value, ast.Constant) and keyword.value.value is False
        ):
            found.append(f"{where}: shell={ast.unparse(keyword.value)}")
    if owner == "subprocess" and name in PROCESS_CALLS:
        first = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "args"), None)
        if first is None or isinstance(first, ast.Constant | ast.JoinedStr | ast.BinOp):
            found.append(f"{where}: subprocess.{name} without an argument list")
        elif isinstance(first, ast.Name) and not assigned.get(first.id, "(").startswith(("(", "[")):
            found.append(f"{where}: subprocess.{name}({first.id}) is not a constant argument list")
    if owner == "yaml" and name in {"load", "load_all"}:
        loader = next(
            (k.value for k in call.keywords if k.arg == "Loader"),
            call.args[1] if len(call.args) > 1 else None,
        )
        text = ast.unparse(loader) if loader is not None else ""
        text = assigned.get(text, text)
        if "SafeLoader" not in text:
            found.append(f"{where}: yaml.{name} without a safe loader")
    return found


def test_the_code_runs_no_shell_no_eval_no_pickle_and_reads_yaml_safely() -> None:
    problems = [problem for path in SOURCE_FILES for problem in _problems(path)]
    assert problems == []


def test_the_code_check_catches_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import pickle, subprocess, os, yaml\n"
        "subprocess.run('dot -Tjson', shell=True)\n"
        "subprocess.Popen(f'dot {x}')\n"
        "os.system('ls')\n"
        "eval('1')\n"
        "yaml.load(text, Loader=yaml.FullLoader)\n"
        "yaml.load(text)\n"
        "subprocess.run(['dot', '-Tjson'], check=False)\n"
        "yaml.load(text, Loader=yaml.CSafeLoader)\n",
        encoding="utf-8",
    )
    assert sorted(problem.split(": ", 1)[1] for problem in _problems(sample, tmp_path)) == sorted(
        [
            "imports pickle",
            "shell=True",
            "subprocess.run without an argument list",
            "subprocess.Popen without an argument list",
            "uses .system",
            "calls eval()",
            "yaml.load without a safe loader",
            "uses .FullLoader",
            "yaml.load without a safe loader",
        ]
    )
