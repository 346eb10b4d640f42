"""The reader's search form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import CleanedTextField
from search.engine import SEARCH_TYPES


class SearchForm(forms.Form):
    """The reader's search box; any text is accepted, core.text folds and bounds it."""

    q = CleanedTextField(label=pgettext_lazy("search box", "Search for"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All"))] + [
            (key, label) for key, (_model, label) in SEARCH_TYPES.items()
        ]
