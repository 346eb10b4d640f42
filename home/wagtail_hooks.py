"""Admin registration of the site-wide related-link lists; the rule of every document download."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CopyView, SnippetViewSet

from home.documents import may_download
from home.models import RelatedLinkList


class LinkListCopyView(CopyView):
    """Starts a new list from an unsaved copy of the chosen one, its links included.

    Wagtail's copy view fills the form with the original list itself, so saving the "copy"
    renamed and overwrote the original.
    """

    def get_initial_form_instance(self):
        copy, _links = self.get_object().copy_cluster(
            exclude_fields=["latest_revision", "_revisions"]
        )
        return copy


class RelatedLinkListViewSet(SnippetViewSet):
    """Searchable listing with revisions; Wagtail adds the usage report for snippets."""

    model = RelatedLinkList
    icon = "link"
    menu_label = _("Link lists")
    menu_name = "related-link-lists"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "heading"]
    # Plain database search: a handful of lists needs no search index to stay in step.
    search_backend_name = None
    search_fields = ["name", "heading"]
    copy_view_class = LinkListCopyView


register_snippet(RelatedLinkListViewSet)


@hooks.register("before_serve_document")
def serve_only_what_readers_may_see(document, request):
    """Every download goes through home.documents; a private file is a 404 to readers."""
    if not may_download(request.user, document):
        raise Http404
