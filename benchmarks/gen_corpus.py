"""A deterministic synthetic corpus of Vietnamese provincial and government news, for the store benchmark.

Every word of it is written here, from sentence templates made for this project: it is synthetic
text, not copied from any news site or other third-party source. The vocabulary of provinces comes
from ``data/vocab/provinces.csv``; document types, symbol codes and issuers follow
``data/vocab/*.csv``. About twenty widely cited central documents are real (their numbers, dates,
issuers and subjects are public facts); all the other document numbers are drawn at random and may
or may not coincide with real documents.

What an article looks like (``NNNN/NNNNNN.txt``, UTF-8, at most 1,000 files per subfolder):

- a title (one in five names a document: "An Giang sơ kết 3 năm thực hiện Quyết định 1847"),
  a blank line, a date line "Cập nhật: HH:MM | DD/MM/YYYY", a blank line;
- 4 to 10 paragraphs (fewer more often) of 1 to 3 sentences, sometimes opening with a dateline
  "(baoangiang.vn) - ", sometimes followed by a byline; about 2,500 characters on average;
- each article is about one province (its UBND, HĐND, Tỉnh ủy and departments are named) and one
  topic (cải cách hành chính, chuyển đổi số, nông thôn mới, …).

References, as in real provincial and government news, about 3 to 6 per article on average:

- forms: full with date and issuer ("Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính
  phủ", dates also as 27-12-2018 or "27 tháng 12 năm 2018"), full without them ("Nghị định
  30/2020/NĐ-CP"), short ("Chỉ thị 19", "Chỉ thị 19 của Thành ủy"), abbreviated ("QĐ 1847"), bare
  symbols ("theo 1847/QĐ-TTg ngày …", "văn bản số 1560/VPCP-KGVX"), Party symbols ("08-CTr/TU",
  "18-NQ/TW"), laws ("Luật Đất đai số 31/2024/QH15"), lists ("Nghị định số 15/2020/NĐ-CP và
  91/2019/NĐ-CP của Chính phủ", three local decisions in a row) and, later in the same article,
  short repeats of what was already cited ("Quyết định 1847", "QĐ 1847", "Nghị quyết 18");
- skew: 400 central documents (Thủ tướng, Chính phủ, ministries, the Party centre, Quốc hội) are
  drawn with Zipf-like weights 1/(rank+10)^1.1, so the most cited appears in about 9% of the
  articles and the tail still a few times per 10,000; local documents (UBND, HĐND, Tỉnh ủy and
  departments of the article's province, numbers 1 to 3,000, the article's year or the one before)
  are drawn uniformly, so each is cited rarely;
- about 30% of paragraphs hold no reference, and numbers that are not references are everywhere:
  dates, times, money ("1.250 tỷ đồng"), percentages ("95,5%"), ratios ("30/30 xã"), quantities,
  periods ("giai đoạn 2021 - 2025"), phone numbers, "quyết định 3 nội dung".

The generator is deterministic for a given ``seed`` (one ``random.Random(seed)``, articles made in
order; files written with plain ``open``/``write`` by a second process, so that making the text and
creating the files overlap). 100,000 articles (about 330 MB) take about 35 s on a slow 2-core VM,
most of it creating the files (the text alone takes about 20 s there). A hidden
``.corpus.json`` manifest (articles, seed, bytes, planned references) is written last, so a reader
can tell a complete corpus from an interrupted one; the store's build skips hidden files.

Usage:
    python benchmarks/gen_corpus.py OUT_DIR --articles N [--seed 0]
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing as mp
import queue
import sys
import time
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from multiprocessing.process import BaseProcess
from pathlib import Path
from random import Random
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
PROVINCES_CSV = ROOT / "data" / "vocab" / "provinces.csv"
MANIFEST = ".corpus.json"
GENERATOR_VERSION = 1
FILES_PER_FOLDER = 1000
CENTRAL_DOCS = 400
ZIPF_OFFSET = 10
ZIPF_EXPONENT = 1.1
T = TypeVar("T")
NO_REFERENCE_SHARE = 0.36  # of the paragraphs after the first, which always cites: about 30% in all


# --------------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Doc:
    """One cited document, and everything needed to write a mention of it.

    Attributes:
        type_word: The type as written: "Quyết định", "Nghị quyết".
        abbr: The abbreviation used in short mentions ("QĐ"), or "" when there is none.
        number: The number as written: "1847", "30c", "08".
        code: The symbol without number and year: "QĐ-TTg", "NQ/TW", "NĐ-CP", "QH15".
        party: A Party symbol ("18-NQ/TW": number joined with a hyphen).
        year_in_symbol: The year is part of the symbol ("30/2020/NĐ-CP").
        year: Year of issue.
        month: Month of issue.
        day: Day of issue.
        issuer: The issuer as written after "của": "Thủ tướng Chính phủ".
        issuer_short: A shorter way to name the issuer: "Thủ tướng".
        subject: What the document is about ("về …", "phê duyệt …"), or "".
        name: A law's name ("Đất đai") for "Luật Đất đai số …", else "".
    """

    type_word: str
    abbr: str
    number: str
    code: str
    party: bool
    year_in_symbol: bool
    year: int
    month: int
    day: int
    issuer: str
    issuer_short: str
    subject: str = ""
    name: str = ""

    @property
    def symbol(self) -> str:
        """The full symbol: "1847/QĐ-TTg", "30/2020/NĐ-CP", "08-CTr/TU"."""
        if self.party:
            return f"{self.number}-{self.code}"
        if self.year_in_symbol:
            return f"{self.number}/{self.year}/{self.code}"
        return f"{self.number}/{self.code}"


# Real, widely cited documents: (type, number, code, party, year in symbol, d, m, y, issuer, short, subject, name).
ANCHORS: list[tuple[str, str, str, bool, bool, int, int, int, str, str, str, str]] = [
    ("Quyết định", "1847", "QĐ-TTg", False, False, 27, 12, 2018, "Thủ tướng Chính phủ", "Thủ tướng",
     "phê duyệt Đề án Văn hóa công vụ", ""),
    ("Nghị quyết", "30c", "NQ-CP", False, False, 8, 11, 2011, "Chính phủ", "Chính phủ",
     "ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020", ""),
    ("Nghị định", "30", "NĐ-CP", False, True, 5, 3, 2020, "Chính phủ", "Chính phủ", "về công tác văn thư", ""),
    ("Quyết định", "06", "QĐ-TTg", False, False, 6, 1, 2022, "Thủ tướng Chính phủ", "Thủ tướng",
     "phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi "
     "số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030", ""),
    ("Chỉ thị", "05", "CT-TTg", False, False, 23, 2, 2023, "Thủ tướng Chính phủ", "Thủ tướng",
     "về tiếp tục đẩy mạnh triển khai Đề án phát triển ứng dụng dữ liệu về dân cư", ""),
    ("Nghị quyết", "18", "NQ/TW", True, False, 25, 10, 2017, "Ban Chấp hành Trung ương", "Trung ương",
     "về một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động "
     "hiệu lực, hiệu quả", ""),
    ("Nghị quyết", "19", "NQ/TW", True, False, 25, 10, 2017, "Ban Chấp hành Trung ương", "Trung ương",
     "về tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị "
     "sự nghiệp công lập", ""),
    ("Nghị quyết", "57", "NQ/TW", True, False, 22, 12, 2024, "Bộ Chính trị", "Bộ Chính trị",
     "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia", ""),
    ("Quyết định", "749", "QĐ-TTg", False, False, 3, 6, 2020, "Thủ tướng Chính phủ", "Thủ tướng",
     "phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030", ""),
    ("Nghị định", "61", "NĐ-CP", False, True, 23, 4, 2018, "Chính phủ", "Chính phủ",
     "về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính", ""),
    ("Nghị định", "112", "NĐ-CP", False, True, 18, 9, 2020, "Chính phủ", "Chính phủ",
     "về xử lý kỷ luật cán bộ, công chức, viên chức", ""),
    ("Nghị định", "13", "NĐ-CP", False, True, 17, 4, 2023, "Chính phủ", "Chính phủ", "về bảo vệ dữ liệu cá nhân", ""),
    ("Nghị định", "45", "NĐ-CP", False, True, 8, 4, 2020, "Chính phủ", "Chính phủ",
     "về thực hiện thủ tục hành chính trên môi trường điện tử", ""),
    ("Nghị quyết", "25", "NQ/TW", True, False, 3, 6, 2013, "Ban Chấp hành Trung ương", "Trung ương",
     "về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới", ""),
    ("Chỉ thị", "05", "CT/TW", True, False, 15, 5, 2016, "Bộ Chính trị", "Bộ Chính trị",
     "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", ""),
    ("Quy định", "08", "QĐi/TW", True, False, 25, 10, 2018, "Ban Chấp hành Trung ương", "Trung ương",
     "về trách nhiệm nêu gương của cán bộ, đảng viên", ""),
    ("Quyết định", "90", "QĐ-TTg", False, False, 18, 1, 2022, "Thủ tướng Chính phủ", "Thủ tướng",
     "phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025", ""),
    ("Quyết định", "263", "QĐ-TTg", False, False, 22, 2, 2022, "Thủ tướng Chính phủ", "Thủ tướng",
     "phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025", ""),
    ("Nghị định", "100", "NĐ-CP", False, True, 30, 12, 2019, "Chính phủ", "Chính phủ",
     "quy định xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ và đường sắt", ""),
    ("Thông tư", "01", "TT-BNV", False, True, 19, 1, 2011, "Bộ Nội vụ", "Bộ Nội vụ",
     "hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính", ""),
    ("Luật", "31", "QH15", False, True, 18, 1, 2024, "Quốc hội", "Quốc hội", "", "Đất đai"),
    ("Luật", "80", "QH13", False, True, 22, 6, 2015, "Quốc hội", "Quốc hội", "",
     "Ban hành văn bản quy phạm pháp luật"),
]  # fmt: skip

MINISTRIES = [
    ("BNV", "Bộ Nội vụ"), ("BTC", "Bộ Tài chính"), ("BYT", "Bộ Y tế"), ("BGDĐT", "Bộ Giáo dục và Đào tạo"),
    ("BTTTT", "Bộ Thông tin và Truyền thông"), ("BCA", "Bộ Công an"), ("BTP", "Bộ Tư pháp"),
    ("BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"), ("BTNMT", "Bộ Tài nguyên và Môi trường"),
    ("BXD", "Bộ Xây dựng"), ("BKHĐT", "Bộ Kế hoạch và Đầu tư"), ("BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"), ("BGTVT", "Bộ Giao thông vận tải"),
]  # fmt: skip
VPCP_UNITS = ["KGVX", "KSTT", "NN", "CN", "QHĐP", "V.I", "TCCV"]
LAW_NAMES = [
    "Cán bộ, công chức", "Viên chức", "Phòng, chống tham nhũng", "Giao dịch điện tử", "Căn cước", "Đầu tư công",
    "Ngân sách nhà nước", "Bảo vệ môi trường", "Tổ chức chính quyền địa phương", "Thực hành tiết kiệm, chống lãng phí",
    "Tiếp cận thông tin", "Xử lý vi phạm hành chính", "Thi đua, khen thưởng", "Dữ liệu", "Quy hoạch", "Nhà ở",
]  # fmt: skip
SUBJECTS = [
    "về tăng cường kỷ luật, kỷ cương hành chính trong các cơ quan hành chính nhà nước",
    "về đẩy mạnh cải cách thủ tục hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp",
    "về đẩy mạnh chuyển đổi số, phát triển chính quyền số",
    "phê duyệt Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số giai đoạn 2021 - 2025",
    "về các nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội",
    "về tăng cường công tác phòng, chống tham nhũng, tiêu cực",
    "về thực hành tiết kiệm, chống lãng phí",
    "về tiếp tục thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "về tăng cường bảo đảm trật tự, an toàn giao thông",
    "quy định chi tiết một số điều của Luật Cán bộ, công chức và Luật Viên chức",
    "về tuyển dụng, sử dụng và quản lý công chức",
    "về vị trí việc làm và biên chế công chức",
    "về chính sách tinh giản biên chế",
    "về đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
    "về sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2023 - 2030",
    "về phát triển nguồn nhân lực chất lượng cao",
    "về tăng cường công tác bảo vệ môi trường",
    "về phòng, chống thiên tai và tìm kiếm cứu nạn",
    "về đẩy nhanh tiến độ giải ngân vốn đầu tư công",
    "về đổi mới căn bản, toàn diện giáo dục và đào tạo",
    "về tăng cường công tác y tế cơ sở trong tình hình mới",
    "về công tác thi đua, khen thưởng",
    "về tăng cường công tác dân vận của cơ quan hành chính nhà nước",
    "về kiểm soát thủ tục hành chính",
    "về đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức",
    "về phát triển kinh tế tập thể, hợp tác xã",
    "về tăng cường công tác quản lý đất đai",
    "về bảo đảm an ninh, an toàn thông tin mạng",
]

# (type, abbreviation, code, party, year in symbol, highest number, issuer, short issuer, weight)
CENTRAL_KINDS: list[tuple[str, str, str, bool, bool, int, str, str, int]] = [
    ("Quyết định", "QĐ", "QĐ-TTg", False, False, 2500, "Thủ tướng Chính phủ", "Thủ tướng", 22),
    ("Nghị định", "NĐ", "NĐ-CP", False, True, 180, "Chính phủ", "Chính phủ", 18),
    ("Nghị quyết", "NQ", "NQ-CP", False, False, 250, "Chính phủ", "Chính phủ", 9),
    ("Chỉ thị", "CT", "CT-TTg", False, False, 45, "Thủ tướng Chính phủ", "Thủ tướng", 8),
    ("Công điện", "", "CĐ-TTg", False, False, 150, "Thủ tướng Chính phủ", "Thủ tướng", 3),
    ("Thông tư", "TT", "", False, True, 60, "", "", 12),  # code and issuer: a ministry
    ("Nghị quyết", "", "NQ/TW", True, False, 60, "Bộ Chính trị", "Bộ Chính trị", 7),
    ("Chỉ thị", "", "CT/TW", True, False, 50, "Ban Bí thư", "Ban Bí thư", 4),
    ("Kết luận", "", "KL/TW", True, False, 150, "Bộ Chính trị", "Bộ Chính trị", 6),
    ("Quy định", "", "QĐi/TW", True, False, 200, "Bộ Chính trị", "Bộ Chính trị", 3),
    ("Hướng dẫn", "", "HD/BTCTW", True, False, 60, "Ban Tổ chức Trung ương", "Ban Tổ chức Trung ương", 2),
    ("Luật", "", "", False, True, 70, "Quốc hội", "Quốc hội", 4),  # code: the Quốc hội's term
    ("Công văn", "", "", False, False, 9000, "Văn phòng Chính phủ", "Văn phòng Chính phủ", 2),  # code: VPCP unit
]  # fmt: skip


def _qh_code(year: int) -> str:
    return "QH15" if year >= 2021 else "QH14" if year >= 2016 else "QH13"


def central_pool(rng: Random, size: int = CENTRAL_DOCS) -> list[Doc]:
    """The central documents, most cited first: the real anchors, then random ones.

    Args:
        rng: The generator's random source.
        size: How many documents in all.

    Returns:
        Documents in Zipf rank order (index 0 is cited most).
    """
    docs = [
        Doc(t, {"Quyết định": "QĐ", "Nghị định": "NĐ", "Nghị quyết": "NQ", "Chỉ thị": "CT", "Thông tư": "TT"}.get(t, "")
            if not party else "", n, code, party, yis, y, m, d, issuer, short, subject, name)
        for t, n, code, party, yis, d, m, y, issuer, short, subject, name in ANCHORS
    ]  # fmt: skip
    seen = {(d.type_word, d.number, d.code, d.year if d.year_in_symbol else 0) for d in docs}
    weights = list(accumulate(k[-1] for k in CENTRAL_KINDS))
    synthetic: list[Doc] = []
    while len(docs) + len(synthetic) < size:
        t, abbr, code, party, yis, top, issuer, short, _ = rng.choices(CENTRAL_KINDS, cum_weights=weights)[0]
        year = rng.randint(2012, 2025)
        number = str(rng.randint(1, top))
        if party or (t in ("Chỉ thị", "Nghị quyết") and int(number) < 10):
            number = number.zfill(2)
        name = ""
        if t == "Thông tư":
            ministry, issuer = rng.choice(MINISTRIES)
            code, short = f"TT-{ministry}", issuer
        elif t == "Luật":
            code, name = _qh_code(year), rng.choice(LAW_NAMES)
        elif t == "Công văn":
            code = f"VPCP-{rng.choice(VPCP_UNITS)}"
        key = (t, number, code, year if yis else 0)
        if key in seen:
            continue
        seen.add(key)
        subject = "" if t in ("Luật", "Công văn", "Công điện") else rng.choice(SUBJECTS)
        synthetic.append(
            Doc(t, abbr, number, code, party, yis, year, rng.randint(1, 12), rng.randint(1, 28), issuer, short,
                subject, name)
        )  # fmt: skip
    rng.shuffle(synthetic)
    return docs + synthetic


# --------------------------------------------------------------------------------------------------
# Places, people, topics
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Province:
    """A province or centrally-run city, as the articles name it."""

    name: str  # "An Giang", "Thành phố Hồ Chí Minh"
    full: str  # "tỉnh An Giang", "thành phố Hà Nội", "Thành phố Hồ Chí Minh"
    city: bool
    outlet: str  # "baoangiang", or "" when none is known

    @property
    def level(self) -> str:
        """ "tỉnh" or "thành phố", as in "UBND tỉnh"."""
        return "thành phố" if self.city else "tỉnh"

    @property
    def party_committee(self) -> str:
        """ "Thành ủy" or "Tỉnh ủy"."""
        return "Thành ủy" if self.city else "Tỉnh ủy"


def load_provinces(path: Path = PROVINCES_CSV) -> list[Province]:
    """The 63 provinces and cities of ``data/vocab/provinces.csv`` (units before the 2025 reorganisation)."""
    provinces = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["era"] not in ("both", "pre2025"):
                continue
            name, city = row["name"], row["kind"] == "thành phố"
            full = name if name.lower().startswith("thành phố") else f"{row['kind']} {name}"
            outlet = next((a for a in row["aliases"].split("|") if a.startswith("bao")), "")
            provinces.append(Province(name, full, city, outlet))
    if not provinces:
        raise SystemExit(f"no provinces in {path}")
    return provinces


FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Trương", "Đinh"]  # fmt: skip
MIDDLE_MEN = ["Văn", "Minh", "Hữu", "Đức", "Thanh", "Quốc", "Xuân", "Công", "Hoàng"]
MIDDLE_WOMEN = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Kim", "Thanh", "Minh"]
BYLINE = ["Minh", "Thu", "Quốc", "Thanh", "Ngọc", "Hoàng", "Bảo", "Hải", "Xuân", "Phương", "Khánh", "Đức"]
GIVEN_MEN = ["An", "Bảo", "Cường", "Dũng", "Hải", "Hùng", "Nam", "Phong", "Quang", "Trung", "Tuấn", "Việt", "Khoa",
             "Thắng", "Lực", "Toàn", "Sơn", "Tâm"]  # fmt: skip
GIVEN_WOMEN = ["Hà", "Hương", "Lan", "Linh", "Mai", "Thảo", "Yến", "Hạnh", "Nga", "Trang", "Huyền", "Tâm", "Thủy"]
GIVEN = GIVEN_MEN + GIVEN_WOMEN
SYLLABLES = ["Tân", "Phú", "An", "Bình", "Hòa", "Thạnh", "Long", "Mỹ", "Phước", "Đông", "Hưng", "Thuận", "Lợi",
             "Hiệp", "Xuân", "Thanh", "Vĩnh", "Khánh", "Trung", "Lộc", "Đức", "Thắng", "Cường", "Quang"]  # fmt: skip
AGENCIES = ["Sở Nội vụ", "Sở Tư pháp", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Tài chính", "Sở Xây dựng",
            "Sở Thông tin và Truyền thông", "Sở Nông nghiệp và Môi trường", "Văn phòng UBND tỉnh", "Công an tỉnh",
            "Sở Lao động - Thương binh và Xã hội", "Ban Dân vận Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"]  # fmt: skip
ROLES = ["Giám đốc Sở Nội vụ", "Phó Chủ tịch UBND tỉnh", "Chánh Văn phòng UBND tỉnh", "Phó Giám đốc Sở Tư pháp",
         "Trưởng Ban Dân vận Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch UBND huyện",
         "Giám đốc Trung tâm Phục vụ hành chính công"]  # fmt: skip

# Each topic: what it is called, words for titles, and sentences with no reference (numbers welcome).
TOPICS: dict[str, list[str]] = {
    "cải cách hành chính": [
        "Năm {y}, bộ phận một cửa các cấp tiếp nhận {big} hồ sơ, trong đó {pct}% được giải quyết trước và đúng hạn.",
        "Toàn tỉnh đã cắt giảm {k} thủ tục hành chính, rút ngắn thời gian giải quyết bình quân còn {small} ngày.",
        "Chỉ số cải cách hành chính của {PN} năm {y} đạt {score} điểm, tăng {small} bậc so với năm trước.",
        "Tỷ lệ người dân hài lòng với thái độ phục vụ của công chức đạt {pct}%.",
        "Tại Trung tâm Phục vụ hành chính công của tỉnh, mỗi ngày có khoảng {big3} lượt người đến giao dịch, phần lớn"
        " là các thủ tục về đất đai, đăng ký kinh doanh, hộ tịch và cấp phiếu lý lịch tư pháp.",
    ],
    "chuyển đổi số": [
        "Tỷ lệ hồ sơ trực tuyến toàn trình đạt {pct}%, cao hơn {small} điểm phần trăm so với cùng kỳ.",
        "Hơn {big} tài khoản định danh điện tử mức độ 2 đã được kích hoạt trên địa bàn.",
        "Toàn tỉnh có {k} tổ công nghệ số cộng đồng với gần {big} thành viên.",
        "Kinh phí đầu tư hạ tầng số trong năm là {money} tỷ đồng.",
        "Nền tảng tích hợp, chia sẻ dữ liệu của tỉnh đã kết nối với {small} cơ sở dữ liệu quốc gia, giúp người dân"
        " không phải nộp lại những giấy tờ đã có trong hệ thống.",
    ],
    "văn hóa công vụ": [
        "Đến nay, {ratio} cơ quan, đơn vị đã niêm yết quy tắc ứng xử tại nơi tiếp dân.",
        "Qua kiểm tra đột xuất {k} cơ quan, đoàn công tác phát hiện {small} trường hợp đi muộn, về sớm.",
        "Kết quả khảo sát cuối năm {y} cho thấy {pct}% người dân đánh giá cán bộ có thái độ niềm nở.",
        "Buổi kiểm tra bắt đầu lúc {h} giờ {mm} và kéo dài gần {small} tiếng.",
        "Nhiều cơ quan đã bố trí bàn hướng dẫn, ghế chờ, nước uống và sổ góp ý tại nơi tiếp dân, công chức đeo thẻ"
        " và mặc trang phục đúng quy định trong giờ làm việc.",
    ],
    "phòng, chống tham nhũng": [
        "Năm {y}, các cơ quan thanh tra đã tiến hành {k} cuộc thanh tra, kiến nghị thu hồi {money} tỷ đồng.",
        "Có {small} tập thể và {k} cá nhân bị kiểm điểm, rút kinh nghiệm sau thanh tra.",
        "{big} cán bộ, công chức đã kê khai tài sản, thu nhập lần đầu và hằng năm theo quy định.",
        "Đường dây nóng {phone} tiếp nhận {k} phản ánh trong quý {quarter}/{y}.",
        "Công tác giám sát việc kê khai tài sản, thu nhập được thực hiện chặt chẽ hơn, tập trung vào những lĩnh vực"
        " dễ phát sinh tiêu cực như đất đai, đầu tư xây dựng, mua sắm công.",
    ],
    "xây dựng nông thôn mới": [
        "Đến hết năm {y}, {ratio} xã đạt chuẩn nông thôn mới, trong đó {small} xã đạt chuẩn nâng cao.",
        "Thu nhập bình quân đầu người khu vực nông thôn đạt {income} triệu đồng/năm.",
        "Người dân đã hiến hơn {big} m2 đất và đóng góp {money} tỷ đồng để làm đường giao thông nông thôn.",
        "Toàn tỉnh có {k} sản phẩm OCOP đạt từ 3 sao trở lên.",
        "Diện mạo nhiều vùng quê đã thay đổi rõ rệt: đường làng được bê tông hóa, nhà văn hóa ấp khang trang, nhiều"
        " tuyến đường hoa do người dân tự trồng và chăm sóc.",
    ],
    "giảm nghèo bền vững": [
        "Tỷ lệ hộ nghèo giảm còn {pct_small}%, vượt chỉ tiêu đề ra.",
        "Năm {y}, tỉnh hỗ trợ xây mới và sửa chữa {k} căn nhà cho hộ nghèo, mỗi căn {small} triệu đồng.",
        "Hơn {big} lượt hộ nghèo, hộ cận nghèo được vay vốn ưu đãi với tổng dư nợ {money} tỷ đồng.",
        "Giai đoạn {y1} - {y2}, bình quân mỗi năm tỷ lệ hộ nghèo giảm {pct_small} điểm phần trăm.",
        "Bên cạnh hỗ trợ vốn, các địa phương chú trọng dạy nghề, giới thiệu việc làm và hướng dẫn cách làm ăn để"
        " người dân thoát nghèo bền vững, không tái nghèo.",
    ],
    "sắp xếp tổ chức bộ máy": [
        "Sau sắp xếp, toàn tỉnh giảm {small} đầu mối cấp sở và {k} phòng chuyên môn.",
        "Biên chế công chức năm {y} giảm {pct_small}% so với năm {y0}.",
        "Có {k} cán bộ, công chức nghỉ hưu trước tuổi hoặc nghỉ thôi việc, tổng kinh phí hỗ trợ {money} tỷ đồng.",
        "Số đơn vị hành chính cấp xã giảm từ {big3} xuống còn {k} xã, phường, thị trấn.",
        "Việc bố trí, sắp xếp cán bộ dôi dư được thực hiện công khai, minh bạch, bảo đảm quyền lợi chính đáng và tạo"
        " sự đồng thuận của đội ngũ cán bộ, công chức.",
    ],
    "an toàn giao thông": [
        "Trong {small} tháng đầu năm {y}, toàn tỉnh xảy ra {k} vụ tai nạn giao thông, giảm {pct_small}% so với"
        " cùng kỳ.",
        "Lực lượng chức năng đã xử lý {big} trường hợp vi phạm, phạt tiền hơn {money} tỷ đồng.",
        "Tuyến quốc lộ qua địa bàn dài {k} km có {small} điểm đen cần xử lý.",
        "Đợt cao điểm kéo dài từ ngày {d}/{m} đến hết ngày {d2}/{m2}/{y}.",
        "Lực lượng cảnh sát giao thông tăng cường tuần tra, kiểm soát vào ban đêm, tập trung xử lý các hành vi vi"
        " phạm nồng độ cồn, chạy quá tốc độ và chở quá số người quy định.",
    ],
    "giáo dục và đào tạo": [
        "Năm học {y0} - {y}, toàn tỉnh có {big} học sinh với {big3} trường học.",
        "Tỷ lệ trường đạt chuẩn quốc gia là {pct}%, tăng {small} trường so với năm học trước.",
        "Kỳ thi tốt nghiệp trung học phổ thông năm {y} có tỷ lệ đỗ {pct}%.",
        "Tỉnh dành {money} tỷ đồng để kiên cố hóa {k} phòng học.",
        "Ngành giáo dục đã chủ động rà soát đội ngũ giáo viên, xây dựng phương án tuyển dụng, điều động hợp lý để"
        " khắc phục tình trạng thừa, thiếu cục bộ ở các cấp học.",
    ],
    "y tế cơ sở": [
        "Tỷ lệ bao phủ bảo hiểm y tế đạt {pct}% dân số.",
        "Toàn tỉnh có {k} trạm y tế xã, trong đó {pct}% có bác sĩ làm việc.",
        "Năm {y}, các cơ sở y tế khám, chữa bệnh cho hơn {big} lượt người.",
        "Kinh phí mua sắm trang thiết bị cho tuyến cơ sở là {money} tỷ đồng.",
        "Nhiều trạm y tế xã đã triển khai bệnh án điện tử, khám chữa bệnh bằng căn cước công dân gắn chip, giúp giảm"
        " thời gian chờ đợi của người bệnh.",
    ],
    "công tác dân vận": [
        "Các cấp đã xây dựng {k} mô hình “Dân vận khéo” với hơn {big} lượt người tham gia.",
        "Mặt trận và các đoàn thể vận động được {money} tỷ đồng ủng hộ Quỹ Vì người nghèo.",
        "{ratio} khu dân cư đạt danh hiệu khu dân cư văn hóa.",
        "Lãnh đạo tỉnh đã đối thoại trực tiếp với {big3} người dân tại {small} buổi tiếp dân.",
        "Cán bộ, công chức được yêu cầu thường xuyên xuống cơ sở, lắng nghe ý kiến của Nhân dân, giải quyết kịp thời"
        " những kiến nghị chính đáng, không để phát sinh điểm nóng.",
    ],
    "xây dựng Đảng": [
        "Năm {y}, toàn Đảng bộ kết nạp {big3} đảng viên mới, đạt {pct}% chỉ tiêu.",
        "Có {pct}% tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên.",
        "Ủy ban Kiểm tra các cấp đã kiểm tra {k} tổ chức đảng và {big3} đảng viên.",
        "Đảng bộ tỉnh hiện có {big} đảng viên sinh hoạt tại {big3} tổ chức cơ sở đảng.",
        "Công tác tự phê bình và phê bình được thực hiện nghiêm túc, gắn với việc khắc phục những hạn chế, khuyết"
        " điểm đã được chỉ ra qua kiểm điểm cuối năm.",
    ],
}
TOPIC_NAMES = list(TOPICS)

# Sentences with no reference, valid for every topic.
FILLERS = [
    "Tuy vậy, việc triển khai ở một số nơi vẫn còn hình thức, chưa gắn với nhiệm vụ cụ thể của đơn vị.",
    "Nhiều ý kiến cho rằng cần tăng cường kiểm tra, giám sát ở cơ sở, nhất là ở vùng sâu, vùng xa.",
    "Người đứng đầu các cơ quan, đơn vị phải chịu trách nhiệm trước cấp trên về kết quả thực hiện.",
    "Một số địa phương còn lúng túng trong việc bố trí nguồn lực và nhân sự thực hiện.",
    "Các đại biểu đã thảo luận sôi nổi, chỉ ra nhiều nguyên nhân của những tồn tại, hạn chế.",
    "Công tác phối hợp giữa các sở, ngành và địa phương có lúc chưa chặt chẽ.",
    "Hạ tầng kỹ thuật ở nhiều xã chưa đáp ứng yêu cầu, đường truyền còn chập chờn.",
    "Công tác tuyên truyền được đẩy mạnh trên báo, đài và mạng xã hội.",
    "Nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng trong toàn tỉnh.",
    "Lãnh đạo {PN} ghi nhận, biểu dương những tập thể, cá nhân có thành tích tiêu biểu.",
    "Tại buổi làm việc, {A} đã báo cáo cụ thể những khó khăn, vướng mắc phát sinh.",
    "Hội đồng đã thống nhất quyết định {small} nội dung quan trọng để trình cấp có thẩm quyền.",
    "Ông {man}, {role}, cho rằng kết quả đạt được là nhờ sự vào cuộc của cả hệ thống chính trị.",
    "Bà {woman}, {role}, đề nghị các địa phương chủ động rà soát, không để phát sinh hồ sơ trễ hạn.",
    "Tổng kinh phí thực hiện trong năm {y} là {money} tỷ đồng, chủ yếu từ ngân sách địa phương.",
    "Trong giai đoạn {y1} - {y2}, tỉnh đã tổ chức {k} lớp bồi dưỡng cho hơn {big} lượt cán bộ.",
    "Đến hết quý {quarter}/{y}, {ratio} xã, phường, thị trấn đã hoàn thành chỉ tiêu được giao.",
    "Người dân có thể phản ánh qua đường dây nóng {phone} hoặc qua cổng thông tin điện tử của tỉnh.",
    "Có {k} tập thể và {k2} cá nhân được tặng bằng khen vì thành tích xuất sắc.",
    "Dự kiến đến ngày {d}/{m}/{y}, toàn bộ {small} nhóm nhiệm vụ sẽ được hoàn thành.",
    "Tại huyện {place}, {pct}% hồ sơ được tiếp nhận và trả kết quả ngay trong ngày.",
    "Xã {place} là một trong {small} địa phương được chọn làm điểm của tỉnh.",
    "Sáng {d}/{m}, đoàn công tác đã làm việc với UBND huyện {place} và kiểm tra thực tế tại {small} xã.",
    "Phát biểu tại hội nghị, ông {man}, {role}, đề nghị các sở, ngành và địa phương tiếp tục nâng cao chất lượng"
    " tham mưu, tăng cường kiểm tra, giám sát và kịp thời tháo gỡ những khó khăn, vướng mắc phát sinh ngay từ cơ sở.",
    "Theo bà {woman}, {role}, điều quan trọng nhất là thay đổi nhận thức của đội ngũ cán bộ, công chức, coi sự hài"
    " lòng của người dân và doanh nghiệp là thước đo hiệu quả công việc.",
    "Báo cáo cũng thẳng thắn chỉ ra những hạn chế như: một số nhiệm vụ còn chậm tiến độ, chất lượng tham mưu ở một"
    " số đơn vị chưa cao, việc ứng dụng công nghệ thông tin chưa đồng đều giữa các địa phương.",
    "Nhiều đại biểu đề xuất tăng cường đào tạo, bồi dưỡng kỹ năng cho đội ngũ công chức trực tiếp tiếp xúc với người"
    " dân, đồng thời có cơ chế khen thưởng kịp thời những cá nhân làm tốt.",
    "Ghi nhận tại bộ phận một cửa huyện {place}, không khí làm việc khẩn trương, người dân đến làm thủ tục được hướng"
    " dẫn tận tình, hồ sơ được tiếp nhận nhanh chóng.",
    "Ông {man}, một người dân ở xã {place}, chia sẻ: “Trước đây làm một thủ tục phải đi lại nhiều lần, nay chỉ cần"
    " ngồi ở nhà nộp hồ sơ qua mạng là được”.",
    "Kết luận hội nghị, lãnh đạo {PN} yêu cầu các cơ quan, đơn vị rà soát lại toàn bộ nhiệm vụ được giao, xác định"
    " rõ người, rõ việc, rõ thời gian, rõ trách nhiệm và rõ kết quả.",
    "Trong năm {y}, {PN} tập trung vào {small} nhóm nhiệm vụ trọng tâm: hoàn thiện thể chế, nâng cao chất lượng"
    " nguồn nhân lực, đẩy mạnh ứng dụng công nghệ số và tăng cường kiểm tra, giám sát.",
    "Thời gian tới, {A} sẽ phối hợp với các cơ quan liên quan tổ chức đoàn kiểm tra liên ngành, tập trung vào những"
    " đơn vị có nhiều hồ sơ trễ hạn hoặc bị người dân phản ánh.",
    "Theo lãnh đạo {A}, nguyên nhân chủ yếu là do một bộ phận cán bộ, công chức còn ngại đổi mới, chưa chủ động"
    " nghiên cứu, áp dụng các quy định mới vào thực tiễn công việc.",
    "Tại các điểm cầu, đại biểu đã nghe báo cáo tham luận của {small} địa phương, trong đó nhiều ý kiến tập trung vào"
    " việc bố trí kinh phí, cơ sở vật chất và nhân lực cho cấp xã.",
    "Mỗi năm, {PN} dành khoảng {money} tỷ đồng cho lĩnh vực này, ưu tiên các xã đặc biệt khó khăn và các công trình"
    " thiết yếu phục vụ đời sống người dân.",
]
# Openings that lengthen a sentence: "Theo báo cáo của {A}, …" (the sentence then starts lower-case).
LEADS = [
    "Theo báo cáo của {A}, ", "Cũng trong năm {y}, ", "Đáng chú ý, ", "Theo đánh giá của lãnh đạo {PN}, ",
    "Thống kê của {A} cho thấy, ", "Từ đầu năm đến nay, ", "Cùng với đó, ", "Ngoài ra, ",
    "Theo báo cáo tại hội nghị, ",
]  # fmt: skip
# Sentences that start with a name or a slot keep their capital after a lead; these are left alone.
_NO_LEAD = ("{", "Mặt trận", "Ủy ban", "Đảng bộ", "Ông", "Bà", "Theo", "Phát biểu", "Kết luận", "Ghi nhận", "Tại",
            "Thời gian tới", "Trong năm", "Bên cạnh", "Năm học", "Trong {", "Mỗi năm", "Dự kiến", "Đến hết")

# Sentences with one reference {R} (a first mention: full, with or without date and issuer).
REF_SENTENCES = [
    "Theo {R}, các cơ quan, đơn vị phải hoàn thành nhiệm vụ được giao trước ngày {d}/{m}/{y}.",
    "Căn cứ {R}, {A} đã tham mưu UBND {level} ban hành kế hoạch chi tiết cho từng giai đoạn.",
    "Việc thực hiện được lồng ghép với {R}.",
    "{PN} cũng đang khẩn trương rà soát các nhiệm vụ được giao tại {R}.",
    "Đại diện {A} cho biết, các nội dung của {R} đã được quán triệt đến {pct}% cán bộ, công chức.",
    "Trong thời gian tới, {PN} tiếp tục bám sát {R} để triển khai đồng bộ các giải pháp.",
    "Hội nghị dành nhiều thời gian thảo luận về những khó khăn khi áp dụng {R} tại cơ sở.",
    "Bên cạnh đó, {R} là cơ sở quan trọng để các địa phương chủ động bố trí nguồn lực.",
    "Nhiều ý kiến đề nghị cấp có thẩm quyền sớm sửa đổi, bổ sung {R} cho phù hợp với thực tiễn.",
    "Đến nay, {ratio} xã, phường đã xây dựng kế hoạch triển khai {R}.",
    "Các đơn vị được yêu cầu báo cáo kết quả thực hiện {R} về {A} trước ngày {d}/{m}.",
    "Ông {man}, {role}, nhấn mạnh: “Tinh thần của {R} là phải làm thực chất, tránh hình thức”.",
    "Cũng tại hội nghị, {A} đã hướng dẫn chi tiết các quy định mới tại {R}.",
    "Việc tiếp nhận, giải quyết hồ sơ được thực hiện theo {R}.",
    "Thực hiện {R}, {PN} đã ban hành nhiều văn bản chỉ đạo, đôn đốc các sở, ngành và địa phương.",
]
# Sentences for a Party document {R}.
PARTY_SENTENCES = [
    "Các cấp ủy, tổ chức đảng tiếp tục quán triệt, triển khai thực hiện nghiêm {R}.",
    "Việc học tập, quán triệt {R} được tổ chức đến {pct}% chi bộ trực thuộc.",
    "Ban Thường vụ {party} yêu cầu người đứng đầu cấp ủy trực tiếp chỉ đạo việc thực hiện {R}.",
    "Thời gian qua, việc thực hiện {R} đã tạo chuyển biến tích cực trong công tác xây dựng Đảng ở cơ sở.",
]
# Sentences for a local document {R} just issued or being carried out.
LOCAL_SENTENCES = [
    "Trước đó, {issuer} đã ban hành {R} về {T}.",
    "Mới đây, {issuer} ban hành {R} nhằm cụ thể hóa các chủ trương của cấp trên về {T}.",
    "{A} được giao chủ trì, theo dõi, đôn đốc việc thực hiện {R}.",
    "Theo {R}, mỗi cơ quan, đơn vị phải xây dựng kế hoạch cụ thể và báo cáo định kỳ {small} tháng một lần.",
    "Các huyện, thị xã, thành phố đã triển khai {R} đến {ratio} xã, phường, thị trấn.",
]
# Sentences for a list {R} of two or three documents.
LIST_SENTENCES = [
    "Việc xử lý vi phạm được thực hiện theo {R}.",
    "Các văn bản gồm {R} đã được niêm yết công khai tại bộ phận một cửa.",
    "Đơn vị đã tổ chức quán triệt {R} đến toàn thể cán bộ, công chức.",
    "Ông {man} đề nghị các đơn vị nghiên cứu kỹ {R} để áp dụng cho đúng.",
]
# Sentences for a short repeat {S} of a document already cited in the article.
REPEAT_SENTENCES = [
    "Điểm mới của {S} là gắn trách nhiệm người đứng đầu với kết quả thực hiện.",
    "Sau khi {S} có hiệu lực, {k} thủ tục hành chính đã được cắt giảm hoặc đơn giản hóa.",
    "Ông {man} đề nghị các đơn vị tiếp tục bám sát {S}, tránh báo cáo chung chung.",
    "Những nhiệm vụ mà {S} giao cho địa phương về cơ bản đã đi đúng lộ trình.",
    "Một số nơi vẫn chép gần như nguyên văn {S} mà chưa gắn với nhiệm vụ cụ thể của đơn vị.",
    "Giai đoạn {y1} - {y2}, tỉnh sẽ tiếp tục cụ thể hóa {S} bằng các chương trình, kế hoạch hằng năm.",
]
# The opening paragraph: the main central document {M} and, maybe, the province's plan {L} for it.
INTROS_WITH_LOCAL = [
    "Sáng {d}/{m}/{y}, {A} {full} tổ chức hội nghị sơ kết {since} năm triển khai {L} về thực hiện {M}.",
    "Thực hiện {M}, {issuer} đã ban hành {L} với {small} nhóm nhiệm vụ, giải pháp trọng tâm về {T}.",
    "Để cụ thể hóa {M}, {issuer} ban hành {L}, giao nhiệm vụ cụ thể cho từng sở, ngành và địa phương.",
]
INTROS = [
    "Sau {since} năm triển khai {M}, công tác {T} trên địa bàn {full} đã có nhiều chuyển biến rõ nét.",
    "Ngày {d}/{m}, {A} {full} tổ chức hội nghị quán triệt, triển khai {M}.",
    "{PN} đang tập trung thực hiện {M}, coi đây là nhiệm vụ trọng tâm của năm {y}.",
]
# Clauses that lengthen a sentence: ", góp phần …".
TAILS = [
    "góp phần nâng cao chất lượng phục vụ người dân và doanh nghiệp",
    "qua đó tạo chuyển biến rõ nét về nhận thức và hành động của cán bộ, công chức",
    "đồng thời đề cao trách nhiệm của người đứng đầu các cơ quan, đơn vị",
    "nhất là ở các xã vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số",
    "theo báo cáo của {A} tại hội nghị",
    "bảo đảm đúng tiến độ và chất lượng đề ra",
    "tạo sự đồng thuận cao trong Nhân dân",
    "trong bối cảnh nguồn lực của địa phương còn nhiều hạn chế",
    "theo số liệu được công bố tại buổi làm việc sáng {d}/{m}",
    "vượt {small} chỉ tiêu so với kế hoạch đầu năm",
    "được lãnh đạo {PN} đánh giá cao",
    "dù vẫn còn không ít khó khăn, vướng mắc cần tháo gỡ",
]
TITLES_WITH_REF = [
    "{PN} sơ kết {since} năm thực hiện {M}",
    "{PN} triển khai {M}",
    "Hội nghị quán triệt {M} tại {PN}",
    "{PN}: đưa {M} vào cuộc sống",
]
TITLES = [
    "{PN}: đẩy mạnh {T}",
    "Nâng cao hiệu quả công tác {T} tại {PN}",
    "{PN} tổng kết công tác {T} năm {y}",
    "{PN} quyết liệt triển khai công tác {T}, hướng tới mục tiêu năm {y2}",
    "{PN}: {small} tháng đầu năm, công tác {T} có nhiều chuyển biến",
    "Nhiều kết quả nổi bật trong công tác {T} ở {PN}",
]


# --------------------------------------------------------------------------------------------------
# Writing one article
# --------------------------------------------------------------------------------------------------


def _pick(r: Random, seq: Sequence[T]) -> T:
    """``r.choice(seq)``, faster (the generator's hot path draws a few hundred times an article)."""
    return seq[int(r.random() * len(seq))]


def _int(r: Random, low: int, high: int) -> int:
    """``r.randint(low, high)``, faster."""
    return low + int(r.random() * (high - low + 1))


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


_N = [str(i) for i in range(1000)]  # numbers as text, drawn by index: str() on the hot path costs
_N3 = [f"{i:03d}" for i in range(1000)]
# What each template slot is filled with, drawn afresh each time (r: the random source, y: the article's year).
SLOT_MAKERS: dict[str, Callable[[Random, int], str]] = {
    "pct": lambda r, y: f"{_N[60 + int(r.random() * 40)]},{_N[1 + int(r.random() * 9)]}",
    "pct_small": lambda r, y: f"{_N[int(r.random() * 10)]},{_N[1 + int(r.random() * 9)]}",
    "score": lambda r, y: f"{_N[80 + int(r.random() * 13)]},{_N[10 + int(r.random() * 90)]}",
    "income": lambda r, y: f"{_N[40 + int(r.random() * 36)]},{_N[1 + int(r.random() * 9)]}",
    "money": lambda r, y: _money(r),
    "big": lambda r, y: f"{_N[1 + int(r.random() * 250)]}.{_N3[int(r.random() * 1000)]}",
    "big3": lambda r, y: _N[100 + int(r.random() * 900)],
    "k": lambda r, y: _N[12 + int(r.random() * 169)],
    "k2": lambda r, y: _N[12 + int(r.random() * 169)],
    "small": lambda r, y: _N[2 + int(r.random() * 8)],
    "ratio": lambda r, y: _ratio(r),
    "y": lambda r, y: str(y),
    "y0": lambda r, y: str(y - 1),
    "y1": lambda r, y: str(y - int(r.random() * 3)),
    "y2": lambda r, y: str(y + 1 + int(r.random() * 5)),
    "d": lambda r, y: _N[1 + int(r.random() * 28)],
    "d2": lambda r, y: _N[1 + int(r.random() * 28)],
    "m": lambda r, y: _N[1 + int(r.random() * 12)],
    "m2": lambda r, y: _N[1 + int(r.random() * 12)],
    "h": lambda r, y: _N[7 + int(r.random() * 10)],
    "mm": lambda r, y: ("00", "15", "30", "45")[int(r.random() * 4)],
    "quarter": lambda r, y: ("I", "II", "III", "IV")[int(r.random() * 4)],
    "phone": lambda r, y: _phone(r),
    "man": lambda r, y: f"{_pick(r, FAMILY)} {_pick(r, MIDDLE_MEN)} {_pick(r, GIVEN_MEN)}",
    "woman": lambda r, y: f"{_pick(r, FAMILY)} {_pick(r, MIDDLE_WOMEN)} {_pick(r, GIVEN_WOMEN)}",
    "role": lambda r, y: ROLES[int(r.random() * len(ROLES))],
    "A": lambda r, y: AGENCIES[int(r.random() * len(AGENCIES))],
    "place": lambda r, y: PLACES[int(r.random() * len(PLACES))],
}  # fmt: skip


def _money(r: Random) -> str:
    return _thousands(_int(r, 2, 3000)) if r.random() < 0.7 else f"{_int(r, 1, 99)},{_int(r, 1, 9)}"


def _phone(r: Random) -> str:
    area, mid, end = _N[200 + int(r.random() * 100)], _N[10 + int(r.random() * 90)], _N3[int(r.random() * 1000)]
    return f"0{area}.{mid}{_N3[int(r.random() * 1000)]}.{end}"


def _ratio(r: Random) -> str:
    n = _int(r, 8, 160)
    return f"{_int(r, n // 2, n)}/{n}"


class _Slots(dict[str, str]):
    """Template values: fixed ones set per article, the rest drawn (afresh each time) when a template asks."""

    def __init__(self, rng: Random, year: int) -> None:
        super().__init__()
        self.rng = rng
        self.year = year

    def __missing__(self, key: str) -> str:
        return SLOT_MAKERS[key](self.rng, self.year)


def _place_names() -> list[str]:
    provinces = {p.name for p in load_provinces()}
    names = [f"{a} {b}" for a in SYLLABLES for b in SYLLABLES if a != b]
    return [n for n in names if n not in provinces]


PLACES: list[str] = _place_names()
_NO_LEAD_TEMPLATES = frozenset(
    t for t in [*FILLERS, *(s for pool in TOPICS.values() for s in pool)] if t.startswith(_NO_LEAD)
)
MONTHS_DAYS = [(m, d) for m in range(1, 13) for d in range(1, 29)]
PARAGRAPH_CUM = list(accumulate((26, 25, 17, 11, 9, 7, 5)))  # 4 to 10 paragraphs, fewer more often
SENTENCE_CUM = list(accumulate((1, 2, 7)))  # 1 to 3 sentences a paragraph


class ArticleWriter:
    """Writes articles one after the other from one random source."""

    def __init__(self, seed: int) -> None:
        self.rng = Random(seed)
        self.central = central_pool(self.rng)
        self.cum = list(accumulate(1 / (r + ZIPF_OFFSET) ** ZIPF_EXPONENT for r in range(len(self.central))))
        self.provinces = load_provinces()
        self.references = 0  # references written into the articles so far (each list item counts)
        self.month = 12  # month of the article being written: local documents of its year come before it
        self.used: set[str] = set()  # templates used in the article being written
        self._composed: dict[tuple[str, str, str], str] = {}  # lead + template + tail, put together

    # ---------------------------------------------------------------- documents
    def _central(self, year: int = 9999) -> Doc:
        """A central document by Zipf weight, issued no later than ``year`` (a few draws, then any)."""
        for _ in range(8):
            doc = self.central[bisect(self.cum, self.rng.random() * self.cum[-1])]
            if doc.year <= year:
                break
        return doc

    def _local(self, prov: Province, year: int, *, plan: bool = False) -> Doc:
        """A document of the province: UBND, HĐND, Party committee or a department; ``plan``: a plan or programme."""
        r = self.rng
        level = prov.level
        y = year - (r.random() < 0.35)
        m, d = _int(r, 1, self.month if y == year else 12), _int(r, 1, 28)
        if plan:
            if r.random() < 0.7:
                t, abbr, code = _pick(r, (("Kế hoạch", "", "KH-UBND"), ("Quyết định", "QĐ", "QĐ-UBND")))
                issuer = _pick(r, (f"UBND {level}", f"UBND {prov.full}", f"Ủy ban nhân dân {prov.full}"))
                return Doc(t, abbr, str(_int(r, 1, 3000)), code, False, False, y, m, d, issuer, f"UBND {level}")
            t, code = _pick(r, (("Chương trình", "CTr/TU"), ("Kế hoạch", "KH/TU")))
            committee = prov.party_committee
            issuer = _pick(r, (committee, f"Ban Thường vụ {committee}"))
            return Doc(t, "", str(_int(r, 1, 400)).zfill(2), code, True, False, y, m, d, issuer, committee)
        kind = r.random()
        if kind < 0.55:  # UBND
            t, abbr, code = _pick(r, (("Kế hoạch", "", "KH-UBND"), ("Quyết định", "QĐ", "QĐ-UBND"),
                                      ("Quyết định", "QĐ", "QĐ-UBND"), ("Chỉ thị", "CT", "CT-UBND"),
                                      ("Công văn", "", "UBND-VX")))  # fmt: skip
            top = 40 if t == "Chỉ thị" else 3000
            issuer = _pick(r, (f"UBND {level}", f"UBND {prov.full}", f"Ủy ban nhân dân {prov.full}"))
            return Doc(t, abbr, str(_int(r, 1, top)), code, False, False, y, m, d, issuer, f"UBND {level}")
        if kind < 0.65:  # HĐND
            issuer = _pick(r, (f"HĐND {level}", f"Hội đồng nhân dân {prov.full}"))
            return Doc("Nghị quyết", "NQ", str(_int(r, 1, 150)), "NQ-HĐND", False, False, y, m, d, issuer,
                       f"HĐND {level}")  # fmt: skip
        if kind < 0.88:  # the province's Party committee
            t, code = _pick(r, (("Chương trình", "CTr/TU"), ("Kế hoạch", "KH/TU"), ("Nghị quyết", "NQ/TU"),
                                ("Chỉ thị", "CT/TU"), ("Kết luận", "KL/TU")))  # fmt: skip
            committee = prov.party_committee
            issuer = _pick(r, (committee, f"Ban Thường vụ {committee}", f"Ban Chấp hành Đảng bộ {prov.full}"))
            return Doc(t, "", str(_int(r, 1, 400)).zfill(2), code, True, False, y, m, d, issuer, committee)
        agency, code = _pick(r, (("Sở Nội vụ", "KH-SNV"), ("Sở Y tế", "KH-SYT"), ("Sở Tư pháp", "KH-STP"),
                                 ("Sở Giáo dục và Đào tạo", "HD-SGDĐT")))  # fmt: skip
        t = "Hướng dẫn" if code.startswith("HD") else "Kế hoạch"
        return Doc(t, "", str(_int(r, 1, 3000)), code, False, False, y, m, d, agency, agency)

    # ---------------------------------------------------------------- mentions
    def _date(self, doc: Doc) -> str:
        r = self.rng.random()
        d, m = doc.day, doc.month
        if r < 0.55:
            return f"{d:02d}/{m:02d}/{doc.year}" if r < 0.3 else f"{d}/{m}/{doc.year}"
        if r < 0.75:
            return f"{d:02d}-{m:02d}-{doc.year}"
        return f"{d:02d} tháng {m:02d} năm {doc.year}" if r < 0.9 else f"{d} tháng {m} năm {doc.year}"

    def full(self, doc: Doc, *, rich: float = 0.6, issuer: bool = True) -> str:
        """A first mention: the type word, "số" (mostly), the symbol; often the date, issuer and subject.

        Args:
            doc: The document.
            rich: How often the date and issuer (and sometimes the subject) follow.
            issuer: Whether "của <issuer>" may follow (not when the sentence names the issuer already).
        """
        r = self.rng
        self.references += 1
        if doc.type_word == "Luật":
            head = f"Luật {doc.name} số {doc.symbol}" if r.random() < 0.8 else f"Luật số {doc.symbol}"
            return head + (f" ngày {self._date(doc)}" if r.random() < 0.3 else "")
        if doc.type_word == "Công văn" and r.random() < 0.5:
            return f"văn bản số {doc.symbol} của {doc.issuer}" if r.random() < 0.6 else f"văn bản {doc.symbol}"
        x = r.random()
        if x < 0.04:  # the symbol alone: "theo 1847/QĐ-TTg ngày …"
            return doc.symbol + (f" ngày {self._date(doc)}" if x < 0.02 else "")
        so = " số " if x < 0.75 else " "
        text = f"{doc.type_word}{so}{doc.symbol}"
        x = r.random()
        if x < rich:
            text += f" ngày {self._date(doc)} của {doc.issuer}" if issuer else f" ngày {self._date(doc)}"
            if doc.subject and r.random() < 0.45:
                text += f" {doc.subject}"
        elif x < rich + 0.2 and issuer:
            text += f" của {doc.issuer}"
        return text

    def short(self, doc: Doc) -> str:
        """A later mention: "Quyết định 1847", "QĐ 1847", "Nghị quyết 18", or the symbol again."""
        r = self.rng.random()
        if doc.type_word == "Luật":
            self.references += 1
            return f"Luật số {doc.symbol}"
        self.references += 1
        if doc.abbr and r < 0.2:
            return f"{doc.abbr} {doc.number}"
        if r < 0.75:
            return f"{doc.type_word} {doc.number}"
        return f"{doc.type_word} {doc.symbol}"

    def first_short(self, doc: Doc) -> str:
        """A first mention with no symbol: "Chỉ thị 19 của Thành ủy"."""
        self.references += 1
        return f"{doc.type_word} {doc.number} của {doc.issuer_short}"

    def listed(self, docs: list[Doc]) -> str:
        """Two or three documents of one type and issuer: "Nghị định số a và b của Chính phủ"."""
        self.references += len(docs)
        head = docs[0]
        symbols = [d.symbol for d in docs]
        joined = symbols[0] if len(symbols) == 1 else ", ".join(symbols[:-1]) + " và " + symbols[-1]
        lead = "các " if len(docs) > 2 and self.rng.random() < 0.5 else ""
        text = f"{lead}{head.type_word} số {joined}"
        return text + (f" của {head.issuer}" if self.rng.random() < 0.7 else "")

    # ---------------------------------------------------------------- article
    def article(self) -> str:
        """One article: title, date line, paragraphs, maybe a byline."""
        r = self.rng
        prov = _pick(r, self.provinces)
        topic = _pick(r, TOPIC_NAMES)
        main = self._central()
        while main.type_word in ("Công văn", "Công điện"):
            main = self._central()
        year = _int(r, max(main.year + 1, 2015), 2025) if main.year < 2025 else 2025
        m, d = _pick(r, MONTHS_DAYS)
        self.month = m
        self.used.clear()
        slots = _Slots(r, year)
        slots.update(PN=prov.name, full=prov.full, level=prov.level, party=prov.party_committee, T=topic,
                     since=str(max(1, year - main.year)))  # fmt: skip
        cited: list[Doc] = [main]

        if r.random() < 0.2:
            slots["M"] = self.short(main)
            title = _pick(r, TITLES_WITH_REF).format_map(slots)
        else:
            title = _pick(r, TITLES).format_map(slots)
        hour, minute = _int(r, 6, 22), _int(r, 0, 59)
        lines = [title, f"Cập nhật: {hour:02d}:{minute:02d} | {d:02d}/{m:02d}/{year}"]

        paragraphs: list[str] = []
        slots["M"] = self.full(main, rich=0.8)
        if r.random() < 0.35:
            plan = self._local(prov, year, plan=True)
            template = _pick(r, INTROS_WITH_LOCAL)
            slots["L"] = self.full(plan, rich=0.5, issuer="{issuer}" not in template)
            slots["issuer"] = plan.issuer
            cited.append(plan)
            intro = template.format_map(slots)
        else:
            intro = _pick(r, INTROS).format_map(slots)
        if prov.outlet and r.random() < 0.3:
            intro = f"({prov.outlet}.vn) - {intro}"
        extra = [self._plain(topic, slots) for _ in range(_pick(r, (1, 2, 2)))]
        paragraphs.append(" ".join([intro, *extra]))

        count = 4 + bisect(PARAGRAPH_CUM, r.random() * PARAGRAPH_CUM[-1])
        for _ in range(count - 1):
            size = 1 + bisect(SENTENCE_CUM, r.random() * SENTENCE_CUM[-1])
            sentences = [self._plain(topic, slots) for _ in range(size)]
            if r.random() >= NO_REFERENCE_SHARE:
                at = int(r.random() * len(sentences))
                sentences[at] = self._referring(prov, year, topic, slots, cited)
                if len(sentences) > 1 and r.random() < 0.05:
                    at = (at + 1) % len(sentences)
                    sentences[at] = self._referring(prov, year, topic, slots, cited)
            paragraphs.append(" ".join(sentences))
        lines.extend(paragraphs)
        if r.random() < 0.5:
            lines.append(f"{_pick(r, BYLINE)} {_pick(r, GIVEN)}")
        return "\n\n".join(lines) + "\n"

    def _plain(self, topic: str, slots: _Slots) -> str:
        """A sentence with no reference, not used before in the article, maybe with a lead and a tail.

        The lead, template and tail are put together once per combination and filled with one call.
        """
        rand = self.rng.random
        used = self.used
        pool = TOPICS[topic] if rand() < 0.35 else FILLERS
        template = pool[int(rand() * len(pool))]
        for attempt in range(6):  # the same sentence twice in one article reads wrong
            if template not in used:
                break
            if attempt == 2:
                pool = FILLERS  # the topic's few sentences are all used
            template = pool[int(rand() * len(pool))]
        used.add(template)
        lead = LEADS[int(rand() * len(LEADS))] if rand() < 0.5 and template not in _NO_LEAD_TEMPLATES else ""
        tail = ""
        if rand() < 0.85 and template[-2] not in "”)":
            for _ in range(3):
                tail = TAILS[int(rand() * len(TAILS))]
                if tail not in used:
                    used.add(tail)
                    break
            else:
                tail = ""
        key = (template, lead, tail)
        composed = self._composed.get(key)
        if composed is None:
            body = template[0].lower() + template[1:] if lead else template
            composed = self._composed[key] = lead + (f"{body[:-1]}, {tail}." if tail else body)
        return composed.format_map(slots)

    def _tail(self, text: str, slots: _Slots, share: float) -> str:
        """Lengthen a sentence with a clause before its full stop, sometimes."""
        rand = self.rng.random
        if rand() >= share or text[-2] in "”)":
            return text
        for _ in range(3):
            tail = TAILS[int(rand() * len(TAILS))]
            if tail not in self.used:
                self.used.add(tail)
                return f"{text[:-1]}, {tail.format_map(slots)}."
        return text

    def _referring(self, prov: Province, year: int, topic: str, slots: _Slots, cited: list[Doc]) -> str:
        """A sentence with a reference: a repeat, a list, a central, Party or local document."""
        r = self.rng
        x = r.random()
        repeatable = [d for d in cited if d.type_word != "Luật"]
        if x < 0.22 and repeatable:
            slots["S"] = self.short(_pick(r, repeatable))
            return _pick(r, REPEAT_SENTENCES).format_map(slots)
        if x < 0.28:
            return self._list_sentence(prov, year, slots, cited)
        if x < 0.74:
            doc = self._central(year)
            if doc in cited and doc.type_word != "Luật":  # a head document again: a short repeat
                slots["S"] = self.short(doc)
                return _pick(r, REPEAT_SENTENCES).format_map(slots)
            cited.append(doc)
            slots["R"] = self.full(doc)
            pool = PARTY_SENTENCES if doc.party else REF_SENTENCES
            return self._tail(_pick(r, pool).format_map(slots), slots, 0.4)
        doc = self._local(prov, year)
        cited.append(doc)
        template = _pick(r, PARTY_SENTENCES if doc.party and r.random() < 0.5 else LOCAL_SENTENCES)
        named = "{issuer}" in template
        if r.random() < 0.12 and not named:
            slots["R"] = self.first_short(doc)
        else:
            slots["R"] = self.full(doc, rich=0.45, issuer=not named)
        slots["issuer"] = doc.issuer
        return template.format_map(slots)

    def _list_sentence(self, prov: Province, year: int, slots: _Slots, cited: list[Doc]) -> str:
        r = self.rng
        if r.random() < 0.5:  # central decrees or decisions of one issuer
            first = self._central(year)
            while first.party or first.type_word in ("Luật", "Công văn"):
                first = self._central(year)
            docs = [first]
            for _ in range(_pick(r, (1, 1, 2))):
                other = self._central(year)
                if other.type_word == first.type_word and other.code == first.code and other not in docs:
                    docs.append(other)
                elif not first.party:
                    num = str(_int(r, 1, 200))
                    docs.append(Doc(first.type_word, first.abbr, num, first.code, False, first.year_in_symbol,
                                    _int(r, 2012, year), 1, 1, first.issuer, first.issuer_short))  # fmt: skip
        else:  # decisions of the province in a row: 1043/QĐ-UBND, 1051/QĐ-UBND
            first = self._local(prov, year)
            while first.type_word not in ("Quyết định", "Kế hoạch") or first.party:
                first = self._local(prov, year)
            n = int(first.number)
            docs = [first] + [
                Doc(first.type_word, first.abbr, str(n + _int(r, 1, 40) * (i + 1)), first.code, False, False,
                    first.year, first.month, first.day, first.issuer, first.issuer_short)
                for i in range(_pick(r, (1, 1, 2)))
            ]  # fmt: skip
        cited.extend(docs)
        slots["R"] = self.listed(docs)
        return _pick(r, LIST_SENTENCES).format_map(slots)


# --------------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------------


def article_path(out: Path, index: int) -> Path:
    """Where article ``index`` goes: ``OUT/0000/000000.txt``, 1,000 files per folder."""
    return out / f"{index // FILES_PER_FOLDER:04d}" / f"{index:06d}.txt"


def read_manifest(out: Path) -> dict[str, int] | None:
    """The manifest of a complete corpus under ``out``, or None when there is none."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_batches(batches: mp.Queue[list[tuple[str, bytes]] | None]) -> None:
    """Write the batches put on the queue until ``None`` arrives (runs in the writer process).

    A file that cannot be written ends the process with a message and exit code 1.
    """
    while (batch := batches.get()) is not None:
        try:
            for path, data in batch:
                with open(path, "wb") as handle:
                    handle.write(data)
        except OSError as exc:
            print(f"gen_corpus: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr)
            raise SystemExit(1) from None


def _put(batches: mp.Queue[list[tuple[str, bytes]] | None], item: list[tuple[str, bytes]] | None,
         proc: BaseProcess) -> None:  # fmt: skip
    """Hand ``item`` to the writer process, failing if it has died."""
    while True:
        try:
            batches.put(item, timeout=1)
            return
        except queue.Full:
            if not proc.is_alive():
                raise OSError(f"the corpus writer process stopped (exit code {proc.exitcode})") from None


def generate(out: Path, articles: int, seed: int = 0) -> int:
    """Write ``articles`` synthetic articles under ``out`` (made if missing), then the manifest.

    Articles are generated in this process and written, one folder at a time, by a second
    process, so that creating 100,000 files (system time) overlaps generating them (Python
    time) on two cores; a writer thread would not, as it waits for the interpreter lock after
    every system call. Files already there with the same names are overwritten; others are
    left, so give a new or empty folder.

    Args:
        out: The corpus folder; subfolders of at most 1,000 files are made in it.
        articles: How many articles.
        seed: The random seed; the same seed always gives the same corpus.

    Returns:
        Bytes written (the UTF-8 size of all articles).

    Raises:
        OSError: A folder or file could not be written.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).unlink(missing_ok=True)
    writer = ArticleWriter(seed)
    batches: mp.Queue[list[tuple[str, bytes]] | None] = mp.Queue(maxsize=4)
    proc = mp.Process(target=_write_batches, args=(batches,), name="gen-corpus-writer", daemon=True)
    proc.start()
    total = 0
    batch: list[tuple[str, bytes]] = []
    try:
        for index in range(articles):
            path = article_path(out, index)
            if index % FILES_PER_FOLDER == 0:
                if batch:
                    _put(batches, batch, proc)
                    batch = []
                path.parent.mkdir(exist_ok=True)
            data = writer.article().encode("utf-8")
            batch.append((str(path), data))
            total += len(data)
        if batch:
            _put(batches, batch, proc)
        _put(batches, None, proc)
        proc.join()
    finally:
        if proc.is_alive():  # interrupted: stop the writer
            proc.terminate()
            proc.join()
    if proc.exitcode != 0:
        raise OSError(f"the corpus writer process failed (exit code {proc.exitcode}); see the message above")
    manifest = {
        "generator": GENERATOR_VERSION, "articles": articles, "seed": seed, "bytes": total,
        "references": writer.references, "central_documents": len(writer.central),
    }  # fmt: skip
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return total


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, write the corpus, print a one-line summary on stderr."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="output folder")
    parser.add_argument("--articles", type=int, required=True, help="how many articles")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.articles <= 0:
        parser.error("--articles must be positive")
    t0 = time.perf_counter()
    size = generate(args.out, args.articles, args.seed)
    seconds = time.perf_counter() - t0
    manifest = read_manifest(args.out) or {}
    print(
        f"{args.articles:,} articles, {size / 1e6:.1f} MB, {manifest.get('references', 0) / args.articles:.2f}"
        f" references/article in {args.out} ({seconds:.1f} s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
