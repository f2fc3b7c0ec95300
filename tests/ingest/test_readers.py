import json
from datetime import date

import pytest

from tidings.errors import InputError
from tidings.ingest import read_documents, read_path
from tidings.ingest.readers import split_header
from tidings.types import Document, Rejection


def test_readers_header_with_leading_space_and_no_colon():
    fields, body = split_header(" date 2021-01-27 \n\n\n\nChinese President Xi Jinping spoke.")
    assert fields == {"date": "2021-01-27"}
    assert body == "Chinese President Xi Jinping spoke."


def test_readers_header_colon_form_and_body_starting_with_key_word(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("title: Talks\nid: doc-1\ndate: 2020-05-01\n\nSource said talks went well.\n")
    (doc,) = read_path(path)
    assert isinstance(doc, Document)
    assert (doc.id, doc.title, doc.date) == ("doc-1", "Talks", date(2020, 5, 1))
    assert doc.text.startswith("Source said")


def test_readers_text_without_header_keeps_whole_text(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Russia and Ukraine held talks.")
    (doc,) = read_path(path)
    assert doc.id == "plain" and doc.date is None and doc.text == "Russia and Ukraine held talks."


def test_readers_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": "a", "date": "20210127", "text": "One."}), "{not json",
             json.dumps({"id": "b", "text": ""}), json.dumps({"id": "c", "date": "2021-02-30",
                                                             "text": "Two."}),
             json.dumps(["not", "an", "object"]), json.dumps({"text": "No id here."})]
    path.write_text("\n".join(lines) + "\n")
    items = list(read_path(path))
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Rejection",
                                                 "Rejection", "Rejection", "Document"]
    assert items[0].date == date(2021, 1, 27)
    assert "not valid JSON" in items[1].reason and items[1].origin.endswith("docs.jsonl:2")
    assert "empty" in items[2].reason
    assert "bad date" in items[3].reason
    assert len(items[5].id) == 16  # content hash


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"),
    (b"\x00\x01\x02binary", "binary"),
    (b"caf\xe9 au lait", "not UTF-8"),
])
def test_readers_bad_files_are_rejected_with_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (item,) = read_path(path)
    assert isinstance(item, Rejection) and reason in item.reason and item.origin == str(path)


def test_readers_too_long_document_is_rejected(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 1000)
    (item,) = read_path(path, max_chars=1000)
    assert isinstance(item, Rejection) and "too long" in item.reason


def test_readers_csv_rows(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text('id,date,text\nx1,2022-02-24,"Russia attacked Ukraine."\nx2,,Plain.\n')
    items = list(read_path(path))
    assert [i.id for i in items] == ["x1", "x2"]
    assert items[0].origin.endswith("docs.csv:2")


def test_readers_folder_recursive_and_glob(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / "sub" / "b.txt").write_text("Second.")
    (tmp_path / "ignored.bin").write_bytes(b"\x00")
    assert [d.text for d in read_documents([str(tmp_path)])] == ["First.", "Second."]
    assert [d.text for d in read_documents([str(tmp_path / "*.txt")])] == ["First."]


def test_readers_missing_input_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_documents([str(tmp_path / "nope.txt")]))


def test_readers_language_field_is_kept(tmp_path):
    path = tmp_path / "fr.jsonl"
    path.write_text(json.dumps({"id": "f", "text": "Bonjour.", "language": "fr"}) + "\n")
    (doc,) = read_path(path)
    assert doc.language == "fr"
