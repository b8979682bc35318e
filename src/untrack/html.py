"""Saved HTML pages from the meetings-coverage site → the same blocks as the text form.

Uses the standard library's HTML parser (a real tokenizer, not regular expressions over
markup). Navigation, menus, share buttons, sidebars, footers, scripts and visually
hidden text are dropped; the article's title (h1), date (<time>), meeting lines,
symbol and body paragraphs become blocks for :func:`untrack.parse.build_document`.
"""

from __future__ import annotations

from html.parser import HTMLParser

from .parse import Block
from .textutil import squash

# Elements whose content is never article text.
SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "option",
    "iframe",
    "canvas",
    "object",
    "head",
    "title",
    "menu",
    "dialog",
}
# Class or id fragments that mark page furniture rather than the release.
SKIP_MARKS = (
    "visually-hidden",
    "sr-only",
    "share",
    "social",
    "breadcrumb",
    "menu",
    "language",
    "skip-link",
    "sidebar",
    "related",
    "in-progress",
    "cookie",
    "banner",
    "toolbar",
    "pager",
    "tabs",
    "print-link",
    "messages",
)
BLOCK_TAGS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "td",
    "th",
    "dd",
    "dt",
    "section",
    "article",
    "main",
    "body",
    "ul",
    "ol",
    "table",
    "tr",
    "time",
    "figcaption",
    "pre",
}
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.blocks: dict[str, list[Block]] = {"article": [], "main": [], "body": []}
        self.buffer: list[str] = []
        self.buffer_tag = ""
        self.title_tag = ""
        self.in_title = False
        self.containers: list[str] = []

    def skipping(self) -> bool:
        return any(skipped for _, skipped in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in VOID_TAGS:
            if tag == "br":
                self.buffer.append(" ")
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role")).lower()
        hidden = any(k == "hidden" or (k == "aria-hidden" and v == "true") for k, v in attrs)
        skipped = tag in SKIP_TAGS or hidden or any(m in marks for m in SKIP_MARKS) or "navigation" in marks
        if tag in BLOCK_TAGS:
            self.flush()
            self.buffer_tag = tag
        if tag in ("article", "main"):
            self.containers.append(tag)
        self.stack.append((tag, skipped))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in VOID_TAGS:
            return
        # Close up to the matching open tag (HTML in the wild is not always well nested).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                if tag in BLOCK_TAGS or tag == "time":
                    self.flush()
                del self.stack[i:]
                if tag in ("article", "main") and tag in self.containers:
                    self.containers.remove(tag)
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_tag += data
            return
        if not self.skipping():
            self.buffer.append(data)

    def flush(self) -> None:
        text = squash("".join(self.buffer))
        self.buffer = []
        if not text:
            return
        tag = self.buffer_tag
        block = Block(text, [text], kind="title" if tag == "h1" else None)
        for target in ("article", "main"):
            if target in self.containers:
                self.blocks[target].append(block)
        self.blocks["body"].append(block)


def html_blocks(source: str) -> list[Block]:
    """The release's blocks from a saved page: the article if the page marks one, else main, else body."""
    parser = _Extractor()
    parser.feed(source)
    parser.close()
    parser.flush()
    blocks = parser.blocks["article"] or parser.blocks["main"] or parser.blocks["body"]
    if not any(b.kind == "title" for b in blocks):
        title = squash(parser.title_tag).split(" | ")[0].strip()
        if title:
            blocks.insert(0, Block(title, [title], kind="title"))
    return blocks


class _DocumentType(HTMLParser):
    """The text of the page's document-type field (the site marks each page "Meetings
    Coverage", "Press Release", "Press Conference", "Statement" …)."""

    MARK = "field--name-field-document-type"

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tag: str | None = None
        self.depth = 0
        self.parts: list[str] = []
        self.found: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.found is not None or tag in VOID_TAGS:
            return
        if self.tag is None and any(k == "class" and v and self.MARK in v for k, v in attrs):
            self.tag, self.depth = tag, 1
        elif tag == self.tag:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.found is None and tag == self.tag:
            self.depth -= 1
            if self.depth == 0:
                self.found = squash("".join(self.parts))

    def handle_data(self, data: str) -> None:
        if self.tag is not None and self.found is None:
            self.parts.append(data)


def document_type(source: str) -> str | None:
    """What the site calls the page ("Meetings Coverage", "Press Conference" …), if it says."""
    parser = _DocumentType()
    parser.feed(source)
    parser.close()
    return parser.found or None
