"""Who may download a document: the one rule every download goes through.

A document is public only while a live page that readers may see (no view restriction on it
or its sections) shows it in its live version, directly (a directive's attachment, a link in a
news body, a document block) or through a link list that such a page, or the site's sidebar or
footer, shows. Everything else stays private: files of drafts, of unpublished revisions of live
pages (a live page's own row holds its live version; drafts live in revisions), of private
sections, and files used nowhere. Wagtail's reference index records what every page and link
list refers to, so the answer is one query.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from core.queries import without_private_sections


def _public_page_ids():
    """The ids (as text, the reference index's type) of the live pages readers may see."""
    pages = without_private_sections(Page.objects.live())
    return pages.annotate(id_text=Cast("pk", CharField())).values("id_text")


def _referrers_shown_by_public_pages(page_type):
    """References from a public page to the object the outer reference comes from."""
    return ReferenceIndex.objects.filter(
        base_content_type=page_type,
        object_id__in=_public_page_ids(),
        to_content_type=OuterRef("base_content_type"),
        to_object_id=OuterRef("object_id"),
    )


def _link_lists_of_the_site_frame():
    """A link list in the sidebar or footer of a site is shown on every public page."""
    from home.models import PortalSettings, RelatedLinkList

    list_type = ContentType.objects.get_for_model(RelatedLinkList)
    outer_id = OuterRef("object_id")
    in_frame = PortalSettings.objects.annotate(
        sidebar=Cast("sidebar_links_id", CharField()), footer=Cast("footer_links_id", CharField())
    ).filter(Q(sidebar=outer_id) | Q(footer=outer_id))
    return Q(base_content_type=list_type) & Q(Exists(in_frame))


def is_public(document):
    """True when a reader may download ``document`` (one SQL query)."""
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(document),
        to_object_id=str(document.pk),
    )
    shown = (
        Q(base_content_type=page_type, object_id__in=_public_page_ids())
        | Q(Exists(_referrers_shown_by_public_pages(page_type)))
        | _link_lists_of_the_site_frame()
    )
    return references.filter(shown).exists()


def may_download(user, document):
    """Readers get public documents; people signed in to the admin also review drafts' files."""
    return user.has_perm("wagtailadmin.access_admin") or is_public(document)
