"""Readers: files, directories, stdin and JSON/JSONL records -> :class:`Article` or :class:`Skip`.

Every bad input becomes a ``Skip`` with a one-line reason saying what to do; internally the
readers raise :class:`InputError` and :func:`iter_inputs` turns it into a skip.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article, Skip
from .clean import Cleaned, clean_lines, normalise_lines
from .decoding import (
    check_binary,
    decode,
    loads,
    sniff_format,
    unreadable,
)
from .language import LANGUAGE_SAMPLE, detect_language, language_sample
from .markdown import markdown_line
from .metadata import (
    Header,
    domain_matches,
    is_domain,
    normalise_date,
    scan_lines,
    split_front_matter,
)
from .paths import count_inputs, visible_files

FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
MIN_TEXT_CHARS = 40  # less clean text than this is not an article (a title, a stray line)
#: Least share of letters among the non-space characters of an article (prose has ~80 %)
MIN_LETTER_SHARE = 0.5
#: Most characters of clean text one article may have: spaCy's own limit (``nlp.max_length``),
#: which it enforces with an exception. A longer article is skipped with this reason.
MAX_ARTICLE_CHARS = 1_000_000
#: Text over this many characters before cleaning is skipped without being cleaned (cleaning
#: removes chrome, never most of a text).
MAX_RAW_CHARS = 4 * MAX_ARTICLE_CHARS


def article_id(text: str) -> str:
    """First 16 hex digits of sha256 of the clean text, whitespace collapsed and casefolded."""
    norm = " ".join(text.split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


# --- per format ---------------------------------------------------------------------------


@dataclass
class Parts:
    """What a reader found before the article is built."""

    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    published_source: str | None = None
    removed: dict[str, int] = field(default_factory=dict)


def _meta_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    s = " ".join(str(value).split())
    return s or None


def from_plain(
    text: str,
    *,
    fmt: str = "txt",
    chrome: bool = True,
    width: int | None = None,
    find_title: bool = True,
    known_title: str | None = None,
    known_outlet: str | None = None,
) -> Parts:
    """Text or markdown (with optional YAML front matter) -> Parts.

    ``find_title=False`` when the title is known (HTML/JSON metadata), so a first paragraph
    without final punctuation is not taken for one. A title/outlet given by front matter or
    by ``known_title``/``known_outlet`` is not guessed again: a header line repeating the
    title is dropped, and a masthead line naming the outlet is not taken for the title.
    """
    if len(text) > MAX_RAW_CHARS:
        raise InputError(
            f"text is {len(text):,} characters, over the {MAX_RAW_CHARS:,} limit; "
            "split it into several articles"
        )
    # CRLF (Windows) and CR (old Mac) line ends become LF before anything reads lines, so
    # front matter is found and a file has one identity whatever its line ends
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front, body = split_front_matter(text)
    raw_lines = normalise_lines(body)
    front_title = _meta_str(front.get("title"))
    front_outlet = _meta_str(front.get("outlet") or front.get("source"))
    known_title = front_title or known_title
    if chrome:
        header, lines = scan_lines(
            raw_lines,
            find_title=find_title and not known_title,
            known_title=known_title,
            known_outlet=front_outlet or known_outlet,
        )
    else:
        header, lines = Header(), [markdown_line(x) for x in raw_lines]
    cleaned: Cleaned = clean_lines(lines, chrome=chrome, width=width)
    if header.masthead:
        cleaned.removed["masthead"] += header.masthead
    published = normalise_date(front.get("published") or front.get("date"))
    source = "metadata" if published else None
    if published is None and header.published:
        published, source = header.published, "text"
    return Parts(
        text=cleaned.text,
        title=front_title or header.title,
        outlet=front_outlet or header.outlet,
        author=_meta_str(front.get("author") or front.get("authors")) or header.author,
        url=_meta_str(front.get("url")),
        published=published,
        published_source=source,
        removed=dict(cleaned.removed),
    )


_TEXT_FIELDS = ("maintext", "text", "content", "body", "article")
_TITLE_FIELDS = ("title", "headline")
_DATE_FIELDS = ("date_publish", "date", "published", "date_published", "pubdate")
_OUTLET_FIELDS = ("source_domain", "sitename", "outlet", "source", "hostname")
_AUTHOR_FIELDS = ("authors", "author", "byline")


def from_record(rec: Any) -> Parts:
    """A news-please or trafilatura JSON record -> Parts."""
    if not isinstance(rec, dict):
        raise InputError(f"JSON record is a {type(rec).__name__}, not an object; give objects")

    def first(keys: tuple[str, ...]) -> Any:
        return next((rec[k] for k in keys if rec.get(k)), None)

    text = first(_TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        raise InputError("JSON record has no article text; put it in 'maintext' or 'text'")
    title = _meta_str(first(_TITLE_FIELDS))
    lines = normalise_lines(text)
    if title:
        first_i = next((i for i, x in enumerate(lines) if x), None)
        if first_i is not None and lines[first_i].casefold() == title.casefold():
            lines[first_i] = ""
    spaced = [y for x in lines for y in (x, "")]
    outlet = _meta_str(first(_OUTLET_FIELDS))
    parts = from_plain(
        "\n".join(spaced), fmt="json", find_title=not title, known_title=title, known_outlet=outlet
    )
    published = normalise_date(first(_DATE_FIELDS))
    # a bare domain ("source_domain") gives way to the name the text uses for the same outlet
    # ("meridianwire.example" -> "Meridian Wire"), never to another outlet's name
    if outlet and parts.outlet and is_domain(outlet) and domain_matches(outlet, parts.outlet):
        outlet = parts.outlet
    return Parts(
        text=parts.text,
        title=title or parts.title,
        outlet=outlet or parts.outlet,
        author=_meta_str(first(_AUTHOR_FIELDS)) or parts.author,
        url=_meta_str(rec.get("url")),
        published=published or parts.published,
        published_source="metadata" if published else parts.published_source,
        removed=parts.removed,
    )


# --- building articles --------------------------------------------------------------------


def build(
    parts: Parts,
    *,
    source: str,
    fmt: str,
    raw: bytes,
    published: str | None = None,
    outlet: str | None = None,
    check_language: bool = True,
) -> Article:
    """Parts -> Article (raises InputError for too little text or a non-English article)."""
    parts = _encodable(parts)
    text = parts.text
    if len(text.strip()) < MIN_TEXT_CHARS:
        what = "no article text" if not text.strip() else f"only {len(text.strip())} characters"
        raise InputError(f"{what} after cleaning; give the full article text")
    letters = sum(map(str.isalpha, text))  # counted in C, not a Python loop per character
    if letters < MIN_LETTER_SHARE * (len(text) - sum(map(str.isspace, text))):
        raise InputError(
            f"text is mostly symbols or digits ({letters:,} letters in {len(text):,} "
            "characters); give article prose"
        )
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"article is {len(text):,} characters after cleaning, over the "
            f"{MAX_ARTICLE_CHARS:,} limit; split it into several articles"
        )
    language = None
    if check_language:
        language = detect_language(text)
        if language and language != "en":
            raise InputError(f"article language is {language!r}, only English is supported")
    pub, pub_src = parts.published, parts.published_source
    if published:
        pub, pub_src = normalise_date(published) or published, "override"
    return Article(
        id=article_id(text),
        source=source,
        format=fmt,
        text=text,
        raw=raw,
        title=parts.title,
        outlet=outlet or parts.outlet,
        author=parts.author,
        url=parts.url,
        published=pub,
        published_source=pub_src if pub else None,
        language=language,
    )


def _encodable(parts: Parts) -> Parts:
    """Lone surrogates (JSON "\\ud800") cannot be stored as UTF-8: each becomes U+FFFD."""

    def fix(v: str | None) -> str | None:
        if v is None or v.isascii():
            return v
        return v.encode("utf-16", "surrogatepass").decode("utf-16", "replace")

    return dataclasses.replace(
        parts,
        text=fix(parts.text) or "",
        title=fix(parts.title),
        outlet=fix(parts.outlet),
        author=fix(parts.author),
        url=fix(parts.url),
        published=fix(parts.published),
    )


def article_from_text(
    text: str,
    *,
    source: str = "<text>",
    fmt: str = "txt",
    clean: bool = True,
    **meta: Any,
) -> Article:
    """Build an article from a string (tests, evaluation, ``analyze``).

    Cheap on one sentence: no language detection; with ``clean=True`` markdown is reduced and
    chrome/header rules run, but a lone sentence is never removed; with ``clean=False`` only
    whitespace is normalised. ``meta`` (title, outlet, author, url, published, language, ...)
    overrides what the text gives; None values are ignored.
    """
    if clean:
        parts = from_plain(text, fmt=fmt, chrome=True)
        if not parts.text.strip():
            parts = from_plain(text, fmt=fmt, chrome=False)
    else:
        paras = [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n")]
        parts = Parts(text="\n\n".join(p for p in paras if p))
    given = {k: v for k, v in meta.items() if v is not None}
    published = normalise_date(given.get("published")) or given.get("published")
    pub_src = given.get("published_source")
    if published:
        pub_src = pub_src or "metadata"
    else:
        published, pub_src = parts.published, parts.published_source
    return Article(
        id=article_id(parts.text),
        source=source,
        format=fmt,
        text=parts.text,
        raw=text.encode("utf-8"),
        title=given.get("title", parts.title),
        outlet=given.get("outlet", parts.outlet),
        author=given.get("author", parts.author),
        url=given.get("url", parts.url),
        published=published,
        published_source=pub_src,
        published_confidence=given.get("published_confidence"),
        language=given.get("language"),
    )


def _parts_for(data: bytes, fmt: str) -> Parts:
    if fmt == "pdf":
        from .pdf import from_pdf  # here: pdf builds on this module's Parts and from_plain

        return from_pdf(data)
    if fmt == "html":
        from .webpage import from_html  # here: webpage builds on this module's Parts and from_plain

        check_binary(data)  # trafilatura handles the charset itself
        return from_html(data)
    text = decode(data)
    if fmt in ("json",):
        try:
            rec = loads(text)
        except ValueError as e:
            raise InputError(f"not valid JSON ({e}); fix the file or name it .txt") from e
        return from_record(rec)
    return from_plain(text, fmt=fmt)


def read_article(path: str | Path, *, max_bytes: int = 20_000_000) -> Article:
    """One file -> Article (raises InputError). JSON lists and JSONL need :func:`iter_inputs`."""
    for item in _read_file(Path(path), max_bytes=max_bytes):
        if isinstance(item, Skip):
            raise InputError(item.reason)
        return item
    raise InputError("file holds no article; check it")


def _fmt_size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _too_big(size: int, max_bytes: int) -> str:
    return (
        f"file is {_fmt_size(size)}, over the {_fmt_size(max_bytes)} limit; "
        "split it or raise max_bytes"
    )


def _records(text: str) -> Iterator[tuple[int, str]]:
    """Elements of a top-level JSON list with their exact text (for ``raw``)."""
    dec = json.JSONDecoder()
    i = text.index("[") + 1
    n = 0
    while True:
        while i < len(text) and text[i] in " \t\r\n,":
            i += 1
        if i >= len(text) or text[i] == "]":
            return
        _, end = dec.raw_decode(text, i)
        n += 1
        yield n, text[i:end]
        i = end


def _from_data(
    data: bytes, fmt: str, source: str, *, published: str | None, outlet: str | None
) -> Iterator[Article | Skip]:
    if not data.strip():
        yield Skip(source, "empty file; nothing to read")
        return
    if fmt == "json":
        try:
            text = decode(data)
            parsed = loads(text)
        except InputError as e:
            yield Skip(source, str(e))
            return
        except ValueError as e:
            yield Skip(source, f"not valid JSON ({e}); fix it or give one record per line")
            return
        if isinstance(parsed, list):
            if not parsed:
                yield Skip(source, "JSON list is empty; nothing to read")
            for n, chunk in _records(text):
                yield _safe(
                    lambda c=chunk: from_record(loads(c)),
                    f"{source}#{n}",
                    fmt,
                    chunk.encode("utf-8"),
                    published,
                    outlet,
                )
            return
        yield _safe(lambda: from_record(parsed), source, fmt, data, published, outlet)
        return
    yield _safe(lambda: _parts_for(data, fmt), source, fmt, data, published, outlet)


def _safe(
    make: Any, source: str, fmt: str, raw: bytes, published: str | None, outlet: str | None
) -> Article | Skip:
    try:
        return build(make(), source=source, fmt=fmt, raw=raw, published=published, outlet=outlet)
    except InputError as e:
        return Skip(source, str(e))
    except RecursionError:
        return Skip(source, "input is nested too deeply to parse; simplify or convert it")
    except Exception as e:  # a reader bug on one input must not lose the batch
        return Skip(source, unreadable(e))


def _read_jsonl(
    path: Path, *, max_bytes: int, published: str | None, outlet: str | None
) -> Iterator[Article | Skip]:
    """JSONL streamed line by line: each line an article ``path#L<n>``; max_bytes per line."""
    seen = False
    with path.open("rb") as fh:
        for n, line in enumerate(fh, start=1):
            src = f"{path}#L{n}"
            if not line.strip():
                continue
            seen = True
            if len(line) > max_bytes:
                yield Skip(src, _too_big(len(line), max_bytes))
                continue
            raw = line.rstrip(b"\r\n")
            try:
                rec = loads(decode(raw))
            except InputError as e:
                yield Skip(src, str(e))
                continue
            except ValueError as e:
                yield Skip(src, f"line is not JSON ({e}); fix or remove the line")
                continue
            yield _safe(lambda r=rec: from_record(r), src, "jsonl", raw, published, outlet)
    if not seen:
        yield Skip(str(path), "empty file; nothing to read")


def _read_file(
    path: Path,
    *,
    max_bytes: int,
    published: str | None = None,
    outlet: str | None = None,
) -> Iterator[Article | Skip]:
    """One file's articles or skips; an unexpected error while reading becomes a skip."""
    try:
        yield from _read_one(path, max_bytes=max_bytes, published=published, outlet=outlet)
    except Exception as e:
        yield Skip(str(path), unreadable(e))


def _read_one(
    path: Path, *, max_bytes: int, published: str | None, outlet: str | None
) -> Iterator[Article | Skip]:
    source = str(path)
    fmt = FORMATS.get(path.suffix.lower())
    try:
        st = path.stat()  # follows a symlink; a loop or a dangling link is an OSError
        if not stat.S_ISREG(st.st_mode):
            yield Skip(source, "not a regular file (a FIFO, device or socket); give a file")
            return
        size = st.st_size
        if fmt == "jsonl":
            yield from _read_jsonl(path, max_bytes=max_bytes, published=published, outlet=outlet)
            return
        if size > max_bytes:
            yield Skip(source, _too_big(size, max_bytes))
            return
        data = path.read_bytes()
    except OSError as e:
        yield Skip(source, f"cannot read file ({e.strerror}); check the path and permissions")
        return
    if fmt is None:
        fmt = sniff_format(data)
    yield from _from_data(data, fmt, source, published=published, outlet=outlet)


def iter_inputs(
    paths: Sequence[str],
    *,
    published: str | None = None,
    outlet: str | None = None,
    max_bytes: int = 20_000_000,
) -> Iterator[Article | Skip]:
    """Articles (or skips) from files, directories (recursive, sorted) and "-" (stdin).

    Never raises for a bad input: each becomes ``Skip(source, reason)`` and the batch goes on.
    ``published``/``outlet`` override what the inputs say (published_source="override").
    """
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield Skip("-", f"standard input is over the {_fmt_size(max_bytes)} limit")
                continue
            fmt = sniff_format(data)
            if fmt == "jsonl":
                yield from _stdin_jsonl(data, max_bytes, published, outlet)
                continue
            yield from _from_data(data, fmt, "-", published=published, outlet=outlet)
            continue
        path = Path(p)
        if path.is_dir():
            files = visible_files(path)
            if not files:
                yield Skip(p, "directory has no readable files; check the path")
                continue
            produced = False
            for f in files:
                for item in _read_file(f, max_bytes=max_bytes, published=published, outlet=outlet):
                    produced = produced or isinstance(item, Article)
                    yield item
            if not produced:
                yield Skip(p, f"directory has no readable articles ({len(files)} files skipped)")
        elif path.is_file() or path.is_symlink() or path.exists():
            yield from _read_file(path, max_bytes=max_bytes, published=published, outlet=outlet)
        else:
            yield Skip(p, "path does not exist; check the spelling")


def _stdin_jsonl(
    data: bytes, max_bytes: int, published: str | None, outlet: str | None
) -> Iterator[Article | Skip]:
    for n, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        src = f"-#L{n}"
        try:
            rec = loads(decode(line))
        except (InputError, ValueError) as e:
            yield Skip(src, f"line is not JSON ({e}); fix or remove the line")
            continue
        yield _safe(lambda r=rec: from_record(r), src, "jsonl", line, published, outlet)


__all__ = [
    "LANGUAGE_SAMPLE",
    "article_from_text",
    "article_id",
    "count_inputs",
    "decode",
    "detect_language",
    "iter_inputs",
    "language_sample",
    "read_article",
]
