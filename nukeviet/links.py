"""Read an old NukeViet address the way NukeViet 4 itself read it.

NukeViet prints one object under several shapes, depending on three site settings: rewrite
on or off, the language segment kept or dropped, the home module's name kept or dropped:

    /vi/news/<category>/<alias>-<id>.html             rewrite, language and module kept
    /news/<category>/<alias>-<id>.html                language dropped
    /<category>/<alias>-<id>.html                     module name dropped too
    /index.php?language=vi&nv=news&op=<category>/<alias>-<id>.html     rewrite off

This module turns any of them into an ``OldLink`` (module, kind, id or alias, extras). It is
pure: it knows the old site's modules only through the ``modules`` mapping it is given (name ->
family, read from what the import recorded), and it touches no database. Function names
(``detail``, ``tag``, ``rss``, ...) are NukeViet's defaults; the old portal never renamed them.
"""

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl

NEWS, LAWS, PAGES = "news", "laws", "page"

# What an old address points at; the resolver knows what each became here.
SITE_HOME = "site_home"
MODULE_HOME = "module_home"
CATEGORY = "category"
ARTICLE = "article"
TAG = "tag"
TOPIC = "topic"
AUTHOR = "author"
GROUP = "group"
RSS = "rss"
DOCUMENT = "document"
DOCUMENT_TYPE = "document_type"
FIELD = "field"
ISSUER = "issuer"
SIGNER = "signer"
PAGE = "page"
FILE = "file"

# Ways of showing an article or a document besides its page.
PRINT, SAVEFILE, DOWNLOAD, PDF_VIEW = "print", "savefile", "download", "pdf"

FILE_ROOTS = ("uploads/", "assets/")
LANGUAGE = re.compile(r"^[a-z]{2}$")
# includes/request_uri.php: a rewritten address ends in "/" or ".html".
REWRITTEN = re.compile(r"^/([a-z0-9\-_./+]+)(/|\.html)$", re.IGNORECASE)
SINGLE_HTML = re.compile(r"^/([a-z0-9\-]+)\.html$", re.IGNORECASE)
# Tag addresses keep the tag's Unicode alias and have no trailing slash.
TAG_PATHS = (
    re.compile(r"^/tag/(?P<alias>[^'?]+)$"),
    re.compile(r"^/(?P<module>[a-z0-9\-]+)/tag/(?P<alias>[^'?]+)$", re.IGNORECASE),
    re.compile(r"^/(?P<lang>[a-z]{2})/(?P<module>[a-z0-9\-]+)/tag/(?P<alias>[^'?]+)$"),
)
PAGE_N = re.compile(r"^page-([0-9]{1,10})$")
ALIAS_ID = re.compile(r"^(?P<alias>.*)-(?P<id>[0-9]{1,18})$")
SAFE_OP = re.compile(r"^[a-z0-9\-_/+]+$", re.IGNORECASE)


@dataclass(frozen=True)
class OldLink:
    """What an old address named, in NukeViet's own terms."""

    kind: str
    module: str = ""
    id: str = ""
    alias: str = ""
    page: int = 1
    view: str = ""  # print, savefile, download or pdf for articles and documents
    file_index: int = 0  # which attached file a download or pdf view asks for
    path: str = ""  # a file's path under the old site's root


def parse(path, query="", *, modules, default_module="", language="vi"):
    """The ``OldLink`` an old address names, or None when NukeViet would not have served it.

    ``path`` is the decoded request path, ``query`` the raw query string. ``modules`` maps the
    old site's module names to their family (``NEWS``, ``LAWS``, ``PAGES``); ``default_module``
    is the module whose name the old site dropped from its addresses (empty when it kept it);
    ``language`` the language the import read: addresses of another language are not ours.
    """
    params = dict(parse_qsl(query, keep_blank_values=True))  # PHP: the last repeat wins
    path = unicodedata.normalize("NFC", path)
    if path.startswith("/index.php/"):
        path = path[len("/index.php") :]
    relative = path.lstrip("/")
    if relative.startswith(FILE_ROOTS) and ".." not in relative.split("/"):
        return OldLink(FILE, path=relative)
    request = _request_variables(path, params, default_module)
    if request is None:
        return None
    lang, module, op = request
    if (lang or language) != language:
        return None
    if not module:
        return OldLink(SITE_HOME)
    if module not in modules:
        if not default_module:
            return None
        op = module if op in ("", "main") else f"{module}/{op}"
        module = default_module
    family = modules.get(module)
    parse_op = OP_PARSERS.get(family)
    if parse_op is None:
        return None
    if op.lower().endswith(".html"):
        op = op[: -len(".html")]
    parts = [part for part in op.split("/") if part] if op != "main" else []
    return parse_op(module, parts, params)


def _request_variables(path, params, default_module):
    """(language, module, op) as includes/request_uri.php would set them, or None."""
    if path in ("/", "/index.php"):
        module, op = params.get("nv", ""), params.get("op", "")
        if "/" in module:
            if op:
                return None
            module, _, op = module.partition("/")
        return params.get("language", ""), module, op
    if match := SINGLE_HTML.match(path):
        # NukeViet's own rule: "/<alias>.html" belongs to the home module, else to "page".
        return "", default_module or "page", match.group(1)
    if match := REWRITTEN.match(path):
        segments = match.group(1).split("/", 2)
        if LANGUAGE.match(segments[0]):
            return segments[0], *(segments[1:] + ["", ""])[:2]
        return "", segments[0], "/".join(segments[1:])
    for pattern in TAG_PATHS:
        if match := pattern.match(path):
            found = match.groupdict()
            module = found.get("module") or default_module
            return found.get("lang", ""), module, f"tag/{found['alias']}"
    return None


def _number(text, digits=10):
    """A plain decimal number of at most ``digits`` digits, or None (PHP would read junk as 0)."""
    return int(text) if re.fullmatch(rf"[0-9]{{1,{digits}}}", text or "") else None


def _page_number(part):
    match = PAGE_N.match(part or "")
    return int(match.group(1)) if match else None


def _file_view(params):
    """A download (``download=1``) or a PDF viewer (``pdf=1``) of attached file ``id``.

    A file number that is not one (NukeViet then showed the item itself) asks for the item.
    """
    for view, name in ((DOWNLOAD, "download"), (PDF_VIEW, "pdf")):
        if params.get(name) == "1":
            index = _number(params.get("id", "0"), digits=3)
            return (view, index) if index is not None else ("", 0)
    return "", 0


def _alias_and_id(part):
    match = ALIAS_ID.match(part or "")
    if not match or not match.group("alias"):
        return None
    return match.group("alias"), str(int(match.group("id")))


def _news(module, parts, params):
    """modules/news: functions.php (category, page-N, article) and its funcs/ files."""
    if not parts:
        return OldLink(MODULE_HOME, module)
    head, rest = parts[0], parts[1:]
    if (number := _page_number(head)) and not rest:
        return OldLink(MODULE_HOME, module, page=number)
    if head == "tag":
        return _listing(TAG, module, [params.get("alias", "")] if not rest else rest)
    if head in ("topic", "author", "groups"):
        kind = {"topic": TOPIC, "author": AUTHOR, "groups": GROUP}[head]
        return _listing(kind, module, rest) if rest else OldLink(MODULE_HOME, module)
    if head == "rss":
        return OldLink(RSS, module, alias=rest[0] if rest else "")
    if head in ("print", "savefile"):
        found = _alias_and_id(rest[1]) if len(rest) == 2 else None
        return OldLink(ARTICLE, module, id=found[1], view=head) if found else None
    if not SAFE_OP.match("/".join(parts)):
        return None
    if not rest:
        return OldLink(CATEGORY, module, alias=head)
    if len(rest) == 1 and (number := _page_number(rest[0])):
        return OldLink(CATEGORY, module, alias=head, page=number)
    found = _alias_and_id(rest[0]) if len(rest) == 1 else None
    if found is None:
        return None
    view, index = _file_view(params)
    return OldLink(ARTICLE, module, id=found[1], alias=found[0], view=view, file_index=index)


def _listing(kind, module, rest):
    """A tag, topic, author or block group list, maybe at ``page-N``."""
    alias = rest[0] if rest else ""
    if not alias:
        return None
    page = _page_number(rest[1]) if len(rest) > 1 else 1
    return OldLink(kind, module, alias=alias, page=page or 1)


def _laws(module, parts, params):
    """modules/laws (the laws module): functions.php and funcs/ detail, area, subject, ..."""
    if not parts:
        if params.get("cat"):
            return OldLink(DOCUMENT_TYPE, module, alias=params["cat"])
        return OldLink(MODULE_HOME, module)
    head, rest = parts[0], parts[1:]
    if (number := _page_number(head)) and not rest:
        return OldLink(MODULE_HOME, module, page=number)
    if head == "detail":
        found = _alias_and_id(rest[0]) if len(rest) == 1 else None
        if found is None:
            return None
        view, index = _file_view(params)
        return OldLink(DOCUMENT, module, id=found[1], alias=found[0], view=view, file_index=index)
    if head in ("area", "subject"):
        kind = FIELD if head == "area" else ISSUER
        return _listing(kind, module, rest)
    if head == "signer":
        signer = _number(rest[0]) if rest else None
        return OldLink(SIGNER, module, id=str(signer)) if signer is not None else None
    if head == "rss":
        return OldLink(RSS, module, alias=rest[0] if rest else "")
    if rest:
        return None
    return OldLink(DOCUMENT_TYPE, module, alias=head, page=_number(params.get("page")) or 1)


def _pages(module, parts, params):
    """modules/page: one static page per alias; the module's home shows the first one."""
    if not parts or _page_number(parts[0]):
        return OldLink(MODULE_HOME, module)
    return OldLink(PAGE, module, alias=parts[0]) if len(parts) == 1 else None


OP_PARSERS = {NEWS: _news, LAWS: _laws, PAGES: _pages}
