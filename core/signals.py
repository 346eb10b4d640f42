"""Store every text of the project's models in NFC, whatever the editor pasted, and page
titles on one line."""

from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.fields import StreamField
from wagtail.models import Page

from core.text import normalize_data, normalize_text, single_line

PROJECT_APPS = {"home", "articles", "directives", "editorial", "pages", "nukeviet", "generator"}
# Page fields that end up in e-mail subjects, feeds and <title>: a forged form keeps line breaks.
SINGLE_LINE_PAGE_FIELDS = {"title", "draft_title", "seo_title"}


def _normalize_stream(field, value):
    raw = field.get_prep_value(value)
    if raw is None:
        return value
    normalized = normalize_data(raw)
    return value if normalized == raw else field.to_python(normalized)


def normalize_fields(instance):
    """Char, text and stream fields in NFC; page titles and SEO titles on one line as well."""
    single_line_fields = SINGLE_LINE_PAGE_FIELDS if isinstance(instance, Page) else set()
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if isinstance(field, StreamField):
            setattr(instance, field.attname, _normalize_stream(field, value))
        elif field.name in single_line_fields and isinstance(value, str):
            setattr(instance, field.attname, single_line(value))
        elif isinstance(field, (models.CharField, models.TextField)):
            setattr(instance, field.attname, normalize_text(value))


@receiver(pre_save)
def normalize_unicode(sender, instance, raw=False, **kwargs):
    """Normalise the project's models before they reach the database."""
    if raw or sender._meta.app_label not in PROJECT_APPS:
        return
    normalize_fields(instance)
