"""DOCX and HTML to text as bounded streams, so no file can cost more memory than the text it yields.

A DOCX is a zip archive: its members are checked by declared size and compression ratio before
anything is inflated (zipfile never inflates a member past its declared size), and the document
XML is parsed event by event with each element dropped once read. HTML is decoded and parsed in
chunks by lxml's parser with a target object, which builds no tree. Both stop with a KBError as
soon as the text passes the KB's character limit.
"""
from __future__ import annotations

import codecs
import html
import zipfile
from pathlib import PurePosixPath, Path

from .decode import decode_text
from .errors import KBError, too_much_text

# Word's XML inflates about 4–12x (python-docx and Word files measured here); 100x leaves room for
# very repetitive documents while refusing zip bombs, whose members inflate 1,000x and more.
MAX_COMPRESSION_RATIO = 100
# Ratios of small members say nothing (a 2 KB styles part can compress 50x); only larger ones are checked.
RATIO_CHECKED_ABOVE = 1 << 20
# The document part of a DOCX at the 2,000,000-character text limit with heavy formatting is ~100 MB.
MAX_MEMBER_BYTES = 256 << 20
CHUNK_BYTES = 1 << 20

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAIN_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


class _Text:
    """Text pieces collected with a running count that stops at `max_chars`."""

    def __init__(self, path: Path, max_chars: int):
        self.path, self.max_chars, self.chars, self.parts = path, max_chars, 0, []

    def count(self, n: int) -> None:
        self.chars += n
        if self.chars > self.max_chars:
            raise too_much_text(self.path, f"more than {self.max_chars:,}", self.max_chars)

    def add(self, piece: str, counted: bool = False) -> None:
        """Keep `piece` (a line); `counted` when its characters were counted as they were read."""
        self.count(1 if counted else len(piece) + 1)
        self.parts.append(piece)


# ------------------------------------------------------------------ DOCX
def docx_text(path: Path, max_chars: int) -> str:
    """Body paragraphs one per line and table rows as tab-separated cells (a merged cell in each
    column it spans), in document order."""
    try:
        with zipfile.ZipFile(path) as archive:
            check_members(archive, path)
            with archive.open(_main_part(archive)) as xml:
                return "\n".join(_docx_lines(xml, path, max_chars))
    except KBError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError) as e:
        raise KBError(f"{path}: unreadable DOCX ({type(e).__name__}: {e})") from e
    except Exception as e:  # lxml's XMLSyntaxError and friends: a damaged file, not our bug
        raise KBError(f"{path}: unreadable DOCX ({type(e).__name__}: {e})") from e


def check_members(archive: zipfile.ZipFile, path: Path) -> None:
    """Refuse an archive whose members would inflate beyond the limits (before inflating any)."""
    for info in archive.infolist():
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER_BYTES or (info.file_size > RATIO_CHECKED_ABOVE
                                                 and ratio > MAX_COMPRESSION_RATIO):
            raise KBError(f"{path}: archive member {info.filename} would inflate to "
                          f"{info.file_size / 2**20:,.0f} MB ({ratio:,.0f}x its compressed size); "
                          "refused as a possible zip bomb — re-save the document in Word or export it as PDF")


def _main_part(archive: zipfile.ZipFile) -> str:
    """The document part named by the package relationships (word/document.xml in every Word file)."""
    from lxml import etree

    try:
        rels = etree.fromstring(archive.read("_rels/.rels"), _safe_xml_parser())
    except KeyError:
        return "word/document.xml"
    for rel in rels:
        if rel.get("Type") == _MAIN_DOCUMENT and rel.get("Target"):
            return str(PurePosixPath(rel.get("Target").lstrip("/")))
    return "word/document.xml"


def _safe_xml_parser():
    from lxml import etree
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _docx_lines(xml, path: Path, max_chars: int) -> list[str]:
    """What python-docx gives as paragraph.text and cell.text, read as a stream of parse events.

    Every element is cleared when it ends, so memory stays at one paragraph whatever the file size.
    """
    from lxml import etree

    out = _Text(path, max_chars)
    run: list[str] = []                 # text of the paragraph being read
    cells: list[list[str]] = []         # paragraphs of the open table cells (innermost last)
    spans: list[int] = []               # grid columns each open cell covers (w:gridSpan)
    rows: list[list[str]] = []          # cells of the open table rows
    events = etree.iterparse(xml, events=("start", "end"), resolve_entities=False, no_network=True,
                             huge_tree=False, remove_comments=True)
    for event, el in events:
        tag = el.tag
        if event == "start":
            if tag == _W + "tr":
                rows.append([])
            elif tag == _W + "tc":
                cells.append([])
                spans.append(1)
            continue
        if tag == _W + "t":
            run.append(el.text or "")
            out.count(len(run[-1]))
        elif tag == _W + "tab":
            run.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            run.append("\n")
        elif tag == _W + "p":
            if cells:
                cells[-1].append("".join(run))
            else:
                out.add("".join(run), counted=True)
            run = []
        elif tag == _W + "gridSpan" and spans:
            val = el.get(_W + "val", "1")
            spans[-1] = min(int(val), 50) if val.isdigit() and int(val) > 0 else 1
        elif tag == _W + "tc" and cells:
            cell, span = "\n".join(cells.pop()), spans.pop()
            if rows:     # a merged cell repeated in every column it covers: the rows stay a grid
                rows[-1].extend([cell] * span)
        elif tag == _W + "tr" and rows:
            line = "\t".join(rows.pop())
            if cells:
                cells[-1].append(line)
            else:
                out.add(line, counted=True)
        el.clear()
        parent = el.getparent()
        if parent is not None and tag != _W + "body":
            while el.getprevious() is not None:   # drop siblings already read
                del parent[0]
    return out.parts


# ------------------------------------------------------------------ HTML
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "nav", "header", "footer", "template"})
_TABLE_TAGS = frozenset({"tr", "td", "th"})
_CELL_BREAKS = frozenset({"br", "p", "div", "li"})     # a break inside a cell: a space between its words


class _HtmlTarget:
    """lxml parser target: the text nodes of <body> (of the page when it has none), outside
    scripts, styles and page chrome — what BeautifulSoup's get_text("\\n") gave, without a tree.

    A table is written as its own markup on one line (rows, cells and their spans; a table inside a
    cell gives its text to the cell), after its <caption> line: the form in which converted papers
    carry HTML tables in Markdown, so one reader (kb.extract.tables) reads the tables of both."""

    def __init__(self, path: Path, max_chars: int):
        self.body, self.page = _Text(path, max_chars), _Text(path, max_chars)
        self.pending: list[str] = []
        self.skip = 0
        self.in_body = False
        self.saw_body = False
        self.table: list[str] = []      # markup of the open table
        self.tables = 0                 # depth of open tables
        self.caption: list[str] | None = None

    def _out(self) -> _Text:
        return self.body if self.in_body else self.page

    def _flush(self) -> None:
        if self.pending:
            text = "".join(self.pending)
            self.pending = []
            if self.skip:
                return
            if self.caption is not None:
                self.caption.append(text)
            elif self.tables:
                text = " ".join(text.split())     # the table stays one line; layout whitespace goes
                if text:
                    self.table.append(html.escape(text, quote=False))
                    self._out().count(len(text))
            else:
                self._out().add(text)

    def start(self, tag, attrib):
        self._flush()
        tag = str(tag).lower()
        if tag == "body":
            self.in_body = self.saw_body = True
        if tag in _SKIPPED_TAGS:
            self.skip += 1
        if self.skip:
            return
        if tag == "table":
            self.tables += 1
            self.table += ["<table>"] if self.tables == 1 else [" "]
        elif self.tables == 1 and tag == "caption":
            self.caption = []
        elif self.tables == 1 and tag in _TABLE_TAGS:
            spans = "".join(f' {a}="{int(v)}"' for a in ("colspan", "rowspan")
                            if (v := str(attrib.get(a, "")).strip()).isdigit() and int(v) > 1)
            self.table.append(f"<{tag}{spans}>")
        elif self.tables and tag in _CELL_BREAKS:
            self.table.append(" ")

    def end(self, tag):
        self._flush()
        tag = str(tag).lower()
        if tag in _SKIPPED_TAGS and self.skip:
            self.skip -= 1
        if tag == "body":
            self.in_body = False
        if self.skip or not self.tables:
            return
        if tag == "caption" and self.caption is not None:
            caption, self.caption = " ".join("".join(self.caption).split()), None
            if caption:
                self._out().add(caption)
        elif self.tables == 1 and tag in _TABLE_TAGS:
            self.table.append(f"</{tag}>")
        elif tag == "table":
            self.tables -= 1
            if not self.tables:
                self.table.append("</table>")
                self._out().add("".join(self.table), counted=True)
                self.table = []

    def data(self, text):
        self.pending.append(text)

    def comment(self, text):
        self._flush()

    def close(self) -> str:
        self._flush()
        if self.table:       # a table the page never closed
            self._out().add("".join(self.table) + "</table>", counted=True)
            self.table = []
        return "\n".join(self.body.parts if self.saw_body else self.page.parts)


def html_text(path: Path, max_chars: int) -> tuple[str, bool, str]:
    """(text, paged=False, encoding) of an HTML file, decoded and parsed chunk by chunk."""
    from lxml import etree

    with open(path, "rb") as f:
        head = f.read(CHUNK_BYTES * 4)
        rest = f.read(1)
        # The encoding is decided on the first 4 MB (the whole file, usually), cut at a tag so no
        # character is split; the rest is decoded with it in chunks.
        sample = head if not rest else head[: head.rfind(b">") + 1] or head
        _, encoding = decode_text(sample, path)
        codec = {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16"}.get(encoding, encoding)
        decoder = codecs.getincrementaldecoder(codec)(errors="strict")
        target = _HtmlTarget(path, max_chars)
        parser = etree.HTMLParser(target=target, no_network=True, remove_comments=False)
        try:
            parser.feed(decoder.decode(head + rest))
            for chunk in iter(lambda: f.read(CHUNK_BYTES), b""):
                parser.feed(decoder.decode(chunk))
            parser.feed(decoder.decode(b"", final=True))
        except UnicodeDecodeError as e:
            raise KBError(f"{path}: bytes that are not valid {encoding} after the first part of the file "
                          f"({e.reason}); re-save the file as UTF-8") from None
        text = parser.close()
    return text, False, encoding
