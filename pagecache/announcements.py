"""The purge generation as this process knows it, told of every purge through Redis.

Every kept copy is checked against the generation (``pagecache.store``): reading it from Redis
was a round trip on every request, the only one a page served from a copy made. Now a purge
also publishes a message on a channel of its own, which each process (each thread) subscribes
to once; before each use of the generation it knows, the process looks, without waiting,
whether a message has come, and reads the generation again if one has. Redis hands the message
to every subscriber while it runs the purge's PUBLISH, in the same pass as its answer to the
purging process, so a request that starts after a purge has returned finds it.

When the subscription fails or breaks (Redis restarted), the generation is read from Redis on
every use until it is made again, as before; and it is read again at least every
``REVALIDATE_SECONDS`` anyway, which bounds what a message lost to a network that fails
silently could leave stale. Only with the cache in Redis; the process's own memory needs none.
"""

import logging
import os
import threading
import time

from redis.exceptions import RedisError

REVALIDATE_SECONDS = 1.0
SUBSCRIBE_SECONDS = 1.0
CHANNEL = "pagecache:purged"

logger = logging.getLogger("portal.cache")


class KnownGeneration(threading.local):
    """One thread's subscription and the generation it last read."""

    pubsub = None
    pid = None
    value = None
    read_at = 0.0

    def current(self, cache, read):
        """The generation: the one known, unless a purge was announced since (or it is old);
        ``read()`` reads it from ``cache``, the Redis cache."""
        try:
            self._listen(cache)
            if self._purge_announced() or time.monotonic() - self.read_at > REVALIDATE_SECONDS:
                self.value = None
        except (RedisError, OSError) as error:
            logger.warning("page cache: no purge announcements (%s)", error)
            self.forget()
        if self.value is None:
            value, read_at = read(), time.monotonic()
            if self.pubsub is None or value is None:
                return value  # nothing would tell of the next purge: never keep it
            self.value, self.read_at = value, read_at
        return self.value

    def purged(self):
        """This thread purged: read the new generation next time, without waiting for the
        announcement."""
        self.value = None

    def forget(self):
        """Read again next time, and subscribe again (after an error)."""
        if self.pubsub is not None:
            self.pubsub.close()
        self.pubsub, self.value = None, None

    def _listen(self, cache):
        if self.pubsub is not None and self.pid == os.getpid():
            return
        self.pubsub, self.value, self.pid = None, None, os.getpid()  # a forked worker's own
        pubsub = cache.client.get_client(write=True).pubsub()
        pubsub.subscribe(channel(cache))
        # Confirmed before the generation is read: no purge can fall between the two.
        confirmation = pubsub.get_message(timeout=SUBSCRIBE_SECONDS)
        if confirmation is None or confirmation["type"] != "subscribe":
            pubsub.close()
            raise RedisError("the subscription was not confirmed")
        self.pubsub = pubsub

    def _purge_announced(self):
        announced = False
        while (message := self.pubsub.get_message(timeout=0)) is not None:
            announced = announced or message["type"] == "message"
        return announced


def channel(cache):
    """The channel of this portal's purges (its cache key prefix: one Redis may serve many)."""
    return cache.make_key(CHANNEL)


def announce(cache):
    """Tell every process that a purge happened (after the new tokens are written)."""
    try:
        cache.client.get_client(write=True).publish(channel(cache), "")
    except RedisError as error:
        logger.warning("page cache: purge not announced (%s)", error)


known = KnownGeneration()
