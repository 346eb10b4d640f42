"""The anonymous readers' page cache: stored responses keyed on the address, purged by tokens.

An entry is keyed on host, path and normalised query string. It records the tokens that were
current when it was rendered: one for its path (every query string of that path shares it)
and one for each prefix of the path (``/``, ``/tin-tuc/``, ...). Purging a path or a subtree
replaces its token, so every entry made before no longer matches, without listing the
variants (``?page=1000``, the register's filters, search queries). A lost token (eviction,
restart) reads as a miss, never as a stale hit. One lookup is a single ``get_many``, one
round trip to Redis.

Template fragments (``{% fragment %}``, pagecache/templatetags) are keyed on one more token,
the generation, which every purge replaces: a fragment never outlives a change that purged
any page, whichever page showed it.
"""

import hashlib
import secrets
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches

# Query parameters that never change what a page shows (campaign tags added by sharing).
IGNORED_PARAMETERS = ("utm_", "fbclid", "gclid", "zarsrc")
KEY_PREFIX = "pagecache"
GENERATION_KEY = f"{KEY_PREFIX}:generation"


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _digest(text):
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def path_token_key(path):
    return f"{KEY_PREFIX}:path:{_digest(path)}"


def subtree_token_key(path):
    return f"{KEY_PREFIX}:tree:{_digest(path)}"


def prefixes(path):
    """ "/a/b/" -> ["/", "/a/", "/a/b/"]: every subtree the address lies in."""
    parts = [part for part in path.split("/") if part]
    return ["/"] + ["/" + "/".join(parts[:end]) + "/" for end in range(1, len(parts) + 1)]


def normalised_query(query_string):
    """Sorted parameters without the campaign tags, so equal pages share one entry."""
    pairs = [
        (name, value)
        for name, value in parse_qsl(query_string, keep_blank_values=True)
        if not name.startswith(IGNORED_PARAMETERS)
    ]
    return urlencode(sorted(pairs))


def token_keys(path):
    return [path_token_key(path)] + [subtree_token_key(prefix) for prefix in prefixes(path)]


class Lookup:
    """One request's view of the cache: the stored entry if still valid, and the tokens."""

    def __init__(self, host, path, query_string):
        self.path = path
        self.entry_key = f"{KEY_PREFIX}:page:{_digest(f'{host}|{path}|{query_string}')}"
        self.token_keys = token_keys(path)
        found = cache().get_many([self.entry_key, *self.token_keys])
        self.tokens = [found.get(key) for key in self.token_keys]
        entry = found.get(self.entry_key)
        if None in self.tokens:
            self.tokens = self._create_missing_tokens()
            entry = None
        self.entry = entry if entry is not None and entry["tokens"] == self.tokens else None

    def _create_missing_tokens(self):
        """Make the tokens a first visit (or an eviction) lost, before rendering starts, so a
        purge during the render still replaces the token this entry will be stored with."""
        store = cache()
        for key, token in zip(self.token_keys, self.tokens, strict=True):
            if token is None:
                store.add(key, secrets.token_hex(8), timeout=None)
        current = store.get_many(self.token_keys)
        return [current.get(key) for key in self.token_keys]

    def store(self, status, headers, content, variant):
        """Keep a rendered response under the tokens read before it was rendered, with the
        request's values of the headers it varies on (``variant``)."""
        entry = {"tokens": self.tokens, "status": status, "headers": headers, "content": content}
        entry["variant"] = variant
        cache().set(self.entry_key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)


def purge(paths=(), subtrees=(), everything=False):
    """Invalidate every entry of ``paths`` (all query strings) and below ``subtrees``."""
    subtrees = {"/"} if everything else set(subtrees)
    new_tokens = {path_token_key(path): secrets.token_hex(8) for path in paths}
    new_tokens |= {subtree_token_key(path): secrets.token_hex(8) for path in subtrees}
    if new_tokens:
        new_tokens[GENERATION_KEY] = secrets.token_hex(8)
        cache().set_many(new_tokens, timeout=None)


def generation():
    """The current fragment generation (made on first use, or after an eviction)."""
    store = cache()
    found = store.get(GENERATION_KEY)
    if found is None:
        store.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        found = store.get(GENERATION_KEY)
    return found


def frame_key(generation_token, host, port):
    return f"{KEY_PREFIX}:frame:{generation_token}:{_digest(f'{host}|{port}')}"


def route_key(generation_token, host, port, path):
    return f"{KEY_PREFIX}:route:{generation_token}:{_digest(f'{host}|{port}|{path}')}"


def fragment_key(generation_token, name, values):
    text = "|".join(str(value) for value in values)  # str: lazy translations by their text
    return f"{KEY_PREFIX}:fragment:{generation_token}:{name}:{_digest(text)}"
