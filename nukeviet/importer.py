"""The whole import: each NukeViet module found in the modules table, then accounts.

Runs are idempotent: every imported object has its ``LegacyRecord`` with NukeViet's
``edittime``; an object whose record has the same time is left alone, a newer time updates
it, a missing record creates it. Search and reference indexes are filled in bulk at the end
for every imported page not yet indexed, so an interrupted run leaves nothing unindexed once
a later run completes.
"""

import contextlib
import sys

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm
from wagtail.models import Page, Site

from core.bulk import index_pages, pages_committed
from nukeviet.files import Files
from nukeviet.models import LegacyRecord
from nukeviet.report import Report


class Importer:
    def __init__(
        self,
        source,
        uploads=None,
        into=None,
        activate_users=False,
        dry_run=False,
        batch_size=500,
        site_hosts=(),
        progress=True,
    ):
        self.source = source
        self.report = Report()
        self.activate_users = activate_users
        self.dry_run = dry_run
        self.batch_size = batch_size
        self.site_hosts = set(site_hosts)
        self.show_progress = progress
        self.files = Files(self, uploads)
        self.into = self._section(into)
        self._to_index = set()

    def _section(self, into):
        """The page news categories go under: ``--into`` (id or URL path) or the home page."""
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if into in (None, ""):
            if site is None:
                raise CommandError(_("The portal has no default site; create it first."))
            return site.root_page.specific
        page = None
        if str(into).isdigit():
            page = Page.objects.filter(pk=int(into)).first()
        elif site is not None:
            path = f"{site.root_page.url_path}{str(into).strip('/')}/"
            page = Page.objects.filter(url_path=path).first()
        if page is None:
            raise CommandError(_("No page %(into)s for --into.") % {"into": into})
        return page.specific

    @contextlib.contextmanager
    def progress(self, total, label):
        bar = tqdm(
            total=total,
            desc=label,
            unit=" mục",
            disable=not self.show_progress,
            file=sys.stderr,
            dynamic_ncols=True,
            smoothing=0.1,
        )
        try:
            yield bar
        finally:
            bar.close()

    def index_later(self, page_ids):
        self._to_index.update(page_ids)

    def source_upload_alts(self):
        dirs = {
            row["did"]: row["dirname"]
            for row in self.source.select(
                self.source.table("upload_dir", system=True), {"did": 0, "dirname": ""}
            )
        }
        return {
            f"{dirs[row['did']]}/{row['title']}": row["alt"]
            for row in self.source.select(
                self.source.table("upload_file", system=True), {"did": 0, "title": "", "alt": ""}
            )
            if row["did"] in dirs and row["alt"]
        }

    def run(self):
        from nukeviet.laws import LawsModule
        from nukeviet.news import NewsModule
        from nukeviet.static_pages import StaticPages
        from nukeviet.users import import_users

        news_modules = self.source.modules("news")
        for module in news_modules:
            section = self.into
            if len(news_modules) > 1:
                section = self.module_section(module)
            NewsModule(self, module, section).run()
        for module in self.source.modules("laws"):
            LawsModule(self, module).run()
        StaticPages(self).run()
        import_users(self)
        self.finish()
        return self.report

    def module_section(self, module):
        from articles.models import NewsIndexPage
        from nukeviet.static_pages import module_page

        return module_page(self, module, NewsIndexPage, self.into)

    def finish(self):
        """Index the pages this run created and any an interrupted run left unindexed, then
        say what the run wrote: cached pages and listing counts made before it are stale."""
        if self.dry_run:
            return
        from wagtail.search.models import IndexEntry

        imported = set(
            LegacyRecord.objects.filter(page__isnull=False).values_list("page_id", flat=True)
        )
        page_types = ContentType.objects.filter(
            pk__in=Page.objects.filter(pk__in=imported).values("content_type")
        )
        indexed = {
            int(object_id)
            for object_id in IndexEntry.objects.filter(content_type__in=page_types).values_list(
                "object_id", flat=True
            )
        }
        pending = sorted((imported - indexed) | (self._to_index - indexed))
        if pending:
            with self.progress(len(pending), _("search index")) as bar:
                for start in range(0, len(pending), 2000):
                    chunk = pending[start : start + 2000]
                    index_pages(chunk)
                    bar.update(len(chunk))
        written = sum(c["created"] + c["updated"] for c in self.report.counts.values())
        pages_committed(written)
