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
from typing import TYPE_CHECKING

from directive_graph.context import (
    Tail,
    date_before,
    header_date,
    issuer_after,
    issuer_before,
    read_tail,
    sentence_bounds,
)
from directive_graph.kinds import Form, Level

if TYPE_CHECKING:
    from directive_graph.models import Reference
from directive_graph.normalize import TextView, number_key
from directive_graph.patterns import Match, compiled
from directive_graph.symbols import Symbol, read_symbol
from directive_graph.vocab import TypeWord, fold, load_vocab

# A title between a type word and "số" ("Luật Tổ chức Chính phủ số 63/2025/QH15")
# is at most this long and holds no digit or sentence punctuation.
TITLE_REACH = 250
# A title ends at a digit, sentence punctuation, a blank line, or a verb: "Chương trình được Bộ …
# công nhận, cấp giấy phép số 2526/QĐ-BGD" is not a Chương trình. Verbs are lower case (the
# pattern is case-sensitive). It runs on the reversed text, from the number back, so it stops
# at the nearest break instead of walking every break of the window.
_TITLE_VERBS = (
    "được", "đã", "cấp", "chấp thuận", "phê duyệt", "ban hành", "ký", "theo", "tại", "thực hiện",
    "triển khai", "công nhận", "cấp phép", "giao", "duyệt", "thụ lý",
)  # fmt: skip
_TITLE_BREAK_REV = re.compile(
    r"[\d.;!?()\[\]\"“”]|\n\s*\n|(?<!\w)(?:" + "|".join(re.escape(v[::-1]) for v in _TITLE_VERBS) + r")(?!\w)"
)


@functools.lru_cache(maxsize=1)
def _type_words_by_fold() -> dict[str, TypeWord]:
    return {fold(w.word): w for w in load_vocab().type_words}


def _looks_like_a_year(number: str) -> bool:
    """1975–2035 written alone after a type word is a year more often than a document number."""
    return number.isdigit() and len(number) == 4 and 1975 <= int(number) <= 2035


@dataclass
class _Draft:
    start: int  # view positions
    end: int
    number: str
    doc_type: str | None
    form: Form
    symbol: Symbol
    header: bool = False


# Words that make a lower-case "chỉ thị 16" a document, not a verb: "theo chỉ thị 16", "thực hiện quyết định 12",
# "khác với quyết định 48".
_NOUN_CUES = ("theo", "thuc hien", "trien khai", "tai", "can cu", "ap dung", "quan triet", "cac", "voi", "cua")
# Words that make an abbreviation with a number a form's code: "mẫu CT08", "Biểu mẫu TT01".
_FORM_WORDS = ("mau", "bieu")
# A symbol that goes on with a word rather than a code: "805/TTr-Sở" (a report form's code).
_CUT_SYMBOL = re.compile(r"[-/][^\W\d_]")


class _Extractor:
    """One pass over one text; holds the per-text state (the view, the reversed text)."""

    def __init__(self, text: str) -> None:
        self.view = TextView(text)
        self.s = self.view.text
        self.patterns = compiled()
        self._rev: str | None = None
        self._words = _type_words_by_fold()
        self._sentences: dict[tuple[int, int], str] = {}  # mentions of one sentence share its text

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
        sym = read_symbol(body)
        prefix = self.patterns.rev_prefix.match(self.rev, len(self.s) - pos)
        written: str = prefix.group("tw")[::-1] if prefix and prefix.group("tw") else ""
        word = self.type_word(written) if written else None
        has_so = bool(prefix and prefix.group("so"))
        end = body.end() if sym.text else body.end("num")
        if word is not None and word.kind == "other":
            return None  # "Biên bản số 12/BB-UBND", "Cáo trạng số 15/CT-VKS": papers, not documents
        if word is not None and word.kind == "abbreviation" and prefix is not None and self._form_code(pos, prefix):
            return None  # "mẫu CT08", "Biểu mẫu TT01": a form's code, not a Chỉ thị or a Thông tư
        if word is not None and word.kind != "blocked" and prefix is not None:
            return self._typed(word, written, len(self.s) - prefix.end(), pos, end, body, sym, has_so)
        so_start = len(self.s) - prefix.end("so") if has_so and prefix else pos
        year_only = None if sym.text else self.patterns.year_only.match(self.s, end)
        if sym.text is None and year_only is None and not has_so:
            return None
        titled = self._titled(so_start, pos, end, body, sym, has_so, year_only)
        if titled is not None or sym.text is None:
            return titled
        if has_so and self.s.startswith("S", so_start) and self.patterns.header_before.search(
            self.s, max(0, so_start - 80), so_start
        ):
            # a document's own number in its header: "Số: 15/QĐ-BNV" at the start of a line
            doc_type = sym.code_type or "Công văn"  # a symbol with no type code: an official letter
            header = _Draft(pos, end, body.group("num"), doc_type, Form.BARE_SYMBOL, sym, header=True)
            with_colon = ":" in self.s[so_start:pos]  # "Số: 3954/CTLAN-TTHT": any code is a header
            if _CUT_SYMBOL.match(self.s, end):
                return None  # the symbol goes on with a word ("Số1847/QĐ-TTgTheo …"): it was cut short
            return header if sym.known or with_colon else None
        if sym.code_type is None:
            return None  # a bare symbol must open with a type or issuer code: not "35/GM-UBND"
        if _CUT_SYMBOL.match(self.s, end):
            return None  # the symbol goes on with a word, no code: "805/TTr-Sở", a form's code
        return _Draft(pos, end, body.group("num"), sym.code_type, Form.BARE_SYMBOL, sym)

    def _typed(
        self, word: TypeWord, written: str, start: int, pos: int, end: int, body: Match, sym: Symbol, has_so: bool
    ) -> _Draft | None:
        doc_type = word.doc_type or sym.code_type or ("Công văn" if sym.text or has_so else None)
        if sym.text is not None:
            return _Draft(start, end, body.group("num"), doc_type, Form.FULL, sym)
        year_only = self.patterns.year_only.match(self.s, end)
        if year_only is not None and doc_type is not None and word.kind != "generic":
            # "Nghị định 15/2020": number and year, the code left out (a journalists' short form)
            year = Symbol(year=int(year_only.group("y")))
            return _Draft(start, year_only.end(), body.group("num"), doc_type, Form.SHORT, year)
        if (
            word.verb
            and not has_so
            and written == written.lower()
            and not self._document_follows(end)
            and not fold(self.s[max(0, start - 12) : start]).endswith(_NOUN_CUES)
        ):
            return None  # "đã quyết định 3 nội dung" is a verb; "quyết định 1043 của UBND" a document
        if not has_so and _looks_like_a_year(body.group("num")):
            return None  # "Kế hoạch 2025", "Chương trình 2030": a year, not a number
        if word.bare_number == "no" or (word.bare_number == "so" and not has_so):
            return None
        if doc_type is None or not self.bare_ok(end, body.group("num")):
            return None
        if self._enumerator(written, start, pos, end):
            return None
        return _Draft(start, end, body.group("num"), doc_type, Form.SHORT, sym)

    def _form_code(self, pos: int, prefix: Match) -> bool:
        """Whether "mẫu" or "biểu" stands right before the abbreviated type word: "(mẫu CT08 ban hành kèm theo …)"."""
        start = len(self.s) - prefix.end()
        return fold(self.s[max(0, start - 8) : start]).endswith(_FORM_WORDS)

    def _document_follows(self, end: int) -> bool:
        """After a lower-case "kết luận 127": an issuer, "ban hành" or "ngày <digit>" says it is a document."""
        return self.patterns.issued_cue.match(self.s, end) is not None or issuer_after(self.s, end) is not None

    def _enumerator(self, written: str, start: int, pos: int, end: int) -> bool:
        """A heading, a line break, then a list number: "QUYẾT ĐỊNH\n1. Quyết định số …"."""
        if "\n" not in self.s[start:pos] or not self.patterns.enumerator.match(self.s, end):
            return False
        return written.isupper() or (end - pos == 1)

    def _titled(
        self, so_start: int, pos: int, end: int, body: Match, sym: Symbol, has_so: bool, year_only: Match | None
    ) -> _Draft | None:
        """A type word, a title, then the number: "Luật Tổ chức chính quyền địa phương số 72/2025/QH15".

        The title runs back from "số" (or from a "55/2024" number) to the last break (a digit,
        sentence punctuation, a blank line). Of its type words the one the symbol's code names wins;
        else the first ("Pháp lệnh Hợp nhất văn bản quy phạm pháp luật số 01/2012/UBTVQH13" is a
        Pháp lệnh); "pháp luật" and other blocked compounds are not type words. With no "số", only
        a law read by name and number/year counts: "Luật Phòng cháy, chữa cháy 55/2024".
        """
        lo = max(0, so_start - TITLE_REACH)
        n = len(self.s)
        brk = _TITLE_BREAK_REV.search(self.rev, n - so_start, n - lo)
        if brk is not None:
            lo = n - brk.start()
        found = [
            (m, w)
            for m in self.patterns.type_word.finditer(self.s, lo, so_start)
            if (w := self.type_word(m.group())) is not None and w.kind in ("name", "generic")
        ]
        named = [(m, w) for m, w in found if w.kind == "name"]
        if not named and not (found and sym.text):
            return None
        agree = [(m, w) for m, w in named if w.doc_type in (sym.code_type, sym.also_type)]
        if sym.explicit and named and not agree:
            return None  # the code names another type: "… Đề án … số 456/QĐ-UBND" is a Quyết định
        match, word = (agree or named or found)[0]
        doc_type = word.doc_type or sym.code_type or "Công văn"
        number = body.group("num")
        if sym.text is not None:
            return _Draft(match.start(), end, number, doc_type, Form.FULL, sym)
        if year_only is not None and (has_so or word.bare_number == "no"):
            return _Draft(match.start(), year_only.end(), number, doc_type, Form.SHORT,
                          Symbol(year=int(year_only.group("y"))))  # fmt: skip
        if has_so and word.kind == "name" and self.bare_ok(end, number):
            return _Draft(match.start(), end, number, doc_type, Form.SHORT, sym)
        return None

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
                sym = read_symbol(body)
                item_end = body.end() if sym.text else body.end("num")
                year_only = None if sym.text else self.patterns.year_only.match(self.s, item_end)
                if year_only is not None:  # "Nghị định 100/2019 & 123/2021"
                    sym, item_end = Symbol(year=int(year_only.group("y"))), year_only.end()
                elif sym.text is None and not (word_allows_bare and self.bare_ok(item_end, body.group("num"))):
                    break
                doc_type = sym.code_type if sym.text and sym.code_type else head.doc_type
                item = _Draft(sep.end(), item_end, body.group("num"), doc_type, Form.LIST_ITEM, sym)
                members.append((item, read_tail(self.s, item.end)))
        shared = members[-1][1]
        return [(draft, tail.or_else(shared)) for draft, tail in members]

    def finish(self, draft: _Draft, tail: Tail, head: int | None = None) -> Reference:
        """Map a draft and its context onto the caller's string; ``head`` is where its list starts."""
        from directive_graph.models import Reference  # pydantic loads on the first mention, not at import
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
        if tail.issuer is not None and (issuer is None or foreign or not draft.symbol.issuer_known):
            issuer = tail.issuer.code  # the phrase names a known body where the symbol's code does not
        issuer_text = tail.issuer_text
        if issuer is None and issuer_text is None:  # "Tỉnh ủy đã ban hành Chỉ thị 17": the subject issued it
            before = issuer_before(self.s, draft.start if head is None else head)
            if before is not None:
                issuer, issuer_text = before[2].code, self.s[before[0] : before[1]]
        start, end = self.view.span(draft.start, draft.end)
        bounds = sentence_bounds(self.s, draft.start, draft.end)
        sentence = self._sentences.get(bounds)
        original = self.view.original
        if sentence is None:
            o_lo, o_hi = self.view.span(*bounds)
            sentence = self._sentences[bounds] = " ".join(original[o_lo:o_hi].split())
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
            issuer_text=issuer_text,
            issuer=issuer,
            form=draft.form,
            sentence=sentence,
            foreign=foreign,
            party=party,
        )

    def run(self) -> list[Reference]:
        drafts: list[tuple[_Draft, Tail, int]] = []
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
            drafts.extend((d, t, draft.start) for d, t in group)
        return [self.finish(d, t, head) for d, t, head in drafts]


def first_mention(text: str) -> tuple[str | None, str, str | None, int | None] | None:
    """(type, number key, symbol, year) of the first mention in ``text``: the parse of a lookup query.

    It stops before anything builds a :class:`Reference`, so it needs no pydantic.

    Example:
        >>> first_mention("QĐ 1847"), first_mention("Nghị định 30/2020/NĐ-CP")
        (('Quyết định', '1847', None, None), ('Nghị định', '30', 'NĐ-CP', 2020))
    """
    extractor = _Extractor(text)
    for candidate in extractor.patterns.candidate.finditer(extractor.s):
        draft = extractor.draft_at(candidate.start())
        if draft is not None:
            year = draft.symbol.year or read_tail(extractor.s, draft.end).year
            return draft.doc_type, number_key(draft.number), draft.symbol.text, year
    return None


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
