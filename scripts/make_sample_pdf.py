"""Render the sample corpus's PDF article (examples/articles/sentinel-2020-01-09-missile-strikes.pdf).

Usage: ``python scripts/make_sample_pdf.py [OUT.pdf]`` (default: the path above).

The PDF is written by hand because no installed library typesets text (pypdf only reads and
rearranges existing PDFs): one Type1 Helvetica font, ``BT``/``Tf``/``Td``/``Tj``/``ET`` content
streams, about 45 lines a page, and a cross-reference table with byte offsets. The output is
deterministic (no timestamps or random IDs), so the committed PDF can be rebuilt byte for byte.

To mimic what text extraction meets in real PDFs, the layout adds two kinds of artefacts:

* line-end hyphenation: a long word that does not fit at the end of a line is split with a
  hyphen ("infor-" / "mation"), as a typesetter does;
* in-word layout breaks: on every ``BREAK_EVERY``-th line the longest plain word gets a stray
  hyphen before its last two letters ("milita-ry"), as text split into separately placed runs
  comes out of some extractors.

The article is kept here, not in ``examples/articles/``, so the corpus holds each article once (a
directory run over ``examples/articles/`` would otherwise read it twice). Like every article in the
corpus it is a fictional outlet telling public facts in the project's own words.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = (
    Path(__file__).resolve().parent.parent
    / "examples"
    / "articles"
    / "sentinel-2020-01-09-missile-strikes.pdf"
)

TITLE = "Iran's missile barrage fails to kill a single American"
BYLINE = "By Brent Calloway, National Security Editor"
DATELINE = "Thursday, January 9, 2020"
RUNNING_HEAD = "THE LIBERTY SENTINEL - WEEKLY PRINT EDITION - JANUARY 9, 2020"
AUTHOR = "Brent Calloway"
CREATED = "D:20200109060000Z"

PARAGRAPHS: tuple[str, ...] = (
    (
        "Iran fired more than a dozen ballistic missiles at two Iraqi bases housing American "
        "troops early on Wednesday, in what the regime called revenge for the death of Qassem "
        "Soleimani. Not one American was killed or injured."
    ),
    (
        "The missiles, launched from inside Iran at about 1:30 a.m. local time, slammed into the "
        "Ain al-Asad air base in Anbar province and a second base near Erbil in the Kurdish "
        "north, the Pentagon said. Early-warning systems gave troops enough time to reach bunkers"
        " before the warheads hit."
    ),
    (
        "Iran's Revolutionary Guards claimed the attack within the hour and warned Washington "
        "that any American counter-attack would be met with an even more crushing response."
    ),
    (
        "Foreign Minister Mohammad Javad Zarif said Iran had taken proportionate measures in "
        'self-defense and had concluded its response. "We do not seek escalation or war," he '
        "wrote on Twitter."
    ),
    (
        "President Trump addressed the nation from the White House on Wednesday morning, flanked "
        'by Vice President Mike Pence and his military chiefs. "Iran appears to be standing down,'
        ' which is a good thing for all parties concerned and a very good thing for the world," '
        "he said."
    ),
    (
        "The president announced that the United States would immediately impose additional "
        "punishing economic sanctions on the Iranian regime, to remain in force until Tehran "
        "changes its behavior. He also called on Britain, Germany, France, Russia and China to "
        "break away from the 2015 nuclear deal, which he described as deeply flawed."
    ),
    (
        "Iraq's caretaker prime minister said Tehran had told him shortly after midnight that its"
        " response was under way and would be limited to locations where American forces were "
        "present. Iraq's foreign ministry condemned the barrage as an affront to Iraq's "
        "sovereignty and said it would summon Iran's ambassador."
    ),
    (
        "Make no mistake: the regime blinked. Tehran chose targets where it knew the damage would"
        " be limited, announced its revenge as finished before the dust had settled, and left the"
        " next move to a president who has shown he is willing to use force. That is what "
        "deterrence looks like when it works."
    ),
    (
        "The Soleimani operation was the right call. For years the Quds Force commander moved "
        "freely between Baghdad, Damascus and Beirut, organizing the militias that have fired on "
        "American troops since 2003. Last week that impunity ended."
    ),
    (
        "Still, no one should declare victory yet. Some in Washington suspect the mullahs will "
        "now turn to their militias to keep up the pressure, and further rocket attacks on US "
        "positions in Iraq could follow within weeks."
    ),
    (
        "Hours after the missile strikes, a Ukrainian passenger jet crashed shortly after taking "
        "off from Tehran's main airport, killing all 176 people on board. Iranian officials "
        "blamed a technical problem for the crash."
    ),
    (
        "On Capitol Hill, House Democrats plan to vote on Thursday on a resolution that would "
        "limit the president's ability to take military action against Iran without the approval "
        "of Congress. The measure is expected to pass the Democratic-controlled House but faces "
        "long odds in the Senate."
    ),
)

PAGE_WIDTH, PAGE_HEIGHT = 612, 792  # US Letter, points
LEFT, TOP = 72, 720
FONT_SIZE, LEADING = 10, 13
TITLE_SIZE = 15
WRAP = 86  # characters per line at 10 pt Helvetica across 468 pt
LINES_PER_PAGE = 45
MIN_HYPHENATED = 7  # only words at least this long are split at a line end
BREAK_EVERY = 20  # every n-th body line gets an in-word layout break


def _split_word(word: str, room: int) -> tuple[str, str] | None:
    """Split ``word`` so its first part plus a hyphen fits in ``room`` characters."""
    if len(word) < MIN_HYPHENATED or not word.isalpha():
        return None
    cut = min(room - 1, len(word) - 3)
    if cut < 3:
        return None
    return word[:cut] + "-", word[cut:]


def wrap_paragraph(paragraph: str) -> list[str]:
    """Greedy line filling with typesetter-style hyphenation of long words at line ends."""
    lines: list[str] = []
    line = ""
    words = paragraph.split()
    i = 0
    while i < len(words):
        word = words[i]
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= WRAP:
            line = candidate
            i += 1
            continue
        room = WRAP - len(line) - (1 if line else 0)
        split = _split_word(word, room)
        if split is not None:
            head, tail = split
            lines.append(f"{line} {head}" if line else head)
            words[i] = tail
        else:
            lines.append(line)
        line = ""
    if line:
        lines.append(line)
    return lines


def add_layout_break(line: str) -> str:
    """Insert a stray hyphen into the longest plain word of ``line`` ("milita-ry")."""
    words = line.split(" ")
    plain = [(len(w), n) for n, w in enumerate(words) if w.isalpha() and len(w) >= 8]
    if not plain:
        return line
    _, n = max(plain)
    words[n] = words[n][:-2] + "-" + words[n][-2:]
    return " ".join(words)


def body_lines() -> list[str]:
    out: list[str] = []
    for paragraph in PARAGRAPHS:
        out.extend(wrap_paragraph(paragraph))
        out.append("")
    counted = 0
    for n, line in enumerate(out):
        if line:
            counted += 1
            if counted % BREAK_EVERY == 0:
                out[n] = add_layout_break(line)
    return out[:-1]


def _pdf_string(text: str) -> bytes:
    data = text.encode("cp1252")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _text_at(x: int, y: int, size: int, text: str) -> list[bytes]:
    """One line of Helvetica at a fixed position (running head, page number)."""
    return [b"BT", f"/F1 {size} Tf {x} {y} Td".encode(), _pdf_string(text) + b" Tj", b"ET"]


def _font(name: bytes) -> bytes:
    return b"<< /Type /Font /Subtype /Type1 /BaseFont /" + name + b" /Encoding /WinAnsiEncoding >>"


def page_streams(lines: list[str]) -> list[bytes]:
    """Content streams: title block on page one, running head and page number on every page."""
    # the first page gives 6 lines to the title block, so it holds fewer body lines
    first, rest = lines[: LINES_PER_PAGE - 6], lines[LINES_PER_PAGE - 6 :]
    pages = [first] + [rest[i : i + LINES_PER_PAGE] for i in range(0, len(rest), LINES_PER_PAGE)]
    streams = []
    for number, page in enumerate(pages, start=1):
        ops = _text_at(LEFT, 756, 8, RUNNING_HEAD)
        ops += [
            b"BT",
            f"/F1 {FONT_SIZE} Tf".encode(),
            f"{LEADING} TL".encode(),
            f"{LEFT} {TOP} Td".encode(),
        ]
        if number == 1:
            ops += [f"/F2 {TITLE_SIZE} Tf".encode(), _pdf_string(TITLE) + b" Tj", b"T*", b"T*"]
            ops += [f"/F1 {FONT_SIZE} Tf".encode(), _pdf_string(BYLINE) + b" Tj", b"T*"]
            ops += [_pdf_string(DATELINE) + b" Tj", b"T*", b"T*"]
        for line in page:
            if line:
                ops.append(_pdf_string(line) + b" Tj")
            ops.append(b"T*")
        ops.append(b"ET")
        footer = f"Page {number} of {len(pages)} - \u00a9 2020 The Liberty Sentinel"
        ops += _text_at(LEFT, 40, 8, footer)
        streams.append(b"\n".join(ops) + b"\n")
    return streams


def build_pdf(streams: list[bytes]) -> bytes:
    """Assemble objects, xref table and trailer (PDF 1.4)."""
    n_pages = len(streams)
    # object numbers: 1 catalog, 2 pages, 3 F1, 4 F2, 5 info, then (page, content) pairs
    page_ids = [6 + 2 * k for k in range(n_pages)]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids ["
        + b" ".join(f"{p} 0 R".encode() for p in page_ids)
        + f"] /Count {n_pages} >>".encode(),
        3: _font(b"Helvetica"),
        4: _font(b"Helvetica-Bold"),
        5: b"<< /Title "
        + _pdf_string(TITLE)
        + b" /Author "
        + _pdf_string(AUTHOR)
        + b" /CreationDate "
        + _pdf_string(CREATED)
        + b" /Producer (newsevents make_sample_pdf) >>",
    }
    for page_id, stream in zip(page_ids, streams, strict=True):
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] ".encode()
            + b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            + f"/Contents {page_id + 1} 0 R >>".encode()
        )
        objects[page_id + 1] = (
            f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"endstream"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += f"{num} 0 obj\n".encode() + objects[num] + b"\nendobj\n"
    xref_at = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n".encode() + b"0000000000 65535 f \n"
    for num in range(1, size):
        out += f"{offsets[num]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {size} /Root 1 0 R /Info 5 0 R >>\n".encode()
    out += f"startxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(out)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    lines = body_lines()
    out.write_bytes(build_pdf(page_streams(lines)))
    broken = [line for line in lines if line.endswith("-")]
    print(f"wrote {out}: {len(lines)} lines, {len(broken)} hyphenated line ends")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
