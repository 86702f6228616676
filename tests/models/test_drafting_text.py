"""Reading a note for drafting: headings, paragraphs, sentences and emphasis."""

from __future__ import annotations

from models.drafting.text import read_note


def test_front_matter_gives_the_title_and_is_not_prose() -> None:
    note = read_note("---\ntitle: 'My shop'\ntags: [x]\n---\nThe shop uses Kafka.\n")
    assert note.title == "My shop"
    assert [sentence.text for sentence in note.sentences] == ["The shop uses Kafka."]


def test_headings_nest_by_depth() -> None:
    note = read_note("# A\n## B\n### C\n## D\n")
    assert [(h.title, h.parent) for h in note.headings] == [("A", None), ("B", 0), ("C", 1), ("D", 0)]


def test_wrapped_lines_are_one_paragraph_and_code_blocks_are_skipped() -> None:
    text = "Cloud Run reads from Cloud SQL\nand caches in Memorystore. Then more.\n\n```\nKafka: yes\n```\n"
    sentences = [sentence.text for sentence in read_note(text).sentences]
    assert sentences == ["Cloud Run reads from Cloud SQL and caches in Memorystore.", "Then more."]


def test_emphasis_is_remembered_on_the_cleaned_text() -> None:
    sentence = read_note("- **Amazon S3** is read by `Athena` via [docs](https://x.y/s3).\n").sentences[0]
    assert sentence.text == "Amazon S3 is read by Athena via docs."
    assert sentence.is_list_item
    assert [sentence.text[low:high] for low, high in sentence.emphasis] == ["Amazon S3", "Athena"]
    assert sentence.emphasised_exactly(0, 9)
    assert not sentence.emphasised_exactly(0, 6)


def test_wikilinks_keep_their_text_and_table_cells_are_sentences() -> None:
    note = read_note("See [[Kafka notes|Kafka]].\n\n| Tool | Use |\n| --- | --- |\n| Loki | logs |\n")
    assert [sentence.text.strip() for sentence in note.sentences] == [
        "See Kafka.",
        "Tool",
        "Use",
        "Loki",
        "logs",
    ]
