"""Admin form shared by every page type of the portal."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from home.search import MAX_QUERY_LENGTH, SEARCH_TYPES
from home.text import normalize_text, vietnamese_slugify


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


class SearchQueryField(forms.CharField):
    """Drops control characters and cuts to the query limit instead of refusing the query.

    Readers paste such text (NUL included), and the page echoes the query back.
    """

    def to_python(self, value):
        text = "".join(char for char in str(value or "") if unicodedata.category(char) != "Cc")
        return super().to_python(normalize_text(text)[:MAX_QUERY_LENGTH])


class SearchForm(forms.Form):
    """The reader's search box; any text is accepted, home.search folds and bounds it."""

    q = SearchQueryField(label=pgettext_lazy("search box", "Search for"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All"))] + [
            (key, label) for key, (_model, label) in SEARCH_TYPES.items()
        ]
