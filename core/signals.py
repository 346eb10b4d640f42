"""Store every text of the project's models in NFC, whatever the editor pasted."""

from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.fields import StreamField

from core.text import normalize_data, normalize_text

PROJECT_APPS = {"home", "articles", "directives", "editorial"}


def _normalize_stream(field, value):
    raw = field.get_prep_value(value)
    if raw is None:
        return value
    normalized = normalize_data(raw)
    return value if normalized == raw else field.to_python(normalized)


@receiver(pre_save)
def normalize_unicode(sender, instance, raw=False, **kwargs):
    """Normalise char, text and stream fields to NFC before they reach the database."""
    if raw or sender._meta.app_label not in PROJECT_APPS:
        return
    for field in sender._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if isinstance(field, StreamField):
            setattr(instance, field.attname, _normalize_stream(field, value))
        elif isinstance(field, (models.CharField, models.TextField)):
            setattr(instance, field.attname, normalize_text(value))
