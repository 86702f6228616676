"""Quality and speed of drafting architectures from notes, on an evaluation set of our own.

``python -m bench.draft`` drafts every note of ``bench/draft/notes`` and scores
it against ``bench/draft/gold`` (see :mod:`bench.draft.score`), per half (the
``tune`` notes the rules were adjusted on, the ``test`` notes they were not)
and in total, then times a 500-line note.
"""
