"""Errors raised while loading model files, always naming what and where."""

from __future__ import annotations


class ModelError(Exception):
    """A model file that cannot be loaded.

    Attributes:
        source: the file (or other origin) the problem is in.
        location: where in the document, as a path such as ``components[3].group``.
        line: 1-based line number when known.
        problem: what is wrong and what was expected.
    """

    def __init__(self, source: str, problem: str, location: str = "", line: int | None = None):
        self.source = source
        self.location = location
        self.line = line
        self.problem = problem
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
        if self.location:
            where += f": {self.location}"
        return f"{where}: {self.problem}"
