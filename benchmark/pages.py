"""Reader pages to measure: live, readable, under the default site (as `manage.py benchmark`
chooses them: the most recently published page of a type)."""

from wagtail.models import Site

from core.queries import reader_pages


def site_pages():
    """The live pages readers may see under the default site."""
    site = Site.objects.get(is_default_site=True)
    return reader_pages().readable().descendant_of(site.root_page)


def newest_url(pages, content_type_id):
    """The address of the most recently published of ``pages`` of one page type."""
    newest = pages.filter(content_type_id=content_type_id).order_by("-last_published_at").first()
    return newest.get_url() if newest else None
