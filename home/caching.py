"""What a change to a page touches: the addresses that show it, for the page cache to purge.

Each page type says which other addresses display it (``BasePage.cache_dependents`` and its
overrides), so a change purges exactly those. The page cache itself lives in ``pagecache/``;
this module only describes the answer, so that home/ and the content apps need not know it.
"""

from dataclasses import dataclass, field


@dataclass
class Dependents:
    """Site-relative paths to purge: ``paths`` with every query string of each, ``subtrees``
    with every address below each, ``everything`` when the site frame shows the page (menu),
    and the related-link lists that name it (the cache resolves where those are shown)."""

    site_id: int | None = None
    root_url: str | None = None
    paths: set = field(default_factory=set)
    subtrees: set = field(default_factory=set)
    link_lists: set = field(default_factory=set)
    everything: bool = False

    def add_page(self, page):
        """Add ``page``'s address and the sub-addresses it serves (a category's feed)."""
        parts = page.get_url_parts()
        if parts is None or parts[2] is None:
            return
        for sub_path in page.get_cached_paths():
            self.paths.add(parts[2] + sub_path.lstrip("/"))

    def merge(self, other):
        self.paths |= other.paths
        self.subtrees |= other.subtrees
        self.link_lists |= other.link_lists
        self.everything = self.everything or other.everything
        self.site_id = self.site_id or other.site_id
        self.root_url = self.root_url or other.root_url
