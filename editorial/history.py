"""The moderation history: Wagtail's page audit log, narrowed to the board's actions, as a
Wagtail report (filters, pagination, CSV and XLSX export come from ``ReportView``)."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters.fields import DateRangeField, RangeField
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import registry as log_actions
from wagtail.models import Page, PageLogEntry

from editorial.exports import SafeCsvExportMixin
from editorial.names import person_name
from home.templatetags.portal_tags import vi_datetime

MODERATION_ACTIONS = (
    "wagtail.workflow.start",
    "wagtail.workflow.approve",
    "wagtail.workflow.reject",
    "wagtail.workflow.resume",
    "wagtail.workflow.cancel",
    "wagtail.publish",
    "wagtail.publish.scheduled",
    "wagtail.publish.schedule",
    "wagtail.schedule.cancel",
    "wagtail.unpublish",
    "wagtail.delete",
)
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def board_sections():
    """Pages the board's workflows are attached to, in tree order."""
    return Page.objects.filter(workflowpage__workflow__board_workflow__isnull=False).order_by(
        "path"
    )


def user_label(user):
    if user is None:
        return gettext("system")
    return person_name(user)


class PeopleChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_name(obj)


class PeopleFilter(django_filters.ModelChoiceFilter):
    field_class = PeopleChoiceField


class VietnameseDateRangeField(DateRangeField):
    """Dates typed dd/mm/yyyy (as the admin's date picker writes them), start before end."""

    def __init__(self, *args, **kwargs):
        fields = (
            forms.DateField(input_formats=DATE_INPUT_FORMATS),
            forms.DateField(input_formats=DATE_INPUT_FORMATS),
        )
        RangeField.__init__(self, fields, *args, **kwargs)

    def compress(self, data_list):
        if data_list and all(data_list) and data_list[0] > data_list[1]:
            raise forms.ValidationError(_("The start date must not be after the end date."))
        return super().compress(data_list)


class DateRangeFilter(django_filters.DateFromToRangeFilter):
    field_class = VietnameseDateRangeField


def acting_people(request):
    """Everyone who did a moderation action, family name first."""
    acting = PageLogEntry.objects.filter(action__in=MODERATION_ACTIONS).values("user_id")
    return get_user_model().objects.filter(pk__in=acting).order_by("last_name", "first_name")


def moderation_action_choices():
    return [
        (action, label)
        for action, label in log_actions.get_choices()
        if action in MODERATION_ACTIONS
    ]


class HistoryFilterSet(WagtailFilterSet):
    user = PeopleFilter(label=_("User"), queryset=acting_people)
    section = django_filters.ModelChoiceFilter(
        label=_("Section"), queryset=lambda request: board_sections(), method="filter_section"
    )
    action = django_filters.ChoiceFilter(label=_("Action"), choices=moderation_action_choices)
    date = DateRangeFilter(
        label=_("Date (dd/mm/yyyy)"), field_name="timestamp", widget=DateRangePickerWidget
    )

    class Meta:
        model = PageLogEntry
        fields = []

    def filter_section(self, queryset, name, value):
        return queryset.filter(page__path__startswith=value.path)


def page_url(entry):
    """The page's editor, while the page exists."""
    if entry.page_id and not entry.deleted:
        return reverse("wagtailadmin_pages:edit", args=(entry.page_id,))
    return None


def local_time(value):
    """XLSX cells hold no time zone: the time as read in Việt Nam."""
    return timezone.localtime(value).replace(tzinfo=None)


class HistoryView(SafeCsvExportMixin, ReportView):
    """Who submitted, approved, rejected, published what and when; the board's reviewers
    only (``views.in_roles`` is checked by the URL)."""

    page_title = _("Moderation history")
    header_icon = "history"
    index_url_name = "editorial_history"
    index_results_url_name = "editorial_history_results"
    filterset_class = HistoryFilterSet
    export_filename = "lich-su-duyet"
    columns = [
        Column("timestamp", label=_("Time"), accessor=lambda entry: vi_datetime(entry.timestamp)),
        Column("user", label=_("User"), accessor=lambda entry: user_label(entry.user)),
        Column("message", label=_("Action")),
        TitleColumn("label", label=_("Page"), get_url=page_url),
        Column("comment", label=_("Comment")),
    ]
    list_export = ["timestamp", "user", "message", "label", "object_id", "comment"]
    export_headings = {
        "timestamp": _("Time"),
        "user": _("User"),
        "message": _("Action"),
        "label": _("Page"),
        "object_id": _("Page ID"),
        "comment": _("Comment"),
    }
    custom_field_preprocess = {
        "timestamp": {ReportView.FORMAT_CSV: vi_datetime, ReportView.FORMAT_XLSX: local_time},
        "user": {ReportView.FORMAT_CSV: user_label, ReportView.FORMAT_XLSX: user_label},
    }

    def get_base_queryset(self):
        return (
            PageLogEntry.objects.filter(action__in=MODERATION_ACTIONS)
            .select_related("user", "page", "content_type")
            .order_by("-timestamp", "-pk")
        )

    def get_filtered_queryset(self):
        # BaseListingView.get_queryset has filtered already; ReportView would filter again.
        return self.get_queryset()
