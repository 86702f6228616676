"""The notes panel's style sheet: a module of its own, so the panel's first frame needs
neither the Markdown renderer nor the notes stack (:mod:`explorer.ui.notes_html`)."""

STYLE_SHEET = """
body { font-size: 10.5pt; color: #1f2328; }
h1, h2, h3, h4 { color: #0b3d66; margin-top: 8px; margin-bottom: 4px; }
p { margin-top: 2px; margin-bottom: 6px; }
code { font-family: monospace; background-color: #f0f2f4; }
pre { font-family: monospace; background-color: #f5f7f9; padding: 6px; }
a { color: #0b63b6; text-decoration: none; }
table { border-collapse: collapse; }
th, td { border: 1px solid #cdd5dd; padding: 3px 6px; }
blockquote { margin-left: 10px; margin-right: 4px; color: #3d4650; }
.mark { background-color: #ffe98a; }
.tag { color: #6b4fbb; }
.missing { color: #8a6d3b; font-style: italic; }
.origin { color: #57606a; font-size: 9pt; }
.muted { color: #57606a; }
"""
