"""The items' small conversions: escaping without the html module."""

from __future__ import annotations

import html

import pytest

from explorer.diagram.qt_values import escape, tooltip_html


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain",
        "a < b > c",
        "&amp; stays &",
        "\"quoted\" and 'single'",
        "<script>alert('x')</script>",
        "é ü ✓",
    ],
)
def test_escape_is_html_escape(text: str) -> None:
    assert escape(text) == html.escape(text)


def test_tooltip_escapes_every_part() -> None:
    assert tooltip_html("A<B", "x & y\nsecond line", "n'b") == "<b>A&lt;B</b><br>x &amp; y<br><i>n&#x27;b</i>"
