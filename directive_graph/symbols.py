"""A symbol after a number, read once: its type code, issuer, year and written form.

"30/2020/NĐ-CP": year 2020, type Nghị định, issuer CP; "08-CTr/TU": a Party
symbol, Chương trình of a Tỉnh ủy/Thành ủy. The same symbols recur across a
corpus, so each distinct one is parsed once (an LRU cache).

Example:
    >>> s = parse_symbol(False, "", "NĐ-CP", "2020")
    >>> (s.text, s.year, s.code_type, s.issuer, s.known)
    ('NĐ-CP', 2020, 'Nghị định', 'CP', True)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from directive_graph.kinds import Level
from directive_graph.normalize import directive_symbol, normalize_symbol
from directive_graph.patterns import Match
from directive_graph.vocab import Vocabulary, load_vocab

_CODE_SPLIT = re.compile(r"\s*(?:[-/]|\.(?=[A-ZĐ]))\s*")
_CODE_WORD = re.compile(r"[^\s/.-]+")
_GLUED_NEXT = re.compile(r"(?:TT|QĐ|NĐ|NQ|CT|KH)\d+$")
_SPACED = re.compile(r"\s+[/-]\s+")  # "TT 200 / VAS": spaces on both sides of the slash


@dataclass(frozen=True)
class Symbol:
    """What a symbol says; ``text`` is None when the number has no symbol."""

    text: str | None = None
    year: int | None = None
    code_type: str | None = None  # the type its code names
    also_type: str | None = None  # another type the code may name (Party "QĐ": Quy định too)
    issuer: str | None = None
    party: bool = False
    known: bool = False  # does it hold a type or issuer code of the vocabulary?
    explicit: bool = False  # does a type code name the type ("QĐ-"), not just the issuer ("QH13")?
    # is ``issuer`` an issuer code of the vocabulary (not a code passed through, nor "TƯ" read as "TW": the
    # writer may have meant "TU", and an issuer phrase after the mention tells)?
    issuer_known: bool = False
    all_known: bool = False  # is every code a type or issuer code of the vocabulary?


NO_SYMBOL = Symbol()


def _symbol_text(raw: str, vocab: Vocabulary) -> str:
    """The normalised symbol, its codes as the vocabulary writes them ("QD-TTG" -> "QĐ-TTg")."""
    return _CODE_WORD.sub(lambda m: _upper_if_lower(vocab.canonical_code(m.group())), normalize_symbol(raw))


def _upper_if_lower(code: str) -> str:
    """A code the vocabulary does not know, in capitals when it was written in lower case ("kk" in "tct-kk")."""
    return code.upper() if code.islower() else code


@functools.lru_cache(maxsize=65536)
def parse_symbol(party: bool, type_code: str, codes_text: str, year_text: str | None) -> Symbol:
    """Read a symbol once; the same symbols recur across a corpus, so the result is cached."""
    vocab = load_vocab()
    codes = [_upper_if_lower(vocab.canonical_code(c.replace(" ", ""))) for c in _CODE_SPLIT.split(codes_text)]
    if not party and len(codes) == 1 and (glued := _unglue(codes[0], vocab)) is not None:
        codes = glued  # "QĐUBND": OCR lost the hyphen of "QĐ-UBND"; the symbol stays as written
    all_known = all(vocab.is_type_code(c) or vocab.issuer_for_code(c) is not None for c in codes)
    explicit = True
    if party:
        text = _symbol_text(type_code + "/" + codes_text, vocab)
        first = vocab.canonical_code(type_code)
        code_type = vocab.type_for_code(first, party=True)
        also_type = vocab.also_type_for_code(first, party=True)
        last_type = vocab.type_for_code(codes[-1], party=False)
        if code_type is None and last_type is not None and vocab.issuer_for_code(first) is not None:
            # an old state symbol, issuer first and type code last: "10-BYT/TT" is a Thông tư of the BYT
            party, code_type, codes = False, last_type, [first, *codes[:-1]]
    else:
        text = _symbol_text(codes_text, vocab)
        code_type = vocab.type_for_code(codes[0], party=False)
        also_type = vocab.also_type_for_code(codes[0], party=False)
        last = codes[-1] if len(codes) > 1 and "/" in codes_text else ""
        if code_type is not None:
            codes = codes[1:]
        elif last and (last_type := vocab.type_for_code(last, party=False)) is not None:
            # an old symbol with the type code last: "01-TANDTC-VKSNDTC/TTLT" (the Party shape,
            # "10-BYT/TT", is read above)
            code_type, also_type, codes = last_type, vocab.also_type_for_code(last, party=False), codes[:-1]
        elif vocab.issuer_for_code(codes[0]) is not None:
            code_type = vocab.type_for_issuer_only(codes[0]) or "Công văn"
            explicit = False
    issuer = next((i for c in codes if (i := vocab.issuer_for_code(c)) is not None), None)
    return Symbol(
        text=text,
        year=int(year_text) if year_text else None,
        code_type=code_type,
        also_type=also_type,
        issuer=issuer.code if issuer else (codes[0] if codes else None),
        party=party or (issuer is not None and issuer.level is Level.PARTY),
        issuer_known=issuer is not None and "TƯ" not in codes,
        known=code_type is not None or issuer is not None,
        explicit=explicit and code_type is not None,
        all_known=all_known,
    )


def _unglue(code: str, vocab: Vocabulary) -> list[str] | None:
    """A type code and an issuer code written as one ("QĐUBND", "QĐBYT"), split; None if ``code`` is not that.

    Example:
        >>> _unglue("QĐUBND", load_vocab()), _unglue("QĐBYT", load_vocab()), _unglue("UBND", load_vocab())
        (['QĐ', 'UBND'], ['QĐ', 'BYT'], None)
    """
    if vocab.is_type_code(code) or vocab.issuer_for_code(code) is not None:
        return None
    for cut in (2, 3, 4):
        head, rest = vocab.canonical_code(code[:cut]), code[cut:]
        if len(rest) >= 2 and vocab.is_type_code(head) and vocab.issuer_for_code(rest) is not None:
            return [head, rest]
    return None


def first_code_type(symbol: str, party: bool) -> str | None:
    """The type the first code of a written symbol names, if it is a type code.

    Example:
        >>> first_code_type("TTLT-BTC-BTP", False), first_code_type("NQ/TW", True), first_code_type("BYT/TT", False)
        ('Thông tư liên tịch', 'Nghị quyết', None)
    """
    vocab = load_vocab()
    return vocab.type_for_code(vocab.canonical_code(_CODE_SPLIT.split(symbol, 1)[0]), party=party)


def _first_known(codes: str) -> bool:
    """Whether the first code of a symbol is a type or issuer code of the vocabulary."""
    vocab = load_vocab()
    first = vocab.canonical_code(_CODE_SPLIT.split(codes, 1)[0].upper())
    return vocab.is_type_code(first) or vocab.issuer_for_code(first) is not None


def read_symbol(body: Match) -> Symbol:
    """The symbol after a number, from a match of the ``body`` pattern."""
    if body.group("party"):
        return parse_symbol(True, body.group("ptype"), body.group("pcodes"), None)
    if body.group("state"):
        codes = body.group("scodes")
        sym = parse_symbol(False, "", codes, body.group("year"))
        # a lower-case symbol counts when its first code is known ("tt-btc", "tct-kk" of the Tổng cục
        # Thuế); one set off by spaces ("TT 200 / VAS / IFRS") only when every code is
        if not sym.all_known and (
            _SPACED.match(body.group("state")) or (codes.islower() and not _first_known(codes))
        ):
            return NO_SYMBOL
        if _GLUED_NEXT.match(codes):
            return NO_SYMBOL  # "TT200/TT133": two circulars, not a symbol "TT133"
        return sym
    if body.group("spaced"):  # "84 QĐ/TWĐTN", "15 KH-UBND": a separator left out before the type code
        if body.group("spsep") == "/":
            return parse_symbol(True, body.group("sptype"), body.group("spcodes"), None)
        return parse_symbol(False, "", body.group("sptype") + "-" + body.group("spcodes"), None)
    return NO_SYMBOL


def key_symbol(symbol: str, doc_type: str | None, issuer: str | None) -> str:
    """A symbol as keys compare it: in capitals, "&" dropped, the Party centre's "TƯ" read as "TW", and
    a leading type code that only repeats the type dropped ("NQ-QH15" and "QH15" of a Nghị quyết).

    Example:
        >>> key_symbol("NQ-QH15", "Nghị quyết", "QH15"), key_symbol("QH15", "Nghị quyết", "QH15")
        ('QH15', 'QH15')
        >>> key_symbol("TTLT-BTC-BTP", "Thông tư", "BTC"), key_symbol("CT/TU", "Chương trình", "TU")
        ('BTC-BTP', 'CT/TU')
        >>> key_symbol("NQ/TƯ", "Nghị quyết", "TW"), key_symbol("TT-BGD&ĐT", "Thông tư", "BGDĐT")
        ('TW', 'BGDĐT')
        >>> key_symbol("QĐUBND", "Quyết định", "UBND")  # OCR lost the hyphen
        'UBND'
    """
    party = "/" in symbol and not symbol.split("/", 1)[0].count("-")  # "NQ/TW": type code, "/", body
    text = directive_symbol(symbol, issuer).upper().replace("&", "")
    first = _CODE_SEPARATOR.split(symbol, 1)[0]
    code_type = first_code_type(symbol, party)
    cut = len(first) + 1  # the type code and its separator
    if code_type is None and (glued := _unglue(first, load_vocab())) is not None:
        code_type, cut = load_vocab().type_for_code(glued[0], party=party), len(glued[0])
    if doc_type and code_type and (code_type == doc_type or code_type.startswith(doc_type + " ")) and text[cut:]:
        return text[cut:]
    return text


_CODE_SEPARATOR = re.compile(r"[-/]")
