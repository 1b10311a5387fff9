"""Bytes -> text, format sniffing and bounded JSON: the first things done to untrusted bytes.

Everything here is linear in the input and raises :class:`InputError` (a recorded skip) for
content it will not read; nothing may recurse on the input's structure.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

from ..errors import InputError

_SNIFF = 8192
#: Deepest nesting of lists/objects a JSON input may have (news records need 3 or 4 levels);
#: deeper input is skipped before ``json.loads``, which would recurse once per level.
MAX_JSON_DEPTH = 64
#: lxml (under trafilatura) stops building the tree below this many nested elements.
MAX_HTML_DEPTH = 255
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


# --- bytes -> str -------------------------------------------------------------------------


def _plausible_latin(data: bytes) -> bool:
    """Legacy single-byte text (Windows-1252/Latin-1): no control bytes, mostly ASCII, and
    every non-ASCII byte is a printable cp1252 character standing between letters/spaces."""
    if any(b < 32 and b not in (9, 10, 12, 13) for b in data):
        return False
    high = sum(1 for b in data if b >= 128)
    if high > 0.05 * len(data):
        return False
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def check_binary(data: bytes) -> None:
    """Raise InputError for binary content (NUL bytes in the first 8 KB, no UTF-16 mark)."""
    if data[:2] not in (b"\xff\xfe", b"\xfe\xff") and b"\x00" in data[:_SNIFF]:
        raise InputError(
            "binary file (contains NUL bytes); give a .txt, .md, .html, .pdf, .json or .jsonl"
        )


def decode(data: bytes) -> str:
    """Bytes -> text. UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 only
    when the bytes are plausibly legacy text (see :func:`_plausible_latin`).

    Decision: a file that is neither valid UTF-8 nor plausibly single-byte text is skipped
    rather than decoded as latin-1, which never fails and would turn binary junk into
    "text" that pollutes the event data.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError("file has a UTF-16 mark but is not UTF-16; re-save as UTF-8") from e
    check_binary(data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if _plausible_latin(data):
            return data.decode("cp1252")
        raise InputError(
            f"not valid UTF-8 (bad byte 0x{data[e.start]:02x} at offset {e.start}); "
            "re-save the file as UTF-8"
        ) from e


# --- format detection -------------------------------------------------------------------


def sniff_format(data: bytes) -> str:
    """Format of content without a known extension (stdin, odd names)."""
    head = data[:_SNIFF].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF"):
        return "pdf"
    low = head[:512].lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in low:
        return "html"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        first = head.split(b"\n", 1)[0].strip()
        try:
            loads(first.decode("utf-8", "replace"))
        except (ValueError, InputError):
            return "json"
        # a whole object on the first line with more after it: one record per line
        rest = head.split(b"\n", 1)[1].strip() if b"\n" in head else b""
        return "jsonl" if rest else "json"
    return "txt"


# --- bounded JSON ------------------------------------------------------------------------


def json_depth(text: str, limit: int = MAX_JSON_DEPTH) -> int:
    """Nesting depth of the lists/objects in JSON ``text`` (strings skipped), counted in one
    pass; stops counting once ``limit`` is exceeded (returns ``limit + 1``)."""
    depth = best = 0
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            # jump to the closing quote, skipping escaped characters
            i += 1
            while i < n:
                j = text.find('"', i)
                if j < 0:
                    return best
                k = j - 1
                while k >= i and text[k] == "\\":
                    k -= 1
                i = j + 1
                if (j - 1 - k) % 2 == 0:
                    break
            continue
        if c in "[{":
            depth += 1
            if depth > best:
                best = depth
                if best > limit:
                    return best
        elif c in "]}":
            depth -= 1
        i += 1
    return best


def loads(text: str) -> Any:
    """``json.loads`` for untrusted text: nesting over :data:`MAX_JSON_DEPTH` is an InputError
    (raised before parsing); malformed JSON raises ValueError as ``json.loads`` does."""
    if json_depth(text) > MAX_JSON_DEPTH:
        raise InputError(
            f"JSON is nested more than {MAX_JSON_DEPTH} levels deep; give flat article records"
        )
    return json.loads(text)


class _Depth(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = self.best = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag not in _VOID:
            self.depth += 1
            self.best = max(self.best, self.depth)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.depth = max(0, self.depth - 1)


def html_depth(data: bytes) -> int:
    """Deepest element nesting of an HTML page (unclosed elements count as open), in one
    linear pass with the standard library's tolerant parser."""
    parser = _Depth()
    parser.feed(data.decode("utf-8", "replace"))
    return parser.best


def unreadable(e: BaseException) -> str:
    """The skip reason for an unexpected error while reading one input (one line)."""
    detail = " ".join(str(e).split())[:200]
    return f"could not be read ({type(e).__name__}{': ' + detail if detail else ''})"
