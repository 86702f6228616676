"""Export diagrams for slides: PNG, SVG and PDF, from the window and the command line.

Qt is only needed by :mod:`explorer.export.render` and its users; the options
and the atomic writer import without it.
"""

from explorer.atomic_write import ExportError, write_atomically
from explorer.export.options import ExportOptions, InvalidOptionsError, format_for_path

__all__ = ["ExportError", "ExportOptions", "InvalidOptionsError", "format_for_path", "write_atomically"]
