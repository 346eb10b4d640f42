"""Wagtail's users app with the board's user screens (see editorial.user_views).

This module stays free of model imports: Django loads it while the app registry is filling.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class BoardUsersConfig(WagtailUsersAppConfig):
    """Takes the place of ``wagtail.users`` in INSTALLED_APPS; same label, same migrations."""

    user_viewset = "editorial.user_views.BoardUserViewSet"
