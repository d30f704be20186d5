"""Files -> raw text (with page breaks when the format has pages).

One loader per format, chosen by file suffix; every failure a user can cause becomes a KBError
that names the file and says what to do.
"""
from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Callable

from .decode import decode_text
from .errors import KBError, too_much_text
from .types import RawDocument

TEXT_SUFFIXES = {".txt", ".md"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx", ".html", ".htm"}



def file_sha256(path: Path | str) -> str:
    """sha256 of a file's bytes, read in blocks (the identity of a document or an index file)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def check_acceptable(path: Path | str, size: int, max_mb: int) -> None:
    """Raise KBError naming the file when its type is unsupported or it is too large."""
    path = Path(path)
    if not is_supported(path):
        raise KBError(f"{path}: unsupported file type {path.suffix or '(none)'}; "
                      f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}")
    if size > max_mb * 1024 * 1024:
        raise KBError(f"{path}: file is {size / 2**20:.0f} MB, above the {max_mb} MB limit; "
                      f"split it or raise KB_MAX_FILE_MB")


def load(path: Path | str, max_mb: int = 100, max_chars: int = 2_000_000) -> RawDocument:
    """Read one file into a RawDocument; raises KBError naming the file on any problem.

    No reader holds more than a bounded amount of a file in memory: text files are refused by size
    before they are read, DOCX and HTML are parsed as streams that stop at `max_chars` characters
    of text, and archive members are checked by declared size and compression ratio first.
    """
    path = Path(path)
    try:
        size = path.stat().st_size if path.exists() else 0
        check_acceptable(path, size, max_mb)
        if size == 0:
            raise KBError(f"{path}: file is empty")
        text, paged, encoding, *notes = _READERS[_reader_key(path)](path, max_chars)
        sha256 = file_sha256(path)
    except OSError as e:
        raise KBError(f"{path}: cannot read file ({e.strerror or e})") from e
    if len(text) > max_chars:
        raise too_much_text(path, f"{len(text):,}", max_chars)
    if not text.strip():
        raise KBError(f"{path}: no text could be extracted"
                      + (" (a scanned PDF without a text layer? run OCR first)" if paged else ""))
    return RawDocument(source=path.name, path=str(path), text=text, paged=paged, sha256=sha256,
                       encoding=encoding, notes=notes[0] if notes else [])


def _reader_key(path: Path) -> str:
    suffix = path.suffix.lower()
    return "text" if suffix in TEXT_SUFFIXES else "html" if suffix in (".html", ".htm") else suffix[1:]


# Every character takes at most 4 bytes in the encodings we read (UTF-8, GB18030, UTF-16), so a
# text file larger than 4 bytes per allowed character is refused before it is read.
_MAX_BYTES_PER_CHAR = 4


def _read_text(path: Path, max_chars: int) -> tuple[str, bool, str]:
    size = path.stat().st_size
    if size > _MAX_BYTES_PER_CHAR * max_chars:
        raise too_much_text(path, f"at least {size // _MAX_BYTES_PER_CHAR:,}", max_chars)
    data = path.read_bytes()
    if not data.strip():
        raise KBError(f"{path}: file is empty")
    text, encoding = decode_text(data, path)
    return text.replace("\r\n", "\n").replace("\r", "\n"), False, encoding


def _read_pdf(path: Path, max_chars: int) -> tuple[str, bool, str, list[tuple[int, int]]]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    from .pdflayout import page_texts, read_page

    layouts, chars = [], 0
    # pypdf logs what it repairs in a damaged file (`EOF marker not found`) on stderr; the user gets
    # one line from us instead
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise KBError(f"{path}: PDF is encrypted with a password; save an unprotected copy")
        for page in reader.pages:   # page by page, so a huge PDF stops at the text limit
            layouts.append(read_page(page))
            chars += len(layouts[-1].plain) + 1
            if chars > max_chars:
                raise too_much_text(path, f"more than {max_chars:,}", max_chars)
        pages = page_texts(layouts)   # reading order of two-column pages; running heads and page numbers out
    except KBError:
        raise
    except DependencyError as e:
        raise KBError(f"{path}: this PDF needs {e}; run `pip install 'cryptography>=3.1'`") from e
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise KBError(f"{path}: unreadable PDF ({type(e).__name__}: {e}); is the file complete?") from e
    except Exception as e:  # pypdf raises assorted errors on broken files; none of them is our bug
        raise KBError(f"{path}: unreadable PDF ({type(e).__name__}: {e})") from e
    text, notes = joined_pages(pages)
    return text, True, "pdf", notes


def joined_pages(pages) -> tuple[str, list[tuple[int, int]]]:
    """The pages' text joined by form feeds, each page's footnotes on the lines after its body, and
    the (start, end) of every page's footnotes in that text."""
    parts, notes, pos = [], [], 0
    for page in pages:
        part = page.body + ("\n" + page.notes if page.notes else "")
        if page.notes:
            notes.append((pos + len(page.body) + 1, pos + len(part)))
        parts.append(part)
        pos += len(part) + 1
    return "\f".join(parts), notes


def _read_docx(path: Path, max_chars: int) -> tuple[str, bool, str]:
    from .markup import docx_text

    return docx_text(path, max_chars), False, "docx"


def _read_html(path: Path, max_chars: int) -> tuple[str, bool, str]:
    from .markup import html_text

    return html_text(path, max_chars)


_READERS: dict[str, Callable[[Path, int], tuple[str, bool, str]]] = {
    "text": _read_text, "pdf": _read_pdf, "docx": _read_docx, "html": _read_html,
}


def discover(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(supported files, skipped files) under the given files/folders, sorted, hidden files ignored."""
    found, skipped = [], []
    for root in paths:
        root = Path(root)
        if not root.exists():
            raise KBError(f"{root}: no such file or folder")
        candidates = [root] if root.is_file() else _files_under(root)
        for p in candidates:
            if any(part.startswith(".") for part in p.relative_to(root).parts) and p != root:
                continue
            (found if is_supported(p) else skipped).append(p)
    return found, skipped


def _files_under(root: Path) -> list[Path]:
    """Files under `root`, sorted, following symlinked folders (each real folder once: a loop ends)."""
    seen, files = set(), []
    for folder, subfolders, names in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            subfolders[:] = []
            continue
        seen.add(real)
        files += [p for p in (Path(folder) / name for name in names) if p.is_file()]
    return sorted(files)
