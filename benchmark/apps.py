from django.apps import AppConfig


class BenchmarkConfig(AppConfig):
    """``manage.py benchmark``: figures of the reader pages to compare, never a test."""

    name = "benchmark"
