"""Admin form shared by every page type of the portal."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from core.text import vietnamese_slugify


class PortalPageForm(WagtailAdminPageForm):
    """Turns whatever the slug box holds ("nông-thôn-mới") into an ASCII slug ("nong-thon-moi").

    The admin's own slug script maps "đ" to "dj" (a Serbian rule), so the slug box keeps the
    accents and the server does the Vietnamese transliteration.
    """

    def clean_slug(self):
        slug = vietnamese_slugify(self.cleaned_data.get("slug", ""))
        if not slug:
            raise forms.ValidationError(_("The slug must contain at least one letter or digit."))
        return slug
