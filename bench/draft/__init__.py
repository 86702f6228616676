"""Quality and speed of drafting architectures from notes, on an evaluation set of our own.

``python -m bench.draft`` drafts every note of ``bench/draft/notes`` and scores
it against ``bench/draft/gold`` (see :mod:`bench.draft.score`), per half (from
``tune``, the notes the rules were adjusted on, to ``fresh4``, written after
every change and never tuned on; ``docs/DRAFTING.md`` tells each half's story)
and in total, then times a 500-line note.
"""
