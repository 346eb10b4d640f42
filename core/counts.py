"""A listing's count (or another value read from the pages), kept in the cache until pages change.

Counting a listing reads every item of it (a news category of 100,000 items some 60 ms even
from an index, the register's 20,000 documents as much) on every request for its pages,
though the number changes only when a page or a section's view restriction is saved or
deleted. Each of those events gives the counts a new version, so a count is never served after
them; a cache of one process only (no Redis) keeps another process's count up to ``TIMEOUT``
seconds.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction

VERSION_KEY = "listing-count-version"
TIMEOUT = 300


def cached_count(listing, count):
    """``count()``, from the cache while no page has changed; ``listing`` names what is
    counted (a tuple of strings and numbers: the listing and its filters)."""
    return cached_until_pages_change(("count", *listing), count)


def cached_until_pages_change(name, compute):
    """``compute()``, from the cache while no page has changed; ``name`` is a tuple of
    strings and numbers that says what is computed."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)  # another process may add it first
        version = cache.get(VERSION_KEY)
    key = "listing-count:" + hashlib.sha256(repr((version, *name)).encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def new_version():
    """Every count so far is out of date. Writers that save pages without Django's signals
    (bulk inserts) call it once they are done."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _page_changed(sender, instance, **kwargs):
    """A new version now, for the changing transaction's own reads, and another once it
    commits, for what other processes read and kept meanwhile (they could not see it yet)."""
    if isinstance(instance, (Page, PageViewRestriction)):
        new_version()
        transaction.on_commit(new_version)


def connect():
    """Called from the app's ``ready``: a page or a view restriction saved or deleted
    (publishing, unpublishing and moving save the page) makes every count out of date."""
    post_save.connect(_page_changed, dispatch_uid="listing-counts-save")
    post_delete.connect(_page_changed, dispatch_uid="listing-counts-delete")
