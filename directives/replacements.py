"""Keeps ``DirectivePage.replaced``: whether a live directive declares that it replaces one.

The register's status filter "replaced" asked this of every directive: at 20,000 directives
the check ran over the pages of all of them (about 12 ms), where the other statuses compare
dates. The answer changes only when a relation is written, changed or removed, or when the
directive declaring it is published, unpublished or deleted (its relations go with it), so it
is stored and written again then, in the same transaction. Bulk writes (``core.bulk``) save no
model and send ``pages_flushed`` instead.
"""

from django.db.models.signals import post_delete, post_save, pre_save

from core import bulk
from directives.models import DirectivePage, DirectiveRelation
from directives.status import replaced_by_live_directive


def refresh(directive_ids):
    """Write again whether a live directive replaces each of ``directive_ids`` (ids, or a
    queryset of them)."""
    replaced = replaced_by_live_directive(DirectiveRelation)
    DirectivePage.objects.filter(pk__in=directive_ids).update(replaced=replaced)


def replaced_by(source_ids):
    """The directives that ``source_ids`` declare they replace, as a subquery."""
    relations = DirectiveRelation.objects.filter(
        source__in=source_ids, kind=DirectiveRelation.Kind.REPLACES
    )
    return relations.values("target")


def directive_saved(sender, instance, **kwargs):
    """Published or unpublished, its replacements count or not. Its own value too: a
    revision being published carries the value stored when it was saved."""
    refresh([instance.pk])
    refresh(replaced_by([instance.pk]))


def relation_saving(sender, instance, **kwargs):
    """Remember the document a changed relation pointed to: it may no longer be replaced."""
    if instance.pk is not None:
        before = DirectiveRelation.objects.filter(pk=instance.pk)
        instance._target_before = before.values_list("target_id", flat=True).first()


def relation_changed(sender, instance, **kwargs):
    refresh({instance.target_id, getattr(instance, "_target_before", None)} - {None})


def pages_flushed(sender, pages, **kwargs):
    """A batch of the bulk writer: its directives' relations were inserted without saving."""
    refresh(replaced_by([page.pk for page in pages if isinstance(page, DirectivePage)]))


def connect():
    """Called from the app's ``ready``."""
    post_save.connect(directive_saved, sender=DirectivePage, dispatch_uid="replaced-directive")
    pre_save.connect(relation_saving, sender=DirectiveRelation, dispatch_uid="replaced-before")
    for signal in (post_save, post_delete):
        signal.connect(relation_changed, sender=DirectiveRelation, dispatch_uid="replaced-relation")
    bulk.pages_flushed.connect(pages_flushed, dispatch_uid="replaced-bulk")
