"""directive-graph: a citation graph of the Vietnamese documents that texts cite.

The public API is small:

* :func:`extract_references` finds every reference in a text;
* :class:`Reference` is one mention;
* :func:`load_vocab` reads the vocabulary tables.

Example:
    >>> from directive_graph import extract_references
    >>> [r.symbol for r in extract_references("Căn cứ Nghị định 30/2020/NĐ-CP …")]
    ['NĐ-CP']
"""

from directive_graph.models import Form, Reference
from directive_graph.resolve import extract_references
from directive_graph.vocab import load_vocab

__all__ = ["Form", "Reference", "__version__", "extract_references", "load_vocab"]
__version__ = "0.1.0"
