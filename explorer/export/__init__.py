"""Export diagrams for slides: PNG, SVG and PDF, from the window and the command line.

Qt is only needed by :mod:`explorer.export.render` and its users; the options
and the atomic writer import without it. The package itself imports nothing: the
command line forks its PNG helper (:mod:`explorer.export.png_fork`) before any
other module of it is loaded.
"""
