"""Form parts shared by the reader's filters (search, the register)."""

import unicodedata

from django import forms
from django.utils.http import urlencode

from core.text import MAX_QUERY_LENGTH, normalize_text


class CleanedTextField(forms.CharField):
    """One line of reader text: control characters dropped, NFC, cut to ``max_length``.

    Readers paste such text (NUL included, which PostgreSQL refuses) and longer text than
    anyone types; the page echoes the query back, so it is cleaned and cut, never refused.
    """

    def __init__(self, *, max_length=MAX_QUERY_LENGTH, **kwargs):
        super().__init__(max_length=max_length, **kwargs)

    def to_python(self, value):
        text = "".join(char for char in str(value or "") if unicodedata.category(char) != "Cc")
        return super().to_python(normalize_text(text)[: self.max_length])


def filters_query_string(form):
    """The form's valid, non-empty values as a query string, for the page links."""
    if not form.is_bound:
        return ""
    form.is_valid()  # cleans the form; an invalid value is left out of cleaned_data
    values = {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}
    return urlencode(values)
