from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial board")

    def ready(self):
        from editorial import role_audit, signals  # noqa: F401  (connect the receivers)
