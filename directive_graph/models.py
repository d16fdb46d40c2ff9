"""Data models shared by every stage of the pipeline.

The models are frozen pydantic v2 models: once the extractor has built a
:class:`Reference` nobody downstream may change it.

Example:
    >>> ref = Reference(start=0, end=23, text="Quyết định số 1847/QĐ-TTg"[:23],
    ...                 doc_type="Quyết định", number="1847", form=Form.FULL)
    >>> ref.doc_type, ref.number, ref.form.value
    ('Quyết định', '1847', 'full')
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from directive_graph.kinds import DocType, Form, Issuer, Level

__all__ = ["DocType", "Form", "Issuer", "Level", "Reference"]


class Reference(BaseModel):
    """One mention of a document in a text.

    ``start`` and ``end`` index the caller's own string, so
    ``text == source[start:end]`` always holds, whatever normalisation the
    extractor did internally.
    """

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    doc_type: str | None = None
    number: str
    symbol: str | None = None
    year: int | None = None
    issued_on: dt.date | None = None
    issuer_text: str | None = None
    issuer: str | None = None
    form: Form = Form.FULL
    antecedent: int | None = None
    sentence: str = ""
    foreign: bool = False
    party: bool = False

    def to_row(self, article: str) -> dict[str, object]:
        """The flat JSON object of ``directive-graph extract --format jsonl``.

        Example:
            >>> Reference(start=0, end=4, text="QĐ 5", doc_type="Quyết định",
            ...           number="5", form=Form.SHORT).to_row("a.txt")["type"]
            'Quyết định'
        """
        return {
            "article": article,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.doc_type,
            "number": self.number,
            "symbol": self.symbol,
            "year": self.year,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "issuer": self.issuer,
            "issuer_text": self.issuer_text,
            "form": self.form.value,
            "antecedent": self.antecedent,
            "foreign": self.foreign,
            "sentence": self.sentence,
        }
