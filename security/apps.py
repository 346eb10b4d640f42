from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Sign-in protection (lockout, two-factor login), the headers every response carries, and
    the admin screens turned off because they are unsafe."""

    name = "security"
    verbose_name = _("Security")

    def ready(self):
        from wagtail.sites.views import SiteViewSet

        # Wagtail's generic copy view fills its form with the site being copied, so saving the
        # "copy" renamed and re-pointed the live site. Wagtail offers no setting for the site
        # screens (users have WAGTAIL_USER_VIEWSET), and the viewsets read this flag only when
        # the admin's URLs are built, after every app is ready. A second site is added with
        # "Add a site".
        SiteViewSet.copy_view_enabled = False
