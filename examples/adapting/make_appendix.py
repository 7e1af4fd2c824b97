"""Write phu_luc_tinh_mau.docx: the appendices of an invented neighbouring province, "Tỉnh Mẫu",
as its officials would type them in Word, for the ten-minute path of docs/adapting.md.

It has what real appendices have: a title block, a two-row header ("Mục tiêu" over one column
per horizon), a group row merged across the table, a parent row without values and its sub-rows,
"-" where a horizon has no target, a percentage in a multi-target cell, agencies written several
ways (one the registry does not know), a note in "Ghi chú", and a Phụ lục II whose deadline the
library cannot read, so that the import has problems to read and fix.

Run it again to rebuild the file:  python examples/adapting/make_appendix.py
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
ISSUED = "(Kèm theo Kế hoạch số 123/KH-UBND ngày 10 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh Mẫu)"

INDICATORS = [
    ["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu", "", "Cơ quan chủ trì", "Ghi chú"],
    ["", "", "", "Năm 2025", "Đến năm 2030", "", ""],
    ["I", "Chỉ tiêu về khoa học, công nghệ và chuyển đổi số", "", "", "", "", ""],
    [
        "1",
        "Chỉ số đổi mới sáng tạo cấp địa phương (PII)",
        "Thứ bậc",
        "nhóm 40",
        "nhóm 20",
        "Sở KH&CN",
        "",
    ],
    ["2", "Quy mô kinh tế số", "% GRDP", "-", "≥ 25", "Sở Tài chính", ""],
    ["3", "Dịch vụ công trực tuyến", "", "", "", "Văn phòng UBND tỉnh", ""],
    [
        "3.1",
        "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp",
        "%",
        "50",
        "≥ 80",
        "",
        "",
    ],
    ["3.2", "Tỷ lệ hồ sơ được số hóa", "%", "", "100% ở cấp tỉnh, 90% ở cấp xã", "", ""],
    [
        "4",
        "Tỷ lệ hộ nghèo đa chiều",
        "%",
        "dưới 3",
        "dưới 1,5",
        "Sở Y tế; Ban Quản lý Khu kinh tế tỉnh",
        "Số liệu năm 2024: 3,8%",
    ],
]
INDICATOR_MERGES = [
    (0, 0, 1, 0),
    (0, 1, 1, 1),
    (0, 2, 1, 2),
    (0, 3, 0, 4),
    (0, 5, 1, 5),
    (0, 6, 1, 6),
    (2, 1, 2, 6),
]
TASKS = [
    ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
    [
        "I",
        "Nâng cao nhận thức về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        "",
        "",
        "",
    ],
    [
        "1",
        "Tuyên truyền về Nghị quyết số 57-NQ/TW.",
        "Sở Khoa học và Công nghệ",
        "Các sở, ban, ngành, địa phương",
        "Thường xuyên",
    ],
    ["2", "Đào tạo kỹ năng số cho cán bộ, công chức.", "Sở Nội vụ", "Sở KH & CN", "Quý IV/2026"],
    ["II", "Phát triển hạ tầng số", "", "", ""],
    ["3", "Xây dựng trung tâm dữ liệu tỉnh.", "Công an tỉnh", "Sở Tài chính", "giữa năm 2026"],
    ["4", "Phủ sóng 5G đến các xã.", "Sở KH&CN", "UBND các xã, phường", "2025 - 2030"],
]
TASK_MERGES = [(1, 1, 1, 4), (4, 1, 4, 4)]


def _table(document: docx.document.Document, rows: list[list[str]], merges: list) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for first_row, first_column, last_row, last_column in merges:
        table.cell(first_row, first_column).merge(table.cell(last_row, last_column))


def main() -> Path:
    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for line in ("PHỤ LỤC I", "CÁC CHỈ TIÊU CỤ THỂ", ISSUED):
        document.add_paragraph(line)
    _table(document, INDICATORS, INDICATOR_MERGES)
    document.add_page_break()
    for line in ("PHỤ LỤC II", "DANH MỤC CÁC NHIỆM VỤ", ISSUED):
        document.add_paragraph(line)
    _table(document, TASKS, TASK_MERGES)
    path = HERE / "phu_luc_tinh_mau.docx"
    document.save(str(path))
    return path


if __name__ == "__main__":
    print(f"wrote {main()}")
