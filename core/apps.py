from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Helpers every app uses (text, queries, the NFC normaliser); it imports no project app."""

    name = "core"

    def ready(self):
        from core import counts, signals  # noqa: F401  (signals connects the NFC normaliser)

        counts.connect()
