"""Directive identity: which document a mention names, as table rows, and across a corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from directive_graph import extract_references
from directive_graph.build import build
from directive_graph.graph import build_graph
from directive_graph.identity import directive_key
from directive_graph.queries import find_directives
from directive_graph.relations import find_relations, own_number
from directive_graph.store import Store

# (id, text, locality, index of the mention, expected key, expected link)
KEYS = [
    ("central-national", "Theo Quyết định số 1847/QĐ-TTg năm 2018.", "Hà Nội", 0,
     "Quyết định|1847|TTG|2018|VN", "stated"),
    ("central-ministry", "Thông tư 01/2011/TT-BNV của Bộ Nội vụ.", None, 0, "Thông tư|1|BNV|2011|VN", "stated"),
    ("party-centre-national", "Nghị quyết 18-NQ/TW của Ban Chấp hành Trung ương.", "An Giang", 0,
     "Nghị quyết|18|TW||VN", "stated"),
    ("local-takes-province", "Quyết định 1043/QĐ-UBND của UBND TP.", "Thành phố Hồ Chí Minh", 0,
     "Quyết định|1043|UBND||Thành phố Hồ Chí Minh", "stated"),
    ("local-other-province", "Quyết định 1043/QĐ-UBND của UBND tỉnh.", "An Giang", 0,
     "Quyết định|1043|UBND||An Giang", "stated"),
    ("local-unknown-province", "Quyết định 1043/QĐ-UBND.", None, 0, "Quyết định|1043|UBND||?", "stated"),
    ("party-local-province", "Chương trình số 08-CTr/TU của Thành ủy.", "Hà Nội", 0,
     "Chương trình|8|TU||Hà Nội", "stated"),
    ("short-with-issuer-phrase", "Chỉ thị 19 của Thành ủy.", "Hà Nội", 0, "Chỉ thị|19|||Hà Nội|TU", "stated"),
    ("short-other-issuer-apart", "Chỉ thị 19 của UBND thành phố.", "Hà Nội", 0, "Chỉ thị|19|||Hà Nội|UBND", "stated"),
    ("short-no-antecedent", "Theo Chỉ thị 19, các sở rà soát.", "Hà Nội", 0, "Chỉ thị|19|||Hà Nội|", "unresolved"),
    ("short-with-antecedent", "Quyết định 1043/QĐ-UBND năm 2019 đã ban hành. Sau đó Quyết định 1043 được sửa.",
     "An Giang", 1, "Quyết định|1043|UBND|2019|An Giang", "inherited"),
    ("year-from-date", "Quyết định số 1847/QĐ-TTg ngày 27/12/2018.", None, 0,
     "Quyết định|1847|TTG|2018|VN", "stated"),
    ("year-unknown", "Quyết định 1847/QĐ-TTg về văn hóa công vụ.", None, 0, "Quyết định|1847|TTG||VN", "stated"),
    ("ampersand-code", "Thông tư 12/2011/TT-BGD&ĐT.", None, 0, "Thông tư|12|BGDĐT|2011|VN", "stated"),
    ("party-term-central", "Nghị quyết số 18-NQ/TW ngày 25-10-2017 của Ban Chấp hành Trung ương.", None, 0,
     "Nghị quyết|18|TW|term XII|VN", "stated"),
    ("party-term-central-same-term", "Nghị quyết số 18-NQ/TW năm 2018.", None, 0, "Nghị quyết|18|TW|term XII|VN",
     "stated"),
    ("party-term-central-next-term", "Nghị quyết số 18-NQ/TW ngày 1/6/2022.", None, 0,
     "Nghị quyết|18|TW|term XIII|VN", "stated"),
    ("party-term-local", "Chương trình số 08-CTr/TU ngày 5/3/2021 của Thành ủy.", "Hà Nội", 0,
     "Chương trình|8|TU|term 2020-2025|Hà Nội", "stated"),
    ("national-type-in-a-province", "Xử phạt theo Nghị định 100/2019 về giao thông.", "Lào Cai", 0,
     "Nghị định|100||2019|VN|", "unresolved"),
    ("national-type-short", "Theo Thông tư 29 về dạy thêm.", "Hà Nội", 0, "Thông tư|29|||VN|", "unresolved"),
    ("joint-code-narrows-the-word", "Theo Thông tư 69/2011/TTLT-BTC-BTP về án phí.", None, 0,
     "Thông tư liên tịch|69|BTC-BTP|2011|VN", "stated"),
    ("other-code-keeps-the-word", "Chương trình hành động số 32-CT/TU của Tỉnh ủy.", "An Giang", 0,
     "Chương trình|32|CT/TU||An Giang", "stated"),
    ("issuer-names-its-province", "Công văn số 3863/UBND-KT của UBND tỉnh Tuyên Quang gửi các bộ.", "Hà Nội", 0,
     "Công văn|3863|UBND-KT||Tuyên Quang", "stated"),
    ("party-term-stated-with-the-issuer", "Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương khóa XII về bộ máy.",
     None, 0, "Nghị quyết|18|TW|term XII|VN", "stated"),
    ("party-term-local-boundary-year", "Chương trình số 08-CTr/TU năm 2020 của Thành ủy.", "Hà Nội", 0,
     "Chương trình|8|TU|2020|Hà Nội", "stated"),
    ("party-centre-typed-tu-letter", "Nghị quyết 18-NQ/TƯ của Ban Chấp hành Trung ương khóa XII.", "An Giang", 0,
     "Nghị quyết|18|TW|term XII|VN", "stated"),
    ("tinh-uy-typed-tu-letter", "Nghị quyết 09-NQ/TƯ của Tỉnh ủy về du lịch.", "Quảng Ninh", 0,
     "Nghị quyết|9|TƯ||Quảng Ninh", "stated"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "locality", "index", "key", "link"), [k[1:] for k in KEYS], ids=[k[0] for k in KEYS]
)
def test_directive_keys(text: str, locality: str | None, index: int, key: str, link: str) -> None:
    found = directive_key(extract_references(text)[index], locality)
    assert (found.key, found.link) == (key, link)


def _store(tmp_path: Path, articles: dict[str, str]) -> Store:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = Store.open(str(tmp_path / "t.db"), create=True)
    build(store, [str(folder)], jobs=1)
    return store


def _links(store: Store, query: str) -> list[tuple[int | None, list[str]]]:
    rows = []
    for d in find_directives(store, query):
        links = [link for (link,) in store.conn.execute("SELECT link FROM mentions WHERE directive_id = ?", (d["id"],))]
        rows.append((d["year"], sorted(links)))
    return rows


def test_a_missing_year_is_inferred_when_the_corpus_knows_one_document(tmp_path: Path) -> None:
    with _store(tmp_path, {
        "a.txt": "Tin một\n\nCập nhật: 08:34 | 11/06/2019\nThực hiện Quyết định số 1847/QĐ-TTg ngày 27/12/2018.",
        "b.txt": "Tin hai\n\nCập nhật: 09:00 | 20/05/2020\nCác sở triển khai Quyết định 1847/QĐ-TTg.",
    }) as store:  # fmt: skip
        assert _links(store, "1847/QĐ-TTg") == [(2018, ["inferred", "stated"])]


def test_no_year_is_inferred_when_two_documents_share_the_number(tmp_path: Path) -> None:
    with _store(tmp_path, {
        "a.txt": "Tin một\n\nCập nhật: 08:34 | 11/06/2019\nThực hiện Quyết định số 15/QĐ-TTg ngày 3/1/2018.",
        "b.txt": "Tin hai\n\nCập nhật: 08:34 | 11/06/2020\nThực hiện Quyết định số 15/QĐ-TTg ngày 5/1/2019.",
        "c.txt": "Tin ba\n\nCập nhật: 09:00 | 20/05/2020\nCác sở triển khai Quyết định 15/QĐ-TTg.",
    }) as store:  # fmt: skip
        assert _links(store, "15/QĐ-TTg") == [(2019, ["stated"]), (2018, ["stated"]), (None, ["stated"])]


def test_a_document_issued_after_the_article_is_not_its_year(tmp_path: Path) -> None:
    with _store(tmp_path, {
        "old.txt": "Tin cũ\n\nCập nhật: 08:34 | 11/06/2015\nCác sở triển khai Quyết định 1847/QĐ-TTg.",
        "new.txt": "Tin mới\n\nCập nhật: 08:34 | 11/06/2019\nThực hiện Quyết định số 1847/QĐ-TTg ngày 27/12/2018.",
    }) as store:  # fmt: skip
        assert _links(store, "1847/QĐ-TTg") == [(2018, ["stated"]), (None, ["stated"])]


def test_inference_follows_the_corpus_as_it_grows(tmp_path: Path) -> None:
    with _store(tmp_path, {
        "a.txt": "Tin một\n\nCập nhật: 08:34 | 11/06/2020\nThực hiện Quyết định số 15/QĐ-TTg ngày 3/1/2018.",
        "b.txt": "Tin hai\n\nCập nhật: 09:00 | 20/05/2020\nCác sở triển khai Quyết định 15/QĐ-TTg.",
    }) as store:  # fmt: skip
        assert _links(store, "15/QĐ-TTg") == [(2018, ["inferred", "stated"])]
        (tmp_path / "corpus" / "c.txt").write_text(
            "Tin ba\n\nCập nhật: 08:34 | 11/06/2020\nQuyết định số 15/QĐ-TTg ngày 5/1/2019.", encoding="utf-8"
        )
        build(store, [str(tmp_path / "corpus")], jobs=1)
        assert _links(store, "15/QĐ-TTg") == [(2019, ["stated"]), (2018, ["stated"]), (None, ["stated"])]


def test_a_narrower_code_type_is_one_directive_found_by_either_type(tmp_path: Path) -> None:
    with _store(tmp_path, {
        "a.txt": "Tin một\n\nCập nhật: 08:34 | 11/06/2020\nÁp dụng Thông tư 69/2011/TTLT-BTC-BTP về án phí.",
        "b.txt": "Tin hai\n\nCập nhật: 09:00 | 20/05/2020\nThông tư liên tịch 69/2011/TTLT-BTC-BTP hết hiệu lực.",
    }) as store:  # fmt: skip
        queries = ("Thông tư 69/2011/TTLT-BTC-BTP", "Thông tư liên tịch 69/2011/TTLT-BTC-BTP", "69/2011/TTLT-BTC-BTP")
        for query in queries:
            found = find_directives(store, query)
            assert [(d["type"], d["key"]) for d in found] == [
                ("Thông tư liên tịch", "Thông tư liên tịch|69|BTC-BTP|2011|VN")
            ], query


def test_a_legal_text_is_its_own_number_and_its_bases(tmp_path: Path) -> None:
    decision = (
        "BỘ NỘI VỤ\n\nSố: 15/QĐ-BNV\n\nHà Nội, ngày 10 tháng 01 năm 2020\n\nQUYẾT ĐỊNH\n\n"
        "Căn cứ Luật Cán bộ, công chức số 22/2008/QH12;\n"
        "Căn cứ Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ;\n\nQUYẾT ĐỊNH:\n"
    )
    news = "Tin\n\nCập nhật: 08:34 | 11/06/2020\nBộ Nội vụ ban hành Quyết định số 15/QĐ-BNV năm 2020."
    with _store(tmp_path, {"qd.txt": decision, "tin.txt": news}) as store:
        g = build_graph(store)
    own = "d:Quyết định|15|BNV|2020|VN"
    kinds = sorted((g.nodes[a]["kind"], data["kind"]) for a, _, data in g.in_edges(own, data=True))
    assert kinds == [("article", "cites"), ("article", "is")]
    assert sorted((b, data["kind"]) for _, b, data in g.out_edges(own, data=True)) == [
        ("d:Luật|22|QH12|2008|VN", "based_on"),
        ("d:Quyết định|1847|TTG|2018|VN", "based_on"),
        ("i:BNV", "issued_by"),
    ]



@pytest.mark.parametrize("label", ["Số:", "Số hiệu:", "SỐ:"])
def test_own_number_under_each_header_label(label: str) -> None:
    text = f"BỘ TƯ PHÁP\n{label} 07/QĐ-BTP\nHà Nội, ngày 4 tháng 1 năm 2021\nCăn cứ Nghị định số 34/2017/NĐ-CP;\n"
    refs = extract_references(text)
    assert own_number(text, refs) == 0
    assert [(r.source, r.kind, r.target) for r in find_relations(text, refs)] == [(0, "based_on", 1)]

RELATIONS = [
    ("implements", "Kế hoạch số 109/KH-UBND triển khai Quyết định số 1847/QĐ-TTg.", [(0, "implements", 1)]),
    ("implements-after-date-and-issuer",
     "Kế hoạch số 109/KH-UBND ngày 5/3/2019 của UBND thành phố thực hiện Chỉ thị 05-CT/TW.", [(0, "implements", 1)]),
    ("amends", "Nghị định 123/2021/NĐ-CP sửa đổi, bổ sung Nghị định 100/2019/NĐ-CP.", [(0, "amends", 1)]),
    ("amends-passive", "Nghị định 100/2019/NĐ-CP được sửa đổi, bổ sung bởi Nghị định 123/2021/NĐ-CP.",
     [(1, "amends", 0)]),
    ("replaces-a-list", "Nghị định 30/2020/NĐ-CP thay thế Nghị định 110/2004/NĐ-CP và Nghị định 09/2010/NĐ-CP.",
     [(0, "replaces", 1), (0, "replaces", 2)]),
    ("guides", "Thông tư 01/2011/TT-BNV hướng dẫn Nghị định 110/2004/NĐ-CP.", [(0, "guides", 1)]),
    ("repeals", "Quyết định số 20/2021/QĐ-UBND bãi bỏ Quyết định số 12/2015/QĐ-UBND.", [(0, "repeals", 1)]),
    ("attached", "Quy chế ban hành kèm theo Quyết định số 15/QĐ-BNV.", []),
    ("no-cue", "Quyết định số 12/QĐ-UBND và Quyết định số 15/QĐ-UBND đều hết hiệu lực.", []),
    ("other-sentence", "Kế hoạch số 109/KH-UBND đã xong. Triển khai Quyết định số 1847/QĐ-TTg sau.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in RELATIONS], ids=[r[0] for r in RELATIONS])
def test_relations_from_cue_words(text: str, expected: list[tuple[int, str, int]]) -> None:
    refs = extract_references(text)
    assert [(r.source, r.kind, r.target) for r in find_relations(text, refs)] == expected


def test_a_named_document_is_a_node_attached_to_its_decision(tmp_path: Path) -> None:
    news = (
        "Tin\n\nCập nhật: 08:34 | 11/06/2019\nCác sở thực hiện Đề án “Văn hóa công vụ” (kèm theo Quyết định số"
        " 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ) và Luật Cán bộ, công chức năm 2008."
    )
    with _store(tmp_path, {"tin.txt": news}) as store:
        g = build_graph(store)
    plan = "d:named|Đề án|van hoa cong vu|"
    law = "d:named|Luật|can bo, cong chuc|2008"
    labels = (g.nodes[plan]["label"], g.nodes[law]["label"])
    assert labels == ("Đề án “Văn hóa công vụ”", "Luật Cán bộ, công chức (2008)")
    assert g.edges[plan, "d:Quyết định|1847|TTG|2018|VN"]["kind"] == "attached_to"
    assert g.edges["a:1", plan]["kind"] == "cites"


def test_a_centre_symbol_typed_with_its_letter_is_one_directive_found_either_way(tmp_path: Path) -> None:
    with _store(tmp_path, {
        "a.txt": "Tin một\n\nCập nhật: 08:34 | 11/06/2020\nHọc tập Kết luận 21-KL/TW của Ban Chấp hành Trung ương.",
        "b.txt": "Tin hai\n\nCập nhật: 09:00 | 20/05/2020\nQuán triệt Kết luận 21-KL/TƯ của Ban Chấp hành Trung ương.",
        "c.txt": "Tin ba\n\nCập nhật: 09:00 | 21/05/2020\nTỉnh ủy Quảng Ninh sơ kết Kết luận 21-KL/TƯ của Tỉnh ủy.",
    }) as store:  # fmt: skip
        for query in ("Kết luận 21-KL/TW", "Kết luận 21-KL/TƯ", "21-KL/TW"):
            found = find_directives(store, query)
            assert sorted((d["symbol"], d["issuer"], d["jurisdiction"]) for d in found) == [
                ("KL/TW", "TW", "VN"), ("KL/TƯ", "TU", "Quảng Ninh"),
            ], query  # fmt: skip


def _directives_of(store: Store, number: str) -> list[tuple[str, list[str]]]:
    """(directive key, links of its mentions) for every directive with mentions of that number."""
    rows = store.conn.execute(
        "SELECT d.key, group_concat(m.link) FROM directives d JOIN mentions m ON m.directive_id = d.id"
        " WHERE d.number_key = ? GROUP BY d.id ORDER BY d.key",
        (number,),
    )
    return [(key, sorted(links.split(","))) for key, links in rows]


def test_a_mention_without_symbol_joins_the_one_document_that_fits(tmp_path: Path) -> None:
    with _store(tmp_path, {
        "a.txt": "Tin một\n\nCập nhật: 08:34 | 11/06/2021\nMức phạt theo Nghị định 100/2019 được áp dụng.",
        "b.txt": "Tin hai\n\nCập nhật: 09:00 | 20/05/2020\nNghị định số 100/2019/NĐ-CP của Chính phủ quy định xử phạt.",
        "c.txt": "Tin ba\n\nCập nhật: 10:00 | 02/04/2020\nCác tỉnh thực hiện Chỉ thị 16 ngày 31/3/2020 của Thủ tướng.",
        "d.txt": "Tin bốn\n\nCập nhật: 11:00 | 03/04/2020\nChỉ thị số 16/CT-TTg ngày 31/3/2020 yêu cầu cách ly xã hội.",
        "e.txt": "Tin năm\n\nCập nhật: 11:00 | 03/04/2021\nNhiều nơi vẫn nhắc Chỉ thị 16 của Thủ tướng.",
        "f.txt": "Tin sáu\n\nCập nhật: 11:00 | 03/04/2021\nTheo Thông tư 04/2020, thức ăn chăn nuôi phải công bố.",
        "g.txt": "Tin bảy\n\nCập nhật: 11:00 | 03/04/2021\nThông tư số 04/2020/TT-BTP hướng dẫn Luật Hộ tịch.",
    }) as store:  # fmt: skip
        # a Nghị định is the Chính phủ's: number and year name it; a Chỉ thị with its issuer and year too
        assert _directives_of(store, "100") == [("Nghị định|100|CP|2019|VN", ["inferred", "stated"])]
        # with no year, "Chỉ thị 16 của Thủ tướng" may be any year's: it stays apart
        assert _directives_of(store, "16") == [("Chỉ thị|16|TTG|2020|VN", ["inferred", "stated"]),
                                               ("Chỉ thị|16|||VN|TTg", ["stated"])]  # fmt: skip
        # a Thông tư with no issuer may be any ministry's: not joined to the Bộ Tư pháp's
        assert [links for key, links in _directives_of(store, "4")] == [["stated"], ["unresolved"]]


def test_a_mention_stating_only_type_and_number_is_not_joined_across_articles(tmp_path: Path) -> None:
    with _store(tmp_path, {
        "a.txt": "Tin một\n\nCập nhật: 08:34 | 11/06/2021\nCác ngân hàng cơ cấu nợ theo Thông tư 01 và báo cáo.",
        "b.txt": "Tin hai\n\nCập nhật: 09:00 | 20/05/2021\nVăn phòng làm theo Thông tư 01, rồi Thông tư 01 lại nêu.",
        "c.txt": "Tin ba\n\nCập nhật: 09:00 | 20/05/2021\nThông tư số 01/2020/TT-NHNN và Thông tư số 01/2018/TT-VPCP.",
        "e.txt": "Tin năm\n\nCập nhật: 09:00 | 21/05/2021\nNăm 2021, các xã thực hiện Quyết định 15 về giá.",
        "f.txt": "Tin sáu\n\nCập nhật: 09:00 | 22/05/2021\nQuyết định số 15/QĐ-UBND ngày 5/1/2021 của UBND tỉnh.",
    }) as store:  # fmt: skip
        keys = _directives_of(store, "1")
        weak = [(key, links) for key, links in keys if key.startswith("Thông tư|1|||VN||@")]
        # one node per article (b's two mentions share theirs), none joined to either of c's two circulars
        assert sorted(links for _, links in weak) == [["unresolved"], ["unresolved", "unresolved"]]
        assert len(keys) == 4
        # a local type with no issuer and no year is never guessed: "Quyết định 15" may be any body's
        assert [links for key, links in _directives_of(store, "15") if "@" in key] == [["unresolved"]]


def test_a_type_code_repeating_the_type_does_not_split_a_document(tmp_path: Path) -> None:
    with _store(tmp_path, {
        "a.txt": "Tin một\n\nCập nhật: 08:34 | 11/06/2025\nNghị quyết số 193/2025/NQ-QH15 về thí điểm cơ chế.",
        "b.txt": "Tin hai\n\nCập nhật: 09:00 | 20/07/2025\nTheo Nghị quyết số 193/2025/QH15 của Quốc hội, các bộ làm.",
    }) as store:  # fmt: skip
        assert _directives_of(store, "193") == [("Nghị quyết|193|QH15|2025|VN", ["stated", "stated"])]
        for query in ("Nghị quyết 193/2025/NQ-QH15", "Nghị quyết 193/2025/QH15", "193/2025/NQ-QH15"):
            assert [d["key"] for d in find_directives(store, query)] == ["Nghị quyết|193|QH15|2025|VN"], query
