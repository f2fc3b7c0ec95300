import gzip
import io
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.errors import InputError
from tidings.ingest import read_documents, read_path, read_stream
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


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Xi and Moon hold phone talks</title>
<meta property="article:published_time" content="2021-01-27T08:00:00+08:00">
<link rel="canonical" href="https://news.example.org/2021/01/27/xi-moon-call"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Xi and Moon hold phone talks</h1>
<p>BEIJING, Jan. 26 (Xinhua) -- Chinese President Xi Jinping held phone talks with South
Korean President Moon Jae-in on Tuesday, and the two leaders exchanged greetings.</p>
<p>Xi said the cooperation between China and South Korea against the pandemic had set a
good example for the world, and pledged to strengthen coordination with Seoul.</p>
</article><footer>Copyright Example News. All rights reserved.</footer></body></html>
"""


def test_readers_html_page_gives_article_text_title_date_and_url(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    (doc,) = read_path(path)
    assert isinstance(doc, Document)
    assert doc.title == "Xi and Moon hold phone talks" and doc.date == date(2021, 1, 27)
    assert doc.url == "https://news.example.org/2021/01/27/xi-moon-call"
    assert doc.text.startswith("BEIJING, Jan. 26 (Xinhua) --")  # headline moved to the title
    assert "Copyright" not in doc.text and "Home" not in doc.text


def test_readers_html_without_article_is_rejected(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Gallery</title></head><body><img src='a.jpg'>"
                    "<script>var shown = 1;</script></body></html>")
    (item,) = read_path(path)
    assert isinstance(item, Rejection) and "no article text" in item.reason


def test_readers_html_is_recognized_without_its_suffix(tmp_path):
    path = tmp_path / "saved"
    path.write_text(PAGE)
    (doc,) = read_path(path)
    assert doc.title == "Xi and Moon hold phone talks"


@pytest.mark.parametrize("name", ["docs.jsonl.gz", "page.html.gz", "note.txt.gz"])
def test_readers_gzip_files_are_read_as_their_inner_format(tmp_path, name):
    content = {"docs.jsonl.gz": json.dumps({"id": "z", "text": "Russia shelled Kharkiv."}),
               "page.html.gz": PAGE, "note.txt.gz": "id z\n\nRussia shelled Kharkiv."}[name]
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode("utf-8")))
    (doc,) = read_path(path)
    assert isinstance(doc, Document)
    assert doc.id == ("page" if name.startswith("page") else "z")


def test_readers_broken_gzip_is_rejected(tmp_path):
    path = tmp_path / "broken.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "One."}\n' * 100)[:40])
    items = list(read_path(path))
    assert isinstance(items[-1], Rejection) and "gzip" in items[-1].reason


def test_readers_gzip_bomb_stops_at_the_size_limit(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 10_000_000))
    (item,) = read_path(path, max_chars=1000)
    assert isinstance(item, Rejection) and "too long: more than 4000 bytes" in item.reason


def test_readers_json_array_and_empty_inputs(tmp_path):
    array = tmp_path / "docs.json"
    array.write_text(json.dumps([{"id": "a", "text": "One."}, "not an object"]))
    assert [type(i).__name__ for i in read_path(array)] == ["Document", "Rejection"]
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    (item,) = read_path(empty)
    assert isinstance(item, Rejection) and "empty file" in item.reason


def test_readers_overlong_json_line_is_skipped_and_the_next_read(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"text": "x" * 9000}) + "\n" + json.dumps({"text": "Next."}) + "\n")
    first, second = read_path(path, max_chars=1000)
    assert isinstance(first, Rejection) and "too long" in first.reason
    assert isinstance(second, Document) and second.text == "Next."


def test_readers_mistyped_and_missing_fields(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [{"id": ["x"], "text": "One.", "title": 5, "date": "2021-01-27"},
             {"id": 7, "text": "Two."},
             {"id": "t", "text": 42},
             {"id": "d", "text": "Three.", "date": True},
             {"id": "y", "text": "Four.", "date": "1066-10-14"}]
    path.write_text("\n".join(json.dumps(line) for line in lines))
    one, two, text, mistyped_date, implausible = read_path(path)
    assert one.flags == ("field_ignored:id", "field_ignored:title") and one.title is None
    assert len(one.id) == 16  # content hash in place of the unusable id
    assert (two.id, two.flags) == ("7", ("no_date",))
    assert isinstance(text, Rejection) and "is a int, not a string" in text.reason
    assert isinstance(mistyped_date, Rejection) and "bad date" in mistyped_date.reason
    assert isinstance(implausible, Rejection) and "1900-2100" in implausible.reason


def test_readers_csv_without_text_column_and_bad_encoding(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text("id,body\n1,Hello.\n")
    (item,) = read_path(path)
    assert isinstance(item, Rejection) and 'no "text" column (columns: id, body)' in item.reason
    latin = tmp_path / "latin.csv"
    latin.write_bytes("id,text\n1,Fine.\n2,caf\xe9\n".encode("latin-1"))
    good, bad = read_path(latin)
    assert isinstance(good, Document) and isinstance(bad, Rejection) and "UTF-8" in bad.reason


def test_readers_csv_record_spanning_lines_names_its_last_line(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text('id,text\na,"First line\nsecond line"\nb,Next.\n')
    first, second = read_path(path)
    assert first.text == "First line\nsecond line" and second.origin.endswith("docs.csv:4")


def test_readers_parquet_rows_and_a_broken_file(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "docs.parquet"
    pq.write_table(pa.table({"id": ["p1"], "date": [date(2022, 2, 24)],
                             "text": ["Russia attacked Ukraine."]}), path)
    (doc,) = read_path(path)
    assert (doc.id, doc.date) == ("p1", date(2022, 2, 24))
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 not really")
    (item,) = read_path(broken)
    assert isinstance(item, Rejection) and "Parquet" in item.reason


@pytest.mark.parametrize(("content", "kind"), [
    (b'{"id": "s", "text": "One."}\n', "Document"),
    (b"[" + json.dumps({"id": "s", "text": "One."}).encode() + b"]", "Document"),
    (b"date 2021-01-27\n\nOne.", "Document"),
    (PAGE.encode(), "Document"),
    (b"\xff\xfe", "Rejection"),
])
def test_readers_stdin_formats_are_recognized(content, kind):
    (item,) = read_stream(io.BytesIO(content), "<stdin>")
    assert type(item).__name__ == kind


@settings(max_examples=200, deadline=None)
@given(content=st.binary(max_size=600) | st.text(max_size=600).map(str.encode),
       suffix=st.sampled_from([".txt", ".jsonl", ".json", ".csv", ".html", ".parquet", ".bin"]))
def test_readers_any_bytes_give_documents_or_rejections(tmp_path_factory, content, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(content)
    items = list(read_path(path, max_chars=1000))
    assert items, "every input must end as a document or a rejection"
    assert all(isinstance(i, (Document, Rejection)) for i in items)


JSON_TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=80).filter(
    str.strip)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.fixed_dictionaries({"id": st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True),
                                       "text": JSON_TEXT}), max_size=8))
def test_readers_jsonl_round_trips(tmp_path_factory, records):
    path = tmp_path_factory.mktemp("jsonl") / "docs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    items = list(read_path(path))
    if not records:
        assert len(items) == 1 and isinstance(items[0], Rejection)
    else:
        assert [(d.id, d.text) for d in items] == [(r["id"], r["text"]) for r in records]


def test_readers_deeply_nested_json_is_rejected_not_a_crash(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    lines, array = tmp_path / "deep.jsonl", tmp_path / "deep.json"
    lines.write_text(json.dumps({"id": "ok", "text": "One."}) + "\n" + deep + "\n")
    array.write_text(deep)
    good, nested = read_path(lines)
    assert isinstance(good, Document) and "nested too deeply" in nested.reason
    (item,) = read_path(array)
    assert "nested too deeply" in item.reason


def test_readers_json_array_with_byte_order_mark(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps([{"id": "b", "text": "One."}]).encode())
    (doc,) = read_path(path)
    assert doc.id == "b"
