"""Every vocabulary entry is matched by the patterns built from it."""

from __future__ import annotations

import pytest

from directive_graph import extract_references
from directive_graph.vocab import load_vocab, plain_dashes, strip_accents

VOCAB = load_vocab()


def _one(text: str):  # type: ignore[no-untyped-def]
    refs = extract_references(text)
    assert len(refs) == 1, (text, refs)
    return refs[0]


@pytest.mark.parametrize(
    "word", [w for w in VOCAB.type_words if w.kind not in ("blocked", "other")], ids=lambda w: w.word
)
def test_every_type_word_with_a_symbol(word) -> None:  # type: ignore[no-untyped-def]
    ref = _one(f"Căn cứ {word.word} số 12/2020/QĐ-UBND của tỉnh.")
    assert ref.doc_type == (word.doc_type or "Quyết định")
    assert ref.text.startswith(word.word)


@pytest.mark.parametrize("word", [w for w in VOCAB.type_words if w.kind == "other"], ids=lambda w: w.word)
def test_papers_that_are_not_documents_are_not_references(word) -> None:  # type: ignore[no-untyped-def]
    assert extract_references(f"Căn cứ {word.word} số 12/2020/QĐ-UBND của tỉnh.") == []


@pytest.mark.parametrize("word", [w for w in VOCAB.type_words if w.kind == "blocked"], ids=lambda w: w.word)
def test_blocked_compounds_name_no_document(word) -> None:  # type: ignore[no-untyped-def]
    ref = _one(f"Căn cứ {word.word} số 12/2020/QĐ-UBND của tỉnh.")
    assert (ref.doc_type, ref.form.value, ref.text) == ("Quyết định", "bare_symbol", "12/2020/QĐ-UBND")
    assert extract_references(f"Theo {word.word} 125 của Thành ủy.") == []


@pytest.mark.parametrize("word", [w for w in VOCAB.type_words if w.bare_number == "yes"], ids=lambda w: w.word)
def test_every_type_word_with_a_bare_number(word) -> None:  # type: ignore[no-untyped-def]
    ref = _one(f"Theo {word.word} 125 của Thành ủy.")
    assert (ref.doc_type, ref.number, ref.form.value) == (word.doc_type, "125", "short")


@pytest.mark.parametrize("word", [w for w in VOCAB.type_words if w.kind == "name"], ids=lambda w: w.word)
def test_every_type_word_without_accents_and_in_capitals(word) -> None:  # type: ignore[no-untyped-def]
    for written in (strip_accents(word.word), word.word.upper()):
        assert _one(f"Theo {written} so 7/2021/QĐ-UBND.".replace("so", "số")).doc_type == word.doc_type


@pytest.mark.parametrize("word", [w for w in VOCAB.type_words if w.bare_number == "so"], ids=lambda w: w.word)
def test_words_that_need_so_before_a_bare_number(word) -> None:  # type: ignore[no-untyped-def]
    assert extract_references(f"Theo {word.word} 125 của Thành ủy.") == []
    assert _one(f"Theo {word.word} số 125 của Thành ủy.").number == "125"


def _codes(system: str) -> list[tuple[str, str]]:
    return [(code, kind) for (code, kind) in VOCAB._codes if kind in (system, "any")]


@pytest.mark.parametrize(("code", "system"), _codes("state"), ids=str)
def test_every_state_type_code_names_its_type(code: str, system: str) -> None:
    ref = _one(f"thực hiện theo 45/{code}-UBND ngày 3/4/2021")
    assert ref.doc_type == VOCAB.type_for_code(code, party=False)
    assert (ref.symbol, ref.year, ref.form.value) == (f"{code}-UBND", 2021, "bare_symbol")


@pytest.mark.parametrize(("code", "system"), _codes("party"), ids=str)
def test_every_party_type_code_names_its_type(code: str, system: str) -> None:
    ref = _one(f"thực hiện theo 45-{code}/TU của Ban Thường vụ")
    assert ref.doc_type == VOCAB.type_for_code(code, party=True)
    assert (ref.symbol, ref.party) == (f"{code}/TU", True)


@pytest.mark.parametrize("code", sorted(c for c, _ in VOCAB._codes if _ == "issuer_only"))
def test_symbols_made_of_an_issuer_only(code: str) -> None:
    ref = _one(f"theo 80/2015/{code}13 đã nêu")
    assert ref.doc_type == VOCAB.type_for_issuer_only(code)


@pytest.mark.parametrize("issuer", list(VOCAB.issuers.values()), ids=lambda i: i.code)
def test_every_issuer_code_is_read_from_a_symbol(issuer) -> None:  # type: ignore[no-untyped-def]
    ref = _one(f"Theo Quyết định số 12/QĐ-{issuer.code} ngày 1/2/2020.")
    assert ref.symbol == f"QĐ-{issuer.code}"
    assert ref.issuer == issuer.code


@pytest.mark.parametrize(
    ("alias", "code"), [(a, i.code) for i in VOCAB.issuers.values() for a in i.aliases], ids=lambda x: str(x)
)
def test_every_issuer_alias_is_read_after_a_mention(alias: str, code: str) -> None:
    ref = _one(f"Theo Chỉ thị 19 của {alias}, các sở triển khai ngay.")
    assert ref.issuer_text is not None and ref.issuer_text.startswith(plain_dashes(alias))
    assert ref.issuer == code
    assert ref.foreign == (VOCAB.issuers[code].level.value == "foreign")


def test_no_alias_belongs_to_two_issuers() -> None:
    seen: dict[str, str] = {}
    for issuer in VOCAB.issuers.values():
        for alias in issuer.aliases:
            key = strip_accents(alias).lower()
            assert seen.setdefault(key, issuer.code) == issuer.code, alias


def test_every_type_named_by_words_or_codes_is_a_known_document_type() -> None:
    named = {w.doc_type for w in VOCAB.type_words if w.doc_type} | set(VOCAB._codes.values())
    assert named <= set(VOCAB.doc_types), named - set(VOCAB.doc_types)


@pytest.mark.parametrize(
    ("text", "doc_type", "issuer"),
    [
        ("theo Thông tư số 03/2019/TT-BNV", "Thông tư", "BNV"),  # TT in a state symbol: Thông tư
        ("theo 03-TT/TW của Ban Bí thư", "Thông tri", "TW"),  # TT in a Party symbol: Thông tri
        ("theo 45/TB-UBND", "Thông báo", "UBND"),  # TB first in a state symbol: the type Thông báo
        ("theo Báo cáo số 15-BC/TB", "Báo cáo", "TB"),  # TB after the slash: the issuer Tiểu ban
    ],
)
def test_code_clashes_are_settled_by_position(text: str, doc_type: str, issuer: str) -> None:
    ref = _one(text)
    assert (ref.doc_type, ref.issuer) == (doc_type, issuer)
