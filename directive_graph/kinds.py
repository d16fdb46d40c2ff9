"""The small value types of the pipeline: forms, levels, document types and issuers.

They are plain enums and frozen dataclasses, so modules that only need them (the query
parser of ``lookup``, say) start without importing pydantic.

Example:
    >>> Form("short").value, Level.PARTY.value
    ('short', 'party')
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Form(str, Enum):
    """How a mention was written.

    * ``full``: a type word (or an abbreviation) with number and symbol,
      "Quyết định số 1847/QĐ-TTg".
    * ``short``: a type word with a bare number, "Quyết định 1043", "Chỉ thị 19".
    * ``bare_symbol``: number and symbol with no type word, "1560/VPCP-KGVX";
      the type comes from the symbol's code.
    * ``list_item``: a later member of a list that shares the head's type word,
      the "1259" of "Quyết định 1043, 1259 và 328".
    """

    FULL = "full"
    SHORT = "short"
    BARE_SYMBOL = "bare_symbol"
    LIST_ITEM = "list_item"


class Level(str, Enum):
    """The level of an issuing body."""

    CENTRAL = "central"
    LOCAL = "local"
    PARTY = "party"
    MASS = "mass"
    FOREIGN = "foreign"


@dataclass(frozen=True)
class DocType:
    """A document type of the vocabulary (``data/vocab/doc_types.csv``)."""

    name: str
    family: str
    description: str = ""
    national: bool = False  # issued only by central bodies (Luật, Nghị định, Thông tư …): never a province's
    issuer: str = ""  # the one body that issues it, if only one does (Nghị định: CP), as an issuer code


@dataclass(frozen=True)
class Issuer:
    """An issuing body of the vocabulary (``data/vocab/issuers.csv``)."""

    code: str
    name: str
    level: Level
    aliases: tuple[str, ...] = ()
