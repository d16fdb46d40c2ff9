"""Site chrome in scraped pages: where it is, so references inside it can be dropped.

A page scraped to plain text keeps the site's furniture around the article:
share and print buttons, comment widgets, "Tin liên quan" link lists, widget
ids, a diacritics-free copy of the title, app and cookie banners.
:func:`chrome_spans` returns the character spans of that furniture in the
caller's own string, so offsets (those of :func:`directive_graph.extract_references`
included) stay valid and the caller decides what to drop. :func:`strip_chrome`
is for display only.

The rules are conservative: a line is chrome only when it is nothing but a
known widget phrase, a slug, the title again without its accents, a series
link card, or part of the link list after an end-of-article marker; a long
paragraph of ordinary prose never is.

Example:
    >>> page = "Hà Nội ban hành kế hoạch mới\\nChia sẻ | Zalo\\nNội dung bài.\\nTin liên quan\\nBài cũ"
    >>> [page[s:e] for s, e in chrome_spans(page)]
    ['Chia sẻ | Zalo', 'Tin liên quan\\nBài cũ']
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from enum import Enum

from directive_graph.vocab import fold_same_length

__all__ = ["Chrome", "chrome_kind", "chrome_spans", "strip_chrome"]


class Chrome(str, Enum):
    """The kinds of site chrome :func:`chrome_kind` and :func:`chrome_spans` recognise."""

    COMMENTS = "comments"  # "Ý kiến bạn đọc", "Gửi bình luận", "Bình luận (0)"
    RELATED = "related"  # an end-of-article marker: "Tin khác", "Tin liên quan"
    WIDGET = "widget"  # "refresh", "Xem thêm", "Về đầu trang" (a "Xem thêm: <link>" line is kept: it names
    # a document as the article does, and annotators count it)
    SHARE = "share"  # "Chia sẻ", "In bài", "Facebook", "Zalo", font-size "A A"
    BANNER = "banner"  # app-store and cookie banners
    BREADCRUMB = "breadcrumb"  # "Trang chủ > Tin tức"
    SLUG = "slug"  # a widget id such as "tra-cuu-diem-thi-bottom-article"
    TITLE_COPY = "title_copy"  # the title again without its accents (image alt text)
    SERIES_LINK = "series_link"  # "Kỳ cuối: <title>" link cards to a series' parts, repeated or to the page itself
    LINK_LIST = "link_list"  # the lines after an end-of-article marker


# Every phrase is matched against the folded line (no accents, lower case, single spaces).
_COUNT = r"\s*(?:\(\s*\d+\s*\)|\d+)?\s*[:.]?"
_COMMENTS = re.compile(
    r"(?:y kien ban doc|y kien cua ban|ban doc binh luan|tong luot binh luan|gui binh luan|viet binh luan"
    r"|binh luan cua ban|binh luan|gui y kien|y kien\s*\(\s*\d+\s*\)|dang nhap de binh luan)" + _COUNT
)
_RELATED = re.compile(
    r"(?:tin khac|cac tin khac|tin lien quan|tin bai lien quan|tin tuc lien quan|bai viet lien quan|bai lien quan"
    r"|cac bai viet khac|tin cung chuyen muc|bai cung chuyen muc|cac tin da dua(?: ngay)?|co the ban quan tam)"
    + _COUNT
)
_WIDGET = re.compile(
    r"(?:refresh|xem them|doc them|xem tiep|ve dau trang|len dau trang|quay lai|tro ve|tro lai|ban in)" + _COUNT
)
_SHARE_TOKEN = re.compile(
    r"(?<![a-z0-9])(?:(?P<font>a[+-]?|aa)|chia se(?: bai viet)?|in bai(?: viet)?|ban in|facebook|zalo|twitter|tweet"
    r"|linkedin|email|gui email|gui bai|luu bai|luu tin|luu|copy link|sao chep (?:lien ket|link)|thich|like|share|in)"
    r"(?![a-z0-9+-])"
)
_SHARE_REST = re.compile(r"[\s|/•·,;:()\[\]<>=*_0-9-]*")
_APP_BANNER = re.compile(
    r"download on the(?: app store)?|get it on(?: google play)?|app store|google play"
    r"|tai ung dung|tai app|cai dat ung dung|mo (?:trong )?ung dung"
)
_COOKIE = re.compile(r"cookie.*(?:dong y|chap nhan|accept|chinh sach|trai nghiem|privacy)|(?:dong y|chap nhan).*cookie")
_CRUMB_SEP = re.compile(r"\s(?:>|»|›|>>)\s")
_CRUMB_HOME = re.compile(r"(?:trang chu|home)(?:\s*(?:>|»|›|/|\|)\s*[^>»›/|]{1,40})*")
_SLUG = re.compile(r"(?=[^a-z]*[a-z]{2})[a-z0-9]+(?:[-_][a-z0-9]+){2,}")  # letters: "2019-06-11" is no slug
_SERIES = re.compile(r"(?:ky|bai|phan)\s+(?:\d+|cuoi(?: cung)?|[ivx]+)\s*:\s*")
_PAREN_TAIL = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_BLANK_RUNS = re.compile(r"\n[ \t\u00a0]*(?:\n[ \t\u00a0]*){2,}")

_SHORT = 120  # longest line a keyword rule looks at
_HEAD_LINES = 15  # where the title and its header lines are looked for


def _is_prose(line: str) -> bool:
    """A long paragraph of ordinary text, which is never chrome."""
    return len(line) >= 160 and line.count(" ") >= 20


# Every word a share token is written with; a token covers whole words, and nothing but tokens and
# separators may be left on a share line, so its first word is one of these.
_SHARE_WORDS = frozenset(re.findall("[a-z]+", _SHARE_TOKEN.pattern))
_LETTERS = re.compile("[a-z]+")
# What each banner phrase contains: a line without any of these is no banner.
_APP_HINTS = ("download on the", "get it on", "app store", "google play", "ung dung", "tai app")


def _is_share_line(folded: str) -> bool:
    """Nothing but share, print or font-size ("A A", "A- A+") buttons, with counts or separators."""
    first = _LETTERS.search(folded)
    if first is None or first.group() not in _SHARE_WORDS:
        return False
    share = font = 0
    for match in _SHARE_TOKEN.finditer(folded):
        if match.group("font"):
            font += 1
        else:
            share += 1
    if share == 0 and font < 2:
        return False
    return _SHARE_REST.fullmatch(_SHARE_TOKEN.sub("", folded)) is not None


def _is_cookie(folded: str) -> bool:
    """A cookie banner."""
    return "cookie" in folded and _COOKIE.search(folded) is not None


def _is_crumb(folded: str) -> bool:
    """A navigation trail: "trang chu > tin tuc", "thoi su » chinh tri"."""
    if _CRUMB_HOME.fullmatch(folded):
        return True
    if ">" not in folded and "»" not in folded and "›" not in folded:
        return False  # no separator: one part
    parts = _CRUMB_SEP.split(folded)
    return len(parts) >= 2 and not any(c.isdigit() for c in folded) and all(0 < len(p.split()) <= 5 for p in parts)


# No chrome line is longer (cookie banners are the longest); longer lines are prose.
_LONGEST_CHROME = 200


@functools.lru_cache(maxsize=1024)
def _fold_line(line: str) -> str:
    """``fold`` for page lines, in a small cache of its own.

    The metadata reader and :func:`chrome_spans` fold the same lines of a text, and site chrome
    repeats from page to page; the lines stay out of fold's own cache.
    """
    return " ".join(fold_same_length(line).split())


def chrome_kind(line: str) -> Chrome | None:
    """The kind of chrome a single line is on its own, or None for ordinary text.

    Only rules that need no context are applied here; :func:`chrome_spans`
    adds the title copy, series link cards and the link list after an end marker.

    Args:
        line: one line of text, without its newline.

    Returns:
        The :class:`Chrome` kind, or None.

    Example:
        >>> chrome_kind("Ý kiến bạn đọc"), chrome_kind("Bình luận (0)"), chrome_kind("TIN LIÊN QUAN")
        (<Chrome.COMMENTS: 'comments'>, <Chrome.COMMENTS: 'comments'>, <Chrome.RELATED: 'related'>)
        >>> chrome_kind("tra-cuu-diem-thi-bottom-article"), chrome_kind("Chia sẻ Facebook Zalo In bài")
        (<Chrome.SLUG: 'slug'>, <Chrome.SHARE: 'share'>)
        >>> chrome_kind("Sở Nội vụ ban hành Kế hoạch số 12/KH-SNV về văn hóa công vụ.") is None
        True
    """
    stripped = line.strip().strip("*_#").strip()
    if not stripped or len(stripped) > _LONGEST_CHROME:
        return None  # a line of prose
    return _kind_of(stripped)


@functools.lru_cache(maxsize=1024)
def _kind_of(stripped: str) -> Chrome | None:
    """:func:`chrome_kind` of a stripped line of at most ``_LONGEST_CHROME`` characters.

    Cached: the metadata reader and :func:`chrome_spans` both ask about the lines of a text.
    """
    folded = _fold_line(stripped)
    if len(stripped) > _SHORT:
        if _WIDGET.fullmatch(folded):
            return Chrome.WIDGET
        return Chrome.BANNER if _is_cookie(folded) else None
    if _SLUG.fullmatch(stripped):
        return Chrome.SLUG
    for pattern, kind in ((_WIDGET, Chrome.WIDGET), (_COMMENTS, Chrome.COMMENTS), (_RELATED, Chrome.RELATED)):
        if pattern.fullmatch(folded):
            return kind
    if _is_share_line(folded):
        return Chrome.SHARE
    if (any(hint in folded for hint in _APP_HINTS) and _APP_BANNER.search(folded)) or _is_cookie(folded):
        return Chrome.BANNER
    if _is_crumb(folded):
        return Chrome.BREADCRUMB
    return None


def _title_key(folded: str) -> str:
    """A folded line reduced for comparison with the title: no series prefix, no "(source)" tail."""
    folded = _SERIES.sub("", _PAREN_TAIL.sub("", folded), count=1)
    return _NON_WORD.sub(" ", folded).strip()


def _lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every line of ``text``, newlines excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer("\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _classify(lines: list[str]) -> list[Chrome | None]:
    """The chrome kind of every (stripped) line, in context."""
    kinds: list[Chrome | None] = []
    counts = Counter(s for s in lines if len(s) <= 250)
    header_keys: set[str] = set()  # the title and the first header lines, folded
    in_link_list = False
    for index, line in enumerate(lines):
        if not line:
            kinds.append(None)
            continue
        prose = _is_prose(line)
        kind = chrome_kind(line)
        if prose and kind is not Chrome.BANNER:  # a cookie notice is not ordinary prose
            kind = None
        if kind is Chrome.RELATED:
            in_link_list = True
        elif kind is None and in_link_list:
            if prose:  # the body goes on after a related-links box: never drop it
                in_link_list = False
            else:
                kind = Chrome.LINK_LIST
        if kind is None and not prose and len(line) <= 250:
            folded = _fold_line(line.strip("*_#"))
            key = _title_key(folded)
            series = _SERIES.match(folded) is not None
            header = index < _HEAD_LINES and len(header_keys) < 3 and not line.isascii() and len(key.split()) >= 4
            if header and (not series or not header_keys):  # the title itself may be "Kỳ 1: …"; later cards are links
                header_keys.add(key)
                kinds.append(None)
                continue
            if line.isascii() and key in header_keys:
                kind = Chrome.TITLE_COPY
            elif series and (counts[line] >= 2 or key in header_keys):
                kind = Chrome.SERIES_LINK
        kinds.append(kind)
    return kinds


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of site chrome in ``text``, sorted and disjoint.

    Offsets index ``text`` itself. Consecutive chrome lines separated only by
    blank lines make one span; a span never includes a line of ordinary text.
    A reference whose span lies inside one of these is part of the page's
    furniture (a related link, a widget), not of the article.

    Args:
        text: a page as scraped to plain text.

    Returns:
        ``(start, end)`` pairs, ``text[start:end]`` being chrome.

    Example:
        >>> page = "Văn hóa công vụ\\nvan hoa cong vu\\nBài viết.\\nTin khác\\nA\\nB\\nTổng lượt bình luận"
        >>> [page[s:e] for s, e in chrome_spans(page)]
        ['van hoa cong vu', 'Tin khác\\nA\\nB\\nTổng lượt bình luận']
        >>> chrome_spans("Một đoạn văn bình thường, không có gì khác.")
        []
    """
    bounds = _lines(text)
    kinds = _classify([text[s:e].strip() for s, e in bounds])
    spans: list[tuple[int, int]] = []
    joinable = False  # only blank lines since the last chrome line
    for (start, end), kind in zip(bounds, kinds, strict=True):
        line = text[start:end]
        if kind is None:
            joinable = joinable and not line.strip()
            continue
        start += len(line) - len(line.lstrip())
        end -= len(line) - len(line.rstrip())
        if joinable:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        joinable = True
    return spans


def strip_chrome(text: str) -> str:
    """``text`` without its chrome, for display only.

    The result's offsets are not those of ``text``: to filter references, use
    the spans of :func:`chrome_spans` on the original text instead.

    Args:
        text: a page as scraped to plain text.

    Returns:
        The kept text, runs of blank lines left behind collapsed to one.

    Example:
        >>> strip_chrome("Tiêu đề bài\\n\\nChia sẻ\\n\\nNội dung.\\nrefresh\\n")
        'Tiêu đề bài\\n\\nNội dung.'
    """
    kept: list[str] = []
    position = 0
    for start, end in chrome_spans(text):
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    return _BLANK_RUNS.sub("\n\n", "".join(kept)).strip()
