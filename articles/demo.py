"""Demo news: the categories of the old portal and a few dozen Vietnamese news items."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from articles.models import NewsIndexPage, NewsPage, NewsRelatedDirective
from core.text import vietnamese_slugify
from demo.images import demo_image
from demo.registry import builder
from directives.models import DirectivePage
from directives.numbers import number_key
from home.demo import home_page
from home.models import PortalSettings, RelatedLink, RelatedLinkList

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")
FIRST_DATE = datetime(2026, 11, 27, 8, 30, tzinfo=TIMEZONE)

# (title, parent title or None, shown in the main menu, intro)
CATEGORIES = [
    (
        "Tin tức - Sự kiện",
        None,
        True,
        "Tin hoạt động chỉ đạo, điều hành xây dựng nông thôn mới trong tỉnh.",
    ),
    ("Tin trong tỉnh", "Tin tức - Sự kiện", False, "Tin từ các sở, ban, ngành cấp tỉnh."),
    ("Tin huyện, thị xã", "Tin tức - Sự kiện", False, "Tin từ các huyện, thị xã, thành phố."),
    (
        "Chương trình OCOP",
        None,
        True,
        "Chương trình Mỗi xã một sản phẩm: sản phẩm, chủ thể và kết quả đánh giá, phân hạng.",
    ),
    (
        "Gương điển hình",
        None,
        True,
        "Những tập thể, cá nhân tiêu biểu trong xây dựng nông thôn mới.",
    ),
]

REFERENCE_PARAGRAPHS = [
    "Thời gian qua, các đoàn công tác của BTV Thành uỷ Hà Tĩnh đã tích cực thực hiện chỉ đạo, kiểm tra, giám sát toàn diện về phát triển KT-XH, đảm bảo QP-AN, xây dựng Đảng và hệ thống chính trị. Các đoàn đã ưu tiên lựa chọn những vấn đề cấp bách, tồn đọng, yếu kém của phường xã để tập trung, tham mưu, lãnh đạo giải quyết như: Xây dựng đô thị văn minh, xây dựng NTM; giải quyết tồn đọng về đất đai, bồi thường, giải phóng mặt bằng; tuyên truyền vận động nhân dân sau sự cố môi trường biển…",
    "Trong đó, nổi bật như chỉ đạo phường Bắc Hà ban hành Nghị quyết chuyên đề về xây dựng phường đạt chuẩn văn minh đô thị; chỉ đạo phường Nam Hà triển khai thực hiện tốt Nghị quyết 01 của BCH Đảng bộ thành phố khoá XIX về phát triển thương mại, dịch vụ, Nghị quyết 02 của Đảng bộ thành phố về xây dựng đô thị loại II vào năm 2018; chỉ đạo phường Trần Phú triển khai bài bản, quyết liệt, hoàn thành các tiêu chi đạt chuẩn văn minh đô thị; thường xuyên bám sát cơ sở, chỉ đạo, kiểm tra, giám sát hướng dẫn xã Thạch Trung hoàn thiện Chương trình MTQG xây dựng NTM…",
    "Tại hội nghị tổng kết, Bí thư Thành uỷ Nguyễn Hồng Lĩnh lưu ý, các đoàn công tác vẫn còn bộc lộ một số khuyết điểm như: thiếu chủ động, sáng tạo, quyết liệt trong chỉ đạo các địa phương; chưa nhịp nhàng trong việc phối hợp triển khai nhiệm vụ chính trị tại các địa phương phụ trách…",
    "Bí thư Thành ủy yêu cầu các đoàn công tác thường xuyên theo dõi, đôn đốc, nâng cao tinh thần trách nhiệm; đổi mới phương thức hoạt động, sáng tạo, linh hoạt, chọn nhiệm vụ trọng tâm, cấp bách hoặc những vấn đề khó khăn, tồn đọng để tập trung lãnh đạo, chỉ đạo địa phương.",
    "Đặc biệt, cần sâu sát tình hình, bám nắm cơ sở nhằm giúp thành phố sớm hoàn thành các tiêu chí đô thị loại II vào năm 2018.",
]
REFERENCE_TITLE = "Các đoàn công tác của BTV Thành ủy Hà Tĩnh bám sát cơ sở, tháo gỡ vướng mắc"

DISTRICTS = [
    "Cẩm Xuyên",
    "Thạch Hà",
    "Can Lộc",
    "Đức Thọ",
    "Hương Sơn",
    "Hương Khê",
    "Vũ Quang",
    "Nghi Xuân",
    "Lộc Hà",
    "Kỳ Anh",
    "thị xã Hồng Lĩnh",
    "thị xã Kỳ Anh",
]
PRODUCTS = [
    "cam Khe Mây",
    "bưởi Phúc Trạch",
    "kẹo cu đơ",
    "nhung hươu Hương Sơn",
    "chè xanh Hương Khê",
    "nước mắm Cửa Sót",
    "mật ong Vũ Quang",
    "bánh đa vừng Kỳ Anh",
    "rượu Trường Lưu",
    "tinh dầu tràm Can Lộc",
]
PEOPLE = [
    ("ông Nguyễn Văn Thành", "xã Cẩm Bình", "hiến 500 m² đất làm đường giao thông"),
    ("bà Trần Thị Hoa", "xã Thạch Ngọc", "phát triển mô hình trồng rau sạch cho thu nhập cao"),
    ("ông Lê Đình Nam", "xã Sơn Kim 1", "đưa cây chè về làm giàu trên đất đồi"),
    ("chị Phan Thị Lài", "xã Tùng Lộc", "lập hợp tác xã dệt chiếu, tạo việc làm cho 40 lao động"),
    ("ông Hoàng Văn Minh", "xã Kỳ Thư", "xây dựng vườn mẫu kiểu mẫu đầu tiên của xã"),
    ("Chi hội Nông dân thôn Tân Hòa", "xã Đức Lạng", "giúp hội viên thoát nghèo bền vững"),
    ("ông Võ Tá Hùng", "xã Xuân Hội", "nuôi tôm công nghệ cao trên cát"),
    ("bà Nguyễn Thị Lan", "xã Phúc Đồng", "giữ gìn thương hiệu bưởi Phúc Trạch"),
]
SOURCES = [
    ("Anh Hoài/baohatinh.vn", "https://baohatinh.vn/"),
    ("Thu Hà/hatinhtv.vn", "https://hatinhtv.vn/"),
    ("Văn phòng Điều phối NTM tỉnh", ""),
    ("Minh Đức/nongthonmoi.gov.vn", "https://nongthonmoi.gov.vn/"),
]
COLOURS = [(11, 83, 148), (46, 125, 50), (183, 28, 28), (230, 126, 34), (106, 27, 154)]


def _paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def _news_items():
    """The demo items as (category, title, lead, paragraphs, tags, source); deterministic."""
    items = [
        (
            "Tin huyện, thị xã",
            REFERENCE_TITLE,
            "Các đoàn công tác của Ban Thường vụ Thành ủy đã ưu tiên giải quyết những vấn đề cấp bách, tồn đọng của phường, xã: xây dựng đô thị văn minh, nông thôn mới, đất đai và giải phóng mặt bằng.",
            REFERENCE_PARAGRAPHS,
            ["nông thôn mới", "đô thị văn minh", "thành phố Hà Tĩnh"],
            SOURCES[0],
        )
    ]
    for index, district in enumerate(DISTRICTS):
        items.append(
            (
                "Tin huyện, thị xã",
                f"{district.capitalize() if district[0].islower() else district}: đẩy mạnh xây dựng xã nông thôn mới nâng cao, kiểu mẫu",
                f"Năm 2026, {district} phấn đấu có thêm {index % 3 + 2} xã đạt chuẩn nông thôn mới nâng cao và 1 xã đạt chuẩn kiểu mẫu.",
                [
                    f"Ngay từ đầu năm, Ban Chỉ đạo các chương trình MTQG {district} đã ban hành kế hoạch, phân công thành viên phụ trách từng xã, từng tiêu chí.",
                    "Các địa phương tập trung hoàn thiện hạ tầng giao thông, thủy lợi, trường học và nhà văn hóa; vận động nhân dân chỉnh trang vườn hộ, xây dựng khu dân cư kiểu mẫu.",
                    "Đến nay, nhiều tiêu chí khó như thu nhập, môi trường và an toàn thực phẩm đã có chuyển biến rõ nét.",
                ],
                ["nông thôn mới", "nông thôn mới nâng cao", district.replace("thị xã ", "")],
                SOURCES[index % len(SOURCES)],
            )
        )
    provincial = [
        (
            "Hà Tĩnh tổng kết 15 năm thực hiện Chương trình MTQG xây dựng nông thôn mới",
            ["tổng kết", "nông thôn mới"],
        ),
        (
            "Ban Chỉ đạo tỉnh kiểm tra tiến độ xây dựng nông thôn mới tại các địa phương",
            ["kiểm tra", "nông thôn mới"],
        ),
        (
            "Hướng dẫn thực hiện Bộ tiêu chí xã nông thôn mới giai đoạn 2026 - 2030",
            ["bộ tiêu chí", "hướng dẫn"],
        ),
        (
            "Tập huấn nghiệp vụ cho cán bộ làm công tác nông thôn mới cấp xã",
            ["tập huấn", "chuyển đổi số"],
        ),
        (
            "Hà Tĩnh phân bổ vốn đầu tư phát triển Chương trình MTQG năm 2026",
            ["nguồn vốn", "nông thôn mới"],
        ),
        (
            "Phát động phong trào “Bình dân học vụ số” ở khu vực nông thôn",
            ["chuyển đổi số", "phong trào"],
        ),
        (
            "Sơ kết mô hình khu dân cư nông thôn mới kiểu mẫu, vườn mẫu",
            ["khu dân cư kiểu mẫu", "vườn mẫu"],
        ),
        ("Đẩy mạnh chuyển đổi số trong xây dựng nông thôn mới", ["chuyển đổi số", "nông thôn mới"]),
        (
            "Hội nghị giao ban công tác điều phối nông thôn mới quý IV",
            ["giao ban", "nông thôn mới"],
        ),
        (
            "Nâng cao chất lượng tiêu chí môi trường trong xây dựng nông thôn mới",
            ["môi trường", "nông thôn mới nâng cao"],
        ),
        (
            "Hà Tĩnh triển khai Nghị quyết số 57-NQ/TW về khoa học, công nghệ và chuyển đổi số",
            ["chuyển đổi số", "nghị quyết"],
        ),
        (
            "Kiện toàn Ban biên tập Trang thông tin điện tử Văn phòng Điều phối nông thôn mới",
            ["ban biên tập"],
        ),
    ]
    for index, (title, tags) in enumerate(provincial):
        items.append(
            (
                "Tin trong tỉnh",
                title,
                f"{title}: những nội dung chính và nhiệm vụ trọng tâm trong thời gian tới.",
                [
                    "Theo Văn phòng Điều phối nông thôn mới tỉnh, các sở, ngành đã bám sát kế hoạch, hướng dẫn các địa phương thực hiện đúng quy định.",
                    "Các đại biểu đã thảo luận những khó khăn, vướng mắc và đề xuất giải pháp tháo gỡ trong thời gian tới.",
                ],
                tags,
                SOURCES[(index + 1) % len(SOURCES)],
            )
        )
    for index, product in enumerate(PRODUCTS):
        items.append(
            (
                "Chương trình OCOP",
                f"Sản phẩm {product} đạt chuẩn OCOP {3 + index % 3} sao",
                f"Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh công nhận {product} đạt chuẩn {3 + index % 3} sao, mở rộng thị trường tiêu thụ.",
                [
                    f"Chủ thể sản xuất {product} đã đầu tư dây chuyền, chuẩn hóa bao bì, nhãn mác và truy xuất nguồn gốc.",
                    "Sản phẩm được giới thiệu tại các hội chợ, sàn thương mại điện tử và điểm bán OCOP trong tỉnh.",
                ],
                ["OCOP", "sản phẩm đặc sản"],
                SOURCES[index % len(SOURCES)],
            )
        )
    for index, (person, commune, deed) in enumerate(PEOPLE):
        items.append(
            (
                "Gương điển hình",
                f"{person[0].upper()}{person[1:]} ({commune}) {deed}",
                f"Câu chuyện về {person} ở {commune}, người đã {deed}, là tấm gương trong phong trào xây dựng nông thôn mới.",
                [
                    f"Nói về {person}, người dân {commune} ai cũng quý mến vì tinh thần gương mẫu, đi đầu.",
                    "Việc làm thiết thực ấy đã lan tỏa, góp phần để địa phương hoàn thành các tiêu chí nông thôn mới.",
                ],
                ["gương điển hình", "nông thôn mới"],
                SOURCES[(index + 2) % len(SOURCES)],
            )
        )
    return items


# News items that cite documents of the demo register, by title and document number.
CITATIONS = {
    "Hà Tĩnh triển khai Nghị quyết số 57-NQ/TW về khoa học, công nghệ và chuyển đổi số": [
        "57-NQ/TW",
        "45/KH-VPĐP",
    ],
    "Đẩy mạnh chuyển đổi số trong xây dựng nông thôn mới": ["52/KH-VPĐP"],
    "Phát động phong trào “Bình dân học vụ số” ở khu vực nông thôn": ["61/KH-VPĐP"],
    "Kiện toàn Ban biên tập Trang thông tin điện tử Văn phòng Điều phối nông thôn mới": [
        "40/QĐ-VPĐP"
    ],
}


def _citations(title, directives):
    """The links of a new demo item to the directives it cites (those the register holds)."""
    cited = (directives.get(number_key(number)) for number in CITATIONS.get(title, ()))
    return [NewsRelatedDirective(directive=directive) for directive in cited if directive]


def _category(title, parent, show_in_menus, intro):
    slug = vietnamese_slugify(title)
    existing = NewsIndexPage.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    category = NewsIndexPage(title=title, slug=slug, intro=intro, show_in_menus=show_in_menus)
    parent.add_child(instance=category)
    category.save_revision().publish()
    return category


def _link_list(name, heading, links):
    link_list, created = RelatedLinkList.objects.get_or_create(
        name=name, defaults={"heading": heading}
    )
    if created:
        for title, page, url in links:
            RelatedLink.objects.create(link_list=link_list, title=title, page=page, url=url)
        link_list.save_revision()
    return link_list


@builder(order=20)
def build_news(stdout):
    """Categories, about forty news items with tags, sources and images, and link lists."""
    home = home_page()
    categories = {}
    for title, parent_title, show_in_menus, intro in CATEGORIES:
        parent = categories[parent_title] if parent_title else home
        categories[title] = _category(title, parent, show_in_menus, intro)

    directives = {page.number_key: page for page in DirectivePage.objects.all()}
    created = 0
    for index, (category, title, lead, paragraphs, tags, source) in enumerate(_news_items()):
        parent = categories[category]
        slug = vietnamese_slugify(title)[:80].strip("-")
        if NewsPage.objects.child_of(parent).filter(slug=slug).exists():
            continue
        page = NewsPage(
            title=title,
            slug=slug,
            lead=lead,
            published_at=FIRST_DATE - timedelta(days=index * 2, hours=index % 5),
            featured_image=demo_image(f"Ảnh tin: {title[:80]}", COLOURS[index % len(COLOURS)]),
            featured_image_caption=title,
            body=[_paragraph(text) for text in paragraphs],
            author=source[0].split("/")[0] if "/" in source[0] else "",
            source_name=source[0],
            source_url=source[1],
            featured=index % 7 == 0,
            related_directive_links=_citations(title, directives),
        )
        parent.add_child(instance=page)
        page.tags.add(*tags)
        page.save_revision().publish()
        created += 1
    if created:
        stdout.write(_("  + news items: %(count)d") % {"count": created})

    sidebar = _link_list(
        "Liên kết website",
        "Liên kết website",
        [
            ("Cổng thông tin điện tử tỉnh Hà Tĩnh", None, "https://hatinh.gov.vn/"),
            ("Nông thôn mới Việt Nam", None, "https://nongthonmoi.gov.vn/"),
            ("Báo Hà Tĩnh", None, "https://baohatinh.vn/"),
        ],
    )
    footer = _link_list(
        "Liên kết chân trang",
        "Chuyên mục",
        [("", page, "") for page in categories.values() if page.show_in_menus],
    )
    settings = PortalSettings.objects.filter(site__is_default_site=True).first()
    if settings and not (settings.sidebar_links_id and settings.footer_links_id):
        settings.sidebar_links = sidebar
        settings.footer_links = footer
        settings.save()
