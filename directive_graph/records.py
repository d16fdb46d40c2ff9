"""Records of JSON Lines, JSON and CSV files: parsing, the field names datasets use, their dates.

A record is one article. Field names are compared in lower case, with "-" and spaces read as
"_" (:func:`field_name`); of each kind the first name present wins (:func:`pick`).

Example:
    >>> record = parse_records('{"Publish Time": "1/9/2026 8:00", "summary": ["Một.", "Hai."]}', "jsonl")[0]
    >>> pick(record, TEXT_FIELDS), parse_date(pick(record, DATE_FIELDS))
    ('Một.\\nHai.', datetime.date(2026, 9, 1))
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys

# The fields of a JSONL, JSON or CSV record, as datasets name them (compared in lower case, "-" and
# spaces read as "_"): the first one present wins. A summary is the text only when there is no other.
TEXT_FIELDS = ("text", "content", "body", "noi_dung", "noidung", "article", "full_text", "fulltext", "main_text",
               "raw_text", "document", "contents", "summary", "description", "abstract", "sapo", "tom_tat")  # fmt: skip
TITLE_FIELDS = ("title", "tieu_de", "headline", "name", "ten")
DATE_FIELDS = ("date", "published", "publish_date", "published_date", "published_at", "publish_time",
               "published_time", "pubdate", "pub_date", "date_published", "datetime", "time", "created_at",
               "created", "ngay", "ngay_dang", "thoi_gian")  # fmt: skip
SOURCE_FIELDS = ("source", "site", "sitename", "site_name", "publisher", "domain", "outlet", "newspaper", "nguon")
AUTHOR_FIELDS = ("author", "authors", "tac_gia", "byline")
URL_FIELDS = ("url", "link", "href", "source_url")
ID_FIELDS = ("id", "doc_id", "uid", "_id", "guid")


# The fields of ``directive-graph extract --format jsonl``: a file of them is output, not a corpus.
MENTION_FIELDS = frozenset(("article", "start", "end", "text", "type", "number", "symbol", "form"))


def field_name(name: object) -> str:
    """A record's field name as compared: "Publish Time", "publish-time" -> "publish_time"."""
    return str(name).strip().lower().replace(" ", "_").replace("-", "_")


def pick(record: dict[str, object], names: tuple[str, ...]) -> str | None:
    """The value of the first of ``names`` the record has, as text; a list's items go one per line."""
    lowered = {field_name(k): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if isinstance(value, list):
            value = "\n".join(str(item) for item in value if item not in (None, ""))
        if value not in (None, ""):
            return str(value)
    return None


class RecordError(ValueError):
    """A file of records that cannot be read; the message says what is wrong and what to do."""


def parse_records(text: str, fmt: str) -> list[dict[str, object]]:
    """The records of a file's text: ``fmt`` is "jsonl", "json" or "csv".

    Example:
        >>> parse_records('{"id": 1, "text": "a"}\\n\\n{"id": 2, "text": "b"}', "jsonl")
        [{'id': 1, 'text': 'a'}, {'id': 2, 'text': 'b'}]
        >>> parse_records('{"data": [{"text": "a"}]}', "json"), parse_records("id,text\\n1,a\\n", "csv")
        ([{'text': 'a'}], [{'id': '1', 'text': 'a'}])
    """
    if fmt == "jsonl":
        return _jsonl_records(text)
    return _json_records(text) if fmt == "json" else _csv_records(text)


def _jsonl_records(text: str) -> list[dict[str, object]]:
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):  # bad JSON, a 5,000-digit number, nesting too deep
            raise RecordError(f"line {number} is not JSON; give one JSON object per line") from None
        if not isinstance(value, dict):
            raise RecordError(f"line {number} is not a JSON object; give one object per line")
        records.append(value)
    return records


def _json_records(text: str) -> list[dict[str, object]]:
    """The records of a JSON file: a list of objects, or an object holding one ("data", "articles" …)."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordError(f"is not JSON (line {exc.lineno}: {exc.msg}); give a list of objects") from None
    except (ValueError, RecursionError):  # a 5,000-digit number, nesting too deep
        raise RecordError("is not JSON this reader can take; give a list of objects") from None
    if isinstance(value, dict):
        lists = [v for v in value.values() if isinstance(v, list) and v and all(isinstance(i, dict) for i in v)]
        value = lists[0] if len(lists) == 1 else [value]
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise RecordError("is not a list of JSON objects; give one object per article")
    return value


def _csv_records(text: str) -> list[dict[str, object]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a whole article may sit in one field
    try:
        return list(csv.DictReader(io.StringIO(text)))
    except csv.Error as exc:
        raise RecordError(f"is not a readable CSV file ({exc}); check its quoting") from None


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DMY_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")


def parse_date(value: str | None) -> dt.date | None:
    """A date from ISO ("2019-06-11", "2019-06-11T08:34"), Vietnamese ("11/06/2019", "1/9/2026 8:00")
    or Unix-time ("1560242040") forms.

    Example:
        >>> [str(parse_date(v)) for v in ("2019-06-11T08:34", "1/9/2026 8:00", "08:00 11.06.2019", "1560242040")]
        ['2019-06-11', '2026-09-01', '2019-06-11', '2019-06-11']
        >>> parse_date("hôm qua") is None
        True
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit() and len(value) in (10, 13):  # seconds or milliseconds since 1970
        return dt.datetime.fromtimestamp(int(value[:10]), tz=dt.timezone.utc).date()
    iso = _ISO_DATE.search(value)
    parts = (iso[1], iso[2], iso[3]) if iso else None
    if parts is None and (dmy := _DMY_DATE.search(value)) is not None:
        parts = (dmy[3], dmy[2], dmy[1])
    if parts is None:
        return None
    try:
        return dt.date(*(int(p) for p in parts))
    except ValueError:
        return None
