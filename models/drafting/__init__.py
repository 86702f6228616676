"""Drafting an architecture from a study note (Qt-free).

:func:`draft_note` reads a Markdown note against a :class:`NameIndex` built
from a :class:`Catalogue`, and :func:`draft_yaml` writes the result in the
architecture file format.
"""

from models.drafting.catalogue import Catalogue, IconEntry, ScannedIcon
from models.drafting.draft import Draft, draft_note
from models.drafting.mentions import NameIndex
from models.drafting.yaml_writer import draft_yaml

__all__ = ["Catalogue", "Draft", "IconEntry", "NameIndex", "ScannedIcon", "draft_note", "draft_yaml"]
