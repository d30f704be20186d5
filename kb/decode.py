"""Bytes of a text file -> str: UTF-8 with or without a byte-order mark, else the Chinese encoding
charset-normalizer detects; binary data and undecodable bytes are a KBError naming the file.

Its own module so that every reader (kb.load for text files, kb.markup for HTML) decodes the same way
without importing each other.
"""
from __future__ import annotations

from pathlib import Path

from .errors import KBError

# Encodings a Chinese text file is plausibly in; charset-normalizer may only pick among these,
# so Latin-1 style guesses (which decode any bytes) never pass garbage off as text.
_CHINESE_ENCODINGS = ("utf_8", "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "utf_16", "utf_16_le",
                      "utf_16_be", "hz", "cp950", "cp936")


def decode_text(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """(text, encoding) of a text file: UTF-8 (with or without BOM), else GB18030/GBK/Big5 as detected."""
    for bom, codec, name in ((b"\xef\xbb\xbf", "utf-8", "utf-8-sig"), (b"\xff\xfe", "utf-16", "utf-16"),
                             (b"\xfe\xff", "utf-16", "utf-16")):
        if data.startswith(bom):
            return _decode_strictly(data[3:] if name == "utf-8-sig" else data, codec, path, name), name
    if _looks_binary(data):
        raise KBError(f"{path}: looks like binary data, not text (NUL or control bytes); "
                      f"is it really a text file?")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_CHINESE_ENCODINGS)).best()
    if best is None or best.chaos > 0.3:
        raise KBError(f"{path}: cannot tell the text encoding (not UTF-8, GB18030/GBK or Big5); "
                      f"re-save the file as UTF-8")
    return str(best), best.encoding


def _decode_strictly(data: bytes, codec: str, path, name: str) -> str:
    """Text after a byte-order mark must be valid in the encoding the mark announces."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise KBError(f"{path}: starts with a {name.upper()} byte-order mark, but bytes {e.start}–{e.end} "
                      f"are not valid {name.upper()} ({e.reason}); re-save the file as UTF-8") from None


def _looks_binary(data: bytes) -> bool:
    head = data[:65536]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > 0.05 * len(head)
