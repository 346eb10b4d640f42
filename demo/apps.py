from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo-content registry and ``load_demo``; each app keeps its builders in demo.py."""

    name = "demo"
