"""The provinces table and the detection of an article's LOCALITY."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from directive_graph.locality import Province, detect_locality, find_province, load_provinces
from directive_graph.vocab import fold, vocab_dir

PROVINCES = load_provinces()
SEEDS = Path(__file__).resolve().parents[2] / "shared/corpus/seeds"


def _key(alias: str) -> str:
    """An alias as a reader would compare it: accents, case, dots and dash spacing ignored."""
    return " ".join(fold(alias).replace(".", " ").replace("-", " - ").split()).replace(" - ", "-")


def _with_kind(province: Province) -> str:
    """The unit's name with its kind: "tỉnh An Giang", "thành phố Đà Nẵng", "Thành phố Hồ Chí Minh"."""
    if province.name.startswith("Thành phố"):
        return province.name
    return f"{province.kind} {province.name}"


ALIASES = [(alias, p.name) for p in PROVINCES for alias in p.aliases]
PRE_2025 = [p for p in PROVINCES if p.era == "pre2025"]


# --- the table ---------------------------------------------------------------


def test_table_header_and_eras() -> None:
    with open(vocab_dir() / "provinces.csv", encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == ["name", "kind", "era", "aliases", "merged_into"]
    eras = Counter(p.era for p in PROVINCES)
    assert eras["both"] + eras["pre2025"] == 63
    assert eras["both"] + eras["post2025"] == 34
    assert {p.kind for p in PROVINCES} == {"tỉnh", "thành phố"}
    cities = {p.name for p in PROVINCES if p.kind == "thành phố"}
    assert cities == {"Hà Nội", "Thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}


def test_no_alias_in_two_rows() -> None:
    owners: dict[str, set[str]] = {}
    for province in PROVINCES:
        for alias in (province.name, *province.aliases):
            owners.setdefault(_key(alias), set()).add(province.name)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


@pytest.mark.parametrize(
    "alias",
    ["ĐBSCL", "Đồng bằng sông Cửu Long", "Nam", "Bình", "Hồ Chí Minh", "HCM", "Tây Nguyên", "Việt Nam"],
    ids=str,
)
def test_words_that_are_not_provinces(alias: str) -> None:
    assert find_province(alias) is None


@pytest.mark.parametrize(("alias", "name"), ALIASES, ids=[f"{n}:{a}" for a, n in ALIASES])
def test_every_alias_is_found(alias: str, name: str) -> None:
    for written in (alias, alias.upper(), alias.lower()):
        found = find_province(written)
        assert found is not None and found.name == name, written


@pytest.mark.parametrize("province", PRE_2025, ids=lambda p: p.name)
def test_merged_units_name_a_unit_of_both_eras(province: Province) -> None:
    target = find_province(province.merged_into or "")
    assert target is not None and target.era == "both" and target.name == province.merged_into


@pytest.mark.parametrize(
    ("name", "merged_into"),
    [
        ("Bạc Liêu", "Cà Mau"),
        ("Bình Dương", "Thành phố Hồ Chí Minh"),
        ("Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
        ("Hà Giang", "Tuyên Quang"),
        ("Bình Định", "Gia Lai"),
        ("Quảng Nam", "Đà Nẵng"),
        ("Hải Dương", "Hải Phòng"),
        ("Kiên Giang", "An Giang"),
    ],
    ids=str,
)
def test_known_mergers(name: str, merged_into: str) -> None:
    province = find_province(name)
    assert province is not None and (province.era, province.merged_into) == ("pre2025", merged_into)


@pytest.mark.parametrize("name", ["Hà Nội", "Huế", "Cao Bằng", "Quảng Ninh", "Thanh Hóa", "Điện Biên"], ids=str)
def test_units_of_both_eras(name: str) -> None:
    province = find_province(name)
    assert province is not None and (province.era, province.merged_into) == ("both", None)


# --- detection ---------------------------------------------------------------


@pytest.mark.parametrize("province", PROVINCES, ids=lambda p: p.name)
def test_every_province_from_its_people_s_committee(province: Province) -> None:
    text = f"UBND {_with_kind(province)} ban hành kế hoạch thực hiện văn hóa công vụ năm 2024."
    assert detect_locality(text) == province.name


@pytest.mark.parametrize("province", PROVINCES, ids=lambda p: p.name)
def test_every_province_from_its_party_committee(province: Province) -> None:
    committee = "Thành ủy" if province.kind == "thành phố" else "Tỉnh ủy"
    name = "TP.HCM" if province.name == "Thành phố Hồ Chí Minh" else province.name  # "Thành ủy TP.HCM"
    text = f"Ban Thường vụ {committee} {name} vừa tổ chức hội nghị sơ kết công tác dân vận."
    assert detect_locality(text) == province.name


@pytest.mark.parametrize("province", PRE_2025, ids=lambda p: p.name)
def test_pre_2025_units_are_returned_as_themselves(province: Province) -> None:
    assert detect_locality(f"Sở Nội vụ tỉnh {province.name} hướng dẫn đánh giá cán bộ.") == province.name
    assert province.merged_into


@pytest.mark.parametrize(
    "written",
    ["TP.HCM", "TPHCM", "TP HCM", "TP. HCM", "Tp.HCM", "Sài Gòn", "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh"],
    ids=str,
)
def test_ho_chi_minh_city_however_written(written: str) -> None:
    assert detect_locality("Các sở, ngành đã ra quân dọn rác.", title=f"{written} ra quân làm sạch kênh rạch") == (
        "Thành phố Hồ Chí Minh"
    )
    found = find_province(written)
    assert found is not None and found.name == "Thành phố Hồ Chí Minh"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Năm 2023, Khánh Hoà thu hút thêm nhiều nhà đầu tư. Tỉnh ủy Khánh Hoà chỉ đạo sát sao.", "Khánh Hòa"),
        ("HĐND tỉnh Thanh Hoá thông qua nghị quyết về biên chế.", "Thanh Hóa"),
        ("Chủ tịch UBND tỉnh Hoà Bình ký quyết định thành lập đoàn kiểm tra.", "Hòa Bình"),
        ("UBND TP. Đà Nẵng giao Sở Nội vụ triển khai thực hiện.", "Đà Nẵng"),
        ("HĐND tỉnh Bà Rịa-Vũng Tàu họp kỳ họp chuyên đề.", "Bà Rịa - Vũng Tàu"),
        ("Sở Kế hoạch và Đầu tư Hà Nội trình đề án mới.", "Hà Nội"),
        ("UBND tinh Ben Tre ban hanh ke hoach moi.", "Bến Tre"),
        ("UBND TỈNH AN GIANG THÔNG BÁO KẾT LUẬN.", "An Giang"),
        ("Lãnh đạo thủ đô Hà Nội làm việc với Công an Hà Nội.", "Hà Nội"),
        ("HÀ NỘI - Sáng nay, thành phố tổ chức lễ phát động.\nCác quận đều tham gia.", "Hà Nội"),
    ],
    ids=[
        "old-accent",
        "old-accent-hoa",
        "hoa-binh",
        "tp-dot",
        "br-vt",
        "so-ke-hoach",
        "no-accents",
        "capitals",
        "thu-do-lowercase",
        "dateline",
    ],
)
def test_written_forms_in_sentences(text: str, expected: str) -> None:
    assert detect_locality(text) == expected


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("HĐND TP giám sát việc thực hiện văn hóa công vụ tại Sở Nội vụ.", "thanhuytphcm.vn", "Thành phố Hồ Chí Minh"),
        ("Đoàn công tác UBND tỉnh Bình Dương đến thăm và làm việc.", "(Thanhuytphcm.vn)", "Thành phố Hồ Chí Minh"),
        ("UBND tỉnh Gia Lai chủ trì hội nghị vùng.", "https://baobinhdinh.vn/viewer.aspx", "Bình Định"),
        ("Thành ủy Hải Phòng cử đoàn sang học tập kinh nghiệm.", "hanoimoi.com.vn", "Hà Nội"),
        ("Tỉnh ủy Quảng Nam tổ chức hội nghị.", "Báo Đà Nẵng", "Đà Nẵng"),
    ],
    ids=["domain", "parenthesised", "url", "other-city-in-body", "outlet-name"],
)
def test_source_beats_body(text: str, source: str, expected: str) -> None:
    assert detect_locality(text, source=source) == expected


def test_source_in_the_text_itself() -> None:
    text = (
        "Kỳ họp thường lệ\n"
        "(Sggp.org.vn) - Ngày 5/3, HĐND TP tổ chức kỳ họp; đại biểu tỉnh Long An dự.\n"
        "Nhiều nội dung được thông qua."
    )
    assert detect_locality(text) == "Thành phố Hồ Chí Minh"
    signed = "Tỉnh tổ chức hội nghị tổng kết.\nUBND tỉnh Tiền Giang có đại diện dự.\nBÌNH ĐỊNH (Sở Nội vụ Vĩnh Long)"
    assert detect_locality(signed) == "Vĩnh Long"


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Cần Thơ đẩy mạnh chuyển đổi số", "Đoàn công tác của tỉnh Sóc Trăng đến học tập kinh nghiệm.", "Cần Thơ"),
        ("Nghệ An: cải cách hành chính chuyển biến rõ nét", "Các tỉnh bạn như Hà Tĩnh, Thanh Hóa cùng dự.", "Nghệ An"),
        ("Huế sau một năm lên thành phố trực thuộc Trung ương", "Lãnh đạo tỉnh Quảng Trị chúc mừng.", "Huế"),
    ],
    ids=["can-tho", "nghe-an", "hue"],
)
def test_title_beats_body(title: str, text: str, expected: str) -> None:
    assert detect_locality(text, title=title) == expected
    assert detect_locality(f"{title}\n\n{text}") == expected  # a first short line is read as the title


@pytest.mark.parametrize(
    "text",
    [
        "Chính phủ ban hành Nghị định 30/2020/NĐ-CP về công tác văn thư.",
        "Bộ Nội vụ kiểm tra công vụ tại Hà Giang, Cao Bằng, Lạng Sơn, Lào Cai và Yên Bái.",
        "UBND tỉnh Nghệ An và UBND tỉnh Hà Tĩnh ký kết chương trình hợp tác.",
        "Thủ tướng dự hội nghị tại Hà Nội cùng đại diện 63 tỉnh, thành phố.",
        "Hòa bình và ổn định là điều kiện để đất nước phát triển bền vững.",
        "Kỷ niệm 70 năm chiến thắng Điện Biên Phủ, cả nước tổ chức nhiều hoạt động.",
        "Bà Nguyễn Thị Huế và ông Trần Văn Thái Bình được khen thưởng.",
        "Vùng ĐBSCL có 13 tỉnh, thành phố; Tây Nguyên có 5 tỉnh.",
        "Tư tưởng Hồ Chí Minh về cán bộ vẫn còn nguyên giá trị.",
        "",
    ],
    ids=[
        "no-place",
        "many-provinces",
        "two-equal",
        "one-bare-mention",
        "peace",
        "dien-bien-phu",
        "people",
        "regions",
        "ho-chi-minh-the-person",
        "empty",
    ],
)
def test_national_texts_give_none(text: str) -> None:
    assert detect_locality(text) is None


def test_long_text_is_fast() -> None:
    import time

    text = "Các cơ quan thực hiện nghiêm quy chế làm việc, UBND tỉnh Long An chỉ đạo sát sao. " * 20_000
    started = time.perf_counter()
    assert detect_locality(text) == "Long An"
    assert time.perf_counter() - started < 10


# --- the shared seed articles ------------------------------------------------

SEED_LOCALITIES = {
    "000": "Hà Nội",  # "Hội đồng thi đua khen thưởng TP Hà Nội", "cán bộ Thủ đô"
    "001": "Hà Nội",  # "thành phố Hà Nội đã quán triệt …"
    "002": "Thành phố Hồ Chí Minh",  # "(Thanhuytphcm.vn) - … HĐND TP"
    "003": "An Giang",  # titled "An Giang đẩy mạnh …", signed "(Sở Nội vụ An Giang)"
    "004": "Hà Nội",  # quận Cầu Giấy, huyện Hoài Đức; "(laodongthudo.vn)"
}


def test_seed_articles() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seed corpus is absent ({SEEDS}); it is third-party text kept beside the repository")
    found = {path.name[:3]: detect_locality(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))}
    assert found == SEED_LOCALITIES


def _reference_mentions(text: str) -> list[tuple[str, bool, bool, int, int]]:
    """``_mentions`` as first written: the place-name regex searched at every position, behind a look-behind."""
    import re

    from directive_graph import locality

    at_start, _, forms = locality._matcher()
    pattern = re.compile(r"(?<!\w)" + at_start.pattern)
    found = []
    pos = 0
    while match := pattern.search(text, pos):
        pos = match.end()
        if match.group("skip"):
            continue
        name = match.group("name")
        form = forms.get(locality._key(name))
        if form is None or not (form.site or locality._written_as(name, form.masks)):
            pos = match.start() + 1
            continue
        start = match.start()
        admin = form.admin or match.group("pre") is not None
        admin = admin or locality._ADMIN_BEFORE.search(text, max(0, start - 48), start) is not None
        if not (admin or form.site) and locality._PERSON_BEFORE.search(text, max(0, start - 8), start):
            continue
        found.append((form.province.name, form.site, admin, start, match.end()))
    return found


def _texts() -> list[str]:
    articles = sorted((Path(__file__).resolve().parents[1] / "data/articles").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in articles]
    texts += [
        "hà nội và Hà Nội, thủ đô Hà Nội; tp.hcm, TP.HCM, tpHCM, TPHCM, tỉnhBạc Liêu, tinh bac lieu, Tinh Bac Lieu",
        "(baocantho.vn) - BAOCANTHO Baocantho bAOCANTHO; sggp, SGGP; thanhuytphcm",
        "điện biên phủ, Điện Biên Phủ, Điện Biên, dien bien phu",
        "Nguyễn Thị Huế, ông Hà Nam, UBND tỉnh Bà Rịa-Vũng Tàu, Bà Rịa – Vũng Tàu, Thừa Thiên Huế",
        "Khánh Hoà, khánh hòa, thành phố Hồ Chí Minh, Thành phố Hồ Chí Minh, thanh pho ho chi minh",
        "Sở Nội vụ An Giang, Hà",
        "",
        "Hà Nội",
        " Hà Nội",
        "x Hà Nội",
    ]
    cut = [t[i:] for t in texts[:3] for i in (1, 7, 50)]
    return texts + [t.upper() for t in texts] + [t.lower() for t in texts] + cut


def test_place_names_are_found_as_by_a_search_at_every_position() -> None:
    from directive_graph import locality

    for text in _texts():
        found = [(p.name, site, admin, s, e) for p, site, admin, s, e in locality._mentions(text)]
        assert found == _reference_mentions(text), text[:80]


def test_admin_phrase_before_a_name_is_read_as_by_the_full_pattern() -> None:
    from directive_graph import locality

    texts = [
        *_texts(),
        "Ủy ban nhân dân  \n Hà Nội; UỶ BAN NHÂN DÂN Hà Nội; Sở Nội vụ tỉnh An Giang; Sở  Tài chính\nHà Nội",
        "xUBND Hà Nội, Công an Đồng Nai, Viện kiểm sát nhân dân Cà Mau, Đoàn đại biểu Quốc hội Bắc Ninh",
    ]
    for text in texts:
        for start in range(min(len(text), 1200)):
            expected = locality._ADMIN_BEFORE.search(text, max(0, start - 48), start) is not None
            assert locality._admin_before(text, start) == expected, (text[max(0, start - 48) : start], start)
