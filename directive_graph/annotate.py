"""A text with each reference marked and linked to its directive, like eyecite's annotate.

Example:
    >>> from directive_graph import extract_references
    >>> text = "Theo Chỉ thị 19 của Thành ủy & các sở"
    >>> print(annotate_text(text, extract_references(text)))
    Theo [[Chỉ thị 19]]{Chỉ thị 19 · TU} của Thành ủy & các sở
    >>> annotate_text(text, extract_references(text), html=True)[:64]
    '<pre class="annotated">Theo <a class="ref" href="#d:Chỉ thị|19||'
"""

from __future__ import annotations

import html as html_lib
from typing import TYPE_CHECKING

from directive_graph.identity import directive_key

if TYPE_CHECKING:
    from directive_graph.models import Reference


def _describe(ref: Reference) -> str:
    name = f"{ref.doc_type or 'Văn bản'} {ref.number}" + (f"/{ref.symbol}" if ref.symbol else "")
    extras = [str(ref.year)] if ref.year else []
    extras += [ref.issuer] if ref.issuer else []
    extras += ["foreign"] if ref.foreign else []
    return " · ".join([name, *extras])


def annotate_text(text: str, refs: list[Reference], *, html: bool = False, locality: str | None = None) -> str:
    """``text`` with every reference marked: ``[[surface]]{what it is}``, or HTML links with ``html``.

    In HTML every piece of the text is escaped and each reference becomes
    ``<a class="ref" href="#d:<directive key>" title="…">surface</a>``; the key is the
    one the store and the report use, so the link names the directive's node.
    """
    out: list[str] = []
    last = 0
    for ref in sorted(refs, key=lambda r: r.start):
        if ref.start < last:
            continue
        before, surface = text[last : ref.start], text[ref.start : ref.end]
        if html:
            key = html_lib.escape(directive_key(ref, locality).key, quote=True)
            out += [
                html_lib.escape(before),
                f'<a class="ref" href="#d:{key}" title="{html_lib.escape(_describe(ref))}">',
                html_lib.escape(surface),
                "</a>",
            ]
        else:
            out += [before, f"[[{surface}]]{{{_describe(ref)}}}"]
        last = ref.end
    tail = text[last:]
    out.append(html_lib.escape(tail) if html else tail)
    body = "".join(out)
    return f'<pre class="annotated">{body}</pre>' if html else body
