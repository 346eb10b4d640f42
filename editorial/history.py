"""The moderation history: Wagtail's page audit log, narrowed to the board's actions."""

import csv

from django import forms
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageLogEntry

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


class HistoryFilterForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("User"), queryset=get_user_model().objects.none(), required=False
    )
    section = forms.ModelChoiceField(
        label=_("Section"), queryset=Page.objects.none(), required=False
    )
    date_from = forms.DateField(
        label=_("From (dd/mm/yyyy)"), required=False, input_formats=DATE_INPUT_FORMATS
    )
    date_to = forms.DateField(
        label=_("To (dd/mm/yyyy)"), required=False, input_formats=DATE_INPUT_FORMATS
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        acting = PageLogEntry.objects.filter(action__in=MODERATION_ACTIONS).values("user_id")
        self.fields["user"].queryset = (
            get_user_model().objects.filter(pk__in=acting).order_by("username")
        )
        self.fields["user"].label_from_instance = person_name
        self.fields["section"].queryset = board_sections()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start date must not be after the end date."))
        return cleaned

    def filter(self, entries):
        data = self.cleaned_data
        if data.get("user"):
            entries = entries.filter(user=data["user"])
        if data.get("section"):
            entries = entries.filter(page__path__startswith=data["section"].path)
        if data.get("date_from"):
            entries = entries.filter(timestamp__date__gte=data["date_from"])
        if data.get("date_to"):
            entries = entries.filter(timestamp__date__lte=data["date_to"])
        return entries


def moderation_entries():
    return (
        PageLogEntry.objects.filter(action__in=MODERATION_ACTIONS)
        .select_related("user", "page", "content_type")
        .order_by("-timestamp", "-pk")
    )


def user_label(user):
    if user is None:
        return _("system")
    return person_name(user)


def csv_response(entries):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="lich-su-duyet.csv"'
    response.write("\ufeff")  # lets spreadsheet programs read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([_("Time"), _("User"), _("Action"), _("Page"), _("Page ID"), _("Comment")])
    for entry in entries.iterator():
        writer.writerow(
            [
                vi_datetime(entry.timestamp),
                user_label(entry.user),
                entry.message,
                entry.label,
                entry.object_id,
                entry.comment,
            ]
        )
    return response
