"""The register's filter box: a Django form so bad values are errors, not database queries."""

from django import forms
from django.db.models import Q
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from directives.numbers import number_key
from directives.status import LegalStatus

MAX_KEYWORD_LENGTH = 200


class DirectiveFilterForm(forms.Form):
    """Type, issuer, field, year, status and a keyword over number and summary.

    A value that does not exist (a deleted issuer's id, "abc" as a year) only drops that filter:
    the reader still gets the register and a message, never an error page.
    """

    q = forms.CharField(
        label=_("Keyword"),
        required=False,
        max_length=MAX_KEYWORD_LENGTH,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Number or summary, e.g. 57-NQ/TW")}
        ),
    )
    document_type = forms.ModelChoiceField(
        label=_("Document type"), queryset=None, required=False, empty_label=_("All types")
    )
    issuing_body = forms.ModelChoiceField(
        label=_("Issuing body"), queryset=None, required=False, empty_label=_("All issuers")
    )
    field = forms.ModelChoiceField(
        label=_("Field"), queryset=None, required=False, empty_label=_("All fields")
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1945, max_value=2100)
    status = forms.ChoiceField(
        label=_("Legal status"),
        required=False,
        choices=[("", _("Any status")), *LegalStatus.choices],
    )

    def __init__(self, data, *, document_types, issuing_bodies, fields):
        super().__init__(data)
        self.fields["document_type"].queryset = document_types
        self.fields["issuing_body"].queryset = issuing_bodies
        self.fields["field"].queryset = fields

    def clean_q(self):
        """Drop NUL bytes and surrounding space: PostgreSQL rejects NUL in text."""
        return self.cleaned_data["q"].replace("\x00", "").strip()

    @property
    def ignored_fields(self):
        """Labels of the filters whose values were not recognised and therefore not applied."""
        if not self.is_bound:
            return []
        self.is_valid()
        return [str(self.fields[name].label) for name in self.errors]

    def apply(self, directives, on):
        """Narrow ``directives`` by every valid filter; invalid ones are left out."""
        if not self.is_bound:
            return directives
        self.is_valid()
        data = self.cleaned_data
        for name in ("document_type", "issuing_body", "field"):
            if data.get(name):
                directives = directives.filter(**{name: data[name]})
        if data.get("year"):
            directives = directives.filter(issued_on__year=data["year"])
        if data.get("status"):
            directives = directives.with_legal_status(on).filter(legal_status_value=data["status"])
        if data.get("q"):
            keyword = data["q"]
            matches = Q(number__icontains=keyword) | Q(summary__icontains=keyword)
            if key := number_key(keyword):
                matches |= Q(number_key__contains=key)
            directives = directives.filter(matches)
        return directives

    def query_string(self):
        """The valid filters as a query string, for the pagination links."""
        if not self.is_bound:
            return ""
        self.is_valid()
        values = {}
        for name, value in self.cleaned_data.items():
            if value in (None, ""):
                continue
            values[name] = getattr(value, "pk", value)
        return urlencode(values)
