"""What stands right after a mention: its issue date and its issuer phrase.

"Quyết định số 1847/QĐ-TTg ngày 27-12-2018 của Thủ tướng Chính phủ": the
date and the issuer are read from the text that follows the mention, in
either order, and nowhere else (a date two sentences away says nothing).

Example:
    >>> text = "Quyết định số 1847/QĐ-TTg ngày 27-12-2018 của Thủ tướng Chính phủ về …"
    >>> tail = read_tail(text, 25)
    >>> tail.issued_on, tail.issuer_text, tail.issuer.code
    (datetime.date(2018, 12, 27), 'Thủ tướng Chính phủ', 'TTg')
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from directive_graph.kinds import Issuer, Level
from directive_graph.patterns import Match, compiled
from directive_graph.vocab import TRAILING, fold_same_length, load_vocab

# How far after a header number ("Số: 15/QĐ-BNV") its date line may stand.
HEADER_DATE_WINDOW = 300


@dataclass
class Tail:
    """The date and issuer found after a mention."""

    end: int = 0  # where the tail stops (the mention's end when nothing follows)
    year: int | None = None
    issued_on: dt.date | None = None
    issuer_text: str | None = None
    issuer: Issuer | None = None

    def or_else(self, other: Tail) -> Tail:
        """This tail, its missing date or issuer taken from ``other`` (the list's shared tail)."""
        dated = self if self.year is not None else other
        named = self if self.issuer_text is not None else other
        return Tail(self.end, dated.year, dated.issued_on, named.issuer_text, named.issuer)


def _date_of(match: Match) -> tuple[int, dt.date | None]:
    groups = match.groupdict()
    for d, m, y in (("d", "m", "y"), ("d2", "m2", "y2"), ("d4", "m4", "y4"), ("d7", "m7", "y7")):
        if groups.get(y):
            year = int(groups[y])
            try:
                return year, dt.date(year, int(groups[m]), int(groups[d]))
            except ValueError:
                return year, None
    return int(groups["y3"] or groups["y5"] or groups["y6"]), None


# The longest issuer phrase looked for after "của": "Bộ trưởng Bộ Lao động - Thương binh và Xã hội".
ISSUER_REACH = 160
_WORD = re.compile(r"\S+")
_CLOSING = re.compile(r"[)\]}\"”’']")  # a closing bracket or quote inside a word ends it


@functools.lru_cache(maxsize=16384)
def _folded_word(word: str) -> str:
    return fold_same_length(word)


# An officer's title before the body's name: "của Bộ trưởng Bộ LĐTBXH", "của Giám đốc Sở Tư pháp".
_OFFICER_TITLES = (
    ("bo", "truong"), ("thu", "truong"), ("chu", "tich"), ("pho", "chu", "tich"), ("giam", "doc"),
    ("pho", "giam", "doc"), ("tong", "giam", "doc"), ("truong", "ban"), ("truong", "phong"),
    ("chu", "nhiem"), ("cuc", "truong"), ("tong", "cuc", "truong"), ("vien", "truong"), ("chanh", "an"),
    ("chanh", "van", "phong"), ("bi", "thu"), ("pho", "bi", "thu"),
)  # fmt: skip
_TITLE_LONGEST = max(map(len, _OFFICER_TITLES))
# A footnote's number glued to the last word: "của Thủ tướng Chính phủ.1".
_FOOTNOTE = re.compile(r"(?<=[^\W\d_][.,;:])\d{1,3}$")


def _phrase_words(text: str, pos: int, ends: list[int]) -> Iterator[str]:
    """The folded words from ``pos`` on, as an issuer phrase reads them; ``ends`` gets each word's end."""
    for match in _WORD.finditer(text, pos, min(len(text), pos + ISSUER_REACH)):
        word = _folded_word(match.group())
        closing = _CLOSING.search(word, 1)
        if closing is not None:  # "tài chính)</td>": markup or a quote after the bracket
            word = word[: closing.start() + 1]
        word = _FOOTNOTE.sub("", word)
        ends.append(match.start() + len(word.rstrip(TRAILING)))
        yield word
        if word[-1] in TRAILING and word[-1] != ",":
            return  # a full stop, a colon or a bracket ends the phrase; a comma may not


def _alias_at(text: str, pos: int) -> tuple[int, Issuer] | None:
    """The issuer whose alias starts at ``pos``, and where the alias ends; an officer's title may come first."""
    vocab = load_vocab()
    ends: list[int] = []
    found = vocab.longest_alias(_phrase_words(text, pos, ends))
    if found is not None:
        return ends[found[0] - 1], found[1]
    words = list(itertools.islice(_WORD.finditer(text, pos, min(len(text), pos + ISSUER_REACH)), _TITLE_LONGEST))
    folded = tuple(_folded_word(m.group()) for m in words)
    for title in _OFFICER_TITLES:
        if folded[: len(title)] == title:
            ends = []
            found = vocab.longest_alias(_phrase_words(text, words[len(title) - 1].end(), ends))
            if found is not None:
                return ends[found[0] - 1], found[1]
    return None


def issuer_after(text: str, pos: int) -> tuple[int, int, Issuer] | None:
    """An issuer phrase after ``pos`` ("của Bộ trưởng Bộ Nội vụ"): where its name starts and ends, and the issuer.

    An officer's title may stand before a body the vocabulary knows ("của Giám đốc Sở Tư pháp"),
    and a Party or mass body may be named with the body it sits in ("của Ban cán sự đảng Bộ Giáo
    dục và Đào tạo"): the phrase runs to the end of that second name, the issuer is the first.

    Example:
        >>> t = "Chỉ thị 19 của Thành ủy Hà Nội, các sở …"
        >>> start, end, issuer = issuer_after(t, 10)
        >>> t[start:end], issuer.code
        ('Thành ủy Hà Nội', 'TU')
    """
    patterns = compiled()
    lead = patterns.issuer_lead.match(text, pos)
    if lead is None:
        return None
    found = _alias_at(text, lead.end())
    if found is None:
        return None
    end, issuer = found
    if issuer.level is not Level.CENTRAL and text.startswith(" ", end):
        inside = _alias_at(text, end + 1)  # "Ban cán sự đảng Bộ Giáo dục và Đào tạo", "Đảng ủy Bộ Công an"
        if inside is not None and inside[1].level is Level.CENTRAL:
            return lead.end(), inside[0], issuer
    place = (patterns.issuer_term if issuer.level is Level.CENTRAL else patterns.issuer_place).match(text, end)
    if place is not None:
        end = place.end()
        while text[end - 1] == ".":  # a full stop after the place ("của UBND tỉnh Bắc Giang.")
            end -= 1
    return lead.end(), end, issuer


def read_tail(text: str, end: int) -> Tail:
    """Read the date and the issuer phrase that follow position ``end``."""
    patterns = compiled()
    tail = Tail()
    pos = end
    for _ in range(2):  # date then issuer, or issuer then date
        if tail.year is None:
            date = patterns.date_tail.match(text, pos)
            if date is not None:
                tail.year, tail.issued_on = _date_of(date)
                pos = date.end()
                continue
        if tail.issuer_text is None:
            found = issuer_after(text, pos)
            if found is not None:
                start, pos, tail.issuer = found
                tail.issuer_text = text[start:pos]
                continue
        break
    if tail.year is None and tail.issuer_text is None:
        _date_after_unknown_body(text, pos, tail)
    tail.end = pos
    return tail


def _date_after_unknown_body(text: str, pos: int, tail: Tail) -> None:
    """The date after an issuer phrase the vocabulary does not know: "của BCH Hội Nông dân xã ngày 3/4/2023".

    Only capitalised words (a body's name) may stand between "của" and the date, eight at the most.
    """
    patterns = compiled()
    lead = patterns.issuer_lead.match(text, pos)
    if lead is None:
        return
    for count, word in enumerate(_WORD.finditer(text, lead.end(), min(len(text), lead.end() + ISSUER_REACH))):
        if count >= 8 or not word.group()[0].isupper():
            return
        date = patterns.date_tail.match(text, word.end())
        if date is not None and _DAY_WORD_AHEAD.match(text, word.end()):
            tail.year, tail.issued_on = _date_of(date)
            return


_DAY_WORD_AHEAD = re.compile(r"[^\S\n]*,?[^\S\n]*(?i:ngày|ngay)[^\S\n]")


# How far before a mention its issuer may stand as the subject of "ban hành": "UBND tỉnh Yên Bái đã ban hành …".
ISSUER_BEFORE_REACH = 120
_VERBS_BEFORE = ("ban hành", "phê duyệt", "Ban hành", "BAN HÀNH")


def issuer_before(text: str, start: int) -> tuple[int, int, Issuer] | None:
    """An issuer named as the subject of "ban hành" / "phê duyệt" right before a mention.

    "Ban Thường vụ Tỉnh ủy đã ban hành Chỉ thị số 17 …": the body's name, its place or term,
    perhaps "đã", "vừa" or "mới", the verb, perhaps "các", then the mention. Only a name that
    runs right up to the verb counts, so "Bộ Tài chính đề nghị … ban hành Quyết định" names no one.

    Example:
        >>> t = "Năm 2019, Ban Thường vụ Tỉnh ủy đã ban hành Chỉ thị số 17 về việc …"
        >>> s, e, issuer = issuer_before(t, t.index("Chỉ"))
        >>> t[s:e], issuer.code
        ('Ban Thường vụ Tỉnh ủy', 'TU')
    """
    lo = max(0, start - ISSUER_BEFORE_REACH)
    window = text[lo:start]
    if not any(verb in window for verb in _VERBS_BEFORE):
        return None  # the cheap test: most mentions have no such verb before them
    verb = compiled().issued_before.search(text, lo, start)
    if verb is None:
        return None
    clause = max(lo, max(text.rfind(mark, lo, verb.start()) for mark in (".", ",", ";", ":", "\n", "(")) + 1)
    patterns = compiled()
    for word in _WORD.finditer(text, clause, verb.start()):
        if not word.group()[0].isalnum():
            continue  # a dateline's dash ("ĐTO - Ban Chấp hành … ban hành"), a bracket: no name starts there
        found = _alias_at(text, word.start())
        if found is None:
            continue
        end, issuer = found
        place = (patterns.issuer_term if issuer.level is Level.CENTRAL else patterns.issuer_place).match(text, end)
        end = place.end() if place else end
        if not text[end : verb.start()].strip():
            return word.start(), end, issuer
    return None


# How far before a mention a "Ngày …, X đã ban hành" clause may start.
DATE_BEFORE_REACH = 220


# The spellings ``patterns.DAY_WORD`` accepts, for a literal ``rfind``: "ngày", "ngay" and "ng\ufffdy"
# (a date word damaged by a bad decoding), in any case.
_DAY_WORDS = ("ngày", "Ngày", "NGÀY", "ngay", "Ngay", "NGAY", "ng\ufffdy", "Ng\ufffdy", "NG\ufffdY")


def date_before(text: str, start: int) -> tuple[int, dt.date | None] | None:
    """A date that opens the clause issuing the mention: "Ngày 26/6/2018, Thủ tướng … ban hành Quyết định …".

    Only the last "ngày" before the mention is tried (a cheap ``rfind``), so the
    pattern runs at most once per mention.

    Example:
        >>> t = "Ngày 26/6/2018, Thủ tướng Chính phủ đã ban hành Quyết định số 772/QĐ-TTg về …"
        >>> date_before(t, t.index("Quyết"))
        (2018, datetime.date(2018, 6, 26))
    """
    lo = max(0, start - DATE_BEFORE_REACH)
    at = max(text.rfind(word, lo, start) for word in _DAY_WORDS)
    if at < 0:
        return None
    match = compiled().date_before.match(text, at, start)
    return _date_of(match) if match else None


def header_date(text: str, end: int) -> tuple[int, dt.date | None] | None:
    """The date line under a header number: "Số: 15/QĐ-BNV … Hà Nội, ngày 10 tháng 01 năm 2020"."""
    match = compiled().date_any.search(text, end, min(len(text), end + HEADER_DATE_WINDOW))
    return _date_of(match) if match else None


def sentence_bounds(text: str, start: int, end: int, reach: int = 300) -> tuple[int, int]:
    """The sentence (or line) around ``[start, end)``, at most ``reach`` characters each side.

    Example:
        >>> t = "Mở đầu. Theo Chỉ thị 19 của Thành ủy, các sở làm ngay. Câu sau."
        >>> a, b = sentence_bounds(t, 13, 23)
        >>> t[a:b]
        'Theo Chỉ thị 19 của Thành ủy, các sở làm ngay.'
    """
    lo = max(0, start - reach)
    line, stop = text.rfind("\n", lo, start), text.rfind(". ", lo, start)
    left = line + 1 if line > stop else stop + 2 if stop >= 0 else lo
    hi = min(len(text), end + reach)
    line, stop = text.find("\n", end, hi), text.find(". ", end, hi)
    if stop >= 0 and (line < 0 or stop < line):
        return left, stop + 1
    return left, line if line >= 0 else hi
