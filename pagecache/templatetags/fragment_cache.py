"""``{% fragment name value ... %}...{% endfragment %}``: a part of a page kept across renders.

For the costly parts that many renders share (a news item's neighbours, a link list). The key
is the fragment's name, the values it varies on and the current generation
(``pagecache.store.generation``), which every purge replaces, so no fragment survives a change.
It needs no purge rule of its own: whatever changes what a fragment shows also changes a page
that shows it, and that purge ends every fragment. Previews render every fragment afresh. Off
with ``FRAGMENT_CACHE_ENABLED=false``.
"""

from django import template
from django.conf import settings

from pagecache import store

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        if not settings.FRAGMENT_CACHE_ENABLED or is_preview(context):
            return self.nodelist.render(context)
        values = [value.resolve(context) for value in self.vary_on]
        generation = store.request_generation(context.get("request"))
        key = store.fragment_key(generation, self.name, values)
        return store.kept(key, lambda: self.nodelist.render(context))


def is_preview(context):
    """An editor's preview shows unsaved content: never served from, nor kept in, the cache."""
    return getattr(context.get("request"), "is_preview", False)


@register.tag
def fragment(parser, token):
    """``{% fragment "name" page.pk request.get_host %}``: the name, then what it varies on."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])
