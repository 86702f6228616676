"""Uncaught errors are logged to the rotating file and the user is told where it is."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from explorer import logs
from tests.cli_process import run_python


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ARCH_EXPLORER_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    told: list[str] = []
    path = logs.install(told.append)
    yield path, told
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "explorer_log", False)]:
        root.removeHandler(handler)
        handler.close()


def test_an_uncaught_error_is_logged_and_shown_with_the_log_path(installed) -> None:
    path, told = installed
    try:
        raise RuntimeError("the diagram fell over")
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert path is not None
    assert path.parent.name == "logs"
    text = path.read_text(encoding="utf-8")
    assert "uncaught error" in text
    assert "RuntimeError: the diagram fell over" in text
    assert told == [f"Something went wrong: the diagram fell over\n\nThe details are in {path}."]


def test_the_log_file_is_opened_with_the_first_record_only(installed) -> None:
    path, _ = installed
    assert path is not None
    assert not path.exists()  # nothing logged yet: no file opened
    logging.getLogger("explorer.test").warning("a first record")
    assert "a first record" in path.read_text(encoding="utf-8")


def test_an_unwritable_log_file_falls_back_to_stderr(installed, capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = installed
    assert path is not None
    path.mkdir()  # a folder where the file should be: it cannot be opened
    logging.getLogger("explorer.test").warning("still said")
    err = capsys.readouterr().err
    assert f"cannot write the log file {path}" in err
    assert "still said" in err


def test_the_rotating_file_is_made_at_the_first_record_not_at_install(tmp_path: Path) -> None:
    """``logging.handlers`` (socket, pickle, queue: ~5 ms) stays out of a start that logs nothing."""
    script = (
        "import logging, sys\n"
        "from explorer import logs\n"
        "path = logs.install()\n"
        "assert path is not None and not path.exists()\n"
        "assert 'logging.handlers' not in sys.modules, 'imported at install'\n"
        "logging.getLogger('explorer').warning('the first record')\n"
        "assert 'logging.handlers' in sys.modules\n"
        "print(path.read_text(encoding='utf-8'))\n"
    )
    done = run_python("-c", script, env={"ARCH_EXPLORER_STATE_DIR": str(tmp_path / "state")})
    assert done.returncode == 0, done.stderr
    assert "WARNING explorer [MainThread]: the first record" in done.stdout
