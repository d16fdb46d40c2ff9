"""Read a corpus: files or folders of plain text, HTML, JSON Lines or CSV.

Every reader returns :class:`Document` objects whose ``text`` is NFC with
``\\n`` line ends (the form that is stored, so stored spans index it), with the
metadata the source gives: title, publication date, outlet, author, URL, the
spans of site chrome, the province. What cannot be read becomes a
:class:`ReadError` whose message says what to do; nothing raises.

Example:
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Tiêu đề\\n\\nChỉ thị 19 của Thành ủy", encoding="utf-8")
    >>> [(doc.title, doc.text[-23:]) for doc in iter_documents([str(folder)])]
    [('Tiêu đề', 'Chỉ thị 19 của Thành ủy')]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from directive_graph.records import (
    AUTHOR_FIELDS,
    DATE_FIELDS,
    ID_FIELDS,
    MENTION_FIELDS,
    SOURCE_FIELDS,
    TEXT_FIELDS,
    TITLE_FIELDS,
    URL_FIELDS,
    RecordError,
    field_name,
    parse_date,
    parse_records,
    pick,
)

FORMATS = {".txt": "txt", ".md": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}
FORMATS.update({".json": "json", ".csv": "csv"})
KINDS = ".txt, .md, .html, .jsonl, .json or .csv"  # the file types, as messages name them


@dataclass(frozen=True)
class Document:
    """One article: its text and what is known about it."""

    path: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    encoding: str = "utf-8"
    format: str = "txt"
    chrome: tuple[tuple[int, int], ...] = field(default=(), repr=False)
    locality: str | None = None


@dataclass(frozen=True)
class ReadError:
    """A path that gave no text, and what to do about it."""

    path: str
    message: str
    warning: bool = False  # a file passed over inside a folder (an image, say), not an error of the user's


def discover(paths: Iterable[str]) -> Iterator[str | ReadError]:
    """Every file under ``paths`` (folders recursively, in name order), or an error per bad path."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if not any(p.suffix.lower() in FORMATS for p in found):
                yield ReadError(given, f"no {KINDS} files in folder {given}; point at texts")
                continue
            for p in found:
                yield str(p) if p.suffix.lower() in FORMATS else ReadError(str(p), _unknown(str(p)), warning=True)
        elif path.is_file():
            yield given
        else:
            yield ReadError(given, f"no such file or folder: {given}; check the path")


def _unknown(path: str) -> str:
    return f"{path}: unknown file type, skipped; give {KINDS} files"


def decode(data: bytes, path: str) -> tuple[str, str] | ReadError:
    """Text and encoding of ``data``: UTF-8 (with or without BOM), UTF-16/32 with BOM, or detected.

    Legacy Vietnamese code pages (Windows-1258 and others) are detected with
    charset-normalizer; the text is returned NFC with ``\\n`` line ends.
    """
    if not data.strip():
        return ReadError(path, f"{path} is empty; nothing to read")
    boms = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\xff\xfe", "utf-16"))
    encoding = next((name for bom, name in boms if data.startswith(bom)), None) or (
        "utf-16" if data.startswith(b"\xfe\xff") else "utf-8"
    )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text, encoding = "", ""
    if not text:
        if b"\x00" in data[:4096]:
            return ReadError(path, f"{path} is a binary file, not text; give a text, HTML, JSONL or CSV file")
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None or best.encoding is None:
            return ReadError(path, f"{path} is not text in any known encoding; convert it to UTF-8")
        text, encoding = str(best), best.encoding
    if "\x00" in text:
        return ReadError(path, f"{path} is a binary file, not text; give a text, HTML, JSONL or CSV file")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        return ReadError(path, f"{path} is empty; nothing to read")
    return text, encoding


def read_file(path: str, data: bytes | None = None) -> list[Document] | ReadError:
    """Every document of one file (a JSONL or CSV file holds many); ``data``, when given, is its content."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        return ReadError(path, _unknown(path))
    try:
        if data is None:
            data = Path(path).read_bytes()
    except FileNotFoundError:
        return ReadError(path, f"no such file or folder: {path}; check the path")
    except OSError as exc:
        return ReadError(path, f"cannot read {path}: {exc.strerror or exc}; check its permissions")
    decoded = decode(data, path)
    if isinstance(decoded, ReadError):
        return decoded
    text, encoding = decoded
    if fmt == "html":
        return _from_html(path, text, encoding)
    if fmt in ("jsonl", "json", "csv"):
        return _from_records(path, text, encoding, fmt)
    return [_from_plain(path, text, encoding)]


def _from_plain(path: str, text: str, encoding: str, fmt: str = "txt") -> Document:
    from directive_graph.clean import chrome_spans
    from directive_graph.locality import detect_locality
    from directive_graph.metadata import read_metadata

    meta = read_metadata(text)
    return Document(
        path=path,
        text=text,
        title=meta.title,
        published=meta.published,
        source=meta.source,
        author=meta.author,
        encoding=encoding,
        format=fmt,
        chrome=tuple(chrome_spans(text)),
        locality=detect_locality(text, title=meta.title, source=meta.source),
    )


def _from_html(path: str, html: str, encoding: str) -> list[Document] | ReadError:
    import trafilatura

    from directive_graph.locality import detect_locality

    found: Any = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    visible, heading = _visible_text(html)
    main = (found.text or "") if found is not None else ""
    # A listing page (a table of documents, links only) loses its rows to the main-text
    # extraction: when that keeps under a third of the visible text, the visible text is read.
    text = main if len(main.strip()) >= len(visible.strip()) / 3 else visible
    if not text.strip():
        return ReadError(path, f"{path}: no article text found in the HTML; is it a page of the article?")
    text = unicodedata.normalize("NFC", text)
    if found is None:
        return [Document(path=path, text=text, encoding=encoding, format="html", locality=detect_locality(text))]
    source = found.sitename or found.hostname
    title = found.title
    if heading and (not title or (len(title.split()) <= 3 < len(heading.split()))):
        title = heading  # the page's <title> is a section's name ("Trung ương"), its <h1> the article's
    return [
        Document(
            path=path,
            text=text,
            title=title,
            published=parse_date(found.date),
            source=source,
            author=found.author,
            url=found.url,
            encoding=encoding,
            format="html",
            locality=detect_locality(text, title=title, source=source or found.url),
        )
    ]


def _visible_text(html: str) -> tuple[str, str | None]:
    """The text a reader sees (scripts, styles and page chrome elements left out, one block per line),
    and the page's first ``<h1>`` heading."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return "", None
    h1 = root.xpath("//h1")
    heading = " ".join(h1[0].text_content().split()) or None if h1 else None
    for element in root.xpath("//script|//style|//noscript|//nav|//header|//footer|//aside|//form"):
        element.drop_tree()
    for element in root.xpath("//br|//p|//div|//li|//tr|//h1|//h2|//h3|//h4|//td|//th"):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line), heading


def _from_records(path: str, text: str, encoding: str, fmt: str) -> list[Document] | ReadError:
    try:
        records = parse_records(text, fmt)
    except RecordError as exc:
        return ReadError(path, f"{path} {exc}")
    if records and all(record.keys() >= MENTION_FIELDS for record in records[:5]):
        return ReadError(path, f"{path} holds mentions (directive-graph extract output), not articles; skipped", True)
    docs = []
    keys: set[str] = set()
    for index, record in enumerate(records, start=1):
        body = pick(record, TEXT_FIELDS)
        if body is None or not body.strip():
            continue
        body = unicodedata.normalize("NFC", body.replace("\r\n", "\n"))
        key = pick(record, ID_FIELDS) or str(index)
        key = key if key not in keys else f"{key}-{index}"  # two records with one id stay two articles
        keys.add(key)
        plain = _from_plain(f"{path}#{key}", body, encoding, fmt)
        title = pick(record, TITLE_FIELDS) or plain.title
        source = pick(record, SOURCE_FIELDS) or plain.source
        docs.append(
            Document(
                path=plain.path,
                text=body,
                title=title,
                published=parse_date(pick(record, DATE_FIELDS)) or plain.published,
                source=source,
                author=pick(record, AUTHOR_FIELDS) or plain.author,
                url=pick(record, URL_FIELDS),
                encoding=encoding,
                format=fmt,
                chrome=plain.chrome,
                locality=plain.locality,
            )
        )
    if not docs:
        seen = sorted({field_name(k) for record in records[:20] for k in record})
        return ReadError(
            path,
            f"{path} has no record with a text field ({', '.join(TEXT_FIELDS[:5])} …); its fields are "
            f"{', '.join(seen) or 'none'}: rename the one holding the text to 'text'",
            warning=fmt == "json",  # a folder's .json may be a settings file, not a dump of articles
        )
    return docs


def iter_documents(paths: Iterable[str]) -> Iterator[Document | ReadError]:
    """Every readable document under ``paths``, and an error for each file that is not."""
    for item in discover(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        result = read_file(item)
        if isinstance(result, ReadError):
            yield result
        else:
            yield from result


def text_hash(text: str) -> str:
    """The identity of an article's text: whitespace runs folded, then hashed.

    Example:
        >>> text_hash("a  b\\n") == text_hash("a b")
        True
    """
    return hashlib.blake2b(fold_spaces(text).encode(), digest_size=16).hexdigest()


def fold_spaces(text: str) -> str:
    """``" ".join(text.split())``, without cutting the text into words when its only spaces are " " and newlines.

    Every whitespace character but " " is a separator or control character, so ``isprintable``
    tells when the text holds no other; then collapsing runs of " " is the same thing.

    Example:
        >>> fold_spaces(" Tin  mới\\n\\nNội dung. ") == " ".join(" Tin  mới\\n\\nNội dung. ".split())
        True
    """
    flat = text.replace("\n", " ")
    if not flat.isprintable():
        return " ".join(text.split())
    while "  " in flat:
        flat = flat.replace("  ", " ")
    return flat.strip(" ")


def content_hash(data: bytes) -> str:
    """The hash that tells a changed file from an unchanged one."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()
