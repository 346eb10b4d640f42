"""A category's count of news, kept in the cache until the news change.

Counting a category reads every item below it (some 60 ms for 100,000 news items even from an
index) on every request for its pages, though the number changes only when news are
published, unpublished, moved or deleted, or a section's view restriction changes. Each of
those events gives the counts a new version, so a count is never served after them; a cache
of one process only (no Redis) keeps another process's count up to ``TIMEOUT`` seconds.
"""

import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "articles:news-count-version"
TIMEOUT = 300


def category_count(category):
    """``category.news_count()``, from the cache while the news have not changed."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
    key = f"articles:news-count:{category.pk}:{version}"
    count = cache.get(key)
    if count is None:
        count = category.news_count()
        cache.set(key, count, TIMEOUT)
    return count


def new_version(**kwargs):
    """Every count so far is out of date."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def connect():
    """Called from the app's ``ready``: the events that change what a category lists."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(new_version, dispatch_uid=f"articles-counts-{id(signal)}")
    post_delete.connect(new_version, sender=Page, dispatch_uid="articles-counts-page-delete")
    for signal in (post_save, post_delete):
        signal.connect(
            new_version,
            sender=PageViewRestriction,
            dispatch_uid=f"articles-counts-restriction-{id(signal)}",
        )
