"""Markdown to plain text, one line at a time (the cleaner's first step for .md and text
exports): headings, quotes, bullets, links, images, emphasis and escapes reduced to their words;
a horizontal rule kept as the placeholder ``HR`` (a footer boundary for the cleaner)."""

from __future__ import annotations

import re

# Every markdown pattern runs on untrusted lines of any length, so none may backtrack more than
# a bounded amount per start position: bracket texts exclude the opening bracket (an unclosed
# "[" stops at the next "["), and a bold span is at most 400 characters.
_MD_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_MD_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_MD_BOLD = re.compile(r"(\*\*|__)(?=\S)(.{1,400}?)(?<=\S)\1")
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_MD_EMPTY_BULLET = re.compile(r"^\s*[-*+•]\s*$")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_MD_QUOTE = re.compile(r"^\s*>\s?")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
HR = "\x00HR\x00"  # placeholder line for a horizontal rule (footer boundary), never output


def markdown_line(line: str) -> str:
    """One line of (possibly) markdown reduced to plain text; a horizontal rule becomes HR."""
    if not line:
        return line
    if _MD_RULE.match(line):
        return HR
    if _MD_EMPTY_BULLET.match(line):
        return ""
    m = _MD_HEADING.match(line)
    if m:
        line = m.group(1)
    line = _MD_QUOTE.sub("", line)
    line = _MD_BULLET.sub("", line)
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_AUTOLINK.sub(r"\1", line)
    line = _MD_BOLD.sub(r"\2", line)
    line = _MD_ITALIC.sub(r"\1", line)
    line = _MD_ESCAPE.sub(r"\1", line)
    return line


def is_heading(line: str) -> bool:
    """A markdown ATX heading line ("# Title")."""
    return bool(_MD_HEADING.match(line))
