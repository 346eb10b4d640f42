"""The same cache on Redis, as production runs it when REDIS_URL is set, with each process's
own copies in front of it.

Keys get a prefix of their own for this run and are deleted by pattern afterwards, so the
test never flushes a Redis database that something else may be using. A purge writes only to
Redis, as one made by another process does: the test's process must see it there.
"""

import os
import threading
import uuid

import pytest
import redis
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pagecache import announcements, store
from site_config.settings.base import redis_caches
from tests.factories import make_image, make_news

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_cache(settings):
    prefix = f"pagecache-test-{uuid.uuid4().hex}"
    settings.CACHES = redis_caches(REDIS_URL, prefix)
    settings.PAGE_CACHE_LOCAL_ALIAS = "pagecache_local"
    for alias in set(settings.CACHES) - {"default"}:  # the process's own: empty, as on a start
        caches[alias].clear()
    store = caches["default"]
    try:
        store.client.get_client().ping()
    except Exception as error:  # noqa: BLE001 - any connection failure means no Redis here
        pytest.skip(f"Redis is not reachable at {REDIS_URL}: {error}")
    announcements.known.forget()  # a subscription of another test's cache
    yield store
    announcements.known.forget()
    client = store.client.get_client()
    for key in client.scan_iter(f"{prefix}:*"):  # every version (Wagtail's site paths use 2)
        client.delete(key)


def test_hits_and_purges_through_redis(redis_cache, reader, committed, province, first_item):
    assert reader.get(province.url)["X-Page-Cache"] == "MISS"
    assert reader.get(province.url)["X-Page-Cache"] == "HIT"
    assert redis_cache.keys("pagecache:page:*"), "the entry lives in Redis"
    with committed():
        make_news(province, "Tin lưu trong Redis")
    response = reader.get(province.url)
    assert response["X-Page-Cache"] == "MISS"
    assert "Tin lưu trong Redis" in response.content.decode()


def drop_shared_pages(redis_cache):
    """Remove the pages from Redis: only a process's own copy could still answer."""
    redis_cache.delete_pattern("pagecache:page:*")


def test_a_process_answers_from_its_copy_until_any_purge(redis_cache, reader, province):
    assert reader.get(province.url)["X-Page-Cache"] == "MISS"
    drop_shared_pages(redis_cache)
    assert reader.get(province.url)["X-Page-Cache"] == "HIT", "its own copy"
    store.purge(paths=["/mot-trang-khac/"])
    assert reader.get(province.url)["X-Page-Cache"] == "MISS", "a purge ends every copy"


def test_after_a_purge_elsewhere_the_copy_comes_again_from_redis(redis_cache, reader, province):
    reader.get(province.url)
    store.purge(paths=["/mot-trang-khac/"])
    assert reader.get(province.url)["X-Page-Cache"] == "HIT", "still valid in Redis"
    drop_shared_pages(redis_cache)
    assert reader.get(province.url)["X-Page-Cache"] == "HIT", "copied again with the new generation"


def test_a_render_takes_fragments_from_its_copies_until_a_change(
    settings, redis_cache, reader, committed, province, first_item
):
    settings.PAGE_CACHE_ENABLED = False
    with CaptureQueriesContext(connection) as first:
        assert reader.get(first_item.url).status_code == 200
    for kind in ("frame", "route", "fragment"):
        redis_cache.delete_pattern(f"pagecache:{kind}:*")
    with CaptureQueriesContext(connection) as second:
        assert "Hội nghị sơ kết" in reader.get(first_item.url).content.decode()
    assert len(second) < len(first), "frame, route and fragments from the process's copies"
    with committed():
        make_news(province, "Tin mới hơn trong cùng chuyên mục")
    page = reader.get(first_item.url).content.decode()
    assert "Tin mới hơn trong cùng chuyên mục" in page, "the neighbours fragment was renewed"


def test_a_warm_render_asks_redis_nothing(settings, redis_cache, reader, province, monkeypatch):
    """The generation is known until a purge is announced; frame, route, fragments, the sites'
    root paths and the image's renditions come from the process's copies."""
    settings.PAGE_CACHE_ENABLED = False
    item = make_news(province, "Tin có ảnh", featured_image=make_image())
    assert reader.get(item.url).status_code == 200
    commands = []
    send = redis.Redis.execute_command
    monkeypatch.setattr(
        redis.Redis,
        "execute_command",
        lambda client, *args, **options: (
            commands.append(args[:2]) or send(client, *args, **options)
        ),
    )
    assert reader.get(item.url).status_code == 200
    assert reader.get(item.url)["X-Page-Cache"] == "BYPASS"
    assert commands == []


def in_another_process(work):
    """Run ``work`` as another app process would: its own thread has its own subscription and
    known generation, and only Redis connects the two."""
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()


def test_a_purge_elsewhere_reaches_the_next_request_here(redis_cache, reader, province):
    assert reader.get(province.url)["X-Page-Cache"] == "MISS"
    assert reader.get(province.url)["X-Page-Cache"] == "HIT"
    in_another_process(lambda: store.purge(paths=[province.url]))
    assert reader.get(province.url)["X-Page-Cache"] == "MISS", "told by the announcement"


def test_a_broken_subscription_reads_the_generation_again(
    redis_cache, reader, province, monkeypatch
):
    reader.get(province.url)
    monkeypatch.setattr(announcements, "announce", lambda cache: None)  # announcements lost
    host, port = announcements.known.pubsub.connection._sock.getsockname()[:2]
    redis_cache.client.get_client().execute_command("CLIENT", "KILL", "ADDR", f"{host}:{port}")
    in_another_process(lambda: store.purge(paths=[province.url]))
    assert reader.get(province.url)["X-Page-Cache"] == "MISS", "as after a Redis restart"
    assert reader.get(province.url)["X-Page-Cache"] == "HIT"
    assert announcements.known.pubsub is not None, "subscribed again"


def test_a_lost_announcement_is_caught_up_within_the_revalidation_time(
    redis_cache, reader, province, monkeypatch
):
    reader.get(province.url)
    monkeypatch.setattr(announcements, "announce", lambda cache: None)
    in_another_process(lambda: store.purge(paths=[province.url]))
    assert reader.get(province.url)["X-Page-Cache"] == "HIT", "not told: the known generation"
    monkeypatch.setattr(announcements, "REVALIDATE_SECONDS", 0)
    assert reader.get(province.url)["X-Page-Cache"] == "MISS", "read again after the bound"
