"""Vietnamese news and directives at the real portal's size, written by the bulk page writer.

Everything comes from one ``random.Random`` seeded with the seed and the number of
generated pages already there, so a run on the same database with the same seed writes the
same pages, and a rerun adds new ones after them instead of repeating the first run's.
News categories, reference data, tags, the pictures and the PDFs are found by name before
they are made, so reruns reuse them; the pages themselves are always new.
"""

import datetime
import random
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import connection, reset_queries, transaction
from django.utils import timezone
from wagtail.blocks import StreamValue

from articles.demo import DISTRICTS
from articles.models import (
    NewsIndexPage,
    NewsPage,
    NewsPageCategory,
    NewsPageTag,
    NewsRelatedDirective,
    NewsTag,
)
from core.bulk import BulkPageWriter, ascii_slug
from core.text import vietnamese_slugify
from demo.images import demo_image
from directives.demo import demo_pdf
from directives.models import (
    DirectiveAttachment,
    DirectiveIndexPage,
    DirectivePage,
    DirectiveRelation,
    DocumentType,
    Field,
    IssuingBody,
)
from generator import words
from home.models import HomePage

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")
# Generated dates run up to a fixed day, not to today, so a seed always gives the same pages.
LAST_DAY = datetime.datetime(2026, 11, 1, 17, 0, tzinfo=TIMEZONE)
YEARS_BACK = 12
NEWS_INDEX_TITLE = "Tin tức - Sự kiện"
REGISTER_TITLE = "Văn bản chỉ đạo điều hành"
IMAGE_COUNT = 8
PDF_COUNT = 12
TAG_COUNT = 240
COLOURS = [(11, 83, 148), (46, 125, 50), (183, 28, 28), (230, 126, 34), (106, 27, 154)]


@dataclass
class Pools:
    """What generated pages share: reference rows, tags, pictures and files (their ids)."""

    images: list = field(default_factory=list)
    pdfs: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    types: list = field(default_factory=list)  # (id, name, abbreviation)
    issuers: list = field(default_factory=list)
    fields: list = field(default_factory=list)
    directives: list = field(default_factory=list)  # ids of live directives, to cite and relate


def tone_placement(text, rng_value):
    """The text with the new tone placement for about half of the items."""
    if rng_value < 0.5:
        return text
    for old, new in words.TONE_PLACEMENTS.items():
        text = text.replace(old, new)
    return text


def capitalise(text):
    return text[:1].upper() + text[1:]


def _tune_session():
    """SQLite: a page cache of 64 MB, so that a batch is not spilled to disk before its commit."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -65536")


def _commit_without_waiting():
    """PostgreSQL: this transaction's commit does not wait for its WAL to reach the disk.

    A crash can lose the last batches written (never half of one: the database stays
    consistent), which costs a generator nothing; it saves a disk flush per batch.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


class ContentGenerator:
    """Writes ``news`` news items and ``directives`` directives in batches of ``batch_size``."""

    def __init__(self, seed=1, batch_size=1000, progress=None):
        self.seed = seed
        self.batch_size = batch_size
        self.progress = progress  # progress(total, label) -> a context manager with update(n)
        self.counts = {"categories": 0, "news": 0, "directives": 0, "relations": 0}

    # -- the sections and the shared pools ---------------------------------------------

    def prepare(self):
        self.home = HomePage.objects.order_by("path").first()
        if self.home is None:
            raise LookupError("no home page")
        self.news_index = self._section(NewsIndexPage, NEWS_INDEX_TITLE)
        self.register = self._section(DirectiveIndexPage, REGISTER_TITLE)
        existing = NewsPage.objects.count() + DirectivePage.objects.count()
        self.rng = random.Random(f"{self.seed}:{existing}")
        self.serial = DirectivePage.objects.count() + 1000
        self.pools = self._pools()
        self.categories = self._categories()

    def _section(self, model, title):
        """The first section of that type under the home page, made when there is none."""
        found = model.objects.child_of(self.home).order_by("path").first()
        if found is not None:
            return found
        now = timezone.now()
        writer = BulkPageWriter()
        page = model(title=title, live=True, first_published_at=now, last_published_at=now)
        writer.add(self.home, page)
        with transaction.atomic():
            writer.flush()
        writer.finish()
        return page

    def _pools(self):
        pools = Pools()
        pools.images = [
            demo_image(f"Ảnh minh họa nông thôn mới {n}", COLOURS[n % len(COLOURS)]).pk
            for n in range(1, IMAGE_COUNT + 1)
        ]
        pools.pdfs = [
            demo_pdf(f"{n}/TL-VPĐP", "Tài liệu kèm theo văn bản").pk
            for n in range(1, PDF_COUNT + 1)
        ]
        pools.tags = [self._tag(name).pk for name in self._tag_names()]
        pools.types = [
            (DocumentType.objects.get_or_create(name=name)[0].pk, name, abbreviation)
            for name, abbreviation in words.DOCUMENT_TYPES
        ]
        pools.issuers = [
            (IssuingBody.objects.get_or_create(name=name)[0].pk, abbreviation)
            for name, abbreviation in words.ISSUERS
        ]
        pools.fields = [Field.objects.get_or_create(name=name)[0].pk for name in words.FIELDS]
        pools.directives = list(
            DirectivePage.objects.live().order_by("pk").values_list("pk", flat=True)
        )
        return pools

    @staticmethod
    def _tag_names():
        names = [*words.SUBJECTS, *words.EXTRA_TAGS, *words.PRODUCTS]
        names += [words.district_name(district) for district in DISTRICTS]
        names += [f"xã {commune}" for commune in words.COMMUNES]
        names += [f"{subject} {district}" for subject in words.SUBJECTS for district in DISTRICTS]
        return list(dict.fromkeys(names))[:TAG_COUNT]

    @staticmethod
    def _tag(name):
        tag = NewsTag.objects.filter(name__iexact=name).first()
        return tag or NewsTag.objects.create(name=name)

    def _categories(self):
        """The three levels under the news index (topic, district, kind); leaves hold the news."""
        writer = BulkPageWriter()
        level = [(self.news_index, None)]
        for depth_titles in (self._topic_titles, self._district_titles, self._kind_titles):
            below = []
            for parent, context in level:
                for title, intro in depth_titles(context):
                    below.append((self._category(writer, parent, title, intro), title))
            with transaction.atomic():
                writer.flush()
            level = below
        leaves = [page for page, _title in level]
        writer.finish()
        return leaves

    @staticmethod
    def _topic_titles(_context):
        return words.TOPICS

    @staticmethod
    def _district_titles(topic_title):
        start = [title for title, _intro in words.TOPICS].index(topic_title) * 3
        districts = [DISTRICTS[(start + n) % len(DISTRICTS)] for n in range(words.TOPIC_DISTRICTS)]
        return [
            (capitalise(district), f"Tin {topic_title.lower()} của {district}.")
            for district in districts
        ]

    @staticmethod
    def _kind_titles(_context):
        return words.NEWS_KINDS

    def _category(self, writer, parent, title, intro):
        slug = vietnamese_slugify(title)
        if parent.pk is not None:
            existing = NewsIndexPage.objects.child_of(parent).filter(slug=slug).first()
            if existing is not None:
                return existing
        now = timezone.now()
        page = NewsIndexPage(
            title=title,
            slug=slug,
            intro=intro,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        self.counts["categories"] += 1
        return writer.add(parent, page)

    # -- the pages ----------------------------------------------------------------------

    def run(self, news, directives):
        """Directives first (news cite them), then news; each batch in one transaction."""
        with transaction.atomic():  # one commit for the sections, tags and pictures
            self.prepare()
        _tune_session()
        # A directive relates only to those of earlier batches (their ids are known): a tenth
        # of the directives per batch at most, so that a small run has relations too.
        directive_batch = max(1, min(self.batch_size, directives // 10))
        self._write(directives, directive_batch, self._directive, "văn bản", self._remember)
        self._write(news, self.batch_size, self._news_item, "tin bài")
        return self.counts

    def _write(self, total, batch_size, make, label, after_flush=None):
        writer = BulkPageWriter(index_with_batches=True)
        with self.progress(total, label) as bar:
            for start in range(0, total, batch_size):
                size = min(batch_size, total - start)
                for _n in range(size):
                    parent, page = make()
                    writer.add(parent, page)
                with transaction.atomic():
                    _commit_without_waiting()
                    pages = writer.flush()
                if after_flush is not None:
                    after_flush(pages)
                reset_queries()  # with DEBUG on, Django keeps every statement
                bar.update(size)
        writer.finish()

    def _remember(self, directives):
        self.pools.directives.extend(page.pk for page in directives)

    def _moment(self):
        seconds = self.rng.randrange(YEARS_BACK * 365 * 86400)
        return LAST_DAY - datetime.timedelta(seconds=seconds)

    def _sentence(self, rng, district, commune, subject):
        forms = (
            lambda: (
                f"{rng.choice(words.CONNECTORS)}, {rng.choice(words.ACTORS).lower()} "
                f"{district} đã {rng.choice(words.ACTIONS)} {subject}, {rng.choice(words.RESULTS)}."
            ),
            lambda: (
                f"Tại xã {commune}, {rng.choice(words.ACTORS).lower()} tập trung "
                f"{rng.choice(words.ACTIONS)} xây dựng {rng.choice(words.PLACES)}, "
                f"{rng.choice(words.RESULTS)}."
            ),
            lambda: (
                f"Theo ông {rng.choice(words.PEOPLE)}, việc {rng.choice(words.ACTIONS)} "
                f"{rng.choice(words.SUBJECTS)} giúp {rng.choice(words.RESULTS)}."
            ),
            lambda: (
                f"Sản phẩm {rng.choice(words.PRODUCTS)} của {district} được hỗ trợ "
                f"quảng bá, {rng.choice(words.RESULTS)}."
            ),
        )
        return rng.choice(forms)()

    def _news_item(self):
        rng = self.rng
        parent = rng.choice(self.categories)
        district, commune = rng.choice(DISTRICTS), rng.choice(words.COMMUNES)
        subject = rng.choice(words.SUBJECTS)
        placement = rng.random()
        title = capitalise(
            f"{district}: {rng.choice(words.ACTIONS)} {subject} tại xã {commune} "
            f"năm {rng.randint(2015, 2026)}"
        )
        lead = " ".join(self._sentence(rng, district, commune, subject) for _n in range(2))
        blocks = [
            {
                "type": "paragraph",
                "value": "<p>"
                + tone_placement(
                    " ".join(
                        self._sentence(rng, district, commune, subject)
                        for _n in range(rng.randint(2, 4))
                    ),
                    placement,
                )
                + "</p>",
            }
            for _p in range(rng.randint(3, 6))
        ]
        if rng.random() < 0.1:
            blocks.append(
                {
                    "type": "document",
                    "value": {"document": rng.choice(self.pools.pdfs), "title": ""},
                }
            )
        published = self._moment()
        author = rng.choice(words.AUTHORS)
        source, source_url = rng.choice(words.SOURCES)
        image = rng.choice(self.pools.images) if rng.random() < 0.8 else None
        page = NewsPage(
            title=tone_placement(title, placement),
            lead=tone_placement(lead, placement)[:600],
            body=StreamValue(NewsPage.body.field.stream_block, blocks, is_lazy=True),
            published_at=published,
            author=author,
            source_name=f"{author}/{source}" if source_url else source,
            source_url=source_url,
            featured=rng.random() < 0.05,
            featured_image_id=image,
            featured_image_caption=tone_placement(title, placement)[:500] if image else "",
            live=True,
            first_published_at=published,
            last_published_at=published,
            latest_revision_created_at=published,
        )
        page.tagged_items = [
            NewsPageTag(tag_id=tag) for tag in rng.sample(self.pools.tags, rng.randint(1, 3))
        ]
        page.extra_categories = (
            [NewsPageCategory(category_id=rng.choice(self.categories).pk)]
            if rng.random() < 0.03
            else []
        )
        cited = self.pools.directives
        page.related_directive_links = (
            [NewsRelatedDirective(directive_id=rng.choice(cited))]
            if cited and rng.random() < 0.1
            else []
        )
        self.counts["news"] += 1
        return parent, page

    def _directive(self):
        rng = self.rng
        type_id, type_name, type_abbreviation = rng.choice(self.pools.types)
        issuer_id, issuer_abbreviation = rng.choice(self.pools.issuers)
        number = f"{self.serial}/{type_abbreviation}-{issuer_abbreviation}"
        self.serial += 1
        subject = rng.choice(words.DIRECTIVE_SUBJECTS)
        district = rng.choice(DISTRICTS)
        placement = rng.random()
        summary = tone_placement(
            f"Về việc {subject} trên địa bàn {words.district_name(district)}", placement
        )
        issued = self._moment()
        issued_on = issued.date()
        expires_on = (
            issued_on + datetime.timedelta(days=rng.randint(365, 1825))
            if rng.random() < 0.15
            else None
        )
        signer, position = rng.choice(words.SIGNERS)
        paragraphs = [
            {
                "type": "paragraph",
                "value": f"<p>{self._sentence(rng, district, rng.choice(words.COMMUNES), subject)}</p>",
            }
            for _p in range(rng.randint(1, 3))
        ]
        page = DirectivePage(
            title=f"{type_name} số {number} {summary[0].lower()}{summary[1:]}"[:255],
            slug=ascii_slug(f"{type_name} {number.replace('/', ' ')}"),
            number=number,
            document_type_id=type_id,
            issuing_body_id=issuer_id,
            field_id=rng.choice(self.pools.fields) if rng.random() < 0.9 else None,
            signer_name=signer,
            signer_position=position,
            issued_on=issued_on,
            effective_on=issued_on + datetime.timedelta(days=rng.choice((0, 0, 10, 15))),
            expires_on=expires_on,
            summary=summary,
            body=StreamValue(DirectivePage.body.field.stream_block, paragraphs, is_lazy=True),
            live=True,
            first_published_at=issued,
            last_published_at=issued,
            latest_revision_created_at=issued,
        )
        page.attachments = [DirectiveAttachment(document_id=rng.choice(self.pools.pdfs))]
        relations = self._relations(rng)
        page.outgoing_relations = relations
        self.counts["relations"] += len(relations)
        self.counts["directives"] += 1
        return self.register, page

    def _relations(self, rng):
        """About a third of the documents amend, replace, implement or relate to earlier ones."""
        earlier = self.pools.directives
        if not earlier or rng.random() >= 0.35:
            return []
        targets = {rng.choice(earlier) for _n in range(rng.randint(1, 2))}
        return [
            DirectiveRelation(kind=rng.choice(DirectiveRelation.Kind.values), target_id=target)
            for target in sorted(targets)
        ]
