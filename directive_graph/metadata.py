"""Title, publication date, source and author of a text, read the way pages really arrive.

Scraped news pages keep their header and footer as plain lines: a date line
("Cập nhật: 08:34 | 11/06/2019", "Thứ Bảy, ngày 26 tháng 9 năm 2020"), a
dateline prefix on the first paragraph ("HNP - ", "(Thanhuytphcm.vn) - "), a
byline at the end ("Chí Tùng", "BÌNH ĐỊNH (Sở Nội vụ An Giang)", "Nội dung:
Lê Thị Hà"), a source line ("Nguồn: laodongthudo.vn", "Theo Báo Nhân Dân").
:func:`read_metadata` reads them in one pass over at most the first and last
40 lines, so the cost does not grow with the text, and never raises.

Example:
    >>> meta = read_metadata("Trang chủ > Thời sự\\nHà Nội siết kỷ cương hành chính\\n"
    ...                      "15:30 | 20/11/2023\\nTTXVN - Sáng nay, thành phố ...\\nMinh Anh")
    >>> meta.title, meta.published_at, meta.source, meta.author
    ('Hà Nội siết kỷ cương hành chính', datetime.datetime(2023, 11, 20, 15, 30), 'TTXVN', 'Minh Anh')
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from directive_graph.clean import Chrome, chrome_kind

__all__ = ["TextMeta", "read_metadata"]

_WINDOW = 40  # lines read at each end of the text
_TOP = 15  # lines that count as the top of the page
_LINE_CAP = 2000  # characters of a line that are looked at

_TIME = r"(?:[01]?\d|2[0-3])[:h][0-5]\d(?::[0-5]\d)?"
# Every date starts with a digit: the lookahead first turns every other position down at once.
_DATE = re.compile(
    r"(?=\d)(?:(?P<bh>[01]?\d|2[0-3])[:h](?P<bm>[0-5]\d)(?::[0-5]\d)?\s*(?:[|,\-–—]\s*)?(?:ngày\s+)?)?"
    r"(?:(?<![\d/.\-])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/])"
    r"|(?P<vd>\d{1,2})\s+tháng\s+(?P<vm>\d{1,2})\s*,?\s+năm\s+(?P<vy>\d{4})"
    r"|(?<!\d)(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))"
    r"(?:(?:T|\s*[|,\-–—]\s*|\s+)(?:lúc\s+)?(?P<ah>[01]?\d|2[0-3])[:h](?P<am>[0-5]\d)(?![\d/]))?",
    re.IGNORECASE,
)
# What every date of _DATE holds ("5/6", "2023-06", "5 tháng"): a line without it has no date,
# and this plain scan is much cheaper than trying _DATE at every position.
_DATE_HINT = re.compile(r"\d(?:[/.\-]\d|\s+tháng)", re.IGNORECASE)
# A document's own date ("Nghị định 67/2014/NĐ-CP ngày 7/7/2014"), not the page's.
_ISSUED_ON = re.compile(r"\d[\w.\-]*(?:/[\w.\-]+)+[\s,]*(?:ban hành\s+)?(?:ngày\s*)?$|\d\w*\s+ngày\s*$", re.IGNORECASE)
# What may open a line before a date that opens it: "Hà Nội, ngày ", "Ngày ".
_LEAD = re.compile(r"(?:[^\d,]{1,40},\s*)?(?:ngày\s*)?", re.IGNORECASE)
_COLUMNS = re.compile(r"\s{2,}|\|")  # table cells of a header laid out in columns
_DATE_LABEL = re.compile(
    r"cập nhật|ngày đăng|đăng ngày|đăng lúc|ngày xuất bản|xuất bản|thời gian đăng|ngày ban hành"
    r"|published|posted|updated",
    re.IGNORECASE,
)
# What may sit beside a date on a line that is only a date.
_DATE_NOISE = re.compile(
    rf"{_DATE_LABEL.pattern}|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s+nhật|\bcn\b|(?:gmt|utc)\s*[+-]?\s*\d*"
    rf"|\bngày\b|\blúc\b|\bgiờ\b|{_TIME}|[\W\d_]+",
    re.IGNORECASE,
)
_Found = tuple[re.Match[str], datetime.date, datetime.datetime | None]
_UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper() and c.isalpha())
_ABBREVIATION = rf"[{_UPPER}][{_UPPER}0-9&.]{{1,11}}"
_PLACE = re.compile(rf"(?:[{_UPPER}][\w.]*\s+){{0,3}}[{_UPPER}][\w.]*\s*,\s*(?:[Nn]gày\s*)?")
_DOMAIN = r"(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:vn|com|net|org|info|gov|edu)(?:\.vn)?"
_DATELINE = re.compile(
    rf"\s*(?:(?P<pre>[{_UPPER}\s,.]{{0,30}}?)\s*\((?P<paren>[^()\n]{{2,40}})\)|(?P<bare>{_ABBREVIATION}|{_DOMAIN}))"
    r"\s*[-–—]+\s+\S",
    re.IGNORECASE,
)
_SOURCE_LABEL = re.compile(r"\s*\(?\s*nguồn(?:\s+tin)?\s*:\s*(?P<src>[^()\n]{2,80}?)\s*\)?\s*[.;]?\s*", re.IGNORECASE)
_THEO = re.compile(r"\s*\(?\s*theo\s+(?P<src>[^()\n,;:]{2,60}?)\s*\)?\s*\.?\s*", re.IGNORECASE)
_THEO_TAIL = re.compile(r"\(\s*theo\s+(?P<src>[^()\n]{2,60}?)\s*\)\s*\.?\s*$", re.IGNORECASE)
_DOMAIN_LINE = re.compile(rf"\s*\(?\s*(?P<src>{_DOMAIN})\s*\)?\s*\.?\s*", re.IGNORECASE)
_DOMAIN_TAIL = re.compile(rf"\(\s*(?P<src>{_DOMAIN})\s*\)\s*$", re.IGNORECASE)
_BYLINE = re.compile(r"(?P<name>[^()\n]{2,50}?)\s*\(\s*(?P<src>[^()\n]{2,60}?)\s*\)\s*")
_AUTHOR_LABEL = re.compile(
    r"\s*(?:tác giả|bài và ảnh|bài & ảnh|bài, ảnh|bài/ảnh|bài|nội dung|thực hiện|người viết|phóng viên|ghi chép)"
    r"\s*:\s*(?P<name>[^:\n]{2,80}?)\s*(?:[-–|;,]?\s*(?:ảnh|đồ họa|video|trình bày)\s*:.*)?[.]?\s*",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"\s*(?:ảnh|nguồn ảnh|đồ họa|trình bày|thiết kế|minh họa|video|clip|biên tập)\s*:", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s+[-–&/]\s+|\s*,\s*|\s+và\s+")
_NOT_NAMES = frozenset({"theo", "nguồn", "ảnh", "video", "clip", "tin", "bài", "xem", "đọc", "trang", "kỳ", "thứ"})
_CREW = frozenset({"PV", "CTV", "BTV", "PTV", "NHÓM PV", "NHÓM PV-CTV"})
_CREW_LONGEST = max(map(len, _CREW))


@dataclass(frozen=True)
class TextMeta:
    """What a text says about itself; every field is None when the text does not say it.

    ``published_at`` is set only when a time of day is written with the date,
    as a naive datetime in the page's own (Vietnamese) time.

    Example:
        >>> TextMeta(title="Tiêu đề", published=None, published_at=None, source=None, author=None).title
        'Tiêu đề'
    """

    title: str | None
    published: datetime.date | None
    published_at: datetime.datetime | None
    source: str | None
    author: str | None


def _window(text: str) -> list[tuple[str, bool, bool]]:
    """The first and last ``_WINDOW`` lines, each once, as (line, in the head, in the tail)."""
    head: list[str] = []
    pos = 0
    while len(head) < _WINDOW:
        newline = text.find("\n", pos)
        if newline < 0:
            head.append(text[pos:])
            pos = len(text) + 1
            break
        head.append(text[pos:newline])
        pos = newline + 1
    tail: list[str] = []
    end = len(text)
    while pos <= len(text) and len(tail) < _WINDOW:
        newline = text.rfind("\n", pos, end)
        tail.append(text[newline + 1 if newline >= 0 else pos : end])
        if newline < 0:
            break
        end = newline
    tail.reverse()
    rows = [(line, True, len(head) - i <= _WINDOW - len(tail)) for i, line in enumerate(head)]
    rows += [(line, False, True) for line in tail]
    return [(_tidy(line), in_head, in_tail) for line, in_head, in_tail in rows]


def _tidy(line: str) -> str:
    """A window line as compared: capped, NFC, "Ð" read as "Đ", markdown marks and spaces trimmed."""
    line = unicodedata.normalize("NFC", line[:_LINE_CAP].replace("\u00d0", "Đ").replace("\u00f0", "đ"))
    return line.strip().lstrip("#").strip().strip("*_").strip()


_LONG_LINE = 200
_LINE_OPENING = 80


def _date_in(line: str) -> _Found | None:
    """The first valid date of a line, with its time of day when one is written beside it."""
    if _DATE_HINT.search(line) is None:
        return None
    for match in _DATE.finditer(line):
        parts = (match["y"], match["m"], match["d"]) if match["y"] else (match["vy"], match["vm"], match["vd"])
        if not match["y"] and not match["vy"]:
            parts = (match["iy"], match["im"], match["id"])
        year, month, day = (int(p) for p in parts)
        if not 1900 <= year <= 2100 or not 1 <= month <= 12 or not 1 <= day <= 31:
            continue
        try:
            date = datetime.date(year, month, day)
        except ValueError:
            continue
        hour, minute = (match["bh"], match["bm"]) if match["bh"] else (match["ah"], match["am"])
        at = datetime.datetime(year, month, day, int(hour), int(minute)) if hour else None
        return match, date, at
    return None


def _only_noise(text: str) -> bool:
    """Whether ``text`` is only what may sit beside a date (``_DATE_NOISE.sub("", text).strip()`` is empty).

    Read match by match from the start, it stops at the first other word instead of scanning a
    whole paragraph: where no noise matches, a letter is left, since any space or sign would match.
    """
    pos, end = 0, len(text)
    while pos < end:
        match = _DATE_NOISE.match(text, pos)
        if match is None:
            return False
        pos = match.end()
    return True


def _date_only(line: str, match: re.Match[str]) -> bool:
    """Nothing on the line but the date, the words that go with one, and perhaps a place: "Hà Nội, 5/6/2023"."""
    if not _only_noise(line[match.end() :]):
        return False
    before = line[: match.start()]
    return _only_noise(before) or _PLACE.fullmatch(before.strip()) is not None


def _trailing_paren(line: str, match: re.Match[str]) -> bool:
    """The date closes the line in brackets: "Tiêu đề (10:05 06/02/2019)"."""
    return line[: match.start()].rstrip().endswith("(") and line[match.end() :].strip() == ")"


def _date_rank(line: str, match: re.Match[str], order: int, in_head: bool) -> int | None:
    """How far a date on this line is trusted as the publication date: lower is better, None not at all.

    Labelled dates first, then lone date lines at the top, then a date that
    opens a line at the top ("Ngày 5/6/2023, …", "Hà Nội, ngày …"); a date
    inside a sentence ("từ ngày …") or a document's own date never counts.
    """
    before = line[: match.start()]
    if _ISSUED_ON.search(before[-60:]):
        return None
    top = in_head and order < _TOP
    if _DATE_LABEL.search(before):
        return 0 if top else 4 if in_head else 6
    if _date_only(line, match) or _trailing_paren(line, match):
        return 1 if top else 5 if in_head else None
    if top and _LEAD.fullmatch(_COLUMNS.split(before)[-1].strip(" *_")):
        return 2 if len(line) <= 200 else 3
    return None


def _is_name_token(token: str) -> bool:
    """One word of a person's name: capitalised, letters (and initials' dots) only."""
    core = token.rstrip(".,")
    return bool(core) and core[0].isupper() and all(c.isalpha() or c == "." for c in core)


def _name_like(line: str, kind: Chrome | Literal[False] | None = False) -> bool:
    """A byline: 2 to 5 capitalised words ("Minh Anh", "H. Thảo"), several joined by " - ", or "PV".

    ``kind`` is the line's :func:`chrome_kind` when the caller has it already.
    """
    if len(line) <= _CREW_LONGEST and line.upper() in _CREW:  # upper() never shortens a text
        return True
    if not line or len(line) > 60:
        return False
    if (chrome_kind(line) if kind is False else kind) is not None:
        return False
    parts = [p.split() for p in _NAME_SPLIT.split(line) if p.strip()]
    words = [w for p in parts for w in p]
    if not parts or not 2 <= len(words) <= 12 or words[0].lower() in _NOT_NAMES:
        return False
    return all(1 <= len(p) <= 5 for p in parts) and all(_is_name_token(w) for w in words)


def _clean_source(src: str) -> str | None:
    """A source as written, without brackets and trailing punctuation; None if it is no name."""
    src = src.strip().strip("()[]").strip(" .,;:-–")
    has_letter = any(c.isalpha() for c in src)
    no_date = _DATE_HINT.search(src) is None or _DATE.search(src) is None
    return src if has_letter and no_date and len(src) <= 80 else None


def _dateline_source(line: str) -> str | None:
    """The outlet of a dateline prefix: "HNP - …", "(HNP) - …", "HÀ NỘI (TTXVN) - …"."""
    if "-" not in line and "–" not in line and "—" not in line:
        return None  # no dash, no dateline
    match = _DATELINE.match(line)
    if match is None or len(line) - match.end() < 8:
        return None
    if match["paren"] is not None:
        return _clean_source(match["paren"]) if not match["pre"].strip() or match["pre"].isupper() else None
    bare = match["bare"]
    return bare if bare.isupper() or _DOMAIN_LINE.fullmatch(bare) else None


def _tail_source(line: str) -> tuple[int, str] | None:
    """A source line at the end: (rank, source); "Theo Báo Nhân Dân", "laodongthudo.vn", "… (vov.vn)"."""
    for rank, pattern, full in (
        (2, _THEO, True),
        (2, _THEO_TAIL, False),
        (3, _DOMAIN_LINE, True),
        (3, _DOMAIN_TAIL, False),
    ):
        if full and len(line) > 80:
            continue
        match = pattern.fullmatch(line) if full else pattern.search(line)
        if match is None:
            continue
        src = _clean_source(match["src"])
        if src and (src[0].isupper() or "." in src):
            return rank, src
    return None


class _Reader:
    """The state of the single pass of :func:`read_metadata`."""

    def __init__(self) -> None:
        self.title: str | None = None
        self.title_done = False
        self.title_order = -1
        self.date: tuple[int, int, datetime.date, datetime.datetime | None] | None = None  # rank, order, ...
        self.source: tuple[int, int, str] | None = None
        self.author: str | None = None
        self.in_link_list = False

    def offer_source(self, rank: int, order: int, src: str | None) -> None:
        if src and (self.source is None or (rank, order) < self.source[:2]):
            self.source = (rank, order, src)

    def head(self, order: int, line: str, found: _Found | None, kind: Chrome | None) -> None:
        """Title and dateline: the top of the page; ``kind`` is the line's chrome kind while no title is found."""
        real = not self.title_done and any(c.isalnum() for c in line) and kind is None
        if real and (found is None or not _date_only(line, found[0])):
            self.title_done = True
            self.title_order = order
            if _dateline_source(line) is None:  # else the page starts with its first paragraph: no title
                title = line[: found[0].start()].rstrip(" (|-–") if found and _trailing_paren(line, found[0]) else line
                self.title = title if len(title) <= 300 else None
                return
        if order < _TOP and self.title_done:
            self.offer_source(1, order, _dateline_source(line))

    def tail(self, order: int, line: str, kind: Chrome | None) -> None:
        """Author and source lines: the end of the page, before any related-links list; ``kind`` as in head."""
        if kind is Chrome.RELATED:
            self.in_link_list = True
        if kind is not None or order == self.title_order or not any(c.isalnum() for c in line):
            return
        if self.in_link_list:
            if len(line) >= 160 and line.count(" ") >= 20:  # prose: the body goes on after a related-links box
                self.in_link_list = False
                self.author = None
            return
        labelled = _AUTHOR_LABEL.fullmatch(line)
        if labelled:
            self.author = labelled["name"].strip()
            return
        source = _tail_source(line)
        if source is not None:
            self.offer_source(source[0], order, source[1])
            return
        byline = _BYLINE.fullmatch(line) if line.rstrip().endswith(")") else None  # a byline closes with ")"
        if byline and _name_like(byline["name"]):
            self.author = byline["name"].strip()
            self.offer_source(2, order, _clean_source(byline["src"]))
        elif _name_like(line, kind):
            self.author = line
        elif not (_CREDIT.match(line) or _SOURCE_LABEL.fullmatch(line) or (len(line) < 60 and _date_in(line))):
            self.author = None  # ordinary text follows: what came before was no byline


def read_metadata(text: str) -> TextMeta:
    """Title, publication date and time, source and author of a text, each None when absent.

    Args:
        text: a news page or official text as plain text, site chrome included.

    Returns:
        A :class:`TextMeta`. The title is the first real line, without a date
        that closes it; the date prefers the top of the page (first 15 lines)
        and a labelled or lone date line; the source is returned as written,
        without brackets.

    Example:
        >>> meta = read_metadata("Thứ hai, 5/6/2023, 10:00 (GMT+7)\\nKiểm tra công vụ đột xuất\\n"
        ...                      "(Chinhphu.vn) - Bộ Nội vụ vừa ...\\nTác giả: Nguyễn Văn A")
        >>> meta.title, meta.published, meta.source, meta.author
        ('Kiểm tra công vụ đột xuất', datetime.date(2023, 6, 5), 'Chinhphu.vn', 'Nguyễn Văn A')
        >>> read_metadata("")
        TextMeta(title=None, published=None, published_at=None, source=None, author=None)
    """
    reader = _Reader()
    for order, (line, in_head, in_tail) in enumerate(_window(text)):
        # a date inside a long paragraph never counts; one that opens it may ("Ngày 5/6/2023, …")
        found = _date_in(line if len(line) <= _LONG_LINE else line[:_LINE_OPENING]) if line else None
        if found is not None:
            rank = _date_rank(line, found[0], order, in_head)
            if rank is not None and (reader.date is None or (rank, order) < reader.date[:2]):
                reader.date = (rank, order, found[1], found[2])
        labelled = _SOURCE_LABEL.fullmatch(line)
        # the chrome kind of a line, read once: the title is looked for among the lines that are not
        # chrome, and the tail reads every line's
        kind = chrome_kind(line) if line and (in_tail or not reader.title_done) else None
        if labelled:
            reader.offer_source(0, order, _clean_source(labelled["src"]))
        elif in_head:
            reader.head(order, line, found, kind)
        if in_tail:
            reader.tail(order, line, kind)
    date = reader.date
    source = reader.source
    return TextMeta(
        title=reader.title,
        published=date[2] if date else None,
        published_at=date[3] if date else None,
        source=source[2] if source else None,
        author=reader.author,
    )
