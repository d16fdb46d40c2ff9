"""Text as it really arrives, made regular for the patterns.

:class:`TextView` gives the extractor a cleaned copy of the caller's text
(accents composed to NFC, "Ð" U+00D0 read as "Đ", Cyrillic look-alikes read as
Latin, markdown emphasis, link targets and zero-width characters dropped) and maps every
position of the copy back to the caller's string, so spans always index the
original. Texts that need none of this (most) are used as they are, at no cost.

Example:
    >>> raw = "*Nghị quyết số* *203/2025/QH15*"
    >>> view = TextView(raw)
    >>> view.text
    'Nghị quyết số 203/2025/QH15'
    >>> start, end = view.span(14, 27)
    >>> raw[start:end]
    '203/2025/QH15'
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata

from directive_graph.vocab import DASHES

# Characters that are dropped from the view: markdown emphasis and invisible ones.
_DROP = "*\u200b\u200c\u200d\u2060\ufeff\u00ad"
# One-for-one replacements: U+00D0 (Icelandic Eth) for Đ, Cyrillic look-alikes (in symbols).
_SAME_WIDTH = str.maketrans(
    {
        "\u00d0": "Đ",
        "\u00f0": "đ",
        **dict.fromkeys(DASHES, "-"),
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
        "Р": "P", "С": "C", "Т": "T", "Х": "X", "У": "Y",
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y",
    }
)
_INVISIBLE = re.compile("[" + re.escape(_DROP[1:]) + "]+")
# Grave, acute, circumflex, tilde, breve, hook above, horn, dot below.
_VIETNAMESE_MARKS = "\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323"
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#[0-9]{2,5}|#x[0-9a-fA-F]{2,4});")
_UNDERSCORES = re.compile(r"_{2,}")
# A lone "_" from a file name or word-segmented text: "232_TTr-UBND", "28_11_2023" (a "/"),
# "Quy_định" (a space).
_DIGIT_UNDERSCORE = re.compile(r"_(?<=[0-9]_)(?=[0-9A-ZĐ])")  # the literal first: a fast scan
_LETTER_UNDERSCORE = re.compile(r"_(?<=[^\W\d_]_)(?=[^\W\d_])")
# But a code of three parts or more in capitals and digits, two of them with letters, is an
# identifier, left alone: "01_VB_PL_12_TT32" (a database key) holds no "Thông tư 32"; a file
# name's "10_2016_BGD" is still read as "10/2016/BGD".
_IDENTIFIER = re.compile(r"(?<![\w])[A-Z0-9]+(?:_[A-Z0-9]+){2,}(?!\w)")
_MARKS = re.compile(r"[\u0300-\u036f]+")
# A markdown link: "[Quyết định 130/QĐ-BYT](https://…) ngày 18/01/2023"; the view keeps its text only.
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\s]{0,2000}\)")
# Escapes a scraper wrote out as text: "1896/QĐ-TTg\\r\\nngày 25/12/2019" (a backslash, then "r", …).
_ESCAPES = re.compile(r"\\r\\n|\\[nrt]")


def _edits(text: str, present: frozenset[str]) -> list[tuple[int, int, str]]:
    """The (start, end, replacement) edits that make the view, in order.

    ``present`` holds the special characters the text contains (one scan, see
    :func:`_present`); most texts need no edit at all.
    """
    edits: list[tuple[int, int, str]] = []
    if "&" in present:  # HTML entities left by a scraper: "Th&ocirc;ng tư", "ng&agrave;y"
        edits += [(m.start(), m.end(), html.unescape(m.group())) for m in _ENTITY.finditer(text)]
    if "_" in present and "__" in text:  # markdown __bold__
        edits += [(m.start(), m.end(), "") for m in _UNDERSCORES.finditer(text)]
    if "*" in present:
        star = text.find("*")
        while star >= 0:  # str.find skips ahead far faster than a regex scan
            end = star + 1
            while end < len(text) and text[end] == "*":
                end += 1
            edits.append((star, end, ""))
            star = text.find("*", end)
    if "]" in present and "](" in text:
        for m in _MARKDOWN_LINK.finditer(text):
            edits += [(m.start(), m.start() + 1, ""), (m.end(1), m.end(), "")]
    if "\\" in present:
        edits += [(m.start(), m.end(), " " if m.group() == "\\t" else "\n") for m in _ESCAPES.finditer(text)]
    if not present.isdisjoint(_DROP[1:]):
        edits += [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]
    # Decomposed Vietnamese always carries one of its eight marks.
    if not present.isdisjoint(_VIETNAMESE_MARKS) and not unicodedata.is_normalized("NFC", text):
        for m in _MARKS.finditer(text):
            start = max(0, m.start() - 1)
            edits.append((start, m.end(), unicodedata.normalize("NFC", text[start : m.end()])))
    edits.sort()
    return edits


_SAME_WIDTH_CHARS = "".join(map(chr, _SAME_WIDTH))
# Every character that may call for an edit: one regex pass finds which a text holds,
# where a test per character would walk the text some fifty times.
_SPECIAL = re.compile("[" + re.escape("&_\\]" + _DROP + _VIETNAMESE_MARKS + _SAME_WIDTH_CHARS) + "]")


def _unless_kept(match: re.Match[str], kept: list[tuple[int, int]], repl: str) -> str:
    """``repl`` for an underscore, or the underscore itself inside an identifier's span."""
    return "_" if any(a <= match.start() < b for a, b in kept) else repl


def _present(text: str) -> frozenset[str]:
    """The special characters (see ``_SPECIAL``) that occur in ``text``."""
    return frozenset(_SPECIAL.findall(text))


def _same_width(text: str, present: frozenset[str]) -> str:
    """Replace "Ð" and dash look-alikes ("NĐ–CP" with an en dash) one for one; fast when absent."""
    for ch in present.intersection(_SAME_WIDTH_CHARS):
        text = text.replace(ch, str(_SAME_WIDTH[ord(ch)]))
    if "_" in present:
        kept = [m.span() for m in _IDENTIFIER.finditer(text) if sum(not p.isdigit() for p in m[0].split("_")) >= 2]
        if not kept:
            return _LETTER_UNDERSCORE.sub(" ", _DIGIT_UNDERSCORE.sub("/", text))
        for pattern, repl in ((_DIGIT_UNDERSCORE, "/"), (_LETTER_UNDERSCORE, " ")):
            text = pattern.sub(functools.partial(_unless_kept, kept=kept, repl=repl), text)
    return text


class TextView:
    """A regularised copy of ``original`` with a position map back to it."""

    __slots__ = ("_composed", "_deltas", "_ends", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        self._ends: list[int] = []  # view positions where a delta starts to apply
        self._deltas: list[int] = []  # cumulative (original - view) from there on
        self._composed: dict[int, tuple[int, int]] = {}
        present = _present(original)
        edits = _edits(original, present) if present else []
        if not edits:
            self.text = _same_width(original, present)
            return
        pieces: list[str] = []
        last = 0
        view_pos = 0
        delta = 0
        for start, end, replacement in edits:
            if start < last:  # a mark right after a dropped character: already covered
                continue
            pieces.append(original[last:start])
            view_pos += start - last
            for offset in range(len(replacement)):
                self._composed[view_pos + offset] = (start, end)
            pieces.append(replacement)
            view_pos += len(replacement)
            delta += (end - start) - len(replacement)
            self._ends.append(view_pos)
            self._deltas.append(delta)
            last = end
        pieces.append(original[last:])
        self.text = _same_width("".join(pieces), present)

    def _char_start(self, pos: int) -> int:
        if pos in self._composed:
            return self._composed[pos][0]
        i = bisect.bisect_right(self._ends, pos)
        return pos + (self._deltas[i - 1] if i else 0)

    def _char_end(self, pos: int) -> int:
        if pos in self._composed:
            return self._composed[pos][1]
        return self._char_start(pos) + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map the view span ``[start, end)`` to the original string."""
        if not self._ends:
            return start, end
        if end <= start:
            mapped = self._char_start(start)
            return mapped, mapped
        return self._char_start(start), self._char_end(end - 1)


_SYMBOL_SPACE = re.compile(r"\s+")


def normalize_symbol(raw: str) -> str:
    """The written form of a symbol, cleaned: NFC, "Đ" for "Ð", no stray spaces.

    Example:
        >>> normalize_symbol("NQ- CP")
        'NQ-CP'
        >>> normalize_symbol("QÐ-BVHTTDL")
        'QĐ-BVHTTDL'
    """
    cleaned = unicodedata.normalize("NFC", raw).translate(_SAME_WIDTH)
    return _SYMBOL_SPACE.sub("", cleaned).strip("-/")


def directive_symbol(symbol: str, issuer: str | None) -> str:
    """A symbol as the directive it names is known by: "TƯ" read as "TW" when the issuer is the Party centre.

    "TƯ" is "TW" typed with a Vietnamese keyboard (Telex turns "w" into "ư"); the writer may also have
    meant a Tỉnh ủy's "TU", which the issuer phrase then says ("13-NQ/TƯ của Tỉnh ủy"). Mentions keep
    the symbol as written; the directive, its key and a query use this form.

    Example:
        >>> directive_symbol("NQ/TƯ", "TW"), directive_symbol("NQ/TƯ", "TU"), directive_symbol("KL/TW", "TW")
        ('NQ/TW', 'NQ/TƯ', 'KL/TW')
    """
    return symbol.replace("TƯ", "TW") if issuer == "TW" else symbol


def number_key(number: str) -> str:
    """A number as compared: case folded, leading zeros dropped ("08" is "8").

    Example:
        >>> number_key("08"), number_key("30C")
        ('8', '30c')
    """
    return number.lower().lstrip("0") or "0"
