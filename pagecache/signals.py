"""The changes that purge the page cache, and what each purges.

Publishing, unpublishing, moving and deleting a page purge what it touched before the
change and what it touches after (a new tag, a new category, new neighbours), both read
from the database. Scheduled publishing and expiry arrive as Wagtail's publish and unpublish
signals from ``publish_scheduled``. Related-link lists purge the pages that show them, and so
do images and documents (a new file changes their addresses, a new title the links' text),
before a deletion and after every other save; the portal settings, sites, tags and the
directives' reference data are shown on so many pages that they purge everything; so does a
view restriction added, changed or removed, which hides or shows a section's pages in every
listing (the home page, tags, search, the sitemap) as well as at their own addresses.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from core import bulk
from home.models import PortalSettings, RelatedLink, RelatedLinkList
from pagecache.purge import (
    active,
    everything,
    link_list_dependents,
    media_dependents,
    page_dependents,
    purge_later,
)

UID = "pagecache"


def _live_copy(page):
    """The page as the database holds it, if readers can see it there; else None."""
    if page.pk is None:
        return None
    return Page.objects.filter(pk=page.pk, live=True).first()


def before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """A full save of a live page (publishing) changes what it shows: purge the old places."""
    if raw or update_fields is not None or not active():
        return
    stored = _live_copy(instance)
    if stored is not None:
        purge_later(page_dependents(stored))


def before_move(sender, instance, **kwargs):
    stored = _live_copy(instance) if active() else None
    if stored is not None:
        purge_later(page_dependents(stored))


def after_change(sender, instance, **kwargs):
    """After publishing, unpublishing or moving: the places the page is shown in now."""
    if active():
        purge_later(page_dependents(Page.objects.get(pk=instance.pk)))


def before_delete(sender, instance, **kwargs):
    if instance.live and active():
        purge_later(page_dependents(instance))


def link_list_changed(sender, instance, **kwargs):
    list_id = instance.pk if isinstance(instance, RelatedLinkList) else instance.link_list_id
    if active():
        purge_later(link_list_dependents({list_id}))


# Saved by Wagtail on first use of a file, without changing what any page shows.
FILE_BOOKKEEPING = {"file_size", "file_hash"}


def media_changed(sender, instance, update_fields=None, raw=False, created=False, **kwargs):
    """An image or document saved (title, file, collection, focal point) or about to go; a new
    one is shown nowhere yet (imports and generate_content add thousands)."""
    bookkeeping = update_fields and set(update_fields) <= FILE_BOOKKEEPING
    if raw or created or bookkeeping or not active():
        return
    purge_later(media_dependents(instance))


def site_wide_change(sender, created=False, **kwargs):
    """A new tag is shown nowhere until a page carrying it is published, which purges."""
    if active() and not (created and sender._meta.label == "articles.NewsTag"):
        purge_later(everything())


def pages_written(sender, **kwargs):
    """Imports and generated content add pages without Django's signals, in bulk."""
    if active():
        purge_later(everything())


def connect():
    bulk.pages_written.connect(pages_written, dispatch_uid=f"{UID}-bulk")
    page_models = [model for model in apps.get_models() if issubclass(model, Page)]
    for model in page_models:
        pre_save.connect(before_save, sender=model, dispatch_uid=f"{UID}-save-{model._meta.label}")
    pre_delete.connect(before_delete, sender=Page, dispatch_uid=f"{UID}-delete")
    page_published.connect(after_change, dispatch_uid=f"{UID}-published")
    page_unpublished.connect(after_change, dispatch_uid=f"{UID}-unpublished")
    pre_page_move.connect(before_move, dispatch_uid=f"{UID}-pre-move")
    post_page_move.connect(after_change, dispatch_uid=f"{UID}-post-move")
    for model in (RelatedLinkList, RelatedLink):
        post_save.connect(link_list_changed, sender=model, dispatch_uid=f"{UID}-{model.__name__}")
        signal = pre_delete if model is RelatedLinkList else post_delete
        signal.connect(link_list_changed, sender=model, dispatch_uid=f"{UID}-del-{model.__name__}")
    for model in (get_image_model(), get_document_model()):
        for signal in (post_save, pre_delete):
            signal.connect(media_changed, sender=model, dispatch_uid=f"{UID}-{model._meta.label}")
    site_wide = [PortalSettings, Site, PageViewRestriction, apps.get_model("articles", "NewsTag")]
    site_wide += [apps.get_model("directives", name) for name in ("DocumentType", "IssuingBody")]
    site_wide.append(apps.get_model("directives", "Field"))
    for model in site_wide:
        for signal in (post_save, post_delete):
            signal.connect(
                site_wide_change, sender=model, dispatch_uid=f"{UID}-{model._meta.label}"
            )
