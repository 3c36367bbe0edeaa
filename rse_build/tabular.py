"""A table from the bytes a spreadsheet or an HR tool exports: encoding and delimiter found,
BOM and line endings dealt with, each row keeping the line it starts on."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from charset_normalizer import from_bytes

from rse_build.errors import Problem
from rse_build.i18n import Translator

DELIMITERS = ",;\t"
# The encodings exports are written in: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode
# text", always with a BOM), and Windows-1252 / Latin-1 (older Excel, many HR tools).
_CANDIDATES = ["utf_8", "utf_16", "cp1252", "latin_1"]
_SHOWN_ENCODINGS = {"utf_8": "UTF-8", "utf_16": "UTF-16", "cp1252": "Windows-1252", "latin_1": "Latin-1"}
_SNIFF_BYTES = 64 * 1024
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True, slots=True)
class Row:
    """One record of the file and the line it starts on (a quoted cell may span lines)."""

    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """The header holds a name (maybe '') for every column a row reaches."""

    header: tuple[str, ...]
    rows: tuple[Row, ...]
    encoding: str
    delimiter: str

    def holds_data(self, index: int) -> bool:
        return any(index < len(row.cells) and row.cells[index].strip() for row in self.rows)


def _located(data: bytes, offset: int) -> tuple[int, int]:
    """The line and column of a byte offset, 1-based."""
    before = data[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def decode(data: bytes, shown: str, t: Translator, encoding: str | None = None) -> tuple[str, str] | Problem:
    """The text and the name of its encoding; `encoding` forces one (a codec name Python knows)."""
    if data.startswith(_ZIP_MAGIC):
        return Problem(shown, 1, 1, t("import.workbook"))
    if encoding is not None:
        try:
            text = data.decode(codecs.lookup(encoding).name)
        except LookupError:
            return Problem(shown, 1, 1, t("import.unknown_encoding", encoding=encoding))
        except UnicodeError as error:
            line, column = _located(data, getattr(error, "start", 0))
            return Problem(shown, line, column, t("import.not_in_encoding", encoding=encoding))
        name = encoding
    else:
        best = from_bytes(data, cp_isolation=_CANDIDATES).best()
        if best is None:
            return Problem(shown, 1, 1, t("import.undecodable"))
        text, name = str(best), _SHOWN_ENCODINGS.get(best.encoding, best.encoding)
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return Problem(shown, line, 1, t("import.binary"))
    return text, name


def _header_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")


def sniff_delimiter(text: str) -> str:
    """`,` `;` or tab: csv.Sniffer on the start of the file, checked against the header line,
    else the candidate the header line holds most often (`,` when it holds none)."""
    header = _header_line(text)
    try:
        found = csv.Sniffer().sniff(text[:_SNIFF_BYTES], delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = None
    if found is not None and found in DELIMITERS and found in header:
        return found
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse(text: str, shown: str, t: Translator, encoding: str) -> Table | Problem:
    """Rows as `csv` reads them with Excel's quoting; blank lines and empty rows are left out."""
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False)
    header: tuple[str, ...] | None = None
    rows: list[Row] = []
    start = 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = tuple(" ".join(cell.split()) for cell in cells)
                continue
            rows.append(Row(line, tuple(cells)))
    except csv.Error as error:
        return Problem(shown, start, 1, t("import.unreadable", reason=str(error)))
    if header is None:
        return Problem(shown, 1, 1, t("import.no_header"))
    width = max([len(header), *(len(row.cells) for row in rows)])
    return Table(header + ("",) * (width - len(header)), tuple(rows), encoding, delimiter)


def read_table(data: bytes, shown: str, t: Translator, encoding: str | None = None) -> Table | Problem:
    """Any bytes give a table or one located problem, never an exception."""
    decoded = decode(data, shown, t, encoding)
    if isinstance(decoded, Problem):
        return decoded
    text, name = decoded
    return parse(text, shown, t, name)
