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

The keys of pages, frames, routes and fragments also name the release of the code that made
them (``pagecache.release``): a deployment never serves what the previous code kept.

With the cache in Redis, each process also keeps its own copies of what it read or stored
(``PAGE_CACHE_LOCAL_ALIAS``), marked with the generation they were valid in. A copy is used
while the generation is unchanged: every purge replaces the generation and announces it to
every process (``pagecache.announcements``), so no copy outlives a change, in any process, and a
page served from a copy asks Redis nothing. After a purge each process reads again from Redis
what it still needs.
"""

import hashlib
import secrets
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches

from pagecache import announcements, release

# Query parameters that never change what a page shows (campaign tags added by sharing).
IGNORED_PARAMETERS = ("utm_", "fbclid", "gclid", "zarsrc")
KEY_PREFIX = "pagecache"
GENERATION_KEY = f"{KEY_PREFIX}:generation"


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def local():
    """The process's own copies, or None when the cache itself is the process's memory."""
    alias = settings.PAGE_CACHE_LOCAL_ALIAS
    return caches[alias] if alias else None


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
    """One request's view of the cache: the stored entry if still valid, the tokens, and the
    generation read with them (the request's fragments belong to it)."""

    def __init__(self, host, path, query_string):
        self.path = path
        address = _digest(f"{host}|{path}|{query_string}")
        self.entry_key = f"{KEY_PREFIX}:page:{release.current()}:{address}"
        self.token_keys = token_keys(path)
        if not self._local_copy():
            self._shared_entry()

    def _local_copy(self):
        """Take this process's copy if no purge happened since it was valid."""
        near = local()
        copy = near.get(self.entry_key) if near is not None else None
        if copy is None:
            return False
        self.generation = generation()
        if self.generation is None or self.generation != copy["generation"]:
            return False
        self.tokens, self.entry = copy["tokens"], copy
        return True

    def _shared_entry(self):
        found = cache().get_many([self.entry_key, GENERATION_KEY, *self.token_keys])
        self.generation = found.get(GENERATION_KEY) or generation()
        self.tokens = [found.get(key) for key in self.token_keys]
        entry = found.get(self.entry_key)
        if None in self.tokens:
            self.tokens = self._create_missing_tokens()
            entry = None
        self.entry = entry if entry is not None and entry["tokens"] == self.tokens else None
        if self.entry is not None:
            self._keep_local(self.entry)

    def _create_missing_tokens(self):
        """Make the tokens a first visit (or an eviction) lost, before rendering starts, so a
        purge during the render still replaces the token this entry will be stored with."""
        store = cache()
        for key, token in zip(self.token_keys, self.tokens, strict=True):
            if token is None:
                store.add(key, secrets.token_hex(8), timeout=None)
        current = store.get_many(self.token_keys)
        return [current.get(key) for key in self.token_keys]

    def _keep_local(self, entry):
        """Copy ``entry`` into this process, valid in the generation read with its tokens."""
        near = local()
        if near is not None:
            copy = {**entry, "generation": self.generation}
            near.set(self.entry_key, copy, timeout=settings.PAGE_CACHE_TIMEOUT)

    def store(self, status, headers, content, variant):
        """Keep a rendered response under the tokens read before it was rendered, with the
        request's values of the headers it varies on (``variant``)."""
        entry = {"tokens": self.tokens, "status": status, "headers": headers, "content": content}
        entry["variant"] = variant
        cache().set(self.entry_key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)
        self._keep_local(entry)


def purge(paths=(), subtrees=(), everything=False):
    """Invalidate every entry of ``paths`` (all query strings) and below ``subtrees``."""
    subtrees = {"/"} if everything else set(subtrees)
    new_tokens = {path_token_key(path): secrets.token_hex(8) for path in paths}
    new_tokens |= {subtree_token_key(path): secrets.token_hex(8) for path in subtrees}
    if new_tokens:
        new_tokens[GENERATION_KEY] = secrets.token_hex(8)
        cache().set_many(new_tokens, timeout=None)
        if local() is not None:
            announcements.known.purged()
            announcements.announce(cache())


def generation():
    """The current generation. With the cache in Redis, the one this process knows while no
    purge has been announced (``pagecache.announcements``); else read now."""
    if local() is not None:
        return announcements.known.current(cache(), read_generation)
    return read_generation()


def read_generation():
    """The generation in the cache (made on first use, or after an eviction)."""
    store = cache()
    found = store.get(GENERATION_KEY)
    if found is None:
        store.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        found = store.get(GENERATION_KEY)
    return found


def request_generation(request):
    """The generation, read once per request (the page cache's lookup may have read it): the
    frame, the route and every fragment of a render belong to the same one."""
    found = getattr(request, "_fragment_generation", None)
    if found is None:
        found = generation()
        if request is not None:
            request._fragment_generation = found
    return found


def kept(key, compute):
    """What is kept under ``key`` (a key that names its generation), else ``compute()``, kept
    unless None. This process's copy first, then the shared cache."""
    near = local()
    value = near.get(key) if near is not None else None
    if value is not None:
        return value
    value = cache().get(key)
    if value is None:
        value = compute()
        if value is None:
            return None
        cache().set(key, value, timeout=settings.PAGE_CACHE_TIMEOUT)
    if near is not None:
        near.set(key, value, timeout=settings.PAGE_CACHE_TIMEOUT)
    return value


def frame_key(generation_token, host, port):
    return _kept_key("frame", generation_token, f"{host}|{port}")


def route_key(generation_token, host, port, path):
    return _kept_key("route", generation_token, f"{host}|{port}|{path}")


def fragment_key(generation_token, name, values):
    text = "|".join(str(value) for value in values)  # str: lazy translations by their text
    return _kept_key(f"fragment:{name}", generation_token, text)


def _kept_key(kind, generation_token, text):
    return f"{KEY_PREFIX}:{kind}:{release.current()}:{generation_token}:{_digest(text)}"
