"""Excerpt Markdown that reads cleanly anywhere (the panel, ``describe --json``): Obsidian syntax resolved.

Raw HTML goes (an image becomes a short ``[image: …]`` placeholder), embeds
become placeholders, wikilinks become ordinary links to ``note:`` targets,
and a callout's ``[!type]`` marker becomes a bold title.
"""

from __future__ import annotations

import re
from urllib.parse import quote

NOTE_SCHEME = "note"

_IMG_TAG = re.compile(r"<img\b[^<>]{0,1000}>", re.IGNORECASE)
_ALT = re.compile(r"""\balt\s*=\s*["']([^"']{0,200})["']""", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,500}>|<!--.{0,2000}?-->", re.DOTALL)
_EMBED = re.compile(r"!\[\[([^\[\]\n|#]{1,500})(?:#[^\[\]\n|]*)?(?:\|[^\[\]\n]*)?\]\]")
_IMAGE = re.compile(r"!\[([^\]\n]{0,200})\]\([^)\n]{0,2000}\)")
_WIKILINK = re.compile(r"\[\[([^\[\]\n|#]*)(#[^\[\]\n|]*)?(?:\|([^\[\]\n]*))?\]\]")
_CALLOUT = re.compile(r"^((?:[ \t]*>)+)[ \t]*\[!([\w-]+)\][+-]?[ \t]*(.*)$", re.MULTILINE)
_CODE = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]*`)", re.DOTALL)
_BLANK_LINES = re.compile(r"\n{3,}")
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".excalidraw")


def clean_markdown(text: str) -> str:
    """``text`` without raw HTML, with embeds, wikilinks and callout markers resolved; code is left alone."""
    if "<" in text or "![" in text or "[[" in text or "[!" in text:  # else no prose has anything to resolve
        parts = _CODE.split(text)
        for index in range(0, len(parts), 2):  # even parts are outside code
            parts[index] = _clean_prose(parts[index])
        text = "".join(parts)
    lines = "\n".join([line.rstrip() for line in text.split("\n")])
    return (_BLANK_LINES.sub("\n\n", lines) if "\n\n\n" in lines else lines).strip()


def has_words(markdown: str) -> bool:
    """True when the cleaned text says something besides placeholders and markup."""
    text = re.sub(r"\[(?:image|embed)[^\]]*\]", " ", clean_markdown(markdown))
    return any(character.isalnum() for character in text)


def _clean_prose(text: str) -> str:
    if "<" in text:
        text = _IMG_TAG.sub(_image_placeholder, text)
        text = _HTML_TAG.sub("", text)
    if "![" in text:
        text = _EMBED.sub(_embed_placeholder, text)
        text = _IMAGE.sub(lambda m: f"[image: {m.group(1)}]" if m.group(1).strip() else "[image]", text)
    if "[[" in text:
        text = _WIKILINK.sub(_wikilink, text)
    if "[!" in text:
        text = _CALLOUT.sub(_callout_title, text)
    return text


def _image_placeholder(match: re.Match[str]) -> str:
    alt = _ALT.search(match.group(0))
    return f"[image: {alt.group(1)}]" if alt and alt.group(1).strip() else "[image]"


def _embed_placeholder(match: re.Match[str]) -> str:
    target = match.group(1).strip()
    kind = "image" if target.lower().endswith(_IMAGE_SUFFIXES) else "embed"
    return f"[{kind}: {target}]"


def _wikilink(match: re.Match[str]) -> str:
    target, heading, alias = match.group(1).strip(), (match.group(2) or "")[1:].strip(), match.group(3)
    shown = (alias or "").strip() or (f"{target} › {heading}" if heading and target else target or heading)
    href = f"{NOTE_SCHEME}:{quote(target)}" + (f"#{quote(heading)}" if heading else "")
    return f"[{shown}](<{href}>)"


def _callout_title(match: re.Match[str]) -> str:
    quote_marks, kind, title = match.group(1), match.group(2), match.group(3).strip()
    label = title or kind.replace("-", " ").capitalize()
    return f"{quote_marks} **{label}**"
