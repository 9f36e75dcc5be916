"""The legal registry of the generated benchmark corpus, and the fields its procedures belong to.

Input: nothing. Output: `REGISTRY` (DSL text: authorities, instruments, grants, transfers) and
`FIELDS` (what `generate.py` draws procedures from). Instrument numbers and dates come from
`shared/domain/BRIEF.md` and `LEGAL-TEXTS.md`; a fact those files do not confirm is marked
`confidence partial` or `unverified`, as the project marks facts. The corpus is synthetic: it
measures the engine, it is not a statement of the law.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    """A domain (lĩnh vực): its power, the instruments it rests on, its procedures and offices."""

    title: str
    power: str
    law: str  # the instrument that devolves the power to the people's committee
    decree: str  # the 2025 decree that delineates (phân định) the power between the two levels
    procedures: tuple[tuple[str, str], ...]  # (slug, name)
    results: tuple[str, ...]
    reviewers: tuple[str, ...]  # offices of the commune that appraise the dossier
    counterparts: tuple[tuple[str, str], ...]  # (authority, what is asked) for consultation


FIELDS: tuple[Field, ...] = (
    Field(
        "Hộ tịch",
        "ho-tich",
        "luat-ho-tich-2014",
        "nd-120-2025",
        (
            ("dang-ky-khai-sinh", "Đăng ký khai sinh"),
            ("dang-ky-ket-hon", "Đăng ký kết hôn"),
            ("dang-ky-khai-tu", "Đăng ký khai tử"),
            ("xac-nhan-hon-nhan", "Cấp Giấy xác nhận tình trạng hôn nhân"),
            ("trich-luc", "Cấp bản sao trích lục hộ tịch"),
        ),
        ("Giấy khai sinh", "Giấy chứng nhận kết hôn", "Trích lục hộ tịch"),
        ("commune.civil_status_officer", "commune.justice_division"),
        (("commune.police", "cơ quan công an"), ("province.department.justice", "Sở Tư pháp")),
    ),
    Field(
        "Đất đai",
        "dat-dai",
        "luat-dat-dai-2024",
        "nd-151-2025",
        (
            ("dang-ky-bien-dong", "Đăng ký biến động đất đai"),
            ("chuyen-muc-dich", "Chuyển mục đích sử dụng đất"),
            ("cap-gcn-lan-dau", "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu"),
            ("tach-thua", "Tách thửa, hợp thửa đất"),
        ),
        ("Giấy chứng nhận quyền sử dụng đất", "Quyết định cho phép chuyển mục đích"),
        ("commune.economic_division", "commune.land_officer"),
        (
            ("province.tax_office", "cơ quan thuế"),
            ("province.land_registry", "Văn phòng đăng ký đất đai"),
        ),
    ),
    Field(
        "Xây dựng",
        "xay-dung",
        "luat-tccqdp-2025",
        "nd-140-2025",
        (
            ("cap-phep-nha-o", "Cấp giấy phép xây dựng nhà ở riêng lẻ"),
            ("dieu-chinh-giay-phep", "Điều chỉnh giấy phép xây dựng"),
            ("gia-han-giay-phep", "Gia hạn giấy phép xây dựng"),
        ),
        ("Giấy phép xây dựng",),
        ("commune.economic_division",),
        (
            ("province.department.construction", "Sở Xây dựng"),
            ("commune.police", "cơ quan công an"),
        ),
    ),
    Field(
        "Hộ kinh doanh",
        "ho-kinh-doanh",
        "luat-tccqdp-2025",
        "nd-168-2025",
        (
            ("thanh-lap", "Đăng ký thành lập hộ kinh doanh"),
            ("thay-doi", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh"),
            ("tam-ngung", "Tạm ngừng kinh doanh hộ kinh doanh"),
            ("cham-dut", "Chấm dứt hoạt động hộ kinh doanh"),
        ),
        ("Giấy chứng nhận đăng ký hộ kinh doanh", "Giấy xác nhận"),
        ("commune.economic_division",),
        (("province.tax_office", "cơ quan thuế"), ("commune.police", "cơ quan công an")),
    ),
    Field(
        "Bảo trợ xã hội",
        "bao-tro-xa-hoi",
        "luat-tccqdp-2025",
        "nd-147-2025",
        (
            ("tro-cap-hang-thang", "Thực hiện trợ cấp xã hội hằng tháng"),
            ("ho-tro-mai-tang", "Hỗ trợ chi phí mai táng"),
            ("dieu-chinh-tro-cap", "Điều chỉnh, thôi hưởng trợ cấp xã hội"),
        ),
        ("Quyết định trợ cấp xã hội",),
        ("commune.culture_division",),
        (("province.department.health", "Sở Y tế"), ("commune.police", "cơ quan công an")),
    ),
)

# Step titles by kind, for the body of a procedure.
REVIEW_TITLES = (
    "Thẩm định hồ sơ",
    "Kiểm tra tính hợp lệ của giấy tờ",
    "Đối chiếu với cơ sở dữ liệu quốc gia",
    "Lập tờ trình",
    "Rà soát điều kiện theo quy định",
    "Tổng hợp ý kiến và đề xuất",
)
VERIFICATION_TITLES = (
    "Xác minh thông tin người nộp hồ sơ",
    "Kiểm tra thực địa",
    "Xác minh nơi cư trú",
    "Niêm yết công khai tại trụ sở",
)
COMPONENTS = (
    ("to_khai", "Tờ khai theo mẫu", "Mẫu 01"),
    ("ban_sao_can_cuoc", "Bản sao Căn cước", None),
    ("giay_uy_quyen", "Văn bản ủy quyền (nếu nộp thay)", None),
    ("ban_ve", "Bản vẽ, sơ đồ vị trí", "Mẫu 02"),
    ("giay_to_lien_quan", "Giấy tờ chứng minh liên quan", None),
)

_COMMUNE_OFFICES = (
    ("commune.civil_status_officer", "Công chức làm công tác hộ tịch cấp xã", "person"),
    ("commune.land_officer", "Công chức địa chính cấp xã", "person"),
    ("commune.justice_division", "Công chức tư pháp cấp xã", "person"),
    ("commune.economic_division", "Phòng Kinh tế cấp xã", "unit"),
    ("commune.culture_division", "Phòng Văn hóa - Xã hội cấp xã", "unit"),
)

_AUTHORITIES = """\
# The registry of the generated benchmark corpus (benchmarks/generate.py). Synthetic data.

authority national_assembly "Quốc hội" { level central kind collective }
authority government "Chính phủ" { level central kind collective }
authority province.people_committee "Ủy ban nhân dân cấp tỉnh" { level province kind collective staff 60 }
authority province.chairman "Chủ tịch Ủy ban nhân dân cấp tỉnh" { level province kind person of province.people_committee }
authority province.one_stop "Trung tâm Phục vụ hành chính công cấp tỉnh" { level province kind unit one_stop yes staff 40 }
authority province.tax_office "Cơ quan thuế cấp tỉnh" { level province kind unit staff 80 }
authority province.land_registry "Văn phòng đăng ký đất đai cấp tỉnh" { level province kind unit staff 50 }
authority province.department.justice "Sở Tư pháp" { level province kind unit staff 30 }
authority province.department.construction "Sở Xây dựng" { level province kind unit staff 30 }
authority province.department.health "Sở Y tế" { level province kind unit staff 30 }
authority district.people_committee "Ủy ban nhân dân cấp huyện" { level district kind collective until 2025-06-30 }
authority commune.people_committee "Ủy ban nhân dân cấp xã" { level commune kind collective staff 30 starts 2025-07-01 }
authority commune.chairman "Chủ tịch Ủy ban nhân dân cấp xã" { level commune kind person of commune.people_committee }
authority commune.one_stop "Trung tâm Phục vụ hành chính công cấp xã" { level commune kind unit one_stop yes staff 8 of commune.people_committee }
authority commune.police "Công an cấp xã" { level commune kind unit staff 10 }
"""

_INSTRUMENTS = """
instrument luat-ho-tich-2014 law "60/2014/QH13" {
  title "Luật Hộ tịch"  issuer "Quốc hội"  in_force 2016-01-01  confidence partial
}
instrument luat-dat-dai-2024 law "31/2024/QH15" {
  title "Luật Đất đai"  issuer "Quốc hội"  in_force 2024-08-01  confidence partial
}
instrument luat-tccqdp-2025 law "72/2025/QH15" {
  title "Luật Tổ chức chính quyền địa phương"  issuer "Quốc hội"  in_force 2025-07-01  confidence partial
}
instrument nd-118-2025 decree "118/2025/NĐ-CP" {
  title "Thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông"  issuer "Chính phủ"
  signed 2025-06-09  in_force 2025-07-01  confidence verified
}
instrument nd-120-2025 decree "120/2025/NĐ-CP" {
  title "Phân định thẩm quyền, lĩnh vực quản lý nhà nước của Bộ Tư pháp"  issuer "Chính phủ"
  signed 2025-06-11  in_force 2025-07-01  until 2027-03-01  confidence verified
}
instrument nd-140-2025 decree "140/2025/NĐ-CP" {
  title "Phân định thẩm quyền, lĩnh vực quản lý nhà nước của Bộ Xây dựng"  issuer "Chính phủ"
  signed 2025-06-12  in_force 2025-07-01  until 2027-03-01  confidence partial
}
instrument nd-147-2025 decree "147/2025/NĐ-CP" {
  title "Phân định thẩm quyền, lĩnh vực quản lý nhà nước của Bộ Y tế"  issuer "Chính phủ"
  in_force 2025-07-01  until 2027-03-01  confidence unverified
}
instrument nd-151-2025 decree "151/2025/NĐ-CP" {
  title "Phân định thẩm quyền, phân quyền, phân cấp trong lĩnh vực đất đai"  issuer "Chính phủ"
  signed 2025-06-12  in_force 2025-07-01  until 2027-03-01  confidence partial
}
instrument nd-168-2025 decree "168/2025/NĐ-CP" {
  title "Đăng ký doanh nghiệp và hộ kinh doanh"  issuer "Chính phủ"
  signed 2025-06-30  in_force 2025-07-01  confidence verified
}
"""


def _office(ident: str, title: str, kind: str) -> str:
    return f'authority {ident} "{title}" {{ level commune kind {kind} staff 3 of commune.people_committee }}\n'


def _delegations(field: Field) -> str:
    """The power devolved to the commune, passed on to its chairman, and moved from the district."""
    stem = field.power.replace("-", "_")
    return (
        f"grant {stem}_xa {{\n"
        f'  power "{field.power}"  from national_assembly  to commune.people_committee  mode devolution\n'
        f"  basis {field.law}\n}}\n"
        f"grant {stem}_chu_tich {{\n"
        f'  power "{field.power}"  from commune.people_committee  to commune.chairman  mode decentralization\n'
        f'  basis {field.decree} art 4  resources "Công chức chuyên môn cấp xã"\n}}\n'
        f"transfer {stem}_huyen_xa {{\n"
        f'  power "{field.power}"  from district.people_committee  to commune.people_committee\n'
        f"  basis {field.decree} art 4\n}}\n"
    )


REGISTRY = (
    _AUTHORITIES
    + "".join(_office(*office) for office in _COMMUNE_OFFICES)
    + _INSTRUMENTS
    + "".join(_delegations(field) for field in FIELDS)
)
