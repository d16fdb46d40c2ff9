"""Link short mentions to the full mention they repeat, within one text.

A later "Quyết định 1043" takes symbol, year and issuer from an earlier
"Quyết định 1043/QĐ-UBND"; a repeated "1847/QĐ-TTg" takes the year stated
at its first mention; a headline's "Nghị định 168" with nothing before it
takes them from the one full mention further down. The link is kept in
``antecedent`` (the index of the mention it was filled from). Two mentions
whose issuers disagree are never linked: "Chỉ thị 19 của Thành ủy" is not
"Chỉ thị 19/CT-TTg".

Example:
    >>> refs = extract_references(
    ...     "Quyết định 1043/QĐ-UBND ngày 5/3/2019 của UBND TP. Sau đó, Quyết định 1043 được sửa.")
    >>> later = refs[1]
    >>> later.symbol, later.year, later.antecedent, later.form.value
    ('QĐ-UBND', 2019, 0, 'short')
"""

from __future__ import annotations

from directive_graph.extract import find_mentions
from directive_graph.models import Reference
from directive_graph.normalize import number_key


def _compatible(later: Reference, earlier: Reference) -> bool:
    if later.issuer and earlier.issuer and later.issuer != earlier.issuer:
        return False
    if later.year and earlier.year and later.year != earlier.year:
        return False
    return not later.foreign and not earlier.foreign


def _antecedent(ref: Reference, earlier: list[int], out: list[Reference]) -> int | None:
    """The nearest compatible earlier mention that knows more: a symbol first, else an issuer or year."""
    compatible = [i for i in reversed(earlier) if _compatible(ref, out[i])]
    if ref.symbol is None:
        for i in compatible:
            if out[i].symbol is not None:
                return i
        for i in compatible:
            if (out[i].issuer and not ref.issuer) or (out[i].year and not ref.year):
                return i
        return None
    for i in compatible:  # a repeated full mention takes the year stated at an earlier one
        if out[i].symbol == ref.symbol and out[i].year is not None:
            return i
    return None


def _filled(ref: Reference, other: Reference, index: int) -> Reference:
    """``ref`` with what it lacks taken from ``other`` (the mention at ``index``)."""
    return ref.model_copy(
        update={
            "symbol": ref.symbol or other.symbol,
            "year": ref.year or other.year,
            "issued_on": ref.issued_on or other.issued_on,
            "issuer": ref.issuer or other.issuer,
            "party": ref.party or other.party,
            "antecedent": index,
        }
    )


def _later_full(ref: Reference, later: list[int], out: list[Reference]) -> int | None:
    """The first later mention with a symbol (a dated one if any), when all the compatible later ones
    name one document: one symbol, and at most one year and one issuer among those that state them."""
    full = [i for i in later if out[i].symbol is not None and _compatible(ref, out[i])]
    if not full or len({(out[i].symbol or "").upper() for i in full}) > 1:
        return None
    if len({out[i].year for i in full} - {None}) > 1 or len({out[i].issuer for i in full} - {None}) > 1:
        return None
    return next((i for i in full if out[i].year is not None), full[0])


def resolve_antecedents(refs: list[Reference]) -> list[Reference]:
    """Fill short and repeated mentions from their nearest compatible earlier mention.

    A short mention that nothing earlier explains (a headline's "Nghị định 168") is filled from
    the full mention later in the text, when the later ones all name one document; its
    ``antecedent`` is then that later index.
    """
    seen: dict[tuple[str | None, str], list[int]] = {}
    out: list[Reference] = []
    for ref in refs:
        key = (ref.doc_type, number_key(ref.number))
        index = None if ref.year is not None and ref.symbol is not None else _antecedent(ref, seen.get(key, []), out)
        if index is not None:
            ref = _filled(ref, out[index], index)
        seen.setdefault(key, []).append(len(out))
        out.append(ref)
    for position, ref in enumerate(out):
        if ref.antecedent is None and ref.symbol is None and not ref.foreign:
            same = seen[(ref.doc_type, number_key(ref.number))]
            index = _later_full(ref, [i for i in same if i > position], out)
            if index is not None:
                out[position] = _filled(ref, out[index], index)
    return out


def extract_references(text: str) -> list[Reference]:
    """Every document reference in ``text``, in reading order, short ones resolved.

    Pure and thread-safe. Spans index ``text`` itself.

    Example:
        >>> refs = extract_references("Chỉ thị 19 của Thành ủy; Nghị quyết số 30c/NQ-CP.")
        >>> [(r.doc_type, r.number, r.symbol, r.issuer) for r in refs]
        [('Chỉ thị', '19', None, 'TU'), ('Nghị quyết', '30c', 'NQ-CP', 'CP')]
    """
    return resolve_antecedents(find_mentions(text))
