"""Vietnamese word lists the generated news and directives are put together from.

The words are those of the province's new rural development news: places, programmes,
actions, results. Texts are written with the old tone placement ("hòa", "thủy") and about
half of the generated items take the new one ("hoà", "thuỷ"), as the real portal's archive
mixes both; search and slugs must treat them alike. The districts are the demo content's
(``articles.demo.DISTRICTS``).
"""

# Old placement (the mark on the first vowel of "oa", "oe", "uy") -> new placement.
TONE_PLACEMENTS = {
    "hòa": "hoà",
    "Hòa": "Hoà",
    "hóa": "hoá",
    "thủy": "thuỷ",
    "Thủy": "Thuỷ",
    "ủy": "uỷ",
    "Ủy": "Uỷ",
    "khỏe": "khoẻ",
    "tòa": "toà",
    "lũy": "luỹ",
    "họa": "hoạ",
    "thỏa": "thoả",
    "xóa": "xoá",
}


def district_name(district):
    """A district as a sentence names it: "huyện Can Lộc", but "thị xã Hồng Lĩnh"."""
    return district if district[:1].islower() else f"huyện {district}"


COMMUNES = [
    "Cẩm Bình",
    "Thạch Ngọc",
    "Sơn Kim",
    "Tùng Lộc",
    "Kỳ Thư",
    "Đức Lạng",
    "Xuân Hội",
    "Phúc Đồng",
    "Thạch Hòa",
    "Cẩm Thủy",
    "Hòa Hải",
    "Thủy Yên",
    "Kỳ Hoa",
    "Gia Hanh",
    "Thuận Lộc",
    "Hương Trà",
    "Sơn Tây",
    "Cương Gián",
    "Thiên Lộc",
    "Đồng Lộc",
]

# Categories under the news index: three levels (topic, district, kind of news).
TOPICS = [
    ("Kinh tế nông thôn", "Sản xuất, hợp tác xã, sản phẩm OCOP và thu nhập của người dân."),
    ("Văn hóa - Xã hội", "Đời sống văn hóa, giáo dục, y tế và an sinh ở nông thôn."),
    ("Môi trường", "Vệ sinh môi trường, nước sạch, xử lý rác thải và cảnh quan."),
    ("Chuyển đổi số", "Ứng dụng công nghệ thông tin trong xây dựng nông thôn mới."),
]
TOPIC_DISTRICTS = 4  # districts under each topic
NEWS_KINDS = [
    ("Tin cơ sở", "Tin từ các xã, thôn."),
    ("Mô hình hay", "Những cách làm hay, mô hình hiệu quả."),
    ("Gương người tốt", "Tập thể, cá nhân tiêu biểu."),
]

SUBJECTS = [
    "nông thôn mới",
    "nông thôn mới nâng cao",
    "nông thôn mới kiểu mẫu",
    "khu dân cư kiểu mẫu",
    "vườn mẫu",
    "sản phẩm OCOP",
    "hợp tác xã kiểu mới",
    "đường giao thông nông thôn",
    "nước sạch nông thôn",
    "chuyển đổi số",
    "văn hóa cơ sở",
    "bảo vệ môi trường",
    "thủy lợi nội đồng",
    "y tế cơ sở",
    "giảm nghèo bền vững",
    "sức khỏe cộng đồng",
    "hòa giải ở cơ sở",
    "an toàn thực phẩm",
    "du lịch cộng đồng",
    "điện chiếu sáng",
]
ACTIONS = [
    "đẩy mạnh",
    "triển khai",
    "ra quân",
    "tổng kết",
    "nâng cao chất lượng",
    "hoàn thành",
    "kiểm tra",
    "hỗ trợ",
    "phát động",
    "về đích",
    "tập huấn",
    "ký kết phối hợp",
]
ACTORS = [
    "Văn phòng Điều phối nông thôn mới tỉnh",
    "Ủy ban nhân dân huyện",
    "Hội Nông dân",
    "Hội Liên hiệp Phụ nữ",
    "Đoàn Thanh niên",
    "Ban Chỉ đạo các chương trình mục tiêu quốc gia",
    "Sở Nông nghiệp và Môi trường",
    "Mặt trận Tổ quốc",
    "Ban Thường vụ Huyện ủy",
    "người dân",
    "các hợp tác xã",
]
RESULTS = [
    "hoàn thành vượt kế hoạch năm",
    "huy động hàng tỷ đồng từ nhân dân",
    "làm mới hàng chục km đường",
    "tạo việc làm cho hàng trăm lao động",
    "nâng thu nhập bình quân đầu người",
    "có thêm nhiều sản phẩm đạt chuẩn",
    "cảnh quan ngày càng xanh, sạch, đẹp",
    "tỷ lệ hộ nghèo giảm rõ rệt",
    "người dân đồng thuận, hưởng ứng",
    "quy hoạch được hoàn thiện, thỏa đáng",
]
CONNECTORS = [
    "Bên cạnh đó",
    "Đặc biệt",
    "Theo đánh giá",
    "Thời gian tới",
    "Trong năm",
    "Từ đầu năm đến nay",
    "Cùng với đó",
    "Để đạt được kết quả này",
]
PLACES = [
    "nhà văn hóa thôn",
    "trường mầm non",
    "trạm y tế xã",
    "kênh mương nội đồng",
    "tuyến đường trục thôn",
    "khu xử lý rác thải",
    "chợ nông thôn",
    "vườn hộ",
]
PRODUCTS = [
    "cam Khe Mây",
    "bưởi Phúc Trạch",
    "kẹo cu đơ",
    "chè xanh Hương Khê",
    "nước mắm Cửa Sót",
    "mật ong Vũ Quang",
    "bánh đa vừng",
    "rượu Trường Lưu",
]
PEOPLE = [
    "Nguyễn Văn Hòa",
    "Trần Thị Thủy",
    "Lê Đình Nam",
    "Phan Thị Lài",
    "Hoàng Văn Minh",
    "Võ Tá Hùng",
    "Nguyễn Thị Lan",
    "Đặng Quốc Khánh",
    "Bùi Thị Hoa",
    "Đinh Văn Thụy",
]
AUTHORS = ["Anh Hoài", "Thu Hà", "Minh Đức", "Thanh Thủy", "Hồng Nhung", "Quốc Hòa"]
SOURCES = [
    ("baohatinh.vn", "https://baohatinh.vn/"),
    ("hatinhtv.vn", "https://hatinhtv.vn/"),
    ("Văn phòng Điều phối NTM tỉnh", ""),
    ("nongthonmoi.gov.vn", "https://nongthonmoi.gov.vn/"),
]
EXTRA_TAGS = [
    "OCOP",
    "xã hội hóa",
    "thủy lợi",
    "hòa giải",
    "Ủy ban Mặt trận",
    "sức khỏe",
    "khuyến nông",
    "chuyển đổi số",
    "môi trường",
    "đường giao thông",
]

# Directives: (type, abbreviation), (issuer, abbreviation), fields, (signer, position).
DOCUMENT_TYPES = [
    ("Quyết định", "QĐ"),
    ("Kế hoạch", "KH"),
    ("Công văn", "CV"),
    ("Thông báo", "TB"),
    ("Hướng dẫn", "HD"),
    ("Nghị quyết", "NQ"),
    ("Chỉ thị", "CT"),
    ("Báo cáo", "BC"),
]
ISSUERS = [
    ("Ủy ban nhân dân tỉnh", "UBND"),
    ("Tỉnh ủy Hà Tĩnh", "TU"),
    ("Hội đồng nhân dân tỉnh", "HĐND"),
    ("Văn phòng Điều phối", "VPĐP"),
    ("Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh", "BCĐ"),
    ("Sở Nông nghiệp và Môi trường", "SNNMT"),
    ("Sở Tài chính", "STC"),
]
FIELDS = [
    "Nông nghiệp và phát triển nông thôn",
    "Khoa học, công nghệ và chuyển đổi số",
    "Văn hóa, xã hội",
    "Tài nguyên và môi trường",
    "Tài chính, đầu tư",
    "Giao thông, thủy lợi",
    "Y tế, sức khỏe",
]
SIGNERS = [
    ("Nguyễn Hồng Lĩnh", "Chủ tịch"),
    ("Trần Báu Hà", "Phó Chủ tịch"),
    ("Lê Ngọc Châu", "Chánh Văn phòng"),
    ("Võ Trọng Hải", "Phó Chánh Văn phòng"),
    ("Nguyễn Văn Thủy", "Giám đốc"),
    ("Phan Thị Hòa", "Phó Giám đốc"),
]
DIRECTIVE_SUBJECTS = [
    "thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "phân bổ vốn sự nghiệp thực hiện chương trình",
    "công nhận xã đạt chuẩn nông thôn mới nâng cao",
    "đánh giá, phân hạng sản phẩm OCOP",
    "kiện toàn Ban Chỉ đạo các chương trình mục tiêu quốc gia",
    "xây dựng khu dân cư kiểu mẫu, vườn mẫu",
    "hỗ trợ phát triển hợp tác xã kiểu mới",
    "bảo vệ môi trường và xử lý chất thải rắn nông thôn",
    "chuyển đổi số trong xây dựng nông thôn mới",
    "tổ chức phong trào thi đua cả nước chung sức xây dựng nông thôn mới",
    "quản lý, sử dụng công trình thủy lợi nhỏ",
    "nâng cao chất lượng y tế cơ sở và chăm sóc sức khỏe nhân dân",
]
