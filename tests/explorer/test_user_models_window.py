"""User-defined architectures in the window: listed, errors shown in the app, live reload."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from explorer.app import create_window

MINE = """\
id: mine
title: My Fargate app
order: 5
summary: A web task behind a load balancer.
groups:
  - {id: vpc, label: VPC, kind: vpc}
components:
  - {id: alb, label: Load balancer, kind: lb, icon: aws/network/elb-application-load-balancer, group: vpc}
  - {id: web, label: Web task, kind: task, icon: aws/compute/fargate, group: vpc, aliases: [web service]}
relations:
  - {source: alb, target: web, kind: routes-to, label: HTTPS}
"""


def make_window(qtbot, tmp_path: Path, models: Path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(settings=settings, model_locations=[models])
    qtbot.addWidget(window)
    window.show()
    return window


def test_user_model_is_listed_first_and_drawn(qtbot, tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    (models / "mine.yaml").write_text(MINE, encoding="utf-8")
    window = make_window(qtbot, tmp_path, models)
    assert window.architecture_list.ids()[0] == "mine"
    window.show_architecture("mine", "web")
    qtbot.waitUntil(lambda: window.scene is not None)  # laid out in the worker
    assert len(window.scene.component_items()) == 2
    assert "Web task" in window.notes_panel.plain_text()
    assert not window.user_content.problems_button.isVisibleTo(window)


def test_broken_user_file_is_shown_in_the_app_and_fixing_it_reloads(qtbot, tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    broken = models / "mine.yaml"
    broken.write_text(MINE.replace("  - {id: alb, label: Load balancer,", "  - {id: alb,"), encoding="utf-8")
    window = make_window(qtbot, tmp_path, models)
    assert "mine" not in window.architecture_list.ids()
    assert "ecs-ec2" in window.architecture_list.ids()  # the rest keeps working
    problems = window.user_content.problems()
    assert len(problems) == 1
    assert f"{broken}:8: components[0]: missing required key 'label'" in problems[0]
    assert window.user_content.problems_button.isVisibleTo(window)
    assert window.user_content.problems_button.text() == "⚠ 1 problem"

    broken.write_text(MINE, encoding="utf-8")
    qtbot.waitUntil(lambda: "mine" in window.architecture_list.ids(), timeout=30_000)
    assert window.user_content.problems() == []
    assert not window.user_content.problems_button.isVisibleTo(window)


def test_editing_the_shown_user_model_redraws_it(qtbot, tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    path = models / "mine.yaml"
    path.write_text(MINE, encoding="utf-8")
    window = make_window(qtbot, tmp_path, models)
    window.show_architecture("mine")
    qtbot.waitUntil(lambda: window.scene is not None)  # laid out in the worker
    path.write_text(
        MINE.replace(
            "relations:",
            "  - {id: db, label: Database, kind: db, icon: aws/database/rds, group: vpc}\nrelations:",
        ),
        encoding="utf-8",
    )
    qtbot.waitUntil(
        lambda: window.scene is not None and len(window.scene.component_items()) == 3, timeout=30_000
    )
    assert window.current_id == "mine"


def test_a_redrawn_diagram_frees_the_old_scene(window) -> None:  # noqa: ANN001
    import dataclasses
    import gc
    import weakref

    window.show_architecture("kubernetes")
    old = weakref.ref(window.scene)
    assert window.scene.parent() is None  # not kept alive by the window
    architectures = list(window.sources.architectures.values())
    changed = [
        dataclasses.replace(a, title=a.title + " (edited)") if a.id == "kubernetes" else a
        for a in architectures
    ]
    window.apply_architectures(changed, [])
    assert window.scene is not None
    assert window.scene is not old()
    gc.collect()
    assert old() is None
