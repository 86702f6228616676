"""Holds a ``frozen_record`` class to a ``@dataclass(frozen=True)`` of the same fields.

For each sample the twin is the same values in a frozen dataclass made here by
``dataclasses`` itself: the text, equality, hash, immutability (with the same
error message), signature, match arguments and fields must all be the same.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import itertools
import pickle
from collections.abc import Sequence
from typing import Any


def twin_class(kind: type) -> type:
    """A ``@dataclass(frozen=True)`` with ``kind``'s name and fields (and its ``__post_init__``)."""
    specs = [
        (
            f.name,
            f.type,
            dataclasses.field(
                default=f.default,
                default_factory=f.default_factory,
                repr=f.repr,
                hash=f.hash,
                compare=f.compare,
                kw_only=f.kw_only,
            ),
        )
        for f in dataclasses.fields(kind)
    ]
    namespace = {"__post_init__": kind.__post_init__} if hasattr(kind, "__post_init__") else {}
    twin = dataclasses.make_dataclass(kind.__name__, specs, namespace=namespace, frozen=True)
    twin.__qualname__ = kind.__qualname__
    return twin


def _values(record: Any) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


def _outcome(action: Any) -> tuple[str, Any]:
    try:
        return "ok", action()
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return type(error).__name__, str(error)


def assert_like_frozen_dataclass(samples: Sequence[Any]) -> None:
    """Every sample (all of one class) behaves as its frozen dataclass twin; pairs compare alike."""
    kind = type(samples[0])
    twin = twin_class(kind)
    assert dataclasses.is_dataclass(kind)
    assert [_field_spec(f) for f in dataclasses.fields(kind)] == [
        _field_spec(f) for f in dataclasses.fields(twin)
    ]
    assert kind.__match_args__ == twin.__match_args__
    _assert_same_signature(kind, twin)
    twins = [twin(**_values(sample)) for sample in samples]
    for sample, other in zip(samples, twins, strict=True):
        assert type(sample) is kind
        assert repr(sample) == repr(other)
        assert _outcome(lambda s=sample: hash(s)) == _outcome(lambda o=other: hash(o))
        assert sample == kind(**_values(sample))
        assert sample != other  # like two dataclasses: never equal across classes
        assert dataclasses.replace(sample) == sample
        for restored in (copy.deepcopy(sample), pickle.loads(pickle.dumps(sample))):
            assert type(restored) is kind
            assert repr(restored) == repr(sample)
        assert dataclasses.asdict(sample) == dataclasses.asdict(other)
        for name in [*(f.name for f in dataclasses.fields(kind)), "not_a_field"]:
            assert _outcome(lambda s=sample, n=name: setattr(s, n, 1)) == _outcome(
                lambda o=other, n=name: setattr(o, n, 1)
            )
            assert _outcome(lambda s=sample, n=name: delattr(s, n)) == _outcome(
                lambda o=other, n=name: delattr(o, n)
            )
    for (a, ta), (b, tb) in itertools.product(zip(samples, twins, strict=True), repeat=2):
        assert (a == b) == (ta == tb)
        assert (a != b) == (ta != tb)


def _field_spec(f: dataclasses.Field[Any]) -> tuple[Any, ...]:
    return (f.name, f.type, f.default, f.default_factory, f.init, f.repr, f.hash, f.compare, f.kw_only)


def _assert_same_signature(kind: type, twin: type) -> None:
    """Same parameters in the same order and kinds, with the same defaults.

    A ``default_factory`` field's default is None in a record's ``__init__`` (a value
    of the factory is made for it), where the dataclass has a hidden marker.
    """
    ours = inspect.signature(kind).parameters
    theirs = inspect.signature(twin).parameters
    assert list(ours) == list(theirs)
    factories = {f.name for f in dataclasses.fields(kind) if f.default_factory is not dataclasses.MISSING}
    for name, parameter in ours.items():
        assert parameter.kind == theirs[name].kind
        expected = None if name in factories else theirs[name].default
        assert parameter.default == expected or (parameter.default is expected is inspect.Parameter.empty), (
            name
        )


def assert_defaults_alike(kind: type, /, **required: Any) -> None:
    """``kind(**required)`` fills every other field as the dataclass twin does."""
    assert _values(kind(**required)) == _values(twin_class(kind)(**required))
