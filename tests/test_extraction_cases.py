"""The extraction cases table: ``tests/cases/extraction.jsonl``.

Each line is one case: ``{"id", "note", "text", "expect": [ROW, ...]}`` where a
ROW is ``[form, type, number, symbol, year, issuer]`` with an optional seventh
element, the exact surface text (see :mod:`tests.factories`). An empty
``expect`` says the text holds no reference at all. For every case the
references :func:`directive_graph.extract_references` returns, in order, must
equal the expected ones on those fields, and every span must index the source.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from directive_graph import extract_references

from .factories import FORMS, as_row, from_row, observed

CASES_FILE = Path(__file__).resolve().parent / "cases" / "extraction.jsonl"


def _load() -> list[dict[str, Any]]:
    cases = []
    with open(CASES_FILE, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            case = json.loads(line)
            case["_line"] = lineno
            cases.append(case)
    return cases


CASES = _load()


def test_table_is_well_formed() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for case in CASES:
        assert set(case) >= {"id", "note", "text", "expect"}, case["id"]
        assert case["note"].strip() and case["text"].strip(), case["id"]
        for row in case["expect"]:
            assert row[0] in FORMS, (case["id"], row)
            from_row(row)  # raises on a malformed row
            if len(row) == 7:
                assert row[6] in case["text"], (case["id"], "expected text is not in the case text", row[6])


def test_table_size() -> None:
    negatives = [case for case in CASES if not case["expect"]]
    assert len(CASES) >= 170
    assert len(negatives) >= 40


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_extraction_case(case: dict[str, Any]) -> None:
    source = case["text"]
    refs = extract_references(source)
    for ref in refs:
        assert ref.text == source[ref.start : ref.end], f"span does not index the source: {ref!r}"
    want = [from_row(row) for row in case["expect"]]
    message = (
        f"\n{case['id']} (line {case['_line']}): {case['note']}\ntext: {source!r}\n"
        f"expected: {case['expect']}\nreturned: {[as_row(r) for r in refs]}"
    )
    assert len(refs) == len(want), message
    got = [observed(ref, like) for ref, like in zip(refs, want, strict=True)]
    assert got == want, message


# --------------------------------------------------------------------------
# Flags the table does not carry: foreign bodies and Party documents.
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "issuer"),
    [
        ("Việt Nam ủng hộ Nghị quyết 2334 của Hội đồng Bảo an về vấn đề khu định cư.", "2334", "UNSC"),
        ("Phái đoàn nhắc lại Nghị quyết 2758 của Đại hội đồng Liên hợp quốc năm 1971.", "2758", "UNGA"),
        ("Các nước kêu gọi thực hiện Nghị quyết 2231 (2015) của Hội đồng Bảo an Liên hợp quốc.", "2231", "UNSC"),
    ],
    ids=["unsc-plain", "unga-plain", "unsc-year-in-parens"],
)
def test_foreign_body_sets_foreign(text: str, number: str, issuer: str) -> None:
    refs = [r for r in extract_references(text) if r.number == number]
    assert len(refs) == 1, [as_row(r) for r in extract_references(text)]
    ref = refs[0]
    assert ref.foreign is True
    assert ref.issuer == issuer
    assert ref.doc_type == "Nghị quyết"


def test_foreign_short_mention_does_not_inherit_from_a_domestic_one() -> None:
    text = (
        "Nghị quyết số 2334/NQ-UBTVQH14 của Ủy ban Thường vụ Quốc hội đã được thực hiện. "
        "Trong khi đó, Nghị quyết 2334 của Hội đồng Bảo an tiếp tục gây tranh cãi."
    )
    refs = extract_references(text)
    assert [r.number for r in refs] == ["2334", "2334"]
    assert refs[0].foreign is False and refs[0].issuer == "UBTVQH14"
    assert refs[1].foreign is True and refs[1].symbol is None and refs[1].antecedent is None


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Nghị quyết 18-NQ/TW về tinh gọn bộ máy.", True),
        ("Chỉ thị 19 của Thành ủy về văn hóa công sở.", True),
        ("Nghị định 30/2020/NĐ-CP về công tác văn thư.", False),
    ],
    ids=["party-symbol", "party-issuer-phrase", "state"],
)
def test_party_flag(text: str, party: bool) -> None:
    refs = extract_references(text)
    assert len(refs) == 1, [as_row(r) for r in refs]
    assert refs[0].party is party
