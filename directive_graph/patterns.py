"""Every regular expression of the extractor, built from the vocabulary.

The sections below go from the smallest fragment to the compiled patterns.
Each fragment names a real example. All patterns run on a
:class:`~directive_graph.normalize.TextView` text (NFC, "Đ" not "Ð", no
markdown emphasis), so they need not know about those variants.

The scan is digit-first: every reference contains a number, so the only
pattern that walks the whole text (``candidate``) starts with ``\\d`` and
accepts a digit only when a symbol follows it ("1847/QĐ") or a type word or
"số" stands right before it ("Chỉ thị 19"). Everything else is matched
anchored at a candidate, so its cost is paid per reference, not per character.
Type words are checked backwards on the reversed text (``rev_prefix``) to stay
anchored.

Example:
    >>> p = compiled()
    >>> [m.start() for m in p.candidate.finditer("Theo Chỉ thị 19 ngày 12/5/2020")]
    [13]
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import Any

from directive_graph.vocab import Vocabulary, load_vocab, strip_accents

# The engine: stdlib ``re``. The patterns stay in the subset that the ``regex``
# package also compiles (a test checks it); ``re`` measured 2-3x faster on the
# digit-first scan (see README, Speed).
ENGINE = re
Pattern = re.Pattern[str]
Match = re.Match[str]

# --------------------------------------------------------------------------
# Separators
# --------------------------------------------------------------------------
# White space inside a reference, at most one line break: "Nghị định số\n30/2020".
SEP = r"(?:[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"
# Spaces only (no line break), for the inside of a symbol: "NQ- CP".
SP = r"[^\S\n]*"
# A letter (not a digit or underscore).
LETTER = r"[^\W\d_]"

# --------------------------------------------------------------------------
# Numbers and symbols
# --------------------------------------------------------------------------
# The number as written: "1847", "08", "30c" (a letter suffix), "66.7" (dotted); never
# part of a longer digit run (no document number has seven digits).
NUMBER = r"(?P<num>\d{1,6}(?!\d)(?:\.\d{1,3}(?!\d))?(?:[a-zA-Z](?=" + SP + r"[/-]|[^\w]|$))?)"
# A year inside a symbol: "2020" in "30/2020/NĐ-CP".
YEAR = r"(?:19|20)\d\d"
# One code of a symbol, case-sensitive: "QĐ", "TTg", "CTr", "QĐi", "BGD&ĐT",
# "QH13", "UBTVQH15", "SNgV", a legislature's term set off by a space ("NQ-UBTVQH 14"),
# "TƯ" for "TW" (Trung ương written with its own letter: "13-NQ/TƯ"); never a capitalised word
# ("Thành", "Quy" in "32/2023/TT-BYT - Quy định …", "Van" in "01_Van_Ban"), save "Ttr", "Ttg", "Tg", "Ctr".
CODE = (
    r"(?-i:[A-ZĐ]*GD(?: ?& ?| )ĐT(?![\w&])|(?:UBTVQH|QH) 1[0-6](?![\d/.,-])|"
    r"[A-ZĐ](?:[A-ZĐƯ&]+(?:[a-zđ][A-ZĐ][A-ZĐ&]*)?(?:\d{1,3}|[a-zđ]{1,2})?|[a-zđ][A-ZĐ][A-ZĐ&]*(?:\d{1,3}|[a-zđ]{1,2})?"
    r"|t?[rg]|\d{1,3})?"
    r"(?:(?![\w&])|(?=(?:của|ngày|năm|về|và|do|tại|ban)(?!\w))))"
)
# Codes joined by "-", "/" or ".", stray spaces or one line break allowed after a separator:
# "QĐ-CT-THNVDT", "TT- NHNN", "TTLT-BTC-BGD", "SXD-KTQH.HTKT", "NĐ-\nCP".
CODES = CODE + r"(?:" + SP + r"(?:[-/]|\.(?=[A-ZĐ]))" + SP + r"\n?" + SP + CODE + r")*"
# The same in lower case, two codes or more joined by "-": "tt-btc", "qđ-ttg" (never one word: "10/tháng").
LOWER_CODES = r"(?-i:[a-zđ]{1,6}(?:-[a-zđ]{2,10}[0-9]{0,2})+(?![\w&]))"
# State symbol after the number: "/QĐ-TTg", "/2020/NĐ-CP", "-2017/NQ-CP"; dashes only, as
# in old decrees and file names: "64-CP", "53-HĐBT", "100-2019-NĐ-CP"; a line may break after
# the last separator, as inside the codes: "01/2024/\nTT-BLĐTBXH".
STATE_SYMBOL = (
    r"(?P<state>(?:" + SP + r"[/-]" + SP + r"(?P<year>" + YEAR + r"))?"
    + SP + r"[/-]" + SP + r"\n?" + SP + r"(?P<scodes>" + CODES + r"|" + LOWER_CODES + r"))"
)
# Party symbol after the number: "-CTr/TU" in "08-CTr/TU", "-QĐi/TW"; OCR may lose the dash ("26NQ/TW").
PARTY_SYMBOL = (
    r"(?P<party>(?:" + SP + r"-" + SP + r"|(?=[A-ZĐ]{2}))(?P<ptype>" + CODE + r")" + SP + r"/" + SP
    + r"(?P<pcodes>" + CODES + r"))"
)
BODY = NUMBER + r"(?:" + PARTY_SYMBOL + r"|" + STATE_SYMBOL + r")?"


def spaced_symbol(type_codes: str) -> str:
    """A symbol set off by a space instead of "/" or "-", opening with a type code and joined inside.

    "Quyết định số 84 QĐ/TWĐTN" (a Party symbol), "Kế hoạch số 15 KH-UBND" (a state one). Only
    after a type word or "số" (the scan finds no other number without a separator after it).
    """
    return (
        r"(?P<spaced>[^\S\n]+(?P<sptype>(?-i:" + type_codes + r"))(?P<spsep>[/-])(?P<spcodes>" + CODES + r"))"
    )
# What may follow a number that has no symbol: not "/5" (a date or a ratio),
# not ",5" (a decimal), not "%".
# A comma between numbers is a list, not a decimal, when more numbers follow or the list ends with
# "và", "của" or "do": "Các Chỉ thị 15,16,19 của Thủ tướng", "các Nghị định 100,123 của Chính phủ".
# Not thousands ("1,500,000 đồng") nor decimals joined by "và" ("1,5 và 2,5 triệu").
_COMMA_LIST = (
    r"(?!\d{3},\d{3})\d{1,4},\d{1,4}(?!\d)|\d{1,4}" + SP + r"(?i:và|của|do)(?!" + LETTER + r")(?!" + SEP + r"\d+,\d)"
)
BARE_END = r"(?!" + SP + r"[/-]" + SP + r"\d|\.\d|,(?!" + _COMMA_LIST + r")\d|" + SP + r"%)"
# Quantity words that make the number a count, not a document number:
# "Kế hoạch 100 ngày", "Quyết định 2 lần"; "ngày 12/5" after a number is a date.
# Years as a range after "năm" make it a count too: "Kế hoạch 5 năm 2021-2025".
_YEAR_RANGE = SEP + YEAR + SP + r"[-–]" + SP + YEAR
UNITS = (
    r"(?i:ngày(?!" + SEP + r"\d)|tháng(?!" + SEP + r"\d)|năm(?!" + SEP + r"\d)|năm(?=" + _YEAR_RANGE + r")|"
    r"tuần|giờ|phút|giây|lần|người|đồng|triệu|tỷ|tỉ|nghìn|ngàn|trăm|km|ha|tấn|kg|hộ|xã|phường|huyện|tỉnh|"
    r"điểm|nội dung|nhiệm vụ|giai đoạn(?!" + SEP + r"[\dIVX])|giải pháp|mục tiêu|chỉ tiêu|bước|đợt|văn bản|"
    r"trường hợp|đơn vị|cơ quan|tập thể|cá nhân|tiêu chí|lĩnh vực|năm học|loại|"
    # a pinpoint is not a count: "Nghị định 145 Điều 8", but "Luật có 80 điều" is
    r"(?:điều|khoản|chương|mục|phần)(?!" + SEP + r"[\dIVX])|"
    r"cấp|ý kiến|tiết|trang|cách|mức|hình thức|nhóm|vấn đề|nguyên tắc|quan điểm|chính sách|"
    r"thủ tục|hồ sơ|dự án|công trình|doanh nghiệp|trường|lớp|học sinh|hộ dân|căn|ngôi|chiếc|"
    r"tiêu chuẩn|điều kiện|quy trình|lượt|buổi|tổ|đoàn|thành viên|đại biểu|ngành|"
    r"vụ|bệnh nhân|%)"
)
# A year after a bare number, with no code: "Nghị định 15/2020", "Thông tư 01/2011 của Bộ Nội vụ".
# Also with a dash: "Nghị định 46 - 2016".
YEAR_ONLY = SP + r"[/-]" + SP + r"(?P<y>" + YEAR + r")(?![\w/&]|-\d)"
# A list enumerator on a new line: "QUYẾT ĐỊNH\n1. Quyết định số …" is a heading, then item 1.
ENUMERATOR = r"(?:[.)]|\\\.)"
QUANTITY = r"(?:[^\S\n]+" + UNITS + r"(?!" + LETTER + r"))"

# --------------------------------------------------------------------------
# Dates and years next to a mention
# --------------------------------------------------------------------------
# "ngày 27-12-2018", "ngày 27/12/2018", "ngày 27.12.2018"
DATE_NUMERIC = (
    r"(?P<d>\d{1,2})" + SP + r"(?P<sep>[-/.])" + SP + r"(?P<m>\d{1,2})" + SP + r"(?P=sep)" + SP
    + r"(?P<y>" + YEAR + r")"
)
# "ngày 27 tháng 12 năm 2018"
DATE_WORDS = (
    r"(?P<d2>\d{1,2})" + SEP + r"(?i:th[áa\ufffd]ng)" + SEP + r"(?P<m2>\d{1,2})" + SEP
    + r"(?i:n[ăa\ufffd]m)" + SEP + r"(?P<y2>" + YEAR + r")"
)
# The date words as written, without accents, or with the accented letter lost to a bad decoding
# ("ng\ufffdy 29/9/2025": U+FFFD stands where "à" was).
DAY_WORD = r"(?i:ng[àa\ufffd]y)"
# (the space after "ngày" may be lost: "ngày18 tháng 6 năm 2020", "ngày05/3/2021")
DATE = DAY_WORD + r"(?:" + SEP + r"|(?=\d))(?:" + DATE_NUMERIC + r"|" + DATE_WORDS + r")"
# Right after a mention: ", ngày 27/12/2018", " - ngày 27/3/2020", " ban hành ngày …", " năm 2025", "(27/12/2018)",
# "(2015)" as in "Nghị quyết 2231 (2015) của Hội đồng Bảo an".
DATE_TAIL = (
    SP + r"(?:[,(]|[-–](?=" + SP + DAY_WORD + r"))?(?:" + SEP + r")?(?:(?i:được|đã)" + SEP + r")?"
    + r"(?:(?i:ban hành|ký|kí)" + SEP + r")?"
    + r"(?:(?i:vào)" + SEP + r")?(?:" + DATE + r"|(?i:năm|nam)" + SEP + r"(?P<y3>" + YEAR + r")(?!\d)"
    + r"|\((?P<d4>\d{1,2})/(?P<m4>\d{1,2})/(?P<y4>" + YEAR + r")\)|\((?P<y5>" + YEAR + r")\)"
    + r"|(?<=[A-ZĐa-z0-9]) (?P<y6>" + YEAR + r")(?![\d/.,:-])"
    # a date with no "ngày" right after a symbol, or on the next line: "75/2007/NĐ-CP 05/9/2007 của Chính
    # phủ", "01/2019/NQ-CP\n01/01/2019 của Chính phủ" (a table's date column)
    + r"|(?:(?<=[A-ZĐa-z0-9]) |(?<=[A-ZĐa-z0-9]\n)|(?<=[A-ZĐa-z0-9] \n))"
    + r"(?P<d7>\d{1,2})(?P<sep7>[/.-])(?P<m7>\d{1,2})(?P=sep7)(?P<y7>" + YEAR + r")(?![\d/-]))"
)

# Before a mention, in the same clause: "Ngày 26/6/2018, Thủ tướng Chính phủ đã ban hành
# Quyết định số 772/QĐ-TTg", "Ngày 24 tháng 9 năm 2025, Sở … đã có Công văn 3905/…".
DATE_BEFORE = (
    DATE + r"[^\d\n.;:!?]{0,160}?(?<!" + LETTER + r")(?i:ban hành|ban hanh|ký|kí|ky|có|co|phê duyệt|phe duyet|ra)"
    + SEP + r"$"
)


def _trie(words: list[str], space: str = SEP) -> str:
    """One alternation for many literal words, factored into a trie.

    A trie keeps the regex engine from trying every word at every position.
    Spaces inside a word match any separator ("Nghị\\nquyết").

    Example:
        >>> _trie(["ab", "ac", "b"])
        '(?:a(?:b|c)|b)'
    """
    root: dict[str, Any] = {}
    for word in sorted(set(words)):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [("" if ch == "" else _char(ch, space) + emit(child)) for ch, child in sorted(node.items())]
        optional = "" in branches
        branches = [b for b in branches if b]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
        if optional:
            body = (body if body.startswith("(?:") else "(?:" + body + ")") + "?"
        return body

    return emit(root)


def _char(ch: str, space: str) -> str:
    return space if ch == " " else re.escape(ch)


def _forms(word: str) -> list[str]:
    """A word as written, each syllable with or without its accents: "Quyết định", "Quyet dinh", "De án".

    Text that lost its accents lost them all ("Quyet dinh"); OCR loses some ("De án 06" for "Đề án 06").
    """
    choices = [sorted({syllable, strip_accents(syllable)}) for syllable in word.split(" ")]
    return sorted(" ".join(parts) for parts in itertools.product(*choices))


def _case_forms(word: str) -> list[str]:
    """The case variants a lookbehind must list (it runs case-sensitively)."""
    out = set()
    for form in _forms(word):
        out |= {form, form.lower(), form.upper(), form.capitalize(), form.title()}
    return sorted(out)


# --------------------------------------------------------------------------
# Type words
# --------------------------------------------------------------------------
# "số 1847", diacritics-free "so 1847"; "Số hiệu: 30/2020/NĐ-CP" in a legal database's header
SO_WORDS = ["số", "so", "số hiệu", "so hieu"]
# Written glued to the number in scraped text: "số394/2003/QĐ-ĐHMBC", "mục tiêu NQ57".
GLUED_WORDS = ["số", "Số", "SỐ", "QĐ", "NĐ", "NQ", "TT", "CT", "KH"]
GLUED_AFTER = (" ", "\n", "(", "\u00a0", '"', "“", ",", ";", "/", "&")  # what may stand before a glued word


def _type_words(vocab: Vocabulary) -> tuple[list[str], list[str]]:
    names: list[str] = []
    abbreviations: list[str] = []
    for tw in vocab.type_words:
        (abbreviations if tw.kind == "abbreviation" else names).extend(_forms(tw.word))
    return names, abbreviations


def _lookbehind_tails(vocab: Vocabulary, width: int = 5) -> dict[int, list[str]]:
    """Last ``width`` characters of every "type word + separator" and "số + separator"."""
    names, abbreviations = _type_words(vocab)
    words = [c for w in names + SO_WORDS for c in _case_forms(w)] + abbreviations
    tails: dict[int, set[str]] = {}
    for word in words:
        for sep in (" ", "\n", "\u00a0", ":", ": ", "  "):
            tail = (word + sep)[-width:]
            tails.setdefault(len(tail), set()).add(tail)
    return {k: sorted(v) for k, v in tails.items()}


@dataclass(frozen=True)
class Patterns:
    """The compiled patterns (see the module docstring for their roles)."""

    candidate: Pattern
    body: Pattern
    rev_prefix: Pattern
    type_word: Pattern
    bare_end: Pattern
    year_only: Pattern
    enumerator: Pattern
    quantity: Pattern
    list_sep: Pattern
    date_tail: Pattern
    date_any: Pattern
    date_before: Pattern
    issuer_lead: Pattern
    issuer_place: Pattern
    issuer_term: Pattern
    issued_cue: Pattern
    header_before: Pattern
    issued_before: Pattern


def _reverse_alternation(words: list[str]) -> str:
    return _trie([w[::-1] for w in words])


def _folded(words: list[str]) -> list[str]:
    """Lower-cased words for a case-insensitive trie: "Lệnh" and "lệnh" must share a branch."""
    return sorted({w.lower() for w in words})


@functools.lru_cache(maxsize=1)
def compiled() -> Patterns:
    """Build every pattern from the vocabulary, once per process."""
    vocab = load_vocab()
    names, abbreviations = _type_words(vocab)
    type_codes = vocab.type_codes()

    # ---- the scan: a digit that starts a number, with a symbol after it or a
    # type word / "số" before it. "1847/QĐ-TTg", "Chỉ thị 19", "Số: 15/QĐ-BNV".
    symbol_ahead = (
        r"[0-9]{0,5}(?:\.[0-9]{1,3})?[a-zA-Z]?" + SP + r"[/-]" + SP
        + r"(?:(?:" + YEAR + SP + r"[/-]" + SP + r")?[A-ZĐ]|" + YEAR + r"(?![0-9]))"
    )
    behind = "|".join(
        r"(?<=" + _trie(tails, space=" ") + r"[0-9])"
        for _, tails in sorted(_lookbehind_tails(vocab).items())
    )
    # glued: "số394/2003/QĐ-…", "NQ57": the word itself must start after a non-letter
    glued = "|".join(
        re.escape(c + w) + r"[0-9]" for w in GLUED_WORDS for c in GLUED_AFTER
    )
    # not a standard's year: "QCVN 01:2021/BXD"; not after a digit and "#" ("Số:2#37 /QD-BYC", a number
    # damaged by OCR), though "#200/2014/TT-BTC" is read
    candidate = (
        r"[0-9](?<![0-9][0-9])(?<![0-9]:[0-9])(?<![0-9]: [0-9])(?<![0-9]#[0-9])"  # a run's first digit only
        r"(?:(?<![\w.,/\-][0-9])(?:(?=" + symbol_ahead + r")|" + behind + r")|(?<=" + glued + r"))"
    )

    # ---- the type word before a number, read backwards from the number:
    # "Quyết định số 1847" reversed is "7481 ốs hnịđ téyuQ".
    so_rev = r"(?P<so>" + _reverse_alternation(_folded(SO_WORDS)) + r")"
    colon_rev = r"(?::" + SP + r")?"
    tw_rev = (
        r"(?P<tw>" + _reverse_alternation(_folded(names))
        + r"|(?-i:" + _reverse_alternation(abbreviations) + r"))(?!" + LETTER + r")"
    )
    rev_prefix = (
        r"(?:" + SEP + r")?" + colon_rev + r"(?:" + so_rev + r"(?!" + LETTER + r")(?:" + SEP + r")?"
        + colon_rev + r")?(?:" + tw_rev + r")?"
    )

    # ---- issuer phrases after a mention: "của Thủ tướng Chính phủ", "của UBND TP",
    # "do Bộ Nội vụ ban hành", "của Ban Chấp hành Trung ương khóa XII". The lead word is a
    # pattern; the alias itself is looked up word by word in the vocabulary (a dict), and the
    # place after it ("tỉnh Bạc Liêu", "TP", "khóa XII") is a pattern again.
    # a capitalised word, dots only inside it ("T.Ư", "TP.HCM"): "Hà Nam." ends the place at "Nam"
    # (in a title in capitals, "VỀ VIỆC" and the like are not part of the place: "… HÀ NỘI VỀ VIỆC …")
    word = r"(?-i:(?!(?:VỀ|VIỆC|VÀ|CỦA|TẠI|THEO|NĂM|NGÀY|QUY|BAN|TRIỂN|THỰC|HƯỚNG)(?!\w))[A-ZĐ]\w*(?:\.\w+)*)"
    place = (
        r"(?:" + SP + r"(?i:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường)(?:" + SP + word + r")?"
        + r"|" + SP + r"(?-i:Trung ương|trung ương|TRUNG ƯƠNG)(?!\w)"  # "Ban Bí thư Trung ương Đảng"
        + r"|" + SP + r"(?i:khóa|khoá)" + SP + r"[IVXL]+|" + SP + r"(?:" + word + r"|(?-i:[IVXL]+)(?!\w))"
        + r"|" + SP + r"\d{1,2}(?=" + SP + r"(?i:khóa|khoá))"  # a plenum: "Hội nghị Trung ương 6 khóa XII"
        + r")"
    )

    return Patterns(
        candidate=ENGINE.compile(candidate),
        body=ENGINE.compile(
            NUMBER + r"(?:" + PARTY_SYMBOL + r"|" + STATE_SYMBOL + r"|" + spaced_symbol(_trie(type_codes)) + r")?"
        ),
        rev_prefix=ENGINE.compile(rev_prefix, re.IGNORECASE),
        type_word=ENGINE.compile(
            r"(?<!" + LETTER + r")(?:(?i:" + _trie(_folded(names)) + r")|" + _trie(abbreviations) + r")"
            + r"(?!" + LETTER + r")"
        ),
        bare_end=ENGINE.compile(BARE_END),
        year_only=ENGINE.compile(YEAR_ONLY),
        enumerator=ENGINE.compile(ENUMERATOR),
        quantity=ENGINE.compile(QUANTITY),
        list_sep=ENGINE.compile(
            SP + r"(?:,|;|&|" + SEP + r"(?i:và|hoặc|va)|,?" + SEP + r"(?i:và|hoặc))"
            + SEP + r"?(?:(?i:số)" + SEP + r")?(?=\d)"
        ),
        date_tail=ENGINE.compile(DATE_TAIL),
        date_any=ENGINE.compile(DATE),
        date_before=ENGINE.compile(DATE_BEFORE),
        # "… của Chính phủ"; a hard-wrapped line may break before a lower-case "của" / "do"
        issuer_lead=ENGINE.compile(
            r"[^\S\n]*,?" + SP + r"(?:(?i:của|do|thuộc|cua)|\n" + SP + r"(?:của|do|thuộc|cua))" + SEP
        ),
        issuer_place=ENGINE.compile(place + r"{0,4}"),  # "… Đoàn TNCS Hồ Chí Minh"
        # a central body is followed by its term only: "Quốc hội khóa XIV", never by a place
        # ("của Chính phủ Chương trình …", "CỦA CHÍNH PHỦ VÀ …" in a title in capitals)
        issuer_term=ENGINE.compile(SP + r"(?i:khóa|khoá)" + SP + r"[IVXL]+"),
        # what makes a lower-case "kết luận 127" a document: "kết luận 127 ban hành ngày 28/2"
        issued_cue=ENGINE.compile(
            SP + r",?" + SP + r"(?:(?i:được|đã)" + SEP + r")?(?:(?i:ban hành|ban hanh)(?!" + LETTER + r")|"
            + DAY_WORD + SEP + r"\d)"
        ),
        header_before=ENGINE.compile(r"(?:^|\n)[\s|*#>]*$"),
        # the verb of an issuer named before the mention, up to the mention: "… đã ban hành các "
        issued_before=ENGINE.compile(
            r"(?:" + SP + r"(?i:đã|vừa|mới))?" + SP + r"(?i:ban hành|phê duyệt)" + SEP + r"(?:(?i:các)" + SEP + r")?$"
        ),
    )
