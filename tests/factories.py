"""Small factories for the expected side of the extraction tests.

A case row of ``tests/cases/extraction.jsonl`` writes each expected reference
as a compact list ``[form, type, number, symbol, year, issuer]`` with an
optional seventh element, the exact surface ``text``. :func:`from_row` turns
such a list into the dict of fields the test compares; :func:`full`,
:func:`short`, :func:`bare` and :func:`item` build the same dict by form.
:func:`observed` projects an extracted :class:`~directive_graph.Reference`
onto the keys of an expected dict, so the two compare with ``==``.

Example:
    >>> from_row(["short", "Chỉ thị", "19", None, None, "TU"])
    {'form': 'short', 'doc_type': 'Chỉ thị', 'number': '19', 'symbol': None, 'year': None, 'issuer': 'TU'}
    >>> full("Quyết định", "1847", "QĐ-TTg", 2018, "TTg", text="Quyết định số 1847/QĐ-TTg")["text"]
    'Quyết định số 1847/QĐ-TTg'
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from directive_graph import Reference

FORMS = ("full", "short", "bare_symbol", "list_item")
FIELDS = ("form", "doc_type", "number", "symbol", "year", "issuer")

Expected = dict[str, Any]


def expected(
    form: str,
    doc_type: str | None,
    number: str,
    symbol: str | None = None,
    year: int | None = None,
    issuer: str | None = None,
    text: str | None = None,
) -> Expected:
    """The expected fields of one reference; ``text`` is compared only when given."""
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}; one of {FORMS}")
    if not isinstance(number, str) or not number:
        raise ValueError(f"number must be a non-empty string, got {number!r}")
    if year is not None and not isinstance(year, int):
        raise ValueError(f"year must be an int or None, got {year!r}")
    out: Expected = {
        "form": form,
        "doc_type": doc_type,
        "number": number,
        "symbol": symbol,
        "year": year,
        "issuer": issuer,
    }
    if text is not None:
        out["text"] = text
    return out


def _factory(form: str, doc: str) -> Callable[..., Expected]:
    """A factory for one form: ``doc_type, number, symbol, year, issuer, text`` in that order."""
    make = functools.partial(expected, form)
    make.__doc__ = doc
    return make


full = _factory("full", 'A type word with number and symbol: "Quyết định số 1847/QĐ-TTg".')
short = _factory("short", 'A type word with a bare number: "Chỉ thị 19" (symbol/year/issuer may be inherited).')
bare = _factory("bare_symbol", 'Number and symbol with no type word: "1560/VPCP-KGVX".')
item = _factory("list_item", 'A later list member sharing the head\'s type word: "1259" in "Quyết định 1043, 1259".')


def from_row(row: list[Any]) -> Expected:
    """A compact table row ``[form, type, number, symbol, year, issuer(, text)]`` as a dict."""
    if len(row) not in (6, 7):
        raise ValueError(f"a row has 6 or 7 elements, got {len(row)}: {row!r}")
    return expected(*row)


def observed(ref: Reference, like: Expected) -> Expected:
    """The fields of ``ref`` that ``like`` names, for an ``==`` comparison."""
    values: Expected = {
        "form": ref.form.value,
        "doc_type": ref.doc_type,
        "number": ref.number,
        "symbol": ref.symbol,
        "year": ref.year,
        "issuer": ref.issuer,
        "text": ref.text,
    }
    return {key: values[key] for key in like}


def as_row(ref: Reference) -> list[Any]:
    """A reference written back as a compact row, for readable failure messages."""
    return [ref.form.value, ref.doc_type, ref.number, ref.symbol, ref.year, ref.issuer, ref.text]
