"""directive-graph: a citation graph of the Vietnamese documents that texts cite.

The public API is small:

* :func:`extract_references` finds every reference in a text;
* :class:`Reference` is one mention;
* :func:`load_vocab` reads the vocabulary tables.

The names are imported on first use, so ``import directive_graph.store`` (and
the commands that only read the store) do not pay for pydantic and the
patterns.

Example:
    >>> from directive_graph import extract_references
    >>> [r.symbol for r in extract_references("Căn cứ Nghị định 30/2020/NĐ-CP …")]
    ['NĐ-CP']
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["Form", "Reference", "__version__", "extract_references", "load_vocab"]
__version__ = "0.1.0"

_LAZY = {
    "extract_references": "directive_graph.resolve",
    "Reference": "directive_graph.models",
    "Form": "directive_graph.models",
    "load_vocab": "directive_graph.vocab",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'directive_graph' has no attribute {name!r}")
