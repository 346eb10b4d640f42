"""The register's filter box: a Django form so bad values are errors, not database queries."""

from functools import partial

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.counts import cached_until_pages_change
from core.forms import CleanedTextField, filters_query_string
from core.text import clean_query, fold_for_search
from directives.numbers import number_key
from directives.status import LegalStatus

# Years a reader or editor may filter by: a wider value would reach the date lookup and fail.
FIRST_YEAR, LAST_YEAR = 1945, 2100


def every_word_starts_a_word(words):
    """Each folded query word begins a word of the folded title and summary, in any order.

    "nong thon moi" finds "nông thôn mới"; "thanh uy" finds both "Thành ủy" and "Thành uỷ".
    """
    matches = Q()
    for word in words:
        matches &= Q(folded_text__contains=f" {word}")
    return matches


def signers_matching(model, typed):
    """The signers' names that contain what the reader typed, compared without case and tone
    marks ("chau" finds "Lê Minh Châu"), as readers type.

    The register is then filtered on those names, a condition the database's statistics
    estimate well: a substring match on the column read all 20,000 documents to find twenty
    (9 ms at 100,000 news items) where its newest-first index stops at the twentieth.
    """
    wanted = fold_for_search(typed)
    if not wanted:
        return []
    names = cached_until_pages_change(("signers", model._meta.label), partial(signer_names, model))
    return [name for name in names if wanted in fold_for_search(name)]


def signer_names(model):
    return sorted(
        set(model._default_manager.exclude(signer_name="").values_list("signer_name", flat=True))
    )


class DirectiveFilterForm(forms.Form):
    """Type, issuer, field, signer, year, status and a keyword over number and summary.

    A value that does not exist (a deleted issuer's id, "abc" as a year) only drops that filter:
    the reader still gets the register and a message, never an error page.
    """

    q = CleanedTextField(
        label=_("Keyword"),
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Number or summary, e.g. 57-NQ/TW")}
        ),
    )
    document_type = forms.TypedChoiceField(label=_("Document type"), required=False, coerce=int)
    issuing_body = forms.TypedChoiceField(label=_("Issuing body"), required=False, coerce=int)
    field = forms.TypedChoiceField(
        label=pgettext_lazy("directive", "Field"), required=False, coerce=int
    )
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
    )
    signer = CleanedTextField(label=_("Signer"), required=False, max_length=255)
    status = forms.ChoiceField(
        label=_("Legal status"),
        required=False,
        choices=[("", _("Any status")), *LegalStatus.choices],
    )

    EMPTY_LABELS = {
        "document_type": _("All types"),
        "issuing_body": _("All issuers"),
        "field": _("All fields"),
    }

    def __init__(self, data, *, choices):
        """``choices`` maps each reference filter to its (pk, name) pairs, read in one query."""
        super().__init__(data)
        for name, empty_label in self.EMPTY_LABELS.items():
            self.fields[name].choices = [("", empty_label), *choices[name]]

    # The notice that names the ignored filters; each ignored box points at it for screen readers.
    NOTICE_ID = "filter-notice"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            # Django would point at "<id>_error", a message this page does not render.
            self.fields[name].widget.attrs["aria-describedby"] = self.NOTICE_ID

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
                directives = directives.filter(**{f"{name}_id": data[name]})
        if data.get("signer"):
            names = signers_matching(directives.model, data["signer"])
            directives = directives.filter(signer_name__in=names)
        if data.get("year"):
            directives = directives.filter(issued_on__year=data["year"])
        if data.get("status"):
            directives = directives.with_status(data["status"], on)
        if data.get("q"):
            keyword = data["q"]
            matches = Q(number__icontains=keyword) | Q(summary__icontains=keyword)
            if key := number_key(keyword):
                matches |= Q(number_key__contains=key)
            if words := clean_query(keyword).split():
                matches |= every_word_starts_a_word(words)
            directives = directives.filter(matches)
        return directives

    def query_string(self):
        """The valid filters as a query string, for the pagination links."""
        return filters_query_string(self)
