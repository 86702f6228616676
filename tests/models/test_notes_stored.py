"""The JSON form of parsed notes (the notes cache and the helper's answers) gives back equal notes."""

from __future__ import annotations

import datetime
import json

import pytest

from models.notes.parser import parse_note
from models.notes.stored import decode_document, encode_document

NOTE = """---
tags: [k8s]
created: 2024-11-02
---
# Kubernetes

The kubelet has a handful of responsibilities:

- Registers the node
  - with the API server
    - and reports status
- Runs **pods**

| Part | Role |
| --- | --- |
| kubelet | node agent |

```yaml
kind: Pod
```

> A quote about `kube-proxy`.

## Control plane

Plain paragraph.
"""


def test_a_note_comes_back_equal_block_by_block() -> None:
    document = parse_note(NOTE, "vault/k8s.md")
    blocks = [block for section in document.sections for block in section.blocks]
    # The note exercises every string a block can carry apart from its text.
    assert any(block.prose != block.text for block in blocks)
    assert any(block.prose == block.text for block in blocks)
    assert any(block.context for block in blocks)
    assert any(block.lead_in for block in blocks)
    assert any(block.follow for block in blocks)
    encoded = encode_document(document)
    assert encoded is not None
    back = decode_document(json.loads(json.dumps(encoded)))
    assert back == document
    assert repr(back) == repr(document)
    assert back.front_matter["created"] == datetime.date(2024, 11, 2)
    assert [block.__dict__ for s in back.sections for block in s.blocks] == [
        block.__dict__ for block in blocks
    ]


@pytest.mark.parametrize("damage", ["block numbers", "strings short", "strings over", "section count"])
def test_a_damaged_note_fails_with_an_ordinary_exception(damage: str) -> None:
    encoded = encode_document(parse_note(NOTE, "vault/k8s.md"))
    assert encoded is not None
    numbers, texts, sections = encoded[4], encoded[5], encoded[3]
    if damage == "block numbers":
        numbers.pop()
    elif damage == "strings short":
        texts.pop()
    elif damage == "strings over":
        texts.append("extra")
    else:
        sections[0][-1] += 1
    with pytest.raises(Exception):  # noqa: B017, PT011 - any ordinary exception: the cache then re-reads
        decode_document(json.loads(json.dumps(encoded)))
