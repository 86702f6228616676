"""``list`` and ``describe`` print model text to a terminal: control characters arrive escaped, never raw."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from explorer.cli import main

ESC = "\x1b"
HOSTILE = {
    "title": f"Evil {ESC}]0;pwned{ESC}\\ title{ESC}[2J",
    "label": f"Label {ESC}[31mred{ESC}[0m \x9b31m\u202etxt.exe\r",
    "summary": f"Summary\x07 with a bell and {ESC}[1A up",
}
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ARCH_EXPLORER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ARCH_EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    folder = tmp_path / "models"
    folder.mkdir()
    text = (
        f"id: evil\ntitle: {json.dumps(HOSTILE['title'])}\nsummary: {json.dumps(HOSTILE['summary'])}\n"
        f"components:\n  - {{id: c, label: {json.dumps(HOSTILE['label'])}, kind: k, icon: no/such}}\n"
    )
    (folder / "evil.yaml").write_text(text, encoding="utf-8")
    (folder / f"broken{ESC}[31m.yaml").write_text("id: [", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "command",
    [["list"], ["list", "--json"], ["describe", "evil"], ["describe", "evil", "--json"]],
    ids=["list", "list-json", "describe", "describe-json"],
)
def test_control_characters_are_escaped(
    model: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    main([*command, "--models", str(model)])
    out, err = capsys.readouterr()
    assert not RAW.search(out), out
    assert not RAW.search(err), err
    if command[0] == "list":
        assert "\\x1b[31m" in err, "the broken file is still named, escaped"
    if "--json" in command:
        data = json.loads(out)
        title = (
            next(row["title"] for row in data if row["id"] == "evil")
            if command[0] == "list"
            else data["title"]
        )
        assert title == HOSTILE["title"], "JSON keeps the text exact, only escaped"
    else:
        assert "Evil \\x1b]0;pwned" in out
    if command == ["describe", "evil"]:
        assert "\\x9b31m\\u202etxt.exe" in out
