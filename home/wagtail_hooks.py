"""Admin registration of the site-wide related-link lists under their own menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CopyView, SnippetViewSet

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
