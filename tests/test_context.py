"""What follows a mention: its date and its issuer phrase (``context.read_tail``), as a table.

Each row: the text, where the mention ends (the text up to and including this marker), then the
year, the issue date, the issuer phrase as read and the issuer code expected.
"""

from __future__ import annotations

import datetime as dt

import pytest

from directive_graph.context import date_before, issuer_before, read_tail

TAILS = [
    ("plain", "Quyết định số 1847/QĐ-TTg ngày 27-12-2018 của Thủ tướng Chính phủ về …", "QĐ-TTg",
     2018, dt.date(2018, 12, 27), "Thủ tướng Chính phủ", "TTg"),
    ("issuer-then-date", "Chỉ thị 19 của Thành ủy ngày 5/3/2019 về …", "19",
     2019, dt.date(2019, 3, 5), "Thành ủy", "TU"),
    ("local-place-kept", "Kế hoạch 5 của UBND tỉnh Bạc Liêu về …", "5",
     None, None, "UBND tỉnh Bạc Liêu", "UBND"),
    ("central-term-kept", "Luật số 80/2015/QH13 của Quốc hội khóa XIII đã …", "QH13",
     None, None, "Quốc hội khóa XIII", "QH13"),
    ("central-no-place", "Nghị quyết 30c/NQ-CP của Chính phủ Chương trình tổng thể …", "NQ-CP",
     None, None, "Chính phủ", "CP"),
    ("central-no-place-capitals", "NGHỊ ĐỊNH 15/2020/NĐ-CP CỦA CHÍNH PHỦ VÀ CHƯƠNG TRÌNH", "NĐ-CP",
     None, None, "CHÍNH PHỦ", "CP"),
    ("line-break-before-cua", "Nghị định số 20/2019/NĐ-CP ngày 01/02/2019\ncủa Chính phủ quy định", "NĐ-CP",
     2019, dt.date(2019, 2, 1), "Chính phủ", "CP"),
    ("date-without-ngay", "Nghị định 75/2007/NĐ-CP 05/9/2007 của\nChính phủ", "NĐ-CP",
     2007, dt.date(2007, 9, 5), "Chính phủ", "CP"),
    ("joined-by-dash", "Công văn 12 của Sở Giáo dục - Đào tạo về …", "12",
     None, None, "Sở Giáo dục - Đào tạo", "SGDĐT"),
    ("no-joiner", "Chỉ thị 05 của Bộ Lao động Thương binh và Xã hội nhắc …", "05",
     None, None, "Bộ Lao động Thương binh và Xã hội", "BLĐTBXH"),
    ("joint-first-body", "Thông tư liên tịch 10 của Bộ Tài chính và Bộ Nội vụ", "10",
     None, None, "Bộ Tài chính", "BTC"),
    ("closing-bracket-then-markup", "(theo Thông tư số 133/2016/TT-BTC của Bộ Tài chính)</td>", "TT-BTC",
     None, None, "Bộ Tài chính", "BTC"),
    ("date-word-badly-decoded", "Thông báo số 17/TB-HĐND ng\ufffdy 12 th\ufffdng 12 n\ufffdm 2025 của HĐND", "HĐND",
     2025, dt.date(2025, 12, 12), "HĐND", "HĐND"),
    ("party-plenum-and-term", "Nghị quyết số 19-NQ/TW của Hội nghị Trung ương 6 khóa XII về y tế", "NQ/TW",
     None, None, "Hội nghị Trung ương 6 khóa XII", "TW"),
    ("nothing-after", "Theo Quyết định 1043, các sở rà soát.", "1043",
     None, None, None, None),
    ("party-centre-trung-uong", "Chỉ thị số 05-CT/TW của Ban Bí thư Trung ương Đảng khóa XII về …", "CT/TW",
     None, None, "Ban Bí thư Trung ương Đảng khóa XII", "TW"),
    ("full-stop-after-place", "Kế hoạch số 44/KH-UBND của UBND tỉnh Hà Nam. Các sở …", "KH-UBND",
     None, None, "UBND tỉnh Hà Nam", "UBND"),
    ("officer-title-first", "Thông tư 09/2024/TT-BLĐTBXH của Bộ trưởng Bộ LĐTBXH về …", "TT-BLĐTBXH",
     None, None, "Bộ trưởng Bộ LĐTBXH", "BLĐTBXH"),
    ("officer-title-line-break", "Tờ trình số 77/TTr-STP ngày 2/3/2022 của Giám \nđốc Sở Tư pháp", "TTr-STP",
     2022, dt.date(2022, 3, 2), "Giám \nđốc Sở Tư pháp", "STP"),
    ("party-body-in-ministry", "Nghị quyết số 12-NQ/BCSĐ của Ban cán sự đảng Bộ Giáo dục và Đào tạo về …", "NQ/BCSĐ",
     None, None, "Ban cán sự đảng Bộ Giáo dục và Đào tạo", "BCSĐ"),
    ("footnote-number", "Quyết định số 30/2019/QĐ-TTg của Thủ tướng Chính phủ.2\nĐiều 1.", "QĐ-TTg",
     None, None, "Thủ tướng Chính phủ", "TTg"),
    ("title-in-capitals", "CHỈ THỊ 17/CT-UBND CỦA UBND THÀNH PHỐ HÀ NỘI VỀ VIỆC GIÃN CÁCH XÃ HỘI", "CT-UBND",
     None, None, "UBND THÀNH PHỐ HÀ NỘI", "UBND"),
    ("long-place-after-the-body", "Kế hoạch số 41-KH/TWĐTN của Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh về …",
     "TWĐTN", None, None, "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh", "TWĐTN"),
    ("date-after-unknown-body", "Kế hoạch số 22-KH/ĐTN của BCH Hội Nông Dân Xã Tân Phú ngày 10/3/2023 về việc …",
     "KH/ĐTN", 2023, dt.date(2023, 3, 10), None, None),
    ("quote-after-issuer", "'Nghị định 15/2020/NĐ-CP của Chính phủ;',", "NĐ-CP",
     None, None, "Chính phủ", "CP"),
    ("day-word-glued-to-the-date", "Tờ trình số 47/TTr-UBND ngày18 tháng 6 năm 2020 của Ủy ban nhân dân tỉnh", "UBND",
     2020, dt.date(2020, 6, 18), "Ủy ban nhân dân tỉnh", "UBND"),
    ("date-on-next-line", "Nghị quyết 02/2020/NQ-CP\n06/01/2020 của Chính phủ về", "NQ-CP",
     2020, dt.date(2020, 1, 6), "Chính phủ", "CP"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "marker", "year", "issued_on", "issuer_text", "code"),
                         [row[1:] for row in TAILS], ids=[row[0] for row in TAILS])  # fmt: skip
def test_tail(text: str, marker: str, year: int | None, issued_on: dt.date | None,
              issuer_text: str | None, code: str | None) -> None:  # fmt: skip
    tail = read_tail(text, text.index(marker) + len(marker))
    assert (tail.year, tail.issued_on, tail.issuer_text) == (year, issued_on, issuer_text)
    assert (tail.issuer.code if tail.issuer else None) == code


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Ngày 26/6/2018, Thủ tướng Chính phủ đã ban hành Quyết định số 772/QĐ-TTg về …", 2018),
        ("NGAY 26/6/2018, Thu tuong da ban hanh Quyet dinh so 772/QD-TTg", 2018),
        ("Ng\ufffdy 26/6/2018, Thủ tướng Chính phủ đã ban hành Quyết định số 772/QĐ-TTg về …", 2018),
        ("Năm 2018, Thủ tướng Chính phủ đã ban hành Quyết định số 772/QĐ-TTg về …", None),
    ],
    ids=["day-word", "no-diacritics-capitals", "day-word-badly-decoded", "no-day-word"],
)
def test_date_before(text: str, year: int | None) -> None:
    found = date_before(text, text.index("Quy"))
    assert (found[0] if found else None) == year


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Năm 2019, Ban Thường vụ Tỉnh ủy đã ban hành Chỉ thị số 17 về …", "Ban Thường vụ Tỉnh ủy"),
        ("ĐTO - Ban Chấp hành Trung ương Đảng đã ban hành Chỉ thị số 45 về …", "Ban Chấp hành Trung ương Đảng"),
        ("UBND tỉnh Lào Cai vừa ban hành các Kế hoạch 31 và 32 về …", "UBND tỉnh Lào Cai"),
        ("Bộ Tài chính đề nghị các tỉnh ban hành Quyết định 12 về giá.", None),
    ],
    ids=["subject", "after-dateline-dash", "place-and-vua", "not-the-subject"],
)
def test_issuer_before(text: str, phrase: str | None) -> None:
    found = issuer_before(text, text.index(next(w for w in ("Chỉ thị", "Kế hoạch", "Quyết định") if w in text)))
    assert (text[found[0] : found[1]] if found else None) == phrase
