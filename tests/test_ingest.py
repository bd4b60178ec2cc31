"""Reading articles: exact text, encodings, and clear refusals of bad files."""
from datetime import date

import pytest

from kerryview.bundled import bundled_corpus_paths
from kerryview.ingest import ReadError, expand_paths, read_document
from kerryview.dating.datelines import read_dateline
from kerryview.model import DateLine, DateSourceKind
from kerryview.ingest.metadata import find_title
from kerryview.pipeline import read_documents


def test_bundled_text_is_exactly_the_file(tmp_path):
    for path in bundled_corpus_paths():
        doc = read_document(path)
        assert doc.text == path.read_bytes().decode("utf-8")
        assert doc.id == path.stem and len(doc.sha256) == 64


def test_latin1_file_is_detected_and_decoded(tmp_path):
    text = "Le président a visité Pékin le 18 juillet. Déjà l'été était très chaud, écrit-il. " * 3
    f = tmp_path / "legacy.txt"
    f.write_bytes(text.encode("cp1252"))
    doc = read_document(f)
    assert doc.text == text
    assert doc.encoding.replace("_", "").lower() in {"cp1252", "windows1252", "latin1", "iso88591"}


def test_utf8_bom_is_not_part_of_the_text(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfKerry met Xie on Monday.")
    assert read_document(f).text == "Kerry met Xie on Monday."


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"   \n\n  ", "empty"), (b"\x00\x01\x02binary\x00" * 50, "binary")])
def test_bad_files_are_refused_with_a_reason(tmp_path, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(ReadError) as err:
        read_document(f)
    assert message in err.value.message


def test_huge_file_is_refused(tmp_path, monkeypatch):
    import kerryview.ingest.reader as reader
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    f = tmp_path / "huge.txt"
    f.write_text("word " * 1000)
    with pytest.raises(ReadError, match="not read"):
        read_document(f)


def test_a_folder_given_as_a_file_is_refused(tmp_path):
    """(Unreadable files are tested without root's override in test_ingest_robustness.)"""
    with pytest.raises(ReadError, match="is a folder, not a file"):
        read_document(tmp_path)


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "good.txt").write_text("Kerry met Xie Zhenhua on July 17, 2023.")
    (tmp_path / "empty.txt").write_text("")
    docs, problems = read_documents([tmp_path, tmp_path / "missing.txt"])
    assert [d.id for d in docs] == ["good"]
    assert {p.message for p in problems} == {"is empty", "no such file or folder"}


def test_same_content_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text("Kerry met Xie on July 17, 2023.")
    (tmp_path / "b.txt").write_text("Kerry met Xie on July 17, 2023.")
    docs, _ = read_documents([tmp_path])
    assert len(docs) == 1


def test_folder_expansion_skips_hidden_and_unsupported(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "img.png").write_bytes(b"\x89PNG")
    files, errors = expand_paths([tmp_path])
    assert [f.name for f in files] == ["a.txt"] and not errors


def test_html_article_becomes_its_text(tmp_path):
    f = tmp_path / "a.html"
    f.write_text("<html><head><title>T</title><script>var x=1;</script></head>"
                 "<body><p>Kerry met <b>Xie</b> on Monday.</p><p>Second &amp; last.</p></body>")
    doc = read_document(f)
    assert "Kerry met Xie on Monday." in doc.text and "Second & last." in doc.text
    assert "var x" not in doc.text


def test_read_text_is_the_text_read_document_keeps(tmp_path):
    """`kerryview timex FILE` reads only the text (read_text): the same characters as
    read_document's, for a text file (in a legacy encoding too) and an HTML page, and the same
    refusals."""
    from kerryview.ingest.reader import read_text
    page = tmp_path / "a.html"
    page.write_text("<html><head><title>T</title></head><body><p>Kerry met <b>Xie</b> on "
                    "Monday, July 17.</p><p>Second &amp; last.</p></body>")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Le président a visité Pékin le 18 juillet, écrit-il. ".encode("cp1252") * 3)
    for path in [*bundled_corpus_paths()[:3], page, legacy]:
        assert read_text(path) == read_document(path).text
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(ReadError, match="empty"):
        read_text(empty)
    bare = tmp_path / "bare.html"
    bare.write_text("<html><head><script>var x=1;</script></head><body></body></html>")
    with pytest.raises(ReadError, match="HTML page with no text"):
        read_text(bare)


def test_metadata_date_and_title():
    text = " date 2023-07-18 The US Special Envoy met Wang Yi."
    line = read_dateline(text)
    assert line.value.isoformat() == "2023-07-18" and text[line.start:line.end] == "2023-07-18"
    assert read_dateline("Kerry met Wang on 2023-07-18.") is None
    assert find_title("Climate could reset US-China relations, says US envoy\nBody.") \
        == "Climate could reset US-China relations, says US envoy"
    assert find_title("A long first sentence of the body that ends like a sentence.") is None


def test_html_page_metadata_gives_title_and_publication_date(tmp_path):
    f = tmp_path / "page.html"
    f.write_text('<html><head><title>Site | Kerry in Beijing</title>'
                 '<meta property="og:title" content="Kerry meets Wang Yi in Beijing">'
                 '<meta property="article:published_time" content="2023-07-18T09:30:00+08:00">'
                 '</head><body><p>Kerry met Wang Yi on Tuesday.</p></body></html>')
    doc = read_document(f)
    assert doc.title == "Kerry meets Wang Yi in Beijing"
    assert doc.dct.isoformat() == "2023-07-18"
    assert doc.dct_source.kind is DateSourceKind.PAGE_METADATA
    assert "article:published_time" in str(doc.dct_source)


def test_html_date_is_kept_by_the_corpus_and_resolves_weekdays(tmp_path):
    from kerryview.pipeline import build_corpus
    f = tmp_path / "page.html"
    f.write_text('<html><head><meta itemprop="datePublished" content="July 18, 2023"></head>'
                 '<body><p>Kerry met Xie Zhenhua on Monday.</p></body></html>')
    doc = read_document(f)
    [event] = build_corpus([doc])
    assert doc.dct.isoformat() == "2023-07-18" and event.value == "2023-07-17"


def test_the_date_line_is_read_with_the_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Published: July 18, 2023\nKerry met Wang on Monday.", encoding="utf-8")
    doc = read_document(f)
    assert doc.dateline == DateLine(date(2023, 7, 18), 11, 24)
    assert doc.text[doc.dateline.start:doc.dateline.end] == "July 18, 2023"
    assert doc.dct is None and doc.dct_source.kind is DateSourceKind.UNKNOWN  # dating decides
    (tmp_path / "b.txt").write_text("Kerry met Wang on July 18, 2023.", encoding="utf-8")
    assert read_document(tmp_path / "b.txt").dateline is None


def test_written_out_date_lines(tmp_path):
    assert read_dateline("Published: July 18, 2023\nKerry met Wang.").value.isoformat() == "2023-07-18"
    assert read_dateline("Date: 18 Jul 2023 10:00 GMT\nBody").value.isoformat() == "2023-07-18"
    assert read_dateline("Date: Tuesday\nBody") is None  # not a full date
    assert read_dateline("Kerry met Wang on July 18, 2023.") is None  # not a date line
