"""What /healthz checks: the database answers a query and the cache keeps a value.

Nothing else is reported (no versions, hosts or error texts), and no page is rendered.
"""

import uuid

from django.core.cache import cache
from django.db import connection


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means "not reachable"; the reason stays in the server log
        return False


def cache_ok():
    """A write and a read of a fresh value: a cache that swallows its errors fails this too."""
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, 10)
        found = cache.get(key)
        cache.delete(key)
    except Exception:
        return False
    return found == value


def health_report():
    """(HTTP status, body): 503 only when the database is down.

    Every app server shares the same Redis, so a cache outage is reported ("degraded") but keeps
    the servers in the load balancer: pages are still served, uncached, and sessions live in the
    database.
    """
    database, cache_state = database_ok(), cache_ok()
    checks = {"database": "ok" if database else "error", "cache": "ok" if cache_state else "error"}
    if not database:
        return 503, {"status": "error", **checks}
    return 200, {"status": "ok" if cache_state else "degraded", **checks}
