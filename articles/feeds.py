"""RSS 2.0 feeds of the news: one for the whole site, one per category.

Feed readers take <title> and <description> as HTML (the RSS 2.0 spec: "entity-encoded
HTML"), while titles, leads and intros here are plain text: each is HTML-escaped, so a lead
typed as "<script>" reaches readers as those characters, never as markup.
"""

import mimetypes
from copy import copy

from django.contrib.syndication.views import Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError

from articles.models import published_news, with_card_data
from home.models import PortalSettings

FEED_LENGTH = 30


class NewsFeed(Feed):
    """The latest published news; with ``category`` only that category and its sub-categories."""

    def __call__(self, request, *args, **kwargs):
        # Item methods need the request for absolute addresses; a copy keeps requests apart.
        feed = copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def get_object(self, request, category=None):
        return category

    def title(self, category):
        settings = PortalSettings.for_request(self.request)
        name = settings.portal_name or _("News")
        return escape(f"{category.title} | {name}" if category else name)

    def link(self, category):
        return (
            category.get_full_url(self.request)
            if category
            else self.request.build_absolute_uri("/")
        )

    def description(self, category):
        return escape(
            category.intro if category and category.intro else _("The latest news of the portal.")
        )

    def items(self, category):
        news = category.news() if category else published_news()
        return with_card_data(news)[:FEED_LENGTH]

    def item_title(self, item):
        return escape(item.title)

    def item_description(self, item):
        return escape(item.lead)

    def item_link(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.author or None

    def item_enclosure_url(self, item):
        if file_size(item.featured_image):
            return self.request.build_absolute_uri(item.featured_image.file.url)
        return None

    def item_enclosure_length(self, item):
        return file_size(item.featured_image)

    def item_enclosure_mime_type(self, item):
        return mimetypes.guess_type(item.featured_image.file.name)[0] or "image/jpeg"


def file_size(image):
    """Bytes of ``image``'s file; None without an image or when its file is missing (a media
    folder restored in part): the item is still listed, without its picture."""
    if image is None:
        return None
    try:
        return image.get_file_size()
    except SourceImageIOError:
        return None
