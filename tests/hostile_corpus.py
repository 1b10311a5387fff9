"""A hostile corpus: files a careless or malicious user may hand to ``newsevents analyze``.

    python tests/hostile_corpus.py OUT_DIR     # writes the corpus, prints one line per kind

:func:`make` writes one file (or FIFO, or link) per kind into a directory and returns what each
must become: ``"good"`` (stored), ``"bad"`` (a skip with a reason) or ``"any"`` (stored or
skipped; only never a crash, a hang or a lost batch). Everything is generated from code with a
fixed seed; the prose is written for this file.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path

Expect = str  # "good" | "bad" | "any"

# Prose written for this corpus: plain, newsy, English, no real article.
SENTENCES = [
    "The interior minister said on Tuesday that police had arrested twelve people in the port.",
    "Opposition leaders called for a general strike after the vote in parliament was delayed.",
    "The two governments agreed to reopen the border crossing to trucks carrying food.",
    "Soldiers fired tear gas at a crowd of students outside the university gates.",
    "The central bank raised its main interest rate for the third time this year.",
    "Negotiators from both sides will meet again next month in a neutral city.",
    "A spokesman for the rebels denied that their fighters had shelled the village.",
    "Farmers blocked the main highway with tractors to protest against new taxes.",
]


FRENCH = (
    "Le ministre de l'intérieur a déclaré mardi que la police avait arrêté douze personnes "
    "dans le port. Les dirigeants de l'opposition ont appelé à une grève générale. "
)
GERMAN = (
    "Der Innenminister sagte am Dienstag, die Polizei habe im Hafen zwölf Menschen "
    "festgenommen. Die Opposition rief zu einem Generalstreik auf. "
)
RUSSIAN = "Министр внутренних дел заявил во вторник, что полиция задержала двенадцать человек. "
CHINESE = "内政部长周二表示，警方在港口逮捕了十二人。反对派领导人呼吁举行大罢工。"
ARABIC = "قال وزير الداخلية يوم الثلاثاء إن الشرطة اعتقلت اثني عشر شخصا في الميناء. "


def _times(text: str, n: int) -> bytes:
    return (text * n).encode()


def prose(n_chars: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    paras, size = [], 0
    while size < n_chars:
        para = " ".join(rng.choice(SENTENCES) for _ in range(4))
        paras.append(para)
        size += len(para) + 2
    return "\n\n".join(paras)


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF file from object bodies (object i+1 is objects[i]) with a correct xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def _json_bomb(depth: int) -> str:
    return "[" * depth + "]" * depth


def _nested_html(depth: int, closed: bool = True) -> str:
    body = "".join(f"<p>{s}</p>" for s in SENTENCES)
    return (
        "<html><body>" + "<div>" * depth + body + ("</div>" * depth if closed else "")
    ) + "</body></html>"


def _text_kinds() -> dict[str, tuple[bytes, Expect]]:
    good = prose(1500).encode()
    yaml_bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
    prev = "a"
    for name in "bcdefgh":
        yaml_bomb += f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
        prev = name
    yaml_bomb += "title: *h\n---\n" + prose(800, 1)
    rng = random.Random(7)
    return {
        # encodings and bytes
        "empty.txt": (b"", "bad"),
        "whitespace.txt": (b" \n\t\n  \r\n" * 50, "bad"),
        "binary.bin": (bytes(rng.randrange(256) for _ in range(4096)), "bad"),
        "nul_in_text.txt": (good[:200] + b"\x00" + good[200:], "bad"),
        "gzip_named_txt.txt": (gzip.compress(good), "bad"),
        "bad_utf8.txt": (bytes(rng.randrange(128, 256) for _ in range(3000)), "bad"),
        "cp1252.txt": (prose(1200, 2).replace("The", "Th\u00e9").encode("cp1252"), "good"),
        "utf8_bom.txt": (b"\xef\xbb\xbf" + prose(1200, 3).encode(), "good"),
        "utf16_le_bom.txt": (prose(1200, 4).encode("utf-16"), "good"),
        "utf16_be_bom.txt": (b"\xfe\xff" + prose(1200, 5).encode("utf-16-be"), "good"),
        "utf16_no_bom.txt": (prose(1200, 6).encode("utf-16-le"), "bad"),
        "utf16_bom_odd_bytes.txt": (b"\xff\xfe" + b"\x41\x00\x00\xd8\x41", "bad"),
        "lone_surrogates.json": (
            json.dumps({"title": "T \ud800", "text": prose(900, 8) + " \udfff end."}).encode(),
            "good",
        ),
        # sizes and shapes
        "single_line_5mb.txt": (b"a" * 5_000_000, "bad"),
        "letters_200k_then_prose.txt": (b"x" * 200_000 + b"\n\n" + good, "any"),
        "prose_1_05m_chars.txt": (prose(1_050_000, 9).encode(), "bad"),
        "hundred_thousand_short_lines.txt": (b"a\n" * 100_000, "any"),
        "million_blank_lines.txt": (b"\n" * 1_000_000 + good, "good"),
        "one_sentence_20k_words.txt": (
            (" ".join(["the minister said"] * 7000) + ".").encode(),
            "any",
        ),
        "only_punctuation.txt": (b"!?.,;:-" * 2000, "bad"),
        "only_digits.txt": (b"1234567890 " * 2000, "any"),
        # regex bombs (each was quadratic or worse once)
        "markdown_brackets.md": (b"[" * 300_000, "any"),
        "markdown_links.md": (b"[a" * 150_000, "any"),
        "markdown_images.md": (b"![" * 150_000, "any"),
        "markdown_bold.md": (b"**a " * 75_000, "any"),
        "markdown_headings.md": (b"# " * 150_000, "any"),
        "hyphen_newlines.txt": (b"ab-\n" * 75_000, "any"),
        "long_url.txt": (b"https://example.org/" + b"a" * 500_000 + b"\n\n" + good, "any"),
        "zero_width_everywhere.txt": (prose(1500, 10).replace(" ", " \u200b").encode(), "good"),
        # front matter
        "front_matter_yaml_bomb.md": (yaml_bomb.encode(), "any"),
        "front_matter_python_tag.md": (
            b"---\ntitle: !!python/object/apply:os.system ['true']\n---\n" + good,
            "good",
        ),
        "front_matter_unclosed.md": (b"---\ntitle: Open\n" + good, "good"),
        "front_matter_list.md": (b"---\n- a\n- b\n---\n" + good, "good"),
        "front_matter_deep.md": (b"---\nx: " + b"[" * 5000 + b"\n---\n" + good, "any"),
        "front_matter_bad_date.md": (b"---\ntitle: T\npublished: 2020-02-30\n---\n" + good, "good"),
        "front_matter_crlf.md": (
            ("---\r\ntitle: Line Ends\r\noutlet: Crlf Daily\r\n---\r\n" + prose(1200, 11))
            .replace("\n\n", "\r\n\r\n")
            .encode(),
            "good",
        ),
        "cr_only.txt": (prose(1200, 12).replace("\n", "\r").encode(), "good"),
        # characters a terminal or a spreadsheet would act on
        "control_characters.txt": (
            (
                "\x1b[2J\x1b[31mRed Title\x07\n\n" + prose(1200, 13).replace(". ", ".\x1b[0m ", 3)
            ).encode(),
            "good",
        ),
        "markup_characters.md": (
            (b"---\ntitle: '[/] [bold]x[/b] [link=file:///etc]y'\noutlet: '=1+2'\n---\n")
            + prose(1200, 14).encode(),
            "good",
        ),
        "bidi_overrides.txt": (("\u202eTitle\u202c\n\n" + prose(1200, 15)).encode(), "good"),
        # languages other than English
        "french.txt": (_times(FRENCH, 10), "bad"),
        "german.txt": (_times(GERMAN, 10), "bad"),
        "russian.txt": (_times(RUSSIAN, 12), "bad"),
        "chinese.txt": (_times(CHINESE, 20), "bad"),
        "arabic.txt": (_times(ARABIC, 15), "bad"),
    }


def _structured_kinds() -> dict[str, tuple[bytes, Expect]]:
    text = prose(1200, 20)
    page = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length 0 >>\nstream\n\nendstream",
        ]
    )
    looping = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
        ]
    )
    return {
        # JSON and JSONL
        "deep.json": (_json_bomb(100_000).encode(), "bad"),
        "deep_2kb.json": (_json_bomb(1000).encode(), "bad"),
        "deep_line.jsonl": (
            (json.dumps({"text": text}) + "\n" + _json_bomb(1000) + "\n").encode(),
            "any",
        ),
        "json_top_level_string.json": (json.dumps(text).encode(), "bad"),
        "json_text_not_string.json": (json.dumps({"text": 12345}).encode(), "bad"),
        "json_text_object.json": (json.dumps({"text": {"a": text}}).encode(), "bad"),
        "json_truncated.json": (json.dumps({"text": text})[:-40].encode(), "bad"),
        "json_list_of_junk.json": (json.dumps([1, "a", None, [], {}]).encode(), "bad"),
        "jsonl_mixed.jsonl": (
            b"not json\n\x00\x01\x02\n"
            + json.dumps({"text": prose(1200, 21), "source_domain": "=cmd|' /C calc'!A0"}).encode()
            + b"\n{}\n",
            "any",
        ),
        # HTML
        "nested_divs_10k.html": (_nested_html(10_000).encode(), "bad"),
        "nested_divs_300_unclosed.html": (_nested_html(300, closed=False).encode(), "bad"),
        "html_script_only.html": (b"<html><body><script>" + b"x=1;" * 5000 + b"</script>", "bad"),
        "html_unclosed_comment.html": (b"<html><body><!-- " + text.encode() * 3, "bad"),
        "html_entity_flood.html": (b"<html><body><p>" + b"&amp;" * 200_000 + b"</p>", "bad"),
        "html_xml_entity_bomb.html": (
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            b"<html><body><p>&c;</p></body></html>",
            "any",
        ),
        "html_many_attributes.html": (
            b"<html><body><p "
            + b" ".join(b"a%d=x" % i for i in range(50_000))
            + b">"
            + text.encode()
            + b"</p></body></html>",
            "any",
        ),
        "html_binary.html": (b"<html>\x00\x01\x02" + bytes(range(256)) * 10, "bad"),
        # PDF
        "broken.pdf": (b"%PDF-1.7\n" + b"garbage " * 500, "bad"),
        "truncated.pdf": (page[: len(page) // 2], "bad"),
        "no_text_layer.pdf": (page, "bad"),
        "looping_page_tree.pdf": (looping, "bad"),
        "pdf_named_txt.txt": (page, "bad"),
        "text_named_pdf.pdf": (text.encode(), "bad"),
    }


def make(out: Path, good_files: list[Path] | None = None) -> dict[str, Expect]:
    """Write the corpus into ``out``; returns {file name: what it must become}."""
    out.mkdir(parents=True, exist_ok=True)
    expect: dict[str, Expect] = {}
    for name, (data, kind) in {**_text_kinds(), **_structured_kinds()}.items():
        (out / name).write_bytes(data)
        expect[name] = kind
    big = out / "over_20mb.txt"
    with big.open("wb") as fh:
        chunk = prose(100_000, 30).encode()
        while fh.tell() < 25_000_000:
            fh.write(chunk)
    expect[big.name] = "bad"
    special: dict[str, Callable[[Path], None]] = {
        "fifo": lambda p: os.mkfifo(p),
        "symlink_loop_a": lambda p: os.symlink(p.with_name("symlink_loop_b"), p),
        "symlink_loop_b": lambda p: os.symlink(p.with_name("symlink_loop_a"), p),
        "dangling_link.txt": lambda p: os.symlink(p.with_name("no_such_target"), p),
        "link_to_dev_null.txt": lambda p: os.symlink("/dev/null", p),
        "link_to_dir": lambda p: os.symlink(p.parent, p, target_is_directory=True),
    }
    for name, create in special.items():
        try:
            create(out / name)
        except (OSError, AttributeError, NotImplementedError):
            continue
        expect[name] = "bad" if name != "link_to_dir" else "any"
    odd = out / "name with \x1b[31mescape\x1b[0m and [bold] markup.txt"
    odd.write_bytes(prose(1200, 31).encode())
    expect[odd.name] = "good"
    for f in good_files or []:
        (out / f"good_{f.name}").write_bytes(f.read_bytes())
        expect[f"good_{f.name}"] = "good"
    return expect


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/hostile_corpus.py OUT_DIR")
    kinds = make(Path(sys.argv[1]))
    for name, kind in sorted(kinds.items()):
        print(f"{kind:4s} {name!r}")
    print(f"{len(kinds)} kinds")
