"""Which document a mention names: its directive key and jurisdiction.

Vietnamese numbers restart every year and every province numbers its own
decisions, so "1043/QĐ-UBND" alone names no single document. A directive is
keyed by type, number, symbol, year and jurisdiction: central issuers (the
Thủ tướng, the Chính phủ, ministries, the Party centre) are national ("VN");
local ones (UBND, HĐND, Tỉnh ủy, Sở …) take the article's province; a mention
whose issuer is unknown takes the province too, so it never merges with
another province's document of the same number.

Example:
    >>> from directive_graph import extract_references
    >>> ref = extract_references("Quyết định 1043/QĐ-UBND của UBND TP")[0]
    >>> directive_key(ref, "Thành phố Hồ Chí Minh").key
    'Quyết định|1043|UBND||Thành phố Hồ Chí Minh'
    >>> directive_key(extract_references("Quyết định số 1847/QĐ-TTg năm 2018")[0], None).key
    'Quyết định|1847|TTG|2018|VN'
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from directive_graph.kinds import Level
from directive_graph.locality import detect_locality

if TYPE_CHECKING:
    from directive_graph.models import Reference
from directive_graph.normalize import number_key
from directive_graph.symbols import first_code_type, key_symbol
from directive_graph.vocab import load_vocab, vocab_dir

NATIONAL = "VN"
UNKNOWN_PLACE = "?"


@dataclass(frozen=True)
class DirectiveKey:
    """The identity of the document a mention names."""

    key: str
    doc_type: str | None
    number: str
    symbol: str | None
    year: int | None
    issuer: str | None
    jurisdiction: str
    link: str  # stated (symbol or issuer written), inherited (from an earlier mention), unresolved;
    # the store adds "inferred" when it supplies a missing year from the rest of the corpus


def jurisdiction_of(issuer_code: str | None, locality: str | None, doc_type: str | None = None) -> str:
    """National for central issuers and national-only types, else the article's province ("?" when unknown).

    Example:
        >>> jurisdiction_of("TTg", "Hà Nội"), jurisdiction_of("UBND", "Hà Nội"), jurisdiction_of(None, None)
        ('VN', 'Hà Nội', '?')
        >>> jurisdiction_of(None, "Lào Cai", "Nghị định")  # only the Chính phủ issues a Nghị định
        'VN'
    """
    vocab = load_vocab()
    kind = vocab.doc_types.get(doc_type) if doc_type else None
    if kind is not None and kind.national:
        return NATIONAL
    issuer = vocab.issuer_for_code(issuer_code) if issuer_code else None
    if issuer is not None and (
        issuer.level in (Level.CENTRAL, Level.FOREIGN) or (issuer.code.endswith("TW") or issuer.code == "TW")
    ):
        return NATIONAL
    return locality or UNKNOWN_PLACE


@functools.lru_cache(maxsize=1)
def _terms() -> tuple[tuple[str, str, dt.date, dt.date], ...]:
    with open(vocab_dir() / "party_terms.csv", encoding="utf-8", newline="") as handle:
        return tuple(
            (r["body"], r["term"], dt.date.fromisoformat(r["start"]), dt.date.fromisoformat(r["end"]))
            for r in csv.DictReader(handle)
        )


def party_term(national: bool, year: int | None, issued_on: dt.date | None) -> str | None:
    """The Party term a document of that date belongs to (Party numbers restart each term).

    With a year only, the term is known when the whole year falls in one term.

    Example:
        >>> party_term(True, 2017, None), party_term(False, 2020, None), party_term(False, 2020, dt.date(2020, 3, 1))
        ('XII', None, '2015-2020')
    """
    body = "central" if national else "local"
    if issued_on is not None:
        first = last = issued_on
    elif year is not None:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    else:
        return None
    for kind, term, start, end in _terms():
        if kind == body and start <= first and last <= end:
            return term
    if issued_on is None and year is not None and body == "central":
        # a congress in January: the rest of the year belongs to the new term
        return party_term(national, None, dt.date(year, 7, 1))
    return None


_TERM = re.compile(r"(?i:khóa|khoá)\s+([IVXL]+)\b")  # a central Party body's term, in its issuer phrase


@functools.lru_cache(maxsize=4096)
def _place_named(issuer_text: str) -> str | None:
    """The province an issuer phrase names ("UBND tỉnh Tuyên Quang"); the same phrases recur."""
    return detect_locality(issuer_text)


def key_type(ref: Reference) -> str | None:
    """The type a directive is keyed by: the written type word, unless the symbol's code names a narrower one.

    The mention keeps the type as written (the annotation guide's rule); the directive takes the
    code's when it only narrows the word, so "Thông tư 69/2011/TTLT-BTC-BTP" and "Thông tư liên tịch
    69/2011/TTLT-BTC-BTP" are one document. A code naming another type altogether is not trusted
    over the word ("Chương trình hành động số 32-CT/TU" is a Chương trình).

    Example:
        >>> from directive_graph import extract_references
        >>> [key_type(r) for r in extract_references("Thông tư 69/2011/TTLT-BTC-BTP; Thông tư 01/2011/TT-BNV")]
        ['Thông tư liên tịch', 'Thông tư']
    """
    code_type = first_code_type(ref.symbol, ref.party) if ref.symbol else None
    if ref.doc_type and code_type and code_type != ref.doc_type and code_type.startswith(ref.doc_type + " "):
        return code_type
    return ref.doc_type


def directive_key(ref: Reference, locality: str | None, article: str | None = None) -> DirectiveKey:
    """The key of the document ``ref`` names, in an article about ``locality``.

    A mention that states nothing but a type and a number ("Thông tư 01", no symbol, year or issuer)
    is keyed within its ``article`` (an id of the article's text) when one is given: such mentions in
    two articles may name two documents, so they are only joined through the corpus's one document
    that fits them (:func:`directive_graph.store.infer_links`).
    """
    doc_type = key_type(ref)
    # a local body's own province, when its phrase names one ("của UBND tỉnh Tuyên Quang" in a
    # Hà Nội paper), else the article's
    named = _place_named(ref.issuer_text) if ref.issuer_text and not ref.foreign else None
    jurisdiction = jurisdiction_of(ref.issuer, named or locality, doc_type)
    symbol = key_symbol(ref.symbol, doc_type, ref.issuer) if ref.symbol else ""
    when = str(ref.year or "")
    if ref.party and ref.year:
        term = party_term(jurisdiction == NATIONAL, ref.year, ref.issued_on)
        when = f"term {term}" if term else when  # "18-NQ/TW" of 2017 and of 2018 is one document of term XII
    elif ref.party and jurisdiction == NATIONAL and (stated := _TERM.search(ref.issuer_text or "")):
        when = f"term {stated.group(1)}"  # "… của Ban Chấp hành Trung ương khóa XII", no date
    parts = [doc_type or "", number_key(ref.number), symbol, when, jurisdiction]
    if not symbol:
        # "Chỉ thị 19 của Thành ủy" is not "Chỉ thị 19 của UBND" of the same province
        parts.append(ref.issuer or "")
        if article and not ref.year and not ref.issuer and ref.antecedent is None:
            parts.append("@" + article[:12])  # "Thông tư 01" here and there may be two documents
    if ref.antecedent is not None:
        link = "inherited"
    elif ref.symbol or ref.issuer:
        link = "stated"
    else:
        link = "unresolved"
    return DirectiveKey(
        key="|".join(parts),
        doc_type=doc_type,
        number=ref.number,
        symbol=ref.symbol,
        year=ref.year,
        issuer=ref.issuer,
        jurisdiction=jurisdiction,
        link=link,
    )
