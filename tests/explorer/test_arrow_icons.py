"""The toolbar's drawn Back/Forward arrows: sharp at any pixel ratio, greyed when disabled."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage

from explorer.ui.arrow_icons import ARROW, DISABLED, arrow_icon


def opaque_columns(image: QImage) -> list[int]:
    middle = image.height() // 2
    return [x for x in range(image.width()) if image.pixelColor(x, middle).alpha() == 255]


def test_back_points_left_and_forward_right(qapp) -> None:
    back = arrow_icon(True).pixmap(QSize(24, 24)).toImage()
    forward = arrow_icon(False).pixmap(QSize(24, 24)).toImage()
    assert opaque_columns(back)[0] < 12 < opaque_columns(forward)[-1]


def test_drawn_at_the_screens_pixel_ratio(qapp) -> None:
    pixmap = arrow_icon(True).pixmap(QSize(24, 24), 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert pixmap.size() == QSize(48, 48)
    image = pixmap.toImage()
    assert image.pixelColor(24, 24).rgb() == ARROW.rgb(), "filled, not a scaled-up 24-pixel arrow's blur"


def test_disabled_is_greyed(qapp) -> None:
    image = arrow_icon(True).pixmap(QSize(24, 24), QIcon.Mode.Disabled).toImage()
    assert image.pixelColor(12, 12).rgb() == DISABLED.rgb()
