from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from pagecache import checks, signals  # noqa: F401 (checks register themselves)

        signals.connect()
