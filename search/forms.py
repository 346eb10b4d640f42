"""The reader's search form."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.text import MAX_QUERY_LENGTH, normalize_text
from search.engine import SEARCH_TYPES


class SearchQueryField(forms.CharField):
    """Drops control characters and cuts to the query limit instead of refusing the query.

    Readers paste such text (NUL included), and the page echoes the query back.
    """

    def to_python(self, value):
        text = "".join(char for char in str(value or "") if unicodedata.category(char) != "Cc")
        return super().to_python(normalize_text(text)[:MAX_QUERY_LENGTH])


class SearchForm(forms.Form):
    """The reader's search box; any text is accepted, core.text folds and bounds it."""

    q = SearchQueryField(label=pgettext_lazy("search box", "Search for"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All"))] + [
            (key, label) for key, (_model, label) in SEARCH_TYPES.items()
        ]
