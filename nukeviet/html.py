"""NukeViet article HTML to the portal's StreamField blocks, cleaned, with a list of losses.

Paragraphs, lists, bold, italic and links become rich-text paragraphs (cleaned by nh3 to the
editor's own feature set); images become image blocks (through a resolver that imports the
file), tables a table block, YouTube and Vimeo frames a video block, headings and quotations
their blocks. Scripts, styles, event-handler attributes, ``javascript:``/``data:`` addresses,
frames from unknown hosts and anything else no block can hold are dropped, and every such
loss is reported, so the board can review it.

Internal links to old NukeViet addresses are kept as they are: the old-links resolver
answers them with a redirect to the new page, file or document.
"""

import html
import uuid
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import nh3
from bs4 import BeautifulSoup, Comment, NavigableString, Tag

RICH_TAGS = {"p", "br", "b", "i", "a", "ul", "ol", "li", "sup"}
RENAMED = {"strong": "b", "em": "i"}
# Formatting NukeViet's editor adds that the portal leaves to its own style sheet.
FORMATTING = {
    "span",
    "u",
    "font",
    "s",
    "strike",
    "sub",
    "small",
    "big",
    "code",
    "abbr",
    "cite",
    "mark",
    "del",
    "ins",
    "q",
    "label",
    "nobr",
    "wbr",
    "tt",
    "kbd",
    "var",
    "time",
}
CONTAINERS = {
    "div",
    "section",
    "article",
    "center",
    "main",
    "header",
    "footer",
    "aside",
    "body",
    "html",
    "dl",
    "dd",
    "dt",
    "address",
    "pre",
    "hr",
}
DANGEROUS = {
    "script",
    "style",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "option",
    "link",
    "meta",
    "base",
    "svg",
    "math",
    "frame",
    "frameset",
    "noscript",
    "template",
    "audio",
    "video",
    "source",
    "canvas",
    "title",
    "head",
    "iframe",
}
HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
VIDEO_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtu.be",
    "www.youtube-nocookie.com",
    "youtube-nocookie.com",
    "player.vimeo.com",
    "vimeo.com",
}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


@dataclass
class Conversion:
    blocks: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    def add(self, block_type, value):
        self.blocks.append({"type": block_type, "value": value, "id": str(uuid.uuid4())})


def plain_text(value):
    """Text of a NukeViet title or sapo: tags removed, entities (``&#x002F;``) decoded."""
    text = value or ""
    if "<" in text:
        text = BeautifulSoup(text, "html.parser").get_text(" ")
    return " ".join(html.unescape(text).split())


def video_url(src):
    """The watch address oEmbed understands for a known video frame, else None."""
    parts = urlsplit(src if "//" in src else f"https:{src}")
    if parts.hostname not in VIDEO_HOSTS:
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    if "youtube" in parts.hostname and len(segments) >= 2 and segments[0] == "embed":
        return f"https://www.youtube.com/watch?v={segments[1]}"
    if parts.hostname == "player.vimeo.com" and len(segments) >= 2:
        return f"https://vimeo.com/{segments[1]}"
    if "youtube" in parts.hostname and parse_qs(parts.query).get("v"):
        return f"https://www.youtube.com/watch?v={parse_qs(parts.query)['v'][0]}"
    return f"https://{parts.hostname}{parts.path}"


class BodyConverter:
    """One article body at a time; ``resolve_image(src, alt)`` returns an image id or None."""

    def __init__(self, resolve_image):
        self.resolve_image = resolve_image

    def convert(self, source_html):
        self.result = Conversion()
        self.buffer = []
        soup = BeautifulSoup(source_html or "", "html.parser")
        self._walk(soup.contents)
        self._flush()
        return self.result

    def warn(self, message):
        if message not in self.result.warnings:
            self.result.warnings.append(message)

    def _walk(self, nodes):
        for node in list(nodes):
            self._node(node)

    def _node(self, node):
        if isinstance(node, Comment):
            return
        if isinstance(node, NavigableString):
            self.buffer.append(html.escape(str(node), quote=False))
            return
        if not isinstance(node, Tag):
            return
        name = node.name.lower()
        if name == "iframe":
            self._frame(node)
        elif name in DANGEROUS:
            self.warn(f"removed <{name}>")
        elif name == "table":
            self._table(node)
        elif name == "figure":
            self._figure(node)
        elif name == "img":
            self._image(node, caption="")
        elif name in HEADINGS:
            self._heading(node, HEADINGS[name])
        elif name == "blockquote":
            self._quote(node)
        elif name in CONTAINERS:
            self._flush()
            self._walk(node.contents)
            self._flush()
        elif node.find(["img", "iframe", "table", "figure", *DANGEROUS]):
            self._split(node)
        else:
            self.buffer.append(str(node))

    def _split(self, node):
        """A paragraph holding an image or frame: text before, the block, text after."""
        wrapper = node.name.lower() if node.name.lower() in {"p", "li"} else None
        self._flush()
        for child in list(node.contents):
            if isinstance(child, Tag) and (
                child.name.lower() in {"img", "iframe", "table", "figure", *DANGEROUS}
                or child.find(["img", "iframe", "table", "figure", *DANGEROUS])
            ):
                self._flush(wrapper)
                self._node(child)
            else:
                self._node(child)
        self._flush(wrapper)

    def _flush(self, wrapper=None):
        fragment, self.buffer = "".join(self.buffer), []
        if not fragment.strip():
            return
        if wrapper:
            fragment = f"<p>{fragment}</p>"
        cleaned = self._clean(fragment)
        if cleaned:
            self.result.add("paragraph", cleaned)

    def _clean(self, fragment):
        """Rich text the editor could have produced: allowed tags, safe links, top-level blocks."""
        soup = BeautifulSoup(fragment, "html.parser")
        for tag in soup.find_all(True):
            name = tag.name.lower()
            tag.name = RENAMED.get(name, name)
            if tag.name not in RICH_TAGS and tag.name not in FORMATTING | CONTAINERS:
                self.warn(f"removed <{tag.name}>")
            for attribute, value in tag.attrs.items():
                if attribute.lower().startswith("on"):
                    self.warn(f"removed event handler {attribute}")
                elif attribute.lower() in {"href", "src"} and self._unsafe(value):
                    self.warn(f"removed unsafe address {str(value)[:40]}")
        cleaned = nh3.clean(
            str(soup),
            tags=RICH_TAGS,
            attributes={"a": {"href"}},
            url_schemes=SAFE_SCHEMES,
            link_rel=None,
            clean_content_tags=DANGEROUS - {"iframe"},
            strip_comments=True,
        )
        return self._blocks_only(cleaned)

    @staticmethod
    def _unsafe(value):
        scheme = urlsplit(str(value).strip().lower()).scheme
        return bool(scheme) and scheme not in SAFE_SCHEMES

    @staticmethod
    def _blocks_only(cleaned):
        """Wrap loose text and inline tags in <p>: rich text is a sequence of blocks."""
        soup = BeautifulSoup(cleaned, "html.parser")
        parts, inline = [], []

        def close_inline():
            text = "".join(inline).strip()
            if BeautifulSoup(text, "html.parser").get_text().strip():
                parts.append(f"<p>{text}</p>")
            inline.clear()

        for node in soup.contents:
            if isinstance(node, Tag) and node.name in {"p", "ul", "ol"}:
                close_inline()
                if node.get_text().strip():
                    parts.append(str(node))
            elif isinstance(node, Tag) and node.name == "li":
                close_inline()
                parts.append(f"<ul>{node}</ul>")
            else:
                inline.append(str(node))
        close_inline()
        return "".join(parts)

    def _image(self, node, caption):
        self._flush()
        src = (node.get("src") or "").strip()
        alt = " ".join(html.unescape(node.get("alt") or "").split())
        if not src or src.lower().startswith(("data:", "javascript:")):
            self.warn("removed image without a usable address")
            return
        image_id = self.resolve_image(src, alt or caption)
        if image_id is None:
            self.warn(f"image not imported: {src}")
            return
        self.result.add(
            "image",
            {
                "image": image_id,
                "alt_text": (alt or caption)[:255],
                "caption": caption[:500],
                "credit": "",
            },
        )

    def _figure(self, node):
        caption_tag = node.find("figcaption")
        caption = " ".join(caption_tag.get_text(" ").split()) if caption_tag else ""
        images = node.find_all("img")
        if not images:
            self._flush()
            self._walk(node.contents)
            self._flush()
            return
        for image in images:
            self._image(image, caption)

    def _frame(self, node):
        self._flush()
        url = video_url((node.get("src") or "").strip())
        if url is None:
            self.warn(f"removed frame from {(node.get('src') or '')[:60]}")
            return
        self.result.add("video", url)

    def _heading(self, node, level):
        self._flush()
        text = " ".join(node.get_text(" ").split())
        if text:
            self.result.add("heading", {"text": text[:255], "level": level})

    def _quote(self, node):
        self._flush()
        text = " ".join(node.get_text(" ").split())
        if text:
            self.result.add("quote", {"text": text, "attribution": ""})

    def _table(self, node):
        self._flush()
        rows = []
        for row in node.find_all("tr"):
            cells = row.find_all(["td", "th"])
            if any(cell.get("colspan") or cell.get("rowspan") for cell in cells):
                self.warn("table: merged cells were split")
            rows.append([" ".join(cell.get_text(" ").split()) for cell in cells])
        if node.find(["img", "a"]):
            self.warn("table: links and images inside the table kept as text only")
        if not rows:
            return
        width = max(len(row) for row in rows)
        first = node.find("tr")
        caption = node.find("caption")
        self.result.add(
            "table",
            {
                "data": [row + [""] * (width - len(row)) for row in rows],
                "first_row_is_table_header": bool(
                    first and (first.find("th") or first.find_parent("thead"))
                ),
                "first_col_is_header": False,
                "table_caption": " ".join(caption.get_text(" ").split()) if caption else "",
            },
        )
