"""Readers: every input format and encoding, made in the test."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest

from directive_graph.corpus import Document, ReadError, decode, iter_documents, read_file

from .conftest import cp1258

ARTICLE = (
    "Hà Nội siết chặt kỷ cương hành chính\n\n"
    "Cập nhật: 08:34 | 11/06/2019\n"
    "Thành ủy Hà Nội yêu cầu thực hiện Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ.\n"
)


def _one(path: Path) -> Document:
    docs = read_file(str(path))
    assert not isinstance(docs, ReadError), docs
    assert len(docs) == 1
    return docs[0]


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", ARTICLE.encode("utf-8")),
        ("utf-8-sig", ARTICLE.encode("utf-8-sig")),
        ("utf-16", ARTICLE.encode("utf-16")),
        ("utf-8", unicodedata.normalize("NFD", ARTICLE).encode("utf-8")),
        ("cp1258", cp1258(ARTICLE)),
        ("utf-8", ARTICLE.replace("\n", "\r\n").encode("utf-8")),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf8-nfd", "windows-1258", "crlf"],
)
def test_text_in_every_encoding_reads_the_same(tmp_path: Path, encoding: str, data: bytes) -> None:
    path = tmp_path / "bai.txt"
    path.write_bytes(data)
    doc = _one(path)
    assert doc.text == ARTICLE  # NFC, "\n" line ends
    assert doc.encoding == encoding
    assert (doc.title, doc.published, doc.locality) == (
        "Hà Nội siết chặt kỷ cương hành chính",
        dt.date(2019, 6, 11),
        "Hà Nội",
    )


def test_html_title_from_the_heading_when_the_page_title_is_a_section_name(tmp_path: Path) -> None:
    page = tmp_path / "vb.html"
    page.write_text(
        '<html><head><title>Trung ương</title><meta property="og:title" content="Trung ương"></head>'
        "<body><form><div>Trang chủ › Trung ương</div>"
        "<h1>Quyết định về việc kiện toàn Ban Chỉ đạo cải cách hành chính của tỉnh</h1>"
        "<p>Căn cứ Quyết định số 1847/QĐ-TTg của Thủ tướng Chính phủ phê duyệt Đề án Văn hóa công vụ,"
        " Ủy ban nhân dân tỉnh kiện toàn Ban Chỉ đạo cải cách hành chính gồm các thành viên sau đây.</p>"
        "<p>Ban Chỉ đạo có nhiệm vụ giúp Ủy ban nhân dân tỉnh chỉ đạo, đôn đốc việc thực hiện.</p>"
        "</form></body></html>",
        encoding="utf-8",
    )
    assert _one(page).title == "Quyết định về việc kiện toàn Ban Chỉ đạo cải cách hành chính của tỉnh"


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "bai.html"
    page.write_text(
        "<html><head><title>Văn hóa công vụ ở An Giang</title>"
        '<meta name="author" content="Minh Anh">'
        '<meta property="article:published_time" content="2021-04-22T08:00:00+07:00">'
        '<meta property="og:site_name" content="Báo An Giang"></head><body>'
        "<nav>Trang chủ | Thời sự | Kinh tế</nav><article><h1>Văn hóa công vụ ở An Giang</h1>"
        "<p>UBND tỉnh An Giang ban hành Kế hoạch số 57/KH-UBND để triển khai Quyết định số 1847/QĐ-TTg"
        " của Thủ tướng Chính phủ về văn hóa công vụ trong toàn tỉnh.</p>"
        "<p>Các sở, ngành được yêu cầu rà soát quy chế làm việc và báo cáo kết quả trước ngày 30/6.</p>"
        "</article><footer>Bản quyền thuộc Báo An Giang</footer></body></html>",
        encoding="utf-8",
    )
    doc = _one(page)
    assert doc.format == "html"
    assert "Kế hoạch số 57/KH-UBND" in doc.text
    assert "Trang chủ" not in doc.text and "Bản quyền" not in doc.text
    assert (doc.title, doc.published, doc.author) == ("Văn hóa công vụ ở An Giang", dt.date(2021, 4, 22), "Minh Anh")
    assert doc.source == "Báo An Giang"
    assert doc.locality == "An Giang"


def test_jsonl_records(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    records = [
        {"id": "a1", "title": "Tin một", "date": "2020-05-20", "source": "hcmcpv.org.vn", "url": "https://x/1",
         "text": "UBND TP.HCM thực hiện Quyết định 1043/QĐ-UBND."},
        {"id": "a2", "title": "Tin hai", "date": "21/05/2020", "content": "Chỉ thị 19 của Thành ủy được quán triệt."},
        {"id": "a3", "title": "Không có nội dung"},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n\n", encoding="utf-8")
    docs = read_file(str(path))
    assert not isinstance(docs, ReadError)
    assert [(d.path, d.title, d.published, d.source, d.url) for d in docs] == [
        (f"{path}#a1", "Tin một", dt.date(2020, 5, 20), "hcmcpv.org.vn", "https://x/1"),
        (f"{path}#a2", "Tin hai", dt.date(2020, 5, 21), None, None),
    ]
    assert docs[0].locality == "Thành phố Hồ Chí Minh"


def test_extract_output_is_not_a_corpus(tmp_path: Path) -> None:
    from directive_graph import extract_references

    text = "Thực hiện Quyết định số 1847/QĐ-TTg ngày 27/12/2018."
    rows = [ref.to_row("a.txt") for ref in extract_references(text)]
    path = tmp_path / "pred.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    found = read_file(str(path))
    assert isinstance(found, ReadError) and found.warning
    assert found.message == f"{path} holds mentions (directive-graph extract output), not articles; skipped"


def test_csv_records(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_text(
        "id,title,date,source,text\n"
        '7,"Tin, có dấu phẩy",2019-10-08,baoangiang.com.vn,"An Giang triển khai Kế hoạch số 57/KH-UBND."\n',
        encoding="utf-8-sig",
    )
    (doc,) = read_file(str(path))  # type: ignore[misc]
    assert (doc.path, doc.title, doc.published, doc.source, doc.format) == (
        f"{path}#7", "Tin, có dấu phẩy", dt.date(2019, 10, 8), "baoangiang.com.vn", "csv",
    )  # fmt: skip
    assert doc.locality == "An Giang"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bad.jsonl", b'{"id": 1, "text": "a"}\nnot json\n', "{p} line 2 is not JSON; give one JSON object per line"),
        ("list.jsonl", b"[1, 2]\n", "{p} line 1 is not a JSON object; give one object per line"),
        (
            "notext.csv",
            b"id,title\n1,a\n",
            "{p} has no record with a text field (text, content, body, noi_dung, noidung …); its fields are id, "
            "title: rename the one holding the text to 'text'",
        ),
        ("bad.json", b'[{"text": "a"},', "{p} is not JSON (line 1: Expecting value); give a list of objects"),
        ("numbers.json", b"[1, 2]", "{p} is not a list of JSON objects; give one object per article"),
        ("blob.txt", b"\x00\x01binary\x00", "{p} is a binary file, not text; give a text, HTML, JSONL or CSV file"),
        ("empty.txt", b"", "{p} is empty; nothing to read"),
        ("image.png", b"\x89PNG",
         "{p}: unknown file type, skipped; give .txt, .md, .html, .jsonl, .json or .csv files"),
    ],
)  # fmt: skip
def test_unreadable_files_say_what_to_do(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = read_file(str(path))
    assert result == ReadError(str(path), message.format(p=path))


def test_a_folder_skips_unknown_files_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    items = list(iter_documents([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError"]
    assert isinstance(items[1], ReadError) and items[1].warning


def test_decode_keeps_spans_of_the_stored_text() -> None:
    decoded = decode(unicodedata.normalize("NFD", "Chỉ thị 19").encode(), "x")
    assert decoded == ("Chỉ thị 19", "utf-8")


def test_records_as_datasets_name_their_fields(tmp_path: Path) -> None:
    """Other names for the text, date and source; list values; two records with one id; a JSON array."""
    records = [
        {"_id": "a", "summary": ["Theo Chỉ thị 19 của Thành ủy,", "các sở rà soát."], "Publish Time": "1/9/2026 8:00",
         "publisher": "Báo Mẫu"},
        {"_id": "a", "summary": "Quyết định 1847/QĐ-TTg được triển khai.", "pubDate": "1560242040"},
    ]  # fmt: skip
    path = tmp_path / "dump.json"
    path.write_text(json.dumps({"articles": records}, ensure_ascii=False), encoding="utf-8")
    docs = read_file(str(path))
    assert not isinstance(docs, ReadError)
    assert [(d.path, d.text, d.published, d.source) for d in docs] == [
        (f"{path}#a", "Theo Chỉ thị 19 của Thành ủy,\ncác sở rà soát.", dt.date(2026, 9, 1), "Báo Mẫu"),
        (f"{path}#a-2", "Quyết định 1847/QĐ-TTg được triển khai.", dt.date(2019, 6, 11), None),
    ]


def test_a_csv_field_longer_than_the_csv_modules_default_limit_is_read(tmp_path: Path) -> None:
    body = "Theo Chỉ thị 19 của Thành ủy. " + "Nội dung dài. " * 20_000  # 280,000 characters in one field
    path = tmp_path / "long.csv"
    path.write_text("id,text\n1," + body + "\n", encoding="utf-8")
    docs = read_file(str(path))
    assert not isinstance(docs, ReadError)
    assert [len(d.text) for d in docs] == [len(body)]


def test_a_json_file_that_holds_no_articles_is_passed_over_with_a_warning(tmp_path: Path) -> None:
    """A folder's settings file ("meta.json") is not a user's error: the build goes on and exits 0."""
    path = tmp_path / "meta.json"
    path.write_text('{"name": "bộ sưu tập", "version": 2}', encoding="utf-8")
    result = read_file(str(path))
    assert isinstance(result, ReadError) and result.warning
    assert "its fields are name, version" in result.message


def test_json_a_reader_cannot_take_is_a_read_error_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text('[{"text": "a", "n": ' + "9" * 5000 + "}]", encoding="utf-8")
    result = read_file(str(path))
    assert isinstance(result, ReadError) and "is not JSON this reader can take" in result.message
