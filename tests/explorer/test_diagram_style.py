"""The diagram's style as data: text scale, colours, and an icon cache per style."""

from __future__ import annotations

from explorer.diagram import style
from explorer.diagram.icons import IconCache
from models.icons import find_icon


def test_icon_cache_reads_each_file_once_and_keeps_small_copies(qapp) -> None:
    cache = IconCache()
    path = find_icon("aws/compute/fargate")
    assert path is not None
    source = cache.source(path)
    assert cache.source(path) is source
    assert max(source.width(), source.height()) >= 128
    small = cache.pixmap(path, 40)
    assert 40 <= small.width() < source.width()
    assert cache.pixmap(path, 40) is small
    assert cache.pixmap(path, 5000) is source
    assert not cache.icon(path).isNull()
    assert cache.average_color(path) is not None


def test_text_scale_is_part_of_the_style(qapp) -> None:
    larger = style.LIGHT.with_text_scale(2.0)
    assert larger.component_font().pixelSize() == 2 * style.LIGHT.component_font().pixelSize()
    assert larger.group_font().bold()
    assert larger.text_pen.color() == style.LIGHT.text_pen.color()
    assert style.DARK.icons is not style.LIGHT.icons  # an icon cache per style
    assert style.DARK.background.lightnessF() < 0.2 < style.LIGHT.background.lightnessF()
