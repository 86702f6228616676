"""Browser-like back/forward history of what the user looked at."""

from __future__ import annotations

from models.records import frozen_record, set_field


@frozen_record
class Place:
    """An architecture and, optionally, the component or group selected in it."""

    architecture_id: str
    element_id: str | None = None

    def __init__(self, architecture_id: str, element_id: str | None = None) -> None:
        set_field(self, "architecture_id", architecture_id)
        set_field(self, "element_id", element_id)


class History:
    """Back and forward stacks; visiting a new place drops the forward stack."""

    def __init__(self, limit: int = 200):
        self._places: list[Place] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Place | None:
        return self._places[self._index] if self._index >= 0 else None

    def visit(self, place: Place) -> None:
        if place == self.current:
            return
        del self._places[self._index + 1 :]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._index = len(self._places) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def back(self) -> Place | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Place | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current
