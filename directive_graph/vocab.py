"""The vocabulary tables: document types, type words, symbol codes, issuers.

The tables are data files (``data/vocab/*.csv`` in the repository, shipped
inside the wheel as ``directive_graph/_vocab``), never code. This module only
reads them and answers look-ups.

Example:
    >>> v = load_vocab()
    >>> v.type_for_code("NĐ", party=False)
    'Nghị định'
    >>> v.type_for_code("TT", party=True)
    'Thông tri'
    >>> v.issuer_for_code("TTg").name
    'Thủ tướng Chính phủ'
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from directive_graph.kinds import DocType, Issuer, Level

_TERM_SUFFIX = re.compile(r"\d{1,2}$")
TRAILING = ",.;:)]}\"”’…'"  # punctuation that may follow a word in running text
# Dash look-alikes read as "-" (the text view does the same): "Lao động – Thương binh".
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
# Words that join the parts of a name, folded: "Giáo dục và Đào tạo", "Giáo dục - Đào tạo",
# "Nông nghiệp & PTNT", "Lao động Thương binh và Xã hội" (none at all). Issuer aliases are
# compared without them.
JOINERS = frozenset(("-", "&", "va"))


def plain_dashes(text: str) -> str:
    """Dash look-alikes as "-".

    Example:
        >>> plain_dashes("Lao động – Thương binh")
        'Lao động - Thương binh'
    """
    return text.translate(_DASH_TABLE)


def vocab_dir() -> Path:
    """The folder holding the vocabulary CSV files.

    Inside an installed wheel the tables live in ``directive_graph/_vocab``;
    in a source checkout they are read from ``data/vocab``.
    """
    packaged = Path(__file__).resolve().parent / "_vocab"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "data" / "vocab"


def _rows(name: str) -> list[dict[str, str]]:
    with open(vocab_dir() / name, encoding="utf-8", newline="") as handle:
        return [
            {k: unicodedata.normalize("NFC", (v or "").strip()) for k, v in row.items()}
            for row in csv.DictReader(handle)
        ]


@dataclass(frozen=True)
class TypeWord:
    """A word that names a document type in running text ("Quyết định", "QĐ")."""

    word: str
    doc_type: str | None
    kind: str  # name | abbreviation | generic | blocked ("pháp luật" holds "luật" but names no document)
    # | other: a paper that is not a document of the vocabulary ("Biên bản số 12/BB-UBND", "Cáo trạng số 15")
    bare_number: str  # yes | so | no: may a number follow without a symbol?
    verb: bool = False  # also a verb in lower case ("quyết định 3 nội dung"): a bare number needs "số"


@dataclass
class Vocabulary:
    """All tables, with the look-ups the extractor needs."""

    doc_types: dict[str, DocType]
    type_words: list[TypeWord]
    issuers: dict[str, Issuer]
    _codes: dict[tuple[str, str], str] = field(default_factory=dict)
    _aliases: dict[str, Issuer] = field(default_factory=dict)
    _known_codes: set[str] = field(default_factory=set)
    _code_forms: dict[str, str] = field(default_factory=dict)
    _alias_prefixes: set[str] = field(default_factory=set)  # every leading run of words of an alias

    def type_for_code(self, code: str, party: bool) -> str | None:
        """The document type a symbol's type code names, or None.

        ``party`` says the symbol has the Party shape ("18-NQ/TW"), where
        "TT" is a Thông tri, not a Thông tư.
        """
        system = "party" if party else "state"
        return self._codes.get((code, system)) or self._codes.get((code, "any"))

    def also_type_for_code(self, code: str, party: bool) -> str | None:
        """Another type a code may name in that system: Party "QĐ" was used for Quy định before "QĐi"."""
        return self._codes.get((code, "party_also" if party else "state_also"))

    def type_for_issuer_only(self, code: str) -> str | None:
        """The type implied by a symbol made only of an issuer: "QH13" -> Luật."""
        return self._codes.get((_TERM_SUFFIX.sub("", code), "issuer_only"))

    def type_codes(self) -> list[str]:
        """Every type code of two letters or more, in any system ("QĐ", "NQ", "CTr", "QĐi")."""
        return sorted({c for c, system in self._codes if system in ("state", "party", "any") and len(c) > 1})

    def is_type_code(self, code: str) -> bool:
        """Whether ``code`` is a type code in either system."""
        return any(self._codes.get((code, s)) for s in ("state", "party", "any"))

    def issuer_for_code(self, code: str) -> Issuer | None:
        """The issuer a symbol code names; a term suffix is dropped if needed.

        "UBTVQH13" is looked up as itself, then as "UBTVQH"; "BGD&ĐT" also as "BGDĐT"; "TƯ" as "TW".
        """
        for candidate in (code, _TERM_SUFFIX.sub("", code), code.replace("&", ""), code.replace("TƯ", "TW")):
            found = self.issuers.get(candidate)
            if found is not None:
                return found
        return None

    def canonical_code(self, code: str) -> str:
        """A code as the vocabulary writes it, whatever its accents and case.

        "ND" -> "NĐ", "QĐ-TTG"'s "TTG" -> "TTg", "CTR" -> "CTr". A code that is
        itself in the vocabulary ("HD", Hướng dẫn; "DA", Dự án) is kept, and so
        is a code the vocabulary does not know.

        Example:
            >>> v = load_vocab()
            >>> [v.canonical_code(c) for c in ("ND", "TTG", "QĐI", "HD", "HĐ", "XYZ")]
            ['NĐ', 'TTg', 'QĐi', 'HD', 'HĐ', 'XYZ']
        """
        if code in self._known_codes:
            return code
        candidate = self._code_forms.get(strip_accents(code).upper())
        if candidate is None:
            return code
        # Accents may be missing and case may differ ("ND", "TTG", "QĐI"), but a written accent is
        # never removed: "HĐ" (a contract) is not "HD" (Hướng dẫn).
        return candidate if code.isascii() or code.upper() == candidate.upper() else code

    def longest_alias(self, words: Iterable[str]) -> tuple[int, Issuer] | None:
        """The longest run of leading ``words`` (already folded) that is an issuer's alias, joiners aside.

        Returns how many words it took, and the issuer. Words are read only while they can still
        lead to an alias, so a phrase that names no issuer costs one or two look-ups.

        Example:
            >>> load_vocab().longest_alias(["bo", "truong", "bo", "noi", "vu", "ve", "viec"])[0]
            5
        """
        best = None
        key = ""
        for count, word in enumerate(words, start=1):
            if word in JOINERS:
                continue  # "bo lao dong - thuong binh va xa hoi" reads "bo lao dong thuong binh xa hoi"
            key = f"{key} {word}" if key else word
            found = self._aliases.get(key.rstrip(TRAILING))
            if found is not None:
                best = (count, found)
            if key not in self._alias_prefixes:
                break
        return best




def strip_accents(text: str) -> str:
    """Remove Vietnamese accents, keeping case: "Quyết định" -> "Quyet dinh".

    Example:
        >>> strip_accents("Nghị định số")
        'Nghi dinh so'
    """
    text = text.replace("Đ", "D").replace("đ", "d").replace("Ð", "D").replace("ð", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _fold_table() -> dict[int, str]:
    """Every Latin letter with Vietnamese accents -> its lower-case base letter; dashes -> "-".

    Each entry is one character for one, so a folded string keeps its length and offsets.
    """
    table: dict[int, str] = {}
    for cp in (*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1EA0, 0x1F00)):
        ch = chr(cp)
        base = strip_accents(ch).lower()
        if len(base) == 1 and base != ch:
            table[cp] = base
    table.update({ord(c): "-" for c in DASHES})
    table.update({ord("\u00a0"): " ", ord("\t"): " ", ord("\n"): " ", ord("\r"): " "})
    return table


_FOLD_TABLE = _fold_table()
_DASH_TABLE = str.maketrans({c: "-" for c in DASHES})


def fold_same_length(text: str) -> str:
    """Fold accents, case and dashes one character for one: offsets stay valid.

    Example:
        >>> fold_same_length("Bộ Nội vụ  TP.HCM")
        'bo noi vu  tp.hcm'
    """
    return text.translate(_FOLD_TABLE)


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Fold case, accents and spacing for look-ups.

    Example:
        >>> fold("Thủ  tướng Chính phủ")
        'thu tuong chinh phu'
        >>> fold("Uỷ ban") == fold("Ủy ban")
        True
    """
    return " ".join(strip_accents(text).translate(_FOLD_TABLE).split())


@functools.lru_cache(maxsize=1)
def load_vocab() -> Vocabulary:
    """Read the tables once per process."""
    doc_types = {
        r["name"]: DocType(
            r["name"], r["family"], r["description"], national=r["national"] == "yes", issuer=r["issuer"]
        )
        for r in _rows("doc_types.csv")
    }
    words = [
        TypeWord(r["word"], r["type"] or None, r["kind"], r["bare_number"], r["verb"] == "yes")
        for r in _rows("type_words.csv")
    ]
    issuers = {
        r["code"]: Issuer(
            code=r["code"],
            name=r["name"],
            level=Level(r["level"]),
            aliases=tuple(a for a in r["aliases"].split("|") if a),
        )
        for r in _rows("issuers.csv")
    }
    vocab = Vocabulary(doc_types, words, issuers)
    for r in _rows("type_codes.csv"):
        vocab._codes[(r["code"], r["system"])] = r["type"]
    vocab._known_codes = {code for code, _ in vocab._codes} | set(issuers)
    for code in sorted(vocab._known_codes, key=lambda c: (c.isascii(), c)):  # accented forms win
        vocab._code_forms.setdefault(strip_accents(code).upper(), code)
    for issuer in issuers.values():
        for alias in (issuer.name, *issuer.aliases):
            vocab._aliases.setdefault(" ".join(w for w in fold(alias).split() if w not in JOINERS), issuer)
    for alias in vocab._aliases:
        parts = alias.split()
        vocab._alias_prefixes.update(" ".join(parts[:n]) for n in range(1, len(parts)))
    return vocab
