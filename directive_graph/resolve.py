"""Link short mentions to the full mention they repeat, within one text.

A later "Quyết định 1043" takes symbol, year and issuer from an earlier
"Quyết định 1043/QĐ-UBND"; a repeated "1847/QĐ-TTg" takes the year stated
at its first mention. The link is kept in ``antecedent`` (the index of the
earlier mention). Two mentions whose issuers disagree are never linked:
"Chỉ thị 19 của Thành ủy" is not "Chỉ thị 19/CT-TTg".

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


def number_key(number: str) -> str:
    """A number as compared: case folded, leading zeros dropped ("08" is "8").

    Example:
        >>> number_key("08"), number_key("30C")
        ('8', '30c')
    """
    return number.lower().lstrip("0") or "0"


def _compatible(later: Reference, earlier: Reference) -> bool:
    if later.issuer and earlier.issuer and later.issuer != earlier.issuer:
        return False
    if later.year and earlier.year and later.year != earlier.year:
        return False
    return not later.foreign and not earlier.foreign


def resolve_antecedents(refs: list[Reference]) -> list[Reference]:
    """Fill short and repeated mentions from their nearest earlier full mention."""
    latest: dict[tuple[str | None, str], int] = {}
    latest_symbol: dict[tuple[str | None, str, str], int] = {}
    out: list[Reference] = []
    for ref in refs:
        key = (ref.doc_type, number_key(ref.number))
        if ref.symbol is None and key in latest and _compatible(ref, out[latest[key]]):
            index = latest[key]
            earlier = out[index]
            ref = ref.model_copy(
                update={
                    "symbol": earlier.symbol,
                    "year": ref.year or earlier.year,
                    "issued_on": ref.issued_on or earlier.issued_on,
                    "issuer": ref.issuer or earlier.issuer,
                    "party": earlier.party,
                    "antecedent": index,
                }
            )
        elif ref.symbol is not None and ref.year is None:
            skey = (*key, ref.symbol.upper())
            if skey in latest_symbol and _compatible(ref, out[latest_symbol[skey]]):
                index = latest_symbol[skey]
                earlier = out[index]
                ref = ref.model_copy(
                    update={"year": earlier.year, "issued_on": ref.issued_on or earlier.issued_on, "antecedent": index}
                )
        if ref.symbol is not None:
            latest[key] = len(out)
            if ref.year is not None:
                latest_symbol[(*key, ref.symbol.upper())] = len(out)
        out.append(ref)
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
