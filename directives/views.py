"""The editors' flat listing of directives in the admin, with the register's own filters."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from directives.filters import FIRST_YEAR, LAST_YEAR
from directives.models import DirectivePage, DocumentType, IssuingBody
from directives.numbers import looks_like_number, number_key
from directives.status import LegalStatus


class DirectiveFilterSet(PageFilterSet):
    document_type = django_filters.ModelChoiceFilter(
        label=_("Document type"), queryset=DocumentType.objects.all()
    )
    issuing_body = django_filters.ModelChoiceFilter(
        label=_("Issuing body"), queryset=IssuingBody.objects.all()
    )
    # The register's bounds; whole numbers only, so "1e5" is refused as well.
    year = django_filters.NumberFilter(
        label=_("Year"),
        field_name="issued_on",
        lookup_expr="year",
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        decimal_places=0,
    )
    legal_status = django_filters.ChoiceFilter(
        label=_("Legal status"), choices=LegalStatus.choices, method="filter_legal_status"
    )

    class Meta:
        model = DirectivePage
        fields = []

    def filter_legal_status(self, queryset, name, value):
        return queryset.with_status(value)


class DirectiveIndexView(PageListingViewSet.index_view_class):
    def search_queryset(self, queryset):
        """A number typed any way ("57 nq tw") finds the document by its key, not by words."""
        if self.is_searching and looks_like_number(self.search_query):
            return queryset.filter(number_key__contains=number_key(self.search_query))
        return super().search_queryset(queryset)


class DirectiveListingViewSet(PageListingViewSet):
    model = DirectivePage
    icon = "doc-full-inverse"
    menu_label = _("Directives")
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = DirectiveIndexView
    filterset_class = DirectiveFilterSet
    columns = [
        *PageListingViewSet.columns[:1],
        Column("number", label=pgettext_lazy("directive", "Number"), sort_key="number"),
        DateColumn("issued_on", label=_("Issue date"), sort_key="issued_on"),
        Column("issuing_body", label=_("Issuing body")),
        *PageListingViewSet.columns[1:],
    ]
