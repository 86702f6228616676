"""The hash of the app's cache keys and entry checks: BLAKE2b with a 32-byte digest.

``hashlib`` loads OpenSSL when it is imported (~2 ms, before the first paint: the
layout cache's key and the snapshot's check need a hash on every start). BLAKE2 is
never OpenSSL's in ``hashlib``: ``hashlib.blake2b`` *is* CPython's own
``_blake2.blake2b``, which is imported here alone when the interpreter has it. A
cryptographic hash, so keys stay collision-safe.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # an interpreter without it: the same function, through hashlib
    from hashlib import blake2b

DIGEST_BYTES = 32


def digest(data: bytes | bytearray | memoryview = b"") -> blake2b:
    """A new hash of ``data`` (more with ``update``), ``DIGEST_BYTES`` long."""
    return blake2b(data, digest_size=DIGEST_BYTES)
