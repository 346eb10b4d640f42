"""Receivers: new sections join the board's workflows; moderation steps send e-mails."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page, TaskState
from wagtail.signals import page_published, task_approved

from editorial.notifications import notify_published, notify_step_approved
from editorial.roles import WORKFLOWS, register_section

SECTION_MODELS = {label for spec in WORKFLOWS for label in spec.section_models}


@receiver(post_save)
def attach_new_section(sender, instance, created, raw=False, **kwargs):
    # Historical models in data migrations are not Page subclasses; setup_editorial covers them.
    real_page = isinstance(instance, Page)
    if created and not raw and real_page and sender._meta.label in SECTION_MODELS:
        register_section(instance)


@receiver(task_approved, sender=TaskState)
def email_step_approved(sender, instance, user=None, **kwargs):
    notify_step_approved(instance, user=user)


@receiver(page_published)
def email_published(sender, instance, **kwargs):
    notify_published(instance)
