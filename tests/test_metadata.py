"""Page metadata (:mod:`directive_graph.metadata`) and site chrome (:mod:`directive_graph.clean`).

Table-driven: every date form, title rule, source form, author form and kind
of chrome has a case of its own, written for these tests. The five scraped
seed pages of ``../shared/corpus/seeds`` are read where they lie (never
copied): their title, date and source are asserted, their chrome lines are
named by line number, and no document reference of theirs may fall in chrome.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directive_graph import extract_references
from directive_graph.clean import Chrome, chrome_kind, chrome_spans, strip_chrome
from directive_graph.metadata import TextMeta, read_metadata

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
BODY = (
    "Ủy ban nhân dân thành phố yêu cầu các sở, ngành tiếp tục rà soát thủ tục hành chính, "
    "công khai quy trình giải quyết hồ sơ và tăng cường kiểm tra công vụ đột xuất tại bộ phận một cửa."
)
TITLE = "Quận Hoàn Kiếm siết chặt kỷ cương hành chính"
PARAGRAPHS = f"{BODY}\n" * 20


def meta(text: str) -> TextMeta:
    return read_metadata(text)


# --------------------------------------------------------------------------
# Publication date
# --------------------------------------------------------------------------
DATES = [
    ("cap-nhat-time-pipe-date", f"{TITLE}\nCập nhật: 08:34 | 11/06/2019\n{BODY}", (2019, 6, 11), (8, 34)),
    ("time-date-in-brackets-after-title", f"{TITLE} (10:05 06/02/2019)\n\n{BODY}", (2019, 2, 6), (10, 5)),
    ("weekday-verbal-date", f"Thứ Bảy, ngày 26 tháng 9 năm 2020\n\n{TITLE}\n{BODY}", (2020, 9, 26), None),
    ("date-dash-time", f"{TITLE}\n\n08/10/2019 - 07:26\n\n{BODY}", (2019, 10, 8), (7, 26)),
    ("ngay-dang-label", f"{TITLE}\nNgày đăng: 12/03/2021\n{BODY}", (2021, 3, 12), None),
    ("time-pipe-date", f"{TITLE}\n15:30 | 20/11/2023\n{BODY}", (2023, 11, 20), (15, 30)),
    ("date-time-gmt", f"{TITLE}\n20/11/2023 15:30 GMT+7\n{BODY}", (2023, 11, 20), (15, 30)),
    ("weekday-date-time-gmt-in-brackets", f"Thứ hai, 5/6/2023, 10:00 (GMT+7)\n{TITLE}\n{BODY}", (2023, 6, 5), (10, 0)),
    ("place-and-verbal-date", f"{TITLE}\nHà Nội, ngày 08 tháng 12 năm 2016\n{BODY}", (2016, 12, 8), None),
    ("iso-date-time", f"{TITLE}\n2024-01-09T08:05\n{BODY}", (2024, 1, 9), (8, 5)),
    ("dotted-date", f"{TITLE}\n06.02.2019\n{BODY}", (2019, 2, 6), None),
    ("numeric-weekday", f"{TITLE}\nThứ 2, 05/06/2023\n{BODY}", (2023, 6, 5), None),
    ("lead-date-of-first-paragraph", f"{TITLE}\nNgày 15/5/2019, UBND quận họp bàn kế hoạch.", (2019, 5, 15), None),
    ("top-date-beats-body-date", f"{TITLE}\n01/02/2022\n{PARAGRAPHS}Cập nhật: 09/09/2022", (2022, 2, 1), None),
    ("labelled-date-at-the-end", f"{TITLE}\n{PARAGRAPHS * 3}Ngày đăng: 03/04/2022", (2022, 4, 3), None),
]
NO_DATES = [
    ("invalid-day-of-month", f"{TITLE}\nCập nhật: 31/02/2021\n{BODY}"),
    ("invalid-month", f"{TITLE}\n45/13/2020\n{BODY}"),
    ("date-of-a-cited-document", f"Thực hiện Nghị định 67/2014/NĐ-CP ngày 7/7/2014 của Chính phủ\n{BODY}"),
    ("date-inside-a-sentence", f"{TITLE}\nUBND tỉnh yêu cầu hoàn thành trước ngày 30/6/2024.\n{BODY}"),
    ("year-range-and-ratio", f"{TITLE}\nGiai đoạn 2016 - 2020, 30/30 xã đạt chuẩn.\n{BODY}"),
    ("no-date-at-all", f"{TITLE}\n{BODY}"),
]


@pytest.mark.parametrize(("text", "day", "time"), [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_publication_date(text: str, day: tuple[int, int, int], time: tuple[int, int] | None) -> None:
    found = meta(text)
    assert found.published == dt.date(*day)
    assert found.published_at == (dt.datetime(*day, *time) if time else None)


@pytest.mark.parametrize("text", [c[1] for c in NO_DATES], ids=[c[0] for c in NO_DATES])
def test_no_publication_date(text: str) -> None:
    assert meta(text).published is None
    assert meta(text).published_at is None


# --------------------------------------------------------------------------
# Title
# --------------------------------------------------------------------------
TITLES = [
    ("first-line", f"{TITLE}\n{BODY}", TITLE),
    ("blank-lines-and-markdown-heading", f"\n\n  \n# {TITLE}\n\n{BODY}", TITLE),
    ("markdown-bold", f"**{TITLE}**\n{BODY}", TITLE),
    ("separator-and-punctuation-lines", f"-------\n***\n•\n|\n{TITLE}\n{BODY}", TITLE),
    ("breadcrumb-trail", f"Trang chủ > Tin tức > Thời sự\n{TITLE}\n{BODY}", TITLE),
    ("breadcrumb-guillemets", f"Thời sự » Chính trị\n{TITLE}\n{BODY}", TITLE),
    ("app-store-banner", f"Download on the App Store\nGet it on Google Play\n{TITLE}\n{BODY}", TITLE),
    ("app-store-banner-split", f"Download on the\n\nApp Store\n\n{TITLE}\n{BODY}", TITLE),
    ("share-buttons", f"Chia sẻ | Facebook | Zalo\n{TITLE}\n{BODY}", TITLE),
    ("date-only-line-first", f"Thứ Bảy, ngày 26 tháng 9 năm 2020\n\n{TITLE}\n{BODY}", TITLE),
    ("place-date-line-first", f"Hà Nội, 20/11/2023 15:30 GMT+7\n{TITLE}\n{BODY}", TITLE),
    ("trailing-date-stripped", f"{TITLE} (10:05 06/02/2019)\n{BODY}", TITLE),
    ("nfd-accents-composed", f"{TITLE}".replace("ế", "e\u0302\u0301") + f"\n{BODY}", TITLE),
    ("empty-text", "", None),
    ("only-chrome", "Chia sẻ\nTin liên quan\n", None),
    ("dateline-paragraph-first-means-no-title", f"(Baochinhphu.vn) - {BODY}\n", None),
    ("long-paragraph-first-means-no-title", f"{BODY} {BODY}\n{TITLE}", None),
]


@pytest.mark.parametrize(("text", "title"), [c[1:] for c in TITLES], ids=[c[0] for c in TITLES])
def test_title(text: str, title: str | None) -> None:
    assert meta(text).title == title


# --------------------------------------------------------------------------
# Source
# --------------------------------------------------------------------------
SOURCES = [
    ("paren-domain-dateline", f"{TITLE}\n\n(Baochinhphu.vn) - {BODY}", "Baochinhphu.vn"),
    ("paren-abbreviation-dateline", f"{TITLE}\n(HNP) - {BODY}", "HNP"),
    ("bare-abbreviation-dateline", f"{TITLE}\nHNP - {BODY}", "HNP"),
    ("ttxvn-dateline", f"{TITLE}\nTTXVN - {BODY}", "TTXVN"),
    ("city-then-agency-dateline", f"{TITLE}\nHÀ NỘI (TTXVN) - {BODY}", "TTXVN"),
    ("domain-dateline", f"{TITLE}\nVOV.VN - {BODY}", "VOV.VN"),
    ("nguon-label", f"{TITLE}\n{BODY}\nNguồn: laodongthudo.vn", "laodongthudo.vn"),
    ("nguon-label-outlet-name", f"{TITLE}\n{BODY}\n(Nguồn: Báo Hà Nội Mới)", "Báo Hà Nội Mới"),
    ("domain-alone-on-a-line", f"{TITLE}\n{BODY}\n\nlaodongthudo.vn", "laodongthudo.vn"),
    ("theo-outlet", f"{TITLE}\n{BODY}\nTheo Báo Nhân Dân", "Báo Nhân Dân"),
    ("theo-in-brackets-after-paragraph", f"{TITLE}\n{BODY} (Theo TTXVN)", "TTXVN"),
    ("byline-with-source-in-brackets", f"{TITLE}\n{BODY}\nMINH ANH (Sở Nội vụ Hà Nam)", "Sở Nội vụ Hà Nam"),
    ("link-card-with-domain", f"{TITLE}\n{BODY}\nKỳ 2: Bộ máy tinh gọn (laodongthudo.vn)", "laodongthudo.vn"),
    ("label-beats-dateline", f"{TITLE}\nHNP - {BODY}\nNguồn: Cổng thông tin Hà Nội", "Cổng thông tin Hà Nội"),
]
NO_SOURCES = [
    ("no-source", f"{TITLE}\n{BODY}\nMinh Anh"),
    ("theo-starting-a-sentence", f"{TITLE}\n{BODY}\nTheo đó, các sở cần báo cáo trước quý IV."),
    ("dash-after-a-lowercase-word", f"{TITLE}\nsáng nay - {BODY}"),
    ("dash-after-a-titlecase-word", f"{TITLE}\nNăm 2020 - {BODY}"),
    ("domain-in-related-links-list", f"{TITLE}\n{BODY}\nTin liên quan\nBài cũ về chủ đề khác (vnexpress.net)"),
    ("time-in-brackets-is-no-source", f"{TITLE}\n(10:05) - {BODY}"),
]


@pytest.mark.parametrize(("text", "source"), [c[1:] for c in SOURCES], ids=[c[0] for c in SOURCES])
def test_source(text: str, source: str) -> None:
    assert meta(text).source == source


@pytest.mark.parametrize("text", [c[1] for c in NO_SOURCES], ids=[c[0] for c in NO_SOURCES])
def test_no_source(text: str) -> None:
    assert meta(text).source is None


# --------------------------------------------------------------------------
# Author
# --------------------------------------------------------------------------
AUTHORS = [
    ("two-capitalised-words", f"{TITLE}\n{BODY}\n\nMinh Anh", "Minh Anh"),
    ("pv", f"{TITLE}\n{BODY}\nPV", "PV"),
    ("two-authors-with-dash", f"{TITLE}\n{BODY}\nNguyễn Văn A - Trần B", "Nguyễn Văn A - Trần B"),
    ("initial-and-name", f"{TITLE}\n{BODY}\nH. Thu", "H. Thu"),
    ("capitals-with-source", f"{TITLE}\n{BODY}\nBÌNH MINH (Báo Hà Nam)", "BÌNH MINH"),
    ("tac-gia-label", f"{TITLE}\n{BODY}\nTác giả: Lê Văn Tám", "Lê Văn Tám"),
    ("bai-va-anh-label", f"{TITLE}\n{BODY}\nBài và ảnh: Thu Hà", "Thu Hà"),
    ("bai-label-with-photo-credit", f"{TITLE}\n{BODY}\nBài: Thu Hà - Ảnh: Quang Vinh", "Thu Hà"),
    ("credits-after-author", f"{BODY}\nNội dung: Lê Thị Mai\nẢnh: Nhiều tác giả\nTrình bày: P.Hùng", "Lê Thị Mai"),
    ("author-before-chrome", f"{BODY}\nChí Tâm\n\nÝ kiến bạn đọc\nrefresh\nTin khác\nHà Nội Mới Nhất", "Chí Tâm"),
    ("author-before-slug", f"{TITLE}\n{BODY}\nChí Tâm\n\nbox-tin-noi-bat-cuoi-bai", "Chí Tâm"),
    ("author-before-source-line", f"{TITLE}\n{BODY}\nChí Tâm\nNguồn: laodongthudo.vn\n15:30 20/11/2023", "Chí Tâm"),
]
NO_AUTHORS = [
    ("theo-is-a-source-not-an-author", f"{TITLE}\n{BODY}\nTheo Báo Nhân Dân"),
    ("capitalised-heading-followed-by-text", f"{TITLE}\nHà Nội Đổi Mới\n{BODY}"),
    ("sentence-last", f"{TITLE}\n{BODY}\nHội nghị kết thúc tốt đẹp."),
    ("six-words-are-too-many", f"{TITLE}\n{BODY}\nNguyễn Thị Minh Khai Hoàng Anh"),
    ("photo-credit-only", f"{TITLE}\n{BODY}\nẢnh: Quang Vinh"),
    ("capitalised-title-is-not-the-author", "Hà Nội Đổi Mới"),
]


@pytest.mark.parametrize(("text", "author"), [c[1:] for c in AUTHORS], ids=[c[0] for c in AUTHORS])
def test_author(text: str, author: str) -> None:
    assert meta(text).author == author


@pytest.mark.parametrize("text", [c[1] for c in NO_AUTHORS], ids=[c[0] for c in NO_AUTHORS])
def test_no_author(text: str) -> None:
    assert meta(text).author is None


# --------------------------------------------------------------------------
# Chrome
# --------------------------------------------------------------------------
CHROME_LINES = [
    ("comments-y-kien-ban-doc", "Ý kiến bạn đọc", Chrome.COMMENTS),
    ("comments-tong-luot-binh-luan", "Tổng lượt bình luận", Chrome.COMMENTS),
    ("comments-gui-binh-luan", "Gửi bình luận", Chrome.COMMENTS),
    ("comments-count", "Bình luận (0)", Chrome.COMMENTS),
    ("related-tin-khac", "Tin khác", Chrome.RELATED),
    ("related-tin-lien-quan-capitals", "TIN LIÊN QUAN", Chrome.RELATED),
    ("related-bai-viet-lien-quan", "Bài viết liên quan:", Chrome.RELATED),
    ("widget-xem-them", "Xem thêm", Chrome.WIDGET),
    ("widget-refresh", "refresh", Chrome.WIDGET),
    ("slug-widget-id", "box-tin-noi-bat-cuoi-bai", Chrome.SLUG),
    ("share-chia-se", "Chia sẻ", Chrome.SHARE),
    ("share-in-bai", "In bài", Chrome.SHARE),
    ("share-facebook", "Facebook", Chrome.SHARE),
    ("share-zalo", "Zalo", Chrome.SHARE),
    ("share-row-with-counts", "Chia sẻ 12 | Facebook | Zalo | In bài", Chrome.SHARE),
    ("font-size-buttons", "A A", Chrome.SHARE),
    ("app-banner", "Download on the App Store", Chrome.BANNER),
    ("cookie-banner", "Trang web sử dụng cookie để cải thiện trải nghiệm. Bạn có đồng ý?", Chrome.BANNER),
    ("breadcrumb", "Trang chủ > Tin tức", Chrome.BREADCRUMB),
    ("markdown-related-heading", "## Tin liên quan", Chrome.RELATED),
]
NOT_CHROME_LINES = [
    ("body-paragraph", BODY),
    ("short-line-with-a-reference", "Căn cứ Quyết định số 12/QĐ-UBND"),
    ("heading-that-mentions-comments", "Bình luận của chuyên gia về Nghị định 100"),
    ("heading-that-mentions-sharing", "Chia sẻ kinh nghiệm cải cách hành chính"),
    ("list-marker", "a)"),
    ("see-also-link-names-a-document", "Xem thêm: Tải biểu mẫu Hướng dẫn 43-HD/BTCTW về kiểm điểm"),
    ("lowercase-hyphenated-words", "kinh tế - xã hội"),
    ("comparison-with-digits", "Tăng trưởng > 5%"),
    ("empty", ""),
]


@pytest.mark.parametrize(("line", "kind"), [c[1:] for c in CHROME_LINES], ids=[c[0] for c in CHROME_LINES])
def test_chrome_line(line: str, kind: Chrome) -> None:
    assert chrome_kind(line) is kind
    page = f"{TITLE}\n\n{BODY}\n\n{line}\n\n{BODY}"
    assert line.strip() in [page[s:e] for s, e in chrome_spans(page)]


@pytest.mark.parametrize("line", [c[1] for c in NOT_CHROME_LINES], ids=[c[0] for c in NOT_CHROME_LINES])
def test_not_chrome_line(line: str) -> None:
    assert chrome_kind(line) is None
    assert chrome_spans(f"{TITLE}\n\n{line}\n\n{BODY}") == []


PAGES = [
    ("diacritics-free-title-copy", f"{TITLE}\n{BODY}\nquan hoan kiem siet chat ky cuong hanh chinh\n{BODY}",
     ["quan hoan kiem siet chat ky cuong hanh chinh"]),
    ("accented-title-repeated-as-heading-is-kept", f"{TITLE}\n{BODY}\n{TITLE}\n{BODY}", []),
    ("series-link-repeated", f"{TITLE}\n{BODY}\nKỳ 1: Bộ máy tinh gọn\n{BODY}\nKỳ 1: Bộ máy tinh gọn\n{BODY}",
     ["Kỳ 1: Bộ máy tinh gọn", "Kỳ 1: Bộ máy tinh gọn"]),
    ("series-link-to-the-page-itself", f"{TITLE}\n{BODY}\nKỳ cuối: {TITLE} (laodongthudo.vn)",
     [f"Kỳ cuối: {TITLE} (laodongthudo.vn)"]),
    ("series-title-repeated-as-link-keeps-the-title", f"Kỳ 1: {TITLE}\n{BODY}\nKỳ 1: {TITLE}\n{BODY}",
     [f"Kỳ 1: {TITLE}"]),
    ("iso-date-line-is-no-slug", f"{TITLE}\n2019-06-11\n{BODY}", []),
    ("link-list-after-end-marker", f"{TITLE}\n{BODY}\n\nTin liên quan\n\nBài một\nBài hai (12/3)\nThông báo",
     ["Tin liên quan\n\nBài một\nBài hai (12/3)\nThông báo"]),
    ("prose-after-end-marker-is-kept", f"{TITLE}\nTin khác\nBài một\n{BODY}\nCăn cứ Quyết định số 5/QĐ-UBND",
     ["Tin khác\nBài một"]),
    ("chrome-lines-joined-across-blank-lines", f"{TITLE}\n{BODY}\nÝ kiến bạn đọc\n\n\u00a0\nrefresh\n{BODY}",
     ["Ý kiến bạn đọc\n\n\u00a0\nrefresh"]),
    ("indented-chrome-span-trimmed", f"{TITLE}\n   Chia sẻ  \n{BODY}", ["Chia sẻ"]),
]


@pytest.mark.parametrize(("text", "chrome"), [c[1:] for c in PAGES], ids=[c[0] for c in PAGES])
def test_chrome_in_context(text: str, chrome: list[str]) -> None:
    assert [text[s:e] for s, e in chrome_spans(text)] == chrome


def test_strip_chrome_keeps_body_and_spans_index_the_original() -> None:
    page = f"Trang chủ > Tin tức\n{TITLE}\nChia sẻ | Zalo\n\n{BODY}\n\nTin khác\nBài cũ\n"
    assert strip_chrome(page) == f"{TITLE}\n\n{BODY}"
    assert [page[s:e] for s, e in chrome_spans(page)] == ["Trang chủ > Tin tức", "Chia sẻ | Zalo", "Tin khác\nBài cũ"]


# --------------------------------------------------------------------------
# The five scraped seed pages (third-party text, read in place)
# --------------------------------------------------------------------------
@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seed pages are absent ({SEEDS}); these checks run where ../shared exists")
    return SEEDS


# file -> (title, date, time, source, author); None where the page truly does not say.
SEED_META = [
    pytest.param("000_87390a80e5231416.txt", "Thực hành văn hóa công sở với cán bộ Thủ đô", (2019, 6, 11), (8, 34),
                 None, "Chí Tùng", id="000-cap-nhat-date-no-source-in-text"),
    pytest.param("001_89b657f002a0f64b.txt", "Chuyển biến rõ nét trong thực hiện “Năm dân vận chính quyền”",
                 (2019, 2, 6), (10, 5), "HNP", None, id="001-date-in-title-line-hnp-dateline-page-cut-before-byline"),
    pytest.param("002_bd2966bff6f82ada.txt",
                 "Tiếp tục việc kiểm tra, giám sát việc thi hành văn hóa công vụ từ TP đến quận - huyện, phường- xã",
                 (2020, 9, 26), None, "Thanhuytphcm.vn", "H. Thảo", id="002-weekday-date-line-paren-dateline"),
    pytest.param("003_c0930d8a78497149.txt", "An Giang đẩy mạnh triển khai thực hiện văn hóa công vụ",
                 (2019, 10, 8), (7, 26), "Sở Nội vụ An Giang", "BÌNH ĐỊNH", id="003-date-dash-time-byline-source"),
    pytest.param("004_7826e5a8ab2bc01e.txt", "Để không gian văn hóa công sở bao trùm và lan tỏa", None, None,
                 "laodongthudo.vn", "Lê Thị Hà", id="004-no-date-in-text-domain-in-link-card"),
]


@pytest.mark.parametrize(("name", "title", "day", "time", "source", "author"), SEED_META)
def test_seed_metadata(
    seeds: Path, name: str, title: str, day: tuple[int, int, int] | None, time: tuple[int, int] | None,
    source: str | None, author: str | None,
) -> None:
    found = read_metadata((seeds / name).read_text(encoding="utf-8"))
    assert found.title == title
    assert found.published == (dt.date(*day) if day else None)
    assert found.published_at == (dt.datetime(*day, *time) if day and time else None)
    assert found.source == source
    assert found.author == author


# file -> 1-based numbers of the non-blank lines that are chrome (every other non-blank line is kept).
SEED_CHROME = [
    pytest.param("000_87390a80e5231416.txt", {10, 33}, id="000-diacritics-free-title-copy-and-widget-id"),
    pytest.param("001_89b657f002a0f64b.txt", set(), id="001-no-chrome"),
    pytest.param("002_bd2966bff6f82ada.txt", {17, 19, 22, 24, 26}, id="002-comment-widget-and-tin-khac-list"),
    pytest.param("003_c0930d8a78497149.txt", {7}, id="003-font-size-buttons"),
    pytest.param("004_7826e5a8ab2bc01e.txt", {5, 10, 13, 21, 26, 31, 38, 44, 54}, id="004-series-link-cards"),
]


@pytest.mark.parametrize(("name", "chrome_lines"), SEED_CHROME)
def test_seed_chrome(seeds: Path, name: str, chrome_lines: set[int]) -> None:
    text = (seeds / name).read_text(encoding="utf-8")
    spans = chrome_spans(text)
    covered = set()
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        middle = start + len(line) // 2
        if line.strip() and any(s <= middle < e for s, e in spans):
            covered.add(number)
        start += len(line) + 1
    assert covered == chrome_lines
    refs = extract_references(text)
    assert refs, "every seed page cites documents"
    inside = [r.text for r in refs if any(s < r.end and r.start < e for s, e in spans)]
    assert inside == []


# --------------------------------------------------------------------------
# Robustness
# --------------------------------------------------------------------------
TEXT = st.text(max_size=300) | st.lists(
    st.sampled_from(["", TITLE, BODY, "Tin khác", "Chia sẻ", "Cập nhật: 08:34 | 11/06/2019", "(HNP) - x", "Minh Anh",
                     "a-b-c", "\u00a0", "#", "Trang chủ > Tin", "(", "99:99 45/13/2023", "\x00\ufffd"]),
    max_size=30,
).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_never_raises_and_spans_are_sound(text: str) -> None:
    found = read_metadata(text)
    assert isinstance(found, TextMeta)
    spans = chrome_spans(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))
    assert all(BODY not in text[s:e] for s, e in spans)
    assert isinstance(strip_chrome(text), str)


@pytest.mark.parametrize(
    "text",
    ["\x00\x01\xff" * 1000, "a" * 2_000_000, "\n" * 100_000, "(" * 5000 + ")" * 5000, "1/1/1/1/" * 5000],
    ids=["binary-looking", "one-huge-line", "only-newlines", "brackets", "slashes"],
)
def test_odd_inputs(text: str) -> None:
    assert read_metadata(text).published is None
    assert all(0 <= s < e <= len(text) for s, e in chrome_spans(text))


def test_date_shortcuts_agree_with_the_full_patterns() -> None:
    """The digit scan before _DATE, and the noise test that stops at the first word, change no result."""
    import re

    from directive_graph import metadata

    plain_date = re.compile(metadata._DATE.pattern.removeprefix(r"(?=\d)"), re.IGNORECASE)
    lines = [
        "Cập nhật: 07:19 | 28/10/2023", "Thứ Bảy, ngày 26 tháng 9 năm 2020", "2023-06-05T10:00", "Hà Nội, 5/6/2023",
        "15:30 | 20/11/2023 (GMT+7)", "Tiêu đề (10:05 06/02/2019)", "153.330 đảng viên", "1 tháng 2",
        "5-6-2021 lúc 8h30",
        "Nghị định 67/2014/NĐ-CP ngày 7/7/2014", "Thứ hai, 5/6/2023, 10:00 (GMT+7) Kiểm tra", "", "không có số",
        "Ngày 31/02/2023 và 1/3/2023", "Published 2019-06-11 08:34 UTC", "09.04.2023 | 12 giờ",
    ]
    for line in lines + [line.upper() for line in lines]:
        assert [m.span() for m in metadata._DATE.finditer(line)] == [m.span() for m in plain_date.finditer(line)]
        assert (metadata._DATE_HINT.search(line) is not None) >= (plain_date.search(line) is not None)
        for part in (line, line[3:], line[:-4]):
            assert metadata._only_noise(part) == (not metadata._DATE_NOISE.sub("", part).strip())


def test_chrome_shortcuts_agree_with_the_full_patterns() -> None:
    """The word and character tests before the share, banner and breadcrumb patterns change no result."""
    from directive_graph import clean

    lines = [
        "chia se | zalo", "a a", "a- a+", "in bai viet", "facebook twitter email", "tin lien quan", "like 12 share 3",
        "xem them", "tai ung dung bao moi", "download on the app store", "get it on google play", "mo trong ung dung",
        "chung toi dung cookie de cai thien trai nghiem", "dong y cookie", "trang chu > thoi su", "thoi su » chinh tri",
        "ha noi > 2023", "a > b > c d e f g h", "tieu de bai viet", "", "12 | 34", "chia se bai viet: in", "aa bb",
    ]
    for folded in lines:
        share = clean._SHARE_TOKEN.sub("", folded)
        tokens = [m.group("font") for m in clean._SHARE_TOKEN.finditer(folded)]
        many = sum(1 for t in tokens if not t) > 0 or sum(1 for t in tokens if t) >= 2
        assert clean._is_share_line(folded) == (many and clean._SHARE_REST.fullmatch(share) is not None), folded
        banner = clean._APP_BANNER.search(folded) is not None or clean._COOKIE.search(folded) is not None
        app = any(h in folded for h in clean._APP_HINTS) and clean._APP_BANNER.search(folded) is not None
        assert (app or clean._is_cookie(folded)) == banner, folded
        parts = clean._CRUMB_SEP.split(folded)
        crumb = clean._CRUMB_HOME.fullmatch(folded) is not None or (
            len(parts) >= 2 and not any(c.isdigit() for c in folded) and all(0 < len(p.split()) <= 5 for p in parts)
        )
        assert clean._is_crumb(folded) == crumb, folded
