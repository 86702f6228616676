"""The settings file: damaged copies are detected, kept aside and reset; two windows share it safely."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from explorer.app import create_window
from explorer.settings import DEFAULT_ARCHITECTURE, AppSettings, back_up
from explorer.sources import Sources
from tests.reliability._support import ROOT

GOOD = b"[session]\narchitecture=eks\n\n[zoom_to_fit]\neks=1.5\n"


def open_settings(path: Path) -> AppSettings:
    return AppSettings(QSettings(str(path), QSettings.Format.IniFormat))


def backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("settings.ini.corrupt-*"))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\0" * 4096, "not in the settings format"),
        (bytes(range(256)) * 8, "not in the settings format"),
        (GOOD + b"[window", "not in the settings format"),
        (GOOD.replace(b"eks=1.5", b"eks=1.5\0\0\0\0"), "NUL bytes"),
        (GOOD.replace(b"=eks", b"=\xff\xfe\xfd"), "not UTF-8"),
        (None, "cannot be read"),
    ],
    ids=["zero-filled", "binary", "cut-in-a-section-name", "trailing-nuls", "not-utf8", "a-folder"],
)
def test_a_damaged_file_is_kept_aside_reset_and_reported(
    tmp_path: Path, content: bytes | None, reason: str
) -> None:
    path = tmp_path / "settings.ini"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    settings = open_settings(path)
    [backup] = backups(tmp_path)
    assert settings.problems == [
        f"Your settings file {path} was damaged ({settings.problems[0].split('(', 1)[1].split(')')[0]}) "
        f"and has been reset; the damaged file was kept as {backup}"
    ]
    assert reason in settings.problems[0]
    if content is not None:
        assert backup.read_bytes() == content, "the damaged file is kept byte for byte"
    assert settings.last_architecture() == DEFAULT_ARCHITECTURE
    assert settings.zoom("eks") is None
    settings.set_last_architecture("kubernetes")
    assert settings.sync(), settings.problems
    reopened = open_settings(path)
    assert reopened.problems == []
    assert reopened.last_architecture() == "kubernetes"


def test_a_sound_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(GOOD)
    settings = open_settings(path)
    assert settings.problems == []
    assert backups(tmp_path) == []
    assert settings.last_architecture() == "eks"
    assert settings.zoom("eks") == 1.5


def test_odd_values_fall_back_without_a_reset(tmp_path: Path) -> None:
    """Values cut short or of the wrong type are ignored one by one; the rest of the file survives."""
    path = tmp_path / "settings.ini"
    path.write_bytes(
        b"[session]\narchitecture=@Invalid()\n"
        b"[zoom_to_fit]\neks=-3\nkubernetes=lots\necs-ec2=@Variant(\\0\\0\\0\\x87?\\xf0\n"
        b"[window]\nrect=@ByteArray(\\x1\\xd9\\xd0\\xcb\\0\\x3\nnotes_width=wide\n"
        b"[sources]\nnotes=@Variant(\\0\\0\\0\n"
        b"[revision]\nhide_icons=true\n"
    )
    settings = open_settings(path)
    assert settings.problems == []
    assert settings.last_architecture() == DEFAULT_ARCHITECTURE
    assert [settings.zoom(name) for name in ("eks", "kubernetes", "ecs-ec2")] == [None, None, None]
    assert settings.note_locations() == []
    assert settings.hide_icons()  # kept for sure
    shape = settings.window_shape()
    assert (shape.rect, shape.notes_width) == (None, None)


def test_the_window_opens_on_a_damaged_file_and_saves_again(qtbot, tmp_path: Path, sources: Sources) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(b"\0" * 512)
    window = create_window(sources, QSettings(str(path), QSettings.Format.IniFormat), architecture_id="eks")
    qtbot.addWidget(window)
    assert window.settings.problems
    assert "was damaged" in window.settings.problems[0]
    window.close()  # saves the window state
    reopened = open_settings(path)
    assert reopened.problems == []
    assert reopened.last_architecture() == "eks"
    assert reopened.window_shape().rect is not None


def test_the_window_tells_the_user_the_settings_were_reset(qtbot, tmp_path: Path, sources: Sources) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(b"\0" * 512)
    window = create_window(sources, QSettings(str(path), QSettings.Format.IniFormat), architecture_id="eks")
    qtbot.addWidget(window)
    shown = [window.statusBar().currentMessage(), *window.user_content.problems()]
    assert any("settings file" in message and "was damaged" in message for message in shown)


def test_backups_never_overwrite_each_other(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    made = []
    for number in range(3):
        path.write_bytes(f"damaged {number}".encode())
        made.append(back_up(path))
    assert len(set(made)) == 3
    assert sorted(p.read_text() for p in made) == ["damaged 0", "damaged 1", "damaged 2"]
    assert not path.exists()


WRITER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QSettings
    from explorer.settings import AppSettings

    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    settings = AppSettings(QSettings(path, QSettings.Format.IniFormat))
    print("ready", flush=True)
    sys.stdin.readline()  # both processes start writing at the same moment
    for index in range(count):
        settings.store.setValue(f"{name}/key{index}", f"{name}-{index}")
        settings.set_last_architecture(f"{name}-{index}")
        if not settings.sync():
            sys.exit(" ".join(settings.problems))
    """
)


def test_two_windows_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    count = 100
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("first", "second")
    ]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        _, errors = writer.communicate(timeout=60)
        assert writer.returncode == 0, errors
    settings = open_settings(path)
    assert settings.problems == []
    store = settings.store
    for name in ("first", "second"):
        assert [store.value(f"{name}/key{index}") for index in range(count)] == [
            f"{name}-{index}" for index in range(count)
        ]
    assert settings.last_architecture() in {f"first-{count - 1}", f"second-{count - 1}"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.ini"], "no lock or temporary files left"
