"""The same cache on Redis, as production runs it when REDIS_URL is set.

Keys get a prefix of their own for this run and are deleted by pattern afterwards, so the
test never flushes a Redis database that something else may be using.
"""

import os
import uuid

import pytest
from django.core.cache import caches

from tests.factories import make_news

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"pagecache-test-{uuid.uuid4().hex}",
        }
    }
    store = caches["default"]
    try:
        store.get("ping")
    except Exception as error:  # noqa: BLE001 - any connection failure means no Redis here
        pytest.skip(f"Redis is not reachable at {REDIS_URL}: {error}")
    yield store
    store.delete_pattern("*")


def test_hits_and_purges_through_redis(redis_cache, reader, committed, province, first_item):
    assert reader.get(province.url)["X-Page-Cache"] == "MISS"
    assert reader.get(province.url)["X-Page-Cache"] == "HIT"
    assert redis_cache.keys("pagecache:page:*"), "the entry lives in Redis"
    with committed():
        make_news(province, "Tin lưu trong Redis")
    response = reader.get(province.url)
    assert response["X-Page-Cache"] == "MISS"
    assert "Tin lưu trong Redis" in response.content.decode()
