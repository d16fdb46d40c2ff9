"""Find every reference to a document in a text.

:func:`find_mentions` is pure and thread-safe: it reads only the
vocabulary (loaded once) and its argument.

Example:
    >>> refs = find_mentions(
    ...     "Theo Quyết định số 1847/QĐ-TTg ngày 27-12-2018 của Thủ tướng Chính phủ "
    ...     "và Chỉ thị 19 của Thành ủy, …")
    >>> [(r.doc_type, r.number, r.symbol, r.year, r.issuer, r.form.value) for r in refs]
    [('Quyết định', '1847', 'QĐ-TTg', 2018, 'TTg', 'full'), ('Chỉ thị', '19', None, None, 'TU', 'short')]
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from directive_graph.context import Tail, date_before, header_date, read_tail, sentence_bounds
from directive_graph.models import Form, Level, Reference
from directive_graph.normalize import TextView, normalize_symbol
from directive_graph.patterns import Match, compiled
from directive_graph.vocab import TypeWord, Vocabulary, fold, load_vocab

# A title between a type word and "số" ("Luật Tổ chức Chính phủ số 63/2025/QH15")
# is at most this long and holds no digit or sentence punctuation.
TITLE_REACH = 250
_TITLE_BREAK = re.compile(r"[\d.;!?()\[\]\"“”]|\n\s*\n")
_CODE_SPLIT = re.compile(r"\s*[-/]\s*")
_CODE_WORD = re.compile(r"[^\s/-]+")


@dataclass(frozen=True)
class _Symbol:
    text: str | None = None
    year: int | None = None
    code_type: str | None = None  # the type its code names
    issuer: str | None = None
    party: bool = False
    known: bool = False  # does it hold a type or issuer code of the vocabulary?


_NO_SYMBOL = _Symbol()


def _symbol_text(raw: str, vocab: Vocabulary) -> str:
    """The normalised symbol, its codes as the vocabulary writes them ("QD-TTG" -> "QĐ-TTg")."""
    return _CODE_WORD.sub(lambda m: vocab.canonical_code(m.group()), normalize_symbol(raw))


@functools.lru_cache(maxsize=65536)
def _parse_symbol(party: bool, type_code: str, codes_text: str, year_text: str | None) -> _Symbol:
    """Read a symbol once; the same symbols recur across a corpus, so the result is cached."""
    vocab = load_vocab()
    codes = [vocab.canonical_code(c) for c in _CODE_SPLIT.split(codes_text)]
    if party:
        text = _symbol_text(type_code + "/" + codes_text, vocab)
        code_type = vocab.type_for_code(vocab.canonical_code(type_code), party=True)
    else:
        text = _symbol_text(codes_text, vocab)
        code_type = vocab.type_for_code(codes[0], party=False)
        if code_type is not None:
            codes = codes[1:]
        elif vocab.issuer_for_code(codes[0]) is not None:
            code_type = vocab.type_for_issuer_only(codes[0]) or "Công văn"
    found = next((i.code for c in codes if (i := vocab.issuer_for_code(c)) is not None), None)
    return _Symbol(
        text=text,
        year=int(year_text) if year_text else None,
        code_type=code_type,
        issuer=found or (codes[0] if codes else None),
        party=party,
        known=code_type is not None or found is not None,
    )


def _read_symbol(body: Match) -> _Symbol:
    if body.group("party"):
        return _parse_symbol(True, body.group("ptype"), body.group("pcodes"), None)
    if body.group("state"):
        return _parse_symbol(False, "", body.group("scodes"), body.group("year"))
    return _NO_SYMBOL


@dataclass
class _Draft:
    start: int  # view positions
    end: int
    number: str
    doc_type: str | None
    form: Form
    symbol: _Symbol
    header: bool = False


class _Extractor:
    """One pass over one text; holds the per-text state (the view, the reversed text)."""

    def __init__(self, text: str) -> None:
        self.view = TextView(text)
        self.s = self.view.text
        self.patterns = compiled()
        self.vocab = load_vocab()
        self._rev: str | None = None
        self._words = {fold(w.word): w for w in self.vocab.type_words}

    @property
    def rev(self) -> str:
        if self._rev is None:
            self._rev = self.s[::-1]
        return self._rev

    def type_word(self, written: str) -> TypeWord | None:
        return self._words.get(fold(written))

    def bare_ok(self, end: int, number: str) -> bool:
        """May a number with no symbol end here? Not a date, decimal, ratio or quantity."""
        if "." in number or int("".join(ch for ch in number if ch.isdigit()) or 0) == 0:
            return False
        p = self.patterns
        return p.bare_end.match(self.s, end) is not None and p.quantity.match(self.s, end) is None

    def draft_at(self, pos: int) -> _Draft | None:
        """The mention whose number starts at ``pos``, with what stands before it."""
        body = self.patterns.body.match(self.s, pos)
        if body is None:
            return None
        sym = _read_symbol(body)
        prefix = self.patterns.rev_prefix.match(self.rev, len(self.s) - pos)
        tw_text = prefix.group("tw") if prefix else None
        has_so = bool(prefix and prefix.group("so"))
        prefix_start = len(self.s) - prefix.end() if prefix else pos
        so_start = len(self.s) - prefix.end("so") if has_so and prefix else pos
        end = body.end()
        if tw_text:
            return self._typed(tw_text[::-1], prefix_start, pos, end, body, sym, has_so)
        if sym.text is None:
            return None
        if has_so:
            if self.patterns.header_before.search(self.s, max(0, so_start - 80), so_start):
                if sym.known:
                    return _Draft(pos, end, body.group("num"), sym.code_type, Form.BARE_SYMBOL, sym, header=True)
                return None
            titled = self._titled(so_start, pos, end, body, sym)
            if titled is not None:
                return titled
        if not sym.known:
            return None
        return _Draft(pos, end, body.group("num"), sym.code_type, Form.BARE_SYMBOL, sym)

    def _typed(
        self, written: str, start: int, pos: int, end: int, body: Match, sym: _Symbol, has_so: bool
    ) -> _Draft | None:
        word = self.type_word(written)
        if word is None:
            return None
        doc_type = word.doc_type or sym.code_type or ("Công văn" if sym.text or has_so else None)
        if sym.text is not None:
            return _Draft(start, end, body.group("num"), doc_type, Form.FULL, sym)
        if word.kind != "abbreviation" and not has_so and written == written.lower():
            return None  # "đã quyết định 3 nội dung": a verb, not a document
        year_only = self.patterns.year_only.match(self.s, end)
        if year_only is not None and doc_type is not None and word.kind != "generic":
            # "Nghị định 15/2020": number and year, the code left out (a journalists' short form)
            year = _Symbol(year=int(year_only.group("y")))
            return _Draft(start, year_only.end(), body.group("num"), doc_type, Form.SHORT, year)
        if word.bare_number == "no" or (word.bare_number == "so" and not has_so):
            return None
        if doc_type is None or not self.bare_ok(end, body.group("num")):
            return None
        if self._enumerator(written, start, pos, end):
            return None
        return _Draft(start, end, body.group("num"), doc_type, Form.SHORT, sym)

    def _enumerator(self, written: str, start: int, pos: int, end: int) -> bool:
        """A heading, a line break, then a list number: "QUYẾT ĐỊNH\n1. Quyết định số …"."""
        if "\n" not in self.s[start:pos] or not self.patterns.enumerator.match(self.s, end):
            return False
        return written.isupper() or (end - pos == 1)

    def _titled(self, so_start: int, pos: int, end: int, body: Match, sym: _Symbol) -> _Draft | None:
        """ "Luật Tổ chức chính quyền địa phương số 72/2025/QH15": a type word, a title, "số"."""
        lo = max(0, so_start - TITLE_REACH)
        last = None
        for found in self.patterns.type_word.finditer(self.s, lo, so_start):
            last = found
        if last is None or _TITLE_BREAK.search(self.s, last.end(), so_start):
            return None
        word = self.type_word(last.group())
        if word is None or word.kind == "abbreviation":
            return None
        doc_type = word.doc_type or sym.code_type or "Công văn"
        return _Draft(last.start(), end, body.group("num"), doc_type, Form.FULL, sym)

    def group_at(self, head: _Draft) -> list[tuple[_Draft, Tail]]:
        """The head and the later members of a list that share its type word, each with its tail.

        "Quyết định số 12/QĐ-UBND ngày 03/01/2020 và số 45/QĐ-UBND ngày 15/02/2021": a member's own
        date or issuer may stand before the next "và". What follows the last member is said of every
        member that has none of its own: "Nghị quyết số 18-NQ/TW và 19-NQ/TW ngày 25-10-2017 của …".
        """
        members = [(head, read_tail(self.s, head.end))]
        if head.form in (Form.FULL, Form.SHORT) and head.doc_type is not None:
            word_allows_bare = head.form is Form.SHORT
            while True:
                sep = self.patterns.list_sep.match(self.s, members[-1][1].end)
                if sep is None:
                    break
                body = self.patterns.body.match(self.s, sep.end())
                if body is None:
                    break
                sym = _read_symbol(body)
                if sym.text is None and not (word_allows_bare and self.bare_ok(body.end(), body.group("num"))):
                    break
                doc_type = sym.code_type if sym.text and sym.code_type else head.doc_type
                item = _Draft(sep.end(), body.end(), body.group("num"), doc_type, Form.LIST_ITEM, sym)
                members.append((item, read_tail(self.s, item.end)))
        shared = members[-1][1]
        return [(draft, tail.or_else(shared)) for draft, tail in members]

    def finish(self, draft: _Draft, tail: Tail) -> Reference:
        """Map a draft and its context onto the caller's string."""
        year, issued_on = draft.symbol.year, tail.issued_on
        if year is None and tail.year is not None:
            year = tail.year
        if year is None:
            found = header_date(self.s, draft.end) if draft.header else date_before(self.s, draft.start)
            if found:
                year, issued_on = found
        if issued_on is not None and issued_on.year != year:
            issued_on = None
        foreign = tail.issuer is not None and tail.issuer.level is Level.FOREIGN
        issuer = None if foreign and draft.symbol.text is None else draft.symbol.issuer
        if tail.issuer is not None and (issuer is None or foreign):
            issuer = tail.issuer.code
        start, end = self.view.span(draft.start, draft.end)
        s_lo, s_hi = sentence_bounds(self.s, draft.start, draft.end)
        o_lo, o_hi = self.view.span(s_lo, s_hi)
        original = self.view.original
        party = draft.symbol.party or (tail.issuer is not None and tail.issuer.level is Level.PARTY)
        return Reference(
            start=start,
            end=end,
            text=original[start:end],
            doc_type=draft.doc_type,
            number=draft.number,
            symbol=draft.symbol.text,
            year=year,
            issued_on=issued_on if isinstance(issued_on, dt.date) else None,
            issuer_text=tail.issuer_text,
            issuer=issuer,
            form=draft.form,
            sentence=" ".join(original[o_lo:o_hi].split()),
            foreign=foreign,
            party=party,
        )

    def run(self) -> list[Reference]:
        drafts: list[tuple[_Draft, Tail]] = []
        consumed = 0
        for candidate in self.patterns.candidate.finditer(self.s):
            pos = candidate.start()
            if pos < consumed:
                continue
            draft = self.draft_at(pos)
            if draft is None:
                continue
            group = self.group_at(draft)
            consumed = group[-1][0].end
            drafts.extend(group)
        return [self.finish(d, t) for d, t in drafts]


def find_mentions(text: str) -> list[Reference]:
    """Every mention in ``text``, in reading order, each read on its own.

    Short mentions are not yet linked to their antecedents: that is
    :func:`directive_graph.resolve.extract_references`'s job.

    Spans index ``text`` itself, whatever its normalisation (NFD accents,
    "Ð" for "Đ", markdown emphasis, line breaks inside a reference).

    Example:
        >>> [r.text for r in find_mentions("Nghị định số 15/2020/NĐ-CP và 91/2019/NĐ-CP")]
        ['Nghị định số 15/2020/NĐ-CP', '91/2019/NĐ-CP']
    """
    if not text:
        return []
    return _Extractor(text).run()
