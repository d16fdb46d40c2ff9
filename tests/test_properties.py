"""Property tests of :func:`directive_graph.extract_references`.

Four families of properties:

* robustness: the extractor never raises, whatever the string;
* spans: every span is valid, in order, disjoint, and indexes the caller's string;
* determinism and locality: the same text gives the same result, and text far
  away (after a blank line, with no digits) does not change what is found;
* speed: inputs built to provoke catastrophic backtracking run in time
  comparable to a realistic article of the same size.

Random text rarely reaches the extractor's deeper code paths (every reference
holds a digit next to a type word or a symbol), so most strategies join
fragments that look like pieces of references: type words, "số", numbers,
symbols, dates, issuers, markdown emphasis, NBSP, NFD spellings.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directive_graph import Reference, extract_references

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------
# Strategies
# --------------------------------------------------------------------------
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
ALPHABET = (
    VIETNAMESE
    + VIETNAMESE.upper()
    + "".join(chr(c) for c in range(0x300, 0x370))  # combining marks
    + "Ðð"  # U+00D0 / U+00F0, read as Đ / đ
    + "АВЕКМНОРСТХУаеорсху"  # Cyrillic look-alikes
    + "*\u00a0\u200b\ufeff\u00ad"
    + "0123456789/-.,:;()%&_#|> \t\n"
)

WIDE_TEXT = st.text(alphabet=ALPHABET, max_size=400) | st.text(max_size=200)

TYPE_WORDS = [
    "Quyết định", "QUYẾT ĐỊNH", "quyết định", "Quyet dinh", "Nghị định", "Nghị quyết", "NGHỊ QUYẾT", "Chỉ thị",
    "Thông tư", "Luật", "Luật Cán bộ, công chức", "Kế hoạch", "Chương trình", "Công văn", "Quy định", "Thông báo",
    "Hướng dẫn", "Kết luận", "Đề án", "Pháp lệnh", "Hiến pháp", "QĐ", "NQ", "CT",
]
SO = ["số", "Số", "Số:", "so", "SỐ", "số:"]
NUMBERS = ["1847", "08", "30c", "66.7", "1", "0", "25", "2020", "12345678", "003"]
SYMBOLS = [
    "/QĐ-TTg", "/2020/NĐ-CP", "-NQ/TW", "-CTr/TU", "/QĐ-UBND", "/KH-UBND", "-QĐi/TW", "/NQ-CP", "/QH15",
    "/BGD&ĐT", "/VPCP-KGVX", "/TT- NHNN", "/ QĐ-BNV", "-2017/NQ-CP", "/QÐ-BVHTTDL", "/QD-TTg", "/CT-TTg", "/",
    "-", "/2020/", "/QĐ-", "/2018/NĐ-CP/", "/TTLT-BTC-BGD",
]
DATES = [
    "ngày 27/12/2018", "ngày 27-12-2018", "ngày 27.12.2018", "ngày 27 tháng 12 năm 2018", "năm 2025", "(27/12/2018)",
    "ngày 31/02/2019", "ngay 5/3/2019", "Ngày 26/6/2018,", "ban hành ngày 10/01/2020", "ngày 12/5",
]
ISSUERS = [
    "của", "do", "của Thủ tướng Chính phủ", "của Thành ủy", "của UBND TP", "của Bộ Nội vụ", "Thành ủy",
    "của Ban Chấp hành Trung ương khóa XII", "của Chính phủ", "ban hành", "đã ký",
]
CONNECTORS = ["và", "hoặc", ",", ";", "về", "Căn cứ", "Theo", "I.", "1.", "Sau đó", "100 ngày", "lần", "%"]
SPECIAL = ["*", "**", "\n", "\n\n", "\u00a0", " ", "  ", "\t", "Ð", "\u0301", "\u0323", "|", "#", "> "]

_PLAIN = TYPE_WORDS + SO + NUMBERS + SYMBOLS + DATES + ISSUERS + CONNECTORS
FRAGMENTS = _PLAIN + [unicodedata.normalize("NFD", f) for f in _PLAIN] + [f.replace("Đ", "Ð") for f in _PLAIN] + SPECIAL

JOINERS = st.sampled_from(["", " ", " ", " ", "\n", "\u00a0", "*", "  ", ": "])
FRAGMENT = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.integers(min_value=0, max_value=10**8).map(str),
    st.text(alphabet="0123456789", min_size=1, max_size=25),
)


def _join(parts: list[tuple[str, str]]) -> str:
    return "".join(a + b for a, b in parts)


# A whole mention, each part optional: type word, "số", number, symbol, date, issuer.
MENTION = st.tuples(
    st.sampled_from(["", *TYPE_WORDS]),
    JOINERS,
    st.sampled_from(["", *SO]),
    JOINERS,
    FRAGMENT.filter(lambda f: f[:1].isdigit()) | st.sampled_from(NUMBERS),
    st.sampled_from(["", *SYMBOLS]),
    JOINERS,
    st.sampled_from(["", *DATES]),
    JOINERS,
    st.sampled_from(["", *ISSUERS]),
).map("".join)
# Half the mentions as written, the others with decomposed accents or "Ð" (U+00D0) for "Đ".
MENTION = st.tuples(MENTION, st.sampled_from(["NFC", "NFD", "ETH"])).map(
    lambda m: m[0].replace("Đ", "Ð") if m[1] == "ETH" else unicodedata.normalize(m[1], m[0])
)
REFERENCE_LIKE = st.lists(st.tuples(FRAGMENT | MENTION, JOINERS), max_size=40).map(_join)
ANY_TEXT = REFERENCE_LIKE | WIDE_TEXT

# Snippets that hold at least one reference, with reference-like noise around them.
REAL_REFERENCES = [
    "Theo Quyết định số 1847/QĐ-TTg ngày 27-12-2018 của Thủ tướng Chính phủ",
    "Chỉ thị 19 của Thành ủy",
    "Nghị quyết số 30c/NQ-CP",
    "Căn cứ Nghị định 30/2020/NĐ-CP",
    "Nghị quyết số 18-NQ/TW và 19-NQ/TW ngày 25-10-2017 của Ban Chấp hành Trung ương",
    "Quyết định 1043/QĐ-UBND ngày 5/3/2019 của UBND TP. Sau đó, Quyết định 1043 được sửa.",
    "Luật Cán bộ, công chức số 22/2008/QH12",
    "Số: 15/QĐ-BNV",
    "Chương trình số 08-CTr/TU",
    "Công văn 1560/VPCP-KGVX",
    "*Nghị quyết số* *203/2025/QH15*",
    unicodedata.normalize("NFD", "Quyết định số 1847/QĐ-TTg ngày 27/12/2018"),
    "Quyết định số 290-QĐ/TW ngày 25-02-2010 của Bộ Chính trị",
    "Thông tư\u00a001/2011/TT-BNV",
]
SNIPPET = st.tuples(REFERENCE_LIKE, JOINERS, st.sampled_from(REAL_REFERENCES), JOINERS, REFERENCE_LIKE).map("".join)

# Filler far away from the snippet: any text without digits (Unicode digits included).
FILLER = st.text(
    alphabet=st.characters(blacklist_categories=("Nd", "Cs")) | st.sampled_from(list(VIETNAMESE + "*\u00a0 \n")),
    max_size=300,
) | st.lists(st.sampled_from([f for f in FRAGMENTS if not any(c.isdigit() for c in f)]), max_size=20).map(" ".join)


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------
def _check_spans(source: str, refs: list[Reference]) -> None:
    """Assert every span is valid, in order, disjoint, and matches its text."""
    previous_end = 0
    for ref in refs:
        assert 0 <= ref.start < ref.end <= len(source), (ref.start, ref.end, len(source))
        assert ref.start >= previous_end, f"overlap or disorder: {ref.start} < {previous_end}"
        assert ref.text == source[ref.start : ref.end], (ref.text, source[ref.start : ref.end])
        previous_end = ref.end


def _key(refs: list[Reference]) -> list[tuple[str | None, str, str | None]]:
    return [(r.doc_type, r.number, r.symbol) for r in refs]


# --------------------------------------------------------------------------
# Robustness and spans
# --------------------------------------------------------------------------
@SETTINGS
@given(WIDE_TEXT)
def test_never_raises_on_any_text(text: str) -> None:
    """Any string at all, from a wide alphabet, gives a list of references."""
    refs = extract_references(text)
    assert isinstance(refs, list)


@SETTINGS
@given(REFERENCE_LIKE)
def test_never_raises_on_reference_like_text(text: str) -> None:
    """Strings made of reference fragments reach the deeper paths; none of them raises."""
    refs = extract_references(text)
    assert isinstance(refs, list)


@SETTINGS
@given(ANY_TEXT)
def test_spans_are_valid_ordered_and_disjoint(text: str) -> None:
    """0 <= start < end <= len, each start at or after the previous end, text == source[start:end]."""
    _check_spans(text, extract_references(text))


@SETTINGS
@given(SNIPPET)
def test_spans_on_snippets(text: str) -> None:
    """The span properties on texts built around a real reference (noise may still spoil it: "Chỉ thị 19%")."""
    _check_spans(text, extract_references(text))


# --------------------------------------------------------------------------
# Determinism and locality
# --------------------------------------------------------------------------
@SETTINGS
@given(ANY_TEXT)
def test_deterministic(text: str) -> None:
    """The same string twice gives the same references."""
    assert extract_references(text) == extract_references(text)


@SETTINGS
@given(FILLER, SNIPPET, FILLER)
def test_far_text_does_not_matter(before: str, snippet: str, after: str) -> None:
    """Digit-free text beyond a blank line changes neither types, numbers nor symbols."""
    text = before + "\n\n" + snippet + "\n\n" + after
    assert _key(extract_references(text)) == _key(extract_references(snippet))


# --------------------------------------------------------------------------
# Catastrophic backtracking
# --------------------------------------------------------------------------
SIZE = 1_000_000
SLOWDOWN = 10.0


def _repeat(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _best_of_2(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        extract_references(text)
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.fixture(scope="module")
def article_seconds() -> float:
    """Best-of-2 time on ~1 MB of realistic text (the sample articles, repeated)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    assert texts, f"no articles under {ARTICLES}"
    return _best_of_2(_repeat("\n\n".join(texts) + "\n\n"))


PATHOLOGICAL: dict[str, Callable[[], str]] = {
    "slashes": lambda: _repeat("1/"),
    "quyet_dinh_so": lambda: _repeat("Quyết định số "),
    "digit_dashes": lambda: _repeat("1-2-3-"),
    "digit_runs": lambda: _repeat("12345678901234567890"),
    "digit_runs_spaced": lambda: _repeat("12345678901234567890 "),
    "so_colon": lambda: _repeat("Số: "),
    "stars_nbsp": lambda: _repeat("*\u00a0"),
    "stars": lambda: _repeat("*"),
    "nbsp": lambda: _repeat("\u00a0"),
    "one_letter": lambda: _repeat("a"),
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_no_catastrophic_backtracking(name: str, article_seconds: float) -> None:
    """A ~1 MB pathological string takes at most 10x the time of ~1 MB of articles."""
    text = PATHOLOGICAL[name]()
    budget = SLOWDOWN * article_seconds
    # A tenth first: a super-linear pattern shows there already, without hanging the suite for minutes.
    small = _best_of_2(text[: SIZE // 10])
    assert small <= budget, f"{name}: 100 KB took {small:.2f} s, over the 1 MB budget {budget:.2f} s"
    seconds = _best_of_2(text)
    assert seconds <= budget, f"{name}: {seconds:.2f} s > {SLOWDOWN:g} x {article_seconds:.2f} s (articles)"
