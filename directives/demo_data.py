"""Documents of the demo register: (number, type, issuer, field, issue date, summary).

The first ones are named on the office's current portal; the rest follow the forms that
provincial offices publish (decisions, plans, notices of the new rural development programme).
"""

BOARD_DECISIONS = [
    (
        "57-NQ/TW",
        "Nghị quyết",
        "Bộ Chính trị",
        "Khoa học, công nghệ và chuyển đổi số",
        "2024-12-22",
        "Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    ),
    (
        "45/KH-VPĐP",
        "Kế hoạch",
        "Văn phòng Điều phối",
        "Khoa học, công nghệ và chuyển đổi số",
        "2025-03-10",
        "Tuyên truyền Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát "
        "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn "
        "tỉnh Hà Tĩnh",
    ),
    (
        "52/KH-VPĐP",
        "Kế hoạch",
        "Văn phòng Điều phối",
        "Khoa học, công nghệ và chuyển đổi số",
        "2025-04-02",
        "Triển khai Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” "
        "trên địa bàn tỉnh Hà Tĩnh",
    ),
    (
        "61/KH-VPĐP",
        "Kế hoạch",
        "Văn phòng Điều phối",
        "Khoa học, công nghệ và chuyển đổi số",
        "2025-04-20",
        "Về khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số triển khai Phong trào "
        '"Bình dân học vụ số"',
    ),
    (
        "12/QĐ-VPĐP",
        "Quyết định",
        "Văn phòng Điều phối",
        "Thông tin, truyền thông",
        "2023-02-15",
        "Kiện toàn Ban biên tập Trang thông tin điện tử Văn phòng Điều phối thực hiện Chương "
        "trình MTQG xây dựng NTM tỉnh Hà Tĩnh",
    ),
    (
        "38/QĐ-VPĐP",
        "Quyết định",
        "Văn phòng Điều phối",
        "Thông tin, truyền thông",
        "2025-06-05",
        "Về việc phân công nhiệm vụ các thành viên Ban biên tập, Tổ quản trị Trang thông tin "
        "điện tử Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh",
    ),
    (
        "40/QĐ-VPĐP",
        "Quyết định",
        "Văn phòng Điều phối",
        "Thông tin, truyền thông",
        "2025-06-20",
        "Kiện toàn Ban biên tập Trang thông tin điện tử Văn phòng Điều phối nông thôn mới "
        "tỉnh Hà Tĩnh (thay thế Quyết định số 12/QĐ-VPĐP)",
    ),
]

TOPICS = [
    ("Nông nghiệp", "phát triển sản xuất nông nghiệp hàng hóa gắn với chuỗi giá trị"),
    ("Xây dựng nông thôn mới", "xây dựng xã đạt chuẩn nông thôn mới nâng cao"),
    ("Xây dựng nông thôn mới", "xây dựng khu dân cư nông thôn mới kiểu mẫu, vườn mẫu"),
    ("Môi trường", "bảo vệ môi trường nông thôn và phân loại rác thải tại nguồn"),
    ("Kinh tế nông thôn", "Chương trình Mỗi xã một sản phẩm (OCOP)"),
    ("Xây dựng nông thôn mới", "huy động nguồn lực thực hiện Chương trình MTQG xây dựng NTM"),
    ("Văn hóa, xã hội", "xây dựng đời sống văn hóa ở khu dân cư"),
    ("Nông nghiệp", "chuyển đổi cơ cấu cây trồng trên đất lúa kém hiệu quả"),
]

KINDS = [
    ("Quyết định", "QĐ-UBND", "UBND tỉnh", "Ban hành Quy định về"),
    ("Kế hoạch", "KH-UBND", "UBND tỉnh", "Kế hoạch thực hiện"),
    ("Chỉ thị", "CT-UBND", "UBND tỉnh", "Về tăng cường"),
    ("Nghị quyết", "NQ-HĐND", "HĐND tỉnh", "Về chính sách hỗ trợ"),
    ("Công văn", "CV-BCĐ", "Ban Chỉ đạo các Chương trình MTQG tỉnh", "Về việc đôn đốc"),
    ("Thông báo", "TB-VPĐP", "Văn phòng Điều phối", "Kết luận của Ban Chỉ đạo về"),
    ("Hướng dẫn", "HD-VPĐP", "Văn phòng Điều phối", "Hướng dẫn thực hiện"),
    ("Báo cáo", "BC-VPĐP", "Văn phòng Điều phối", "Kết quả"),
]


def generated_documents():
    """Provincial documents over three years, each kind paired with each topic in turn."""
    for serial in range(26):
        document_type, symbol, issuer, lead = KINDS[serial % len(KINDS)]
        field, topic = TOPICS[serial % len(TOPICS)]
        year = 2023 + serial % 3
        month = 1 + (serial * 5) % 12
        number = f"{100 + serial * 37}/{symbol}"
        yield (
            number,
            document_type,
            issuer,
            field,
            f"{year}-{month:02d}-{10 + serial % 15}",
            f"{lead} {topic} trên địa bàn tỉnh Hà Tĩnh năm {year}",
        )


def all_documents():
    return [*BOARD_DECISIONS, *generated_documents()]


# (source number, kind, target number): amend and replace relations of the demo.
RELATIONS = [
    ("40/QĐ-VPĐP", "replaces", "12/QĐ-VPĐP"),
    ("45/KH-VPĐP", "implements", "57-NQ/TW"),
    ("52/KH-VPĐP", "implements", "57-NQ/TW"),
    ("692/QĐ-UBND", "amends", "100/QĐ-UBND"),
    ("803/NQ-HĐND", "replaces", "211/NQ-HĐND"),
    ("988/QĐ-UBND", "replaces", "396/QĐ-UBND"),
]
