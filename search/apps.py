from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The reader's search page (/tim-kiem/) over every searchable page type."""

    name = "search"
