from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """The project's complete Vietnamese copies of Wagtail's catalogues and their rebuild."""

    name = "translations"
