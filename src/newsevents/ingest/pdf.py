"""PDF reader: the text layer via pypdf, page furniture removed, paragraphs rebuilt."""

from __future__ import annotations

import io
import logging
import warnings
from collections import Counter
from typing import Any

from ..errors import InputError
from .clean import strip_page_furniture
from .metadata import outlet_from_text
from .readers import Parts, _meta_str, from_plain


def _read(data: bytes) -> tuple[list[str], Any]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise InputError("PDF is encrypted; decrypt it first (e.g. qpdf --decrypt)")
    pages = [page.extract_text() or "" for page in reader.pages]
    return pages, reader.metadata


def from_pdf(data: bytes) -> Parts:
    """PDF -> text layer via pypdf; hard-wrapped lines rebuilt into paragraphs."""
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    # pypdf reports what it repairs through logging and warnings; a skip or the text is the
    # whole answer here, so nothing it says reaches the user's terminal
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pages, info = _read(data)
    except InputError:
        raise
    except FileNotDecryptedError as e:
        raise InputError("PDF is encrypted; decrypt it first (e.g. qpdf --decrypt)") from e
    except RecursionError as e:
        raise InputError("PDF objects are nested too deeply or loop; re-export it") from e
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, NotImplementedError) as e:
        raise InputError(
            f"PDF is corrupt or unreadable ({type(e).__name__}); re-export or repair it"
        ) from e
    if not any(p.strip() for p in pages):
        raise InputError("PDF has no text layer (scanned?); run OCR first")
    furniture: Counter[str] = Counter()
    furniture_lines: list[str] = []
    pages = strip_page_furniture(pages, furniture, furniture_lines)
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    # the outlet a page footer names ("Page 1 of 2 - © 2020 The Outlet") is the publisher of
    # this PDF: it comes before cues in the text (which may name where a reprint first ran)
    page_outlet = outlet_from_text(list(dict.fromkeys(furniture_lines)))
    parts = from_plain(text, fmt="pdf", width=None, known_outlet=page_outlet)
    parts.outlet = page_outlet or parts.outlet
    parts.removed.update(furniture)
    title = _meta_str(info.get("/Title")) if info else None
    if title and (title.lower().endswith((".doc", ".docx", ".pdf")) or len(title) < 4):
        title = None
    author = _meta_str(info.get("/Author")) if info else None
    parts.title = parts.title or title
    parts.author = parts.author or author
    return parts
