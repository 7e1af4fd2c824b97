"""The tables of a Word document (``.docx``) as grids, with their merged cells and titles.

python-docx opens the document; the tables are read from its XML, cell by cell, so that a cell
spanning columns (``gridSpan``) or merged down rows (``vMerge``) is one text at its first
position and a merged range, as a spreadsheet has it.  The paragraphs between two tables are the
second table's title block (``PHỤ LỤC I``, ``Kèm theo Kế hoạch số …``).

A cell's text is what Word shows: rows, cells and tables wrapped in a content control
(``w:sdt``) or custom XML are read where they stand; text deleted or moved away with Track
Changes, and hidden text, is left out; a text box is read once (not its fallback copy for old
versions of Word); a character inserted from the Symbol font (``w:sym``: ``≥``, ``≤`` …) is that
character, and one this reader cannot name is ``�``, so that the cell is reported, not read
without it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kh922core._exchange.grids import COVERED, STRUCK, Grid
from kh922core._exchange.raised_text import LOWERED, RAISED, raised_text
from kh922core._exchange.word_numbering import ListNumbers
from kh922core._exchange.word_styles import WordStyles, switched_on
from kh922core._output_formats import import_optional
from kh922core._text import INVISIBLE
from kh922core.errors import TableImportError

__all__ = ["docx_grids"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_ALIGNED = (RAISED, LOWERED)
#: The most columns a Word table has.
_MOST_COLUMNS = 63
# Wrappers whose content stands where they are (a content control, custom XML).
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"})
# What Word does not show, or shows from another copy: tracked deletions and moves away, the
# fallback of a text box for old versions, and the properties of runs and paragraphs.
_UNSHOWN = frozenset(
    {f"{_W}del", f"{_W}moveFrom", f"{_MC}Fallback", f"{_W}rPr", f"{_W}pPr", f"{_W}sdtPr"}
)
# The Symbol font's codes of the characters a target may hold (Word writes them as w:sym with
# w:char F0xx or xx): comparison signs, arithmetic and units.
_SYMBOL_FONT = {
    0x3C: "<",
    0x3D: "=",
    0x3E: ">",
    0x25: "%",
    0x2B: "+",
    0x2D: "−",
    0xA3: "≤",
    0xB3: "≥",
    0xB1: "±",
    0xB9: "≠",
    0xBB: "≈",
    0xB4: "×",
    0xB8: "÷",
    0xB0: "°",
    0xAE: "→",
}
_UNKNOWN_SYMBOL = "\ufffd"
_EMBEDDED = (
    "a part embedded from another file (w:altChunk), which Word shows but this reader cannot: "
    "open the document in Word and save it again as .docx"
)
#: Characters of a symbol font's private area (what a font maps to its own signs).
_PRIVATE = re.compile("[\uf000-\uf0ff]")


def _struck(cell: Any, styles: WordStyles) -> bool:
    """Whether a run of a cell's shown text is struck through (``w:strike``, ``w:dstrike``), on
    the run or by its styles."""
    for run in cell.iter(f"{_W}r"):
        if styles.run_property(run, ("vanish",)) or not "".join(_shown_texts(run)).strip():
            continue
        if styles.run_property(run, ("strike", "dstrike")):
            return True
    return False


def _shown_texts(run: Any) -> list[str]:
    """The texts of a run (not those deleted with Track Changes, nor field instructions)."""
    return [node.text or "" for node in run if node.tag in (f"{_W}t", f"{_M}t")]


def _placeholder(node: Any) -> bool:
    """Whether a content control shows its placeholder (a grey prompt, no value)."""
    return node.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None and switched_on(
        node.find(f"{_W}sdtPr/{_W}showingPlcHdr")
    )


def _symbol(node: Any) -> str:
    """The character of a ``w:sym``: from the Symbol font's codes, else ``�``."""
    font = (node.get(f"{_W}font") or "").strip().lower()
    try:
        code = int(node.get(f"{_W}char") or "", 16)
    except ValueError:
        return _UNKNOWN_SYMBOL
    code = code - 0xF000 if code >= 0xF000 else code
    if font == "symbol":
        return _SYMBOL_FONT.get(code, _UNKNOWN_SYMBOL)
    return _UNKNOWN_SYMBOL


def _symbol_text(text: str) -> str:
    """A run's text in the Symbol font as the characters Word shows (``³`` is ``≥`` there)."""
    shown = []
    for character in text:
        code = ord(character)
        code = code - 0xF000 if 0xF000 <= code < 0xF100 else code
        if code in _SYMBOL_FONT:
            shown.append(_SYMBOL_FONT[code])
        elif character.isdigit() or character in " .,;:()[]/":
            shown.append(character)
        else:
            shown.append(_UNKNOWN_SYMBOL)
    return "".join(shown)


def _font(run: Any) -> str:
    fonts = run.find(f"{_W}rPr/{_W}rFonts") if run is not None else None
    return "" if fonts is None else (fonts.get(f"{_W}ascii") or "").strip().lower()


#: A footnote mark: a few digits or marks (``2``, ``*``, ``(1)``).
_MARK = re.compile(r"[\d*()†‡]{1,3}")


def _alignment(run: Any, numbers: ListNumbers) -> str | None:
    """A run's vertical alignment (:meth:`WordStyles.vertical_alignment`); a footnote mark
    raised by its own position (Font, Advanced, Position: ``w:position``) after ``95`` is
    raised too, never a digit of it (a whole number moved so for the layout is left as it is)."""
    how = numbers.styles.vertical_alignment(run)
    moved = run.find(f"{_W}rPr/{_W}position")
    if how in _ALIGNED or moved is None:
        return how
    text = "".join(t.text or "" for t in run.iter(f"{_W}t"))
    try:
        raised = float(moved.get(f"{_W}val") or "0") > 0
    except ValueError:
        return how
    previous = run.getprevious()
    after_text = previous is not None and previous.tag == f"{_W}r"
    return RAISED if raised and after_text and _MARK.fullmatch(text.strip()) else how


def _pieces(element: Any, out: list[str], tables: bool, numbers: ListNumbers) -> None:
    """The text Word shows of ``element``'s children, a paragraph ending with a line break and
    starting with its list number (``numbers``), without the tables nested in it unless
    ``tables``."""
    for node in element:
        tag = node.tag
        if tag in _UNSHOWN or (tag == f"{_W}r" and numbers.styles.run_property(node, ("vanish",))):
            continue
        if (tag == f"{_W}tbl" and not tables) or (tag == f"{_W}sdt" and _placeholder(node)):
            continue
        if tag == f"{_M}t":  # an equation's text
            out.append(node.text or "")
        elif tag == f"{_M}sup":  # "m²": a superscript number as Word draws it
            inner: list[str] = []
            _pieces(node, inner, tables, numbers)
            raised = "".join(inner).strip()
            out.append(raised.translate(_SUPERSCRIPT) if raised.isdigit() else f"^{raised}")
        elif tag == f"{_W}r" and (how := _alignment(node, numbers)) in _ALIGNED:
            inner = []  # "50" then a raised "1": a footnote mark, not a digit of the number
            _pieces(node, inner, tables, numbers)
            out.append(raised_text("".join(inner), how))
        elif tag == f"{_W}t":
            text = node.text or ""
            symbol = _font(node.getparent()) == "symbol"
            text = INVISIBLE.sub("", text)  # "1\u00ad500": a soft hyphen shows nothing
            out.append(_symbol_text(text) if symbol else _PRIVATE.sub(_UNKNOWN_SYMBOL, text))
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            out.append("\t")  # a gap Word shows: "1", a tab, "500" is no 1 500
        elif tag in (f"{_W}footnoteReference", f"{_W}endnoteReference"):
            # Word's own footnote: its number, raised, as Word shows it (it showed nothing, and
            # the footnote, "Chỉ tính các xã đồng bằng", was lost unseen)
            out.append((node.get(f"{_W}id") or "").translate(_SUPERSCRIPT) or "*")
        elif tag == f"{_W}noBreakHyphen":
            out.append("-")
        elif tag == f"{_W}sym":
            out.append(_symbol(node))
        elif tag != f"{_W}softHyphen":
            label = numbers.label(node) if tag == f"{_W}p" else ""
            out.append(f"{label} " if label else "")
            _pieces(node, out, tables, numbers)
            if tag == f"{_W}p" and node.find(f"{_W}pPr/{_W}rPr/{_W}del") is None:
                out.append("\n")  # (a paragraph mark deleted with Track Changes joins the next)


def _text(element: Any, numbers: ListNumbers, tables: bool = True) -> str:
    """The text of a cell or paragraph: its paragraphs on lines, breaks and tabs kept."""
    out: list[str] = []
    _pieces([element], out, tables, numbers)
    # a tab parts two numbers ("1", a tab, "500"); elsewhere it is a space (a title's layout)
    return re.sub(r"\t+(?!\d)|(?<!\d)\t+", " ", "".join(out)).strip()


def _plain(cell: Any) -> str:
    """The words of a cell's text elements, hidden or not, with no list number (which would
    count on Word's lists)."""
    return " ".join(INVISIBLE.sub("", "".join(t.text or "" for t in cell.iter(f"{_W}t"))).split())


def _children(element: Any, tag: str) -> Iterator[Any]:
    """The children of ``element`` with ``tag``, and those inside content controls and custom
    XML (which stand where they are)."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _value(properties: Any, name: str) -> str | None:
    if properties is None:
        return None
    found = properties.find(f"{_W}{name}")
    if found is None:
        return None
    return str(found.get(f"{_W}val", "continue"))


def _columns(text: str | None, file: str, number: int) -> int | None:
    """A count of grid columns (``gridSpan``, ``gridBefore``); more than a Word table can have
    is refused."""
    if not text or not text.strip().isdigit():
        return None
    if len(text.strip()) > 3 or int(text) > _MOST_COLUMNS:
        raise TableImportError(
            f"{file}: table {number}: a cell spans {text.strip()} columns; a Word table has at "
            f"most {_MOST_COLUMNS}"
        )
    return int(text)


def _table(element: Any, file: str, number: int, title: list[str], numbers: ListNumbers) -> Grid:
    rows: list[list[str]] = []
    merges: list[tuple[int, int, int, int]] = []
    open_down: dict[int, int] = {}  # column -> index in merges of the range merged down
    hidden_rows: set[int] = set()
    for row_index, row in enumerate(_children(element, f"{_W}tr")):
        cells: list[str] = []
        unshown: list[str] = []  # each cell's text, hidden or not (a row all hidden is listed)
        across_from: int | None = None  # the merge a "hMerge" cell goes on
        if row.find(f"{_W}trPr/{_W}del") is not None:
            rows.append([])  # a row deleted with Track Changes: Word shows nothing of it
            continue
        before = _columns(_value(row.find(f"{_W}trPr"), "gridBefore"), file, number) or 0
        cells += [""] * before
        for cell in _children(row, f"{_W}tc"):
            properties = cell.find(f"{_W}tcPr")
            if properties is not None and properties.find(f"{_W}cellDel") is not None:
                continue  # a cell deleted with Track Changes: the next cells take its place
            span = max(_columns(_value(properties, "gridSpan"), file, number) or 1, 1)
            column = len(cells)
            merged = _value(properties, "vMerge")
            if merged is not None and merged != "restart" and column not in open_down:
                merged = "restart"  # the first cell of a merge written without "restart"
            across = _value(properties, "hMerge")  # Word 97's horizontal merge
            if across is not None and across != "restart" and across_from is not None:
                first_row, first_column, last_row, _ = merges[across_from]
                merges[across_from] = (first_row, first_column, last_row, column + span - 1)
                cells += [""] * span
                unshown += [""] * span
                continue
            across_from = None
            if merged is not None and merged != "restart" and column in open_down:
                first_row, first_column, _, last_column = merges[open_down[column]]
                merges[open_down[column]] = (first_row, first_column, row_index, last_column)
                # a text of its own, as Word would show it (no list number, which would count
                # on the document's lists): listed
                covered = " ".join(_text(cell, ListNumbers(styles=numbers.styles)).split())
                if covered == " ".join(rows[first_row][first_column].split()):
                    covered = ""  # the first cell's text again: nothing is lost
                cells += [COVERED + covered if covered else ""] + [""] * (span - 1)
                unshown += [""] * span
                continue
            text = _text(cell, numbers)
            text = (
                STRUCK + " ".join(text.split()) if text and _struck(cell, numbers.styles) else text
            )
            open_down.pop(column, None)
            if merged == "restart" or span > 1 or across is not None:
                merges.append((row_index, column, row_index, column + span - 1))
                if merged == "restart":
                    open_down[column] = len(merges) - 1
                if across is not None:
                    across_from = len(merges) - 1
            cells += [text] + [""] * (span - 1)
            unshown += [_plain(cell)]
            unshown += [""] * (span - 1)
        if not any(c.strip() for c in cells) and any(unshown):  # every text of it hidden
            hidden_rows.add(row_index)
            cells = [""] * before + unshown
        rows.append(cells)
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    merges = [m for m in merges if m[0] != m[2] or m[1] != m[3]]
    grid = Grid(file, f"table {number}", rows, merges, title=title, letters=False)
    grid.hidden_rows = frozenset(hidden_rows)  # hidden text (Font › Hidden) in every cell
    return grid


def _blocks(element: Any) -> Iterator[Any]:
    """The paragraphs and tables of the document's body, in order, those inside content
    controls and custom XML where they stand."""
    for child in element:
        if child.tag == f"{_W}tbl" and _frames_tables(child):  # a layout table around tables
            for row in _children(child, f"{_W}tr"):
                for cell in _children(row, f"{_W}tc"):
                    yield from _blocks(cell)
            continue
        if child.tag in (f"{_W}p", f"{_W}tbl", f"{_W}altChunk"):
            yield child
        if child.tag == f"{_W}p":  # a table in a text box or a frame anchored to it
            yield from _boxed_tables(child)
        elif child.tag in _WRAPPERS:
            yield from _blocks(child)


def _frames_tables(table: Any) -> bool:
    """Whether a table is a frame of one column whose cells hold tables (a layout Word users
    draw around an appendix): its cells' tables and paragraphs are read, not the frame.  A
    list of one column with text in rows of their own (``1. Rà soát …``) is no frame: those
    rows would be read as titles and lost."""
    cells = [list(_children(row, f"{_W}tc")) for row in _children(table, f"{_W}tr")]
    if not cells or any(len(row) != 1 for row in cells):
        return False
    holding = [next(_children(row[0], f"{_W}tbl"), None) is not None for row in cells]
    texts = [bool("".join(row[0].itertext()).strip()) for row in cells]
    return any(holding) and all(held or not text for held, text in zip(holding, texts, strict=True))


def _boxed_tables(element: Any) -> Iterator[Any]:
    """The tables inside a paragraph's text boxes (not their copies for old versions)."""
    for child in element:
        if child.tag == f"{_W}tbl":
            yield child
        elif child.tag not in _UNSHOWN:
            yield from _boxed_tables(child)


def docx_grids(path: Path) -> list[Grid]:
    """Every table of a Word document, in order, each with the paragraphs above it.

    Tables nested in a cell are read as that cell's text, except in a frame of one column
    drawn around the tables (each of its cells' tables is read as a table of its own).
    """
    docx = import_optional("docx", extra="office", purpose="reading .docx")
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises many kinds for a broken package
        raise TableImportError(
            f"{path.name}: not a Word document that can be opened ({type(error).__name__}: "
            f"{str(error).splitlines()[0] if str(error) else 'unreadable'})"
        ) from None
    grids: list[Grid] = []
    title: list[str] = []
    # the numbers of list paragraphs, in reading order, and what styles add to runs
    numbers = ListNumbers.of(document, WordStyles.of(document))
    for element in _blocks(document.element.body):
        if element.tag == f"{_W}p":
            text = _text(element, numbers, tables=False)
            if text:
                title.append(text)
        elif element.tag == f"{_W}tbl":
            grids.append(_table(element, path.name, len(grids) + 1, title, numbers))
            title = []
        else:  # an embedded document (HTML, RTF …): Word shows it, the file holds no table
            grids.append(Grid(path.name, "embedded document", [[_EMBEDDED]], letters=False))
    return grids
