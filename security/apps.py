from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Sign-in protection (lockout, two-factor login) and the headers every response carries."""

    name = "security"
    verbose_name = _("Security")
