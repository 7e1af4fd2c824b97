"""Appendices of a tenth round of hostile files: sub-rows marked in the name cell (``-``, ``+``)
under an empty row number, ``+`` rows with no ``-`` row above them, units at the end of a name,
agency names followed by their place (``Sở Y tế tỉnh``, ``Công an tỉnh Hòa Mỹ``), group rows
whose words are those of a heading (``B | CHỈ TIÊU CỤ THỂ`` merged across the table), and CSV
files in UTF-16 or in decomposed Unicode."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kh922core import import_tables, load_agencies
from kh922core._exchange.agency_cells import AgencyReader

from .office_builders import write_csv, write_docx, write_xlsx
from .test_other_tools_layouts import HEAD, TITLE  # a plan of Hòa Mỹ, its Phụ lục I header

pytest.importorskip("docx")
pytest.importorskip("openpyxl")


def _write(tmp_path: Path, kind: str, rows: list[list[str]], merges: list[tuple[int, ...]]) -> Path:
    if kind == "docx":
        return write_docx(tmp_path / "pl1.docx", [(TITLE, rows, merges)])  # type: ignore[list-item]
    shifted = [(r + len(TITLE), c, r2 + len(TITLE), c2) for r, c, r2, c2 in merges]
    sheet = [*([t] for t in TITLE), *rows]
    return write_xlsx(tmp_path / "pl1.xlsx", [("PL I", sheet, shifted)])  # type: ignore[list-item]


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
@pytest.mark.parametrize("mark", ["-", "+", "•"])
def test_marked_sub_rows_under_an_empty_number_are_siblings(
    tmp_path: Path, kind: str, mark: str
) -> None:
    rows = [
        HEAD,
        ["1", "Tỷ lệ hồ sơ được số hóa", "%", "60", "100", "Sở Nội vụ"],
        ["", f"{mark} Cấp tỉnh", "%", "80", "100", "Sở Nội vụ"],
        ["", f"{mark} Cấp xã", "%", "50", "100", "Sở Nội vụ"],
        ["2", "Tỷ lệ hộ có cáp quang", "%", "80", "100", "Sở Nội vụ"],
    ]
    plan = import_tables(_write(tmp_path, kind, rows, [])).plan
    rows_of = {t.row: t.indicator for t in plan.targets}
    assert sorted(rows_of) == ["1", "1.1", "1.2", "2"]
    parents = {i.id: i.parent for i in plan.indicators}
    assert parents[rows_of["1.1"]] == parents[rows_of["1.2"]] == rows_of["1"]
    names = {i.id: i.name for i in plan.indicators}
    # the mark is no word of the name; a label names its parent's measure (two parents'
    # "Cấp xã" rows are two indicators)
    assert names[rows_of["1.2"]] == "Tỷ lệ hồ sơ được số hóa (Cấp xã)"


def test_plain_rows_under_an_empty_number_are_siblings_too(tmp_path: Path) -> None:
    rows = [
        HEAD,
        ["1", "Tỷ lệ hồ sơ được số hóa", "%", "60", "100", "Sở Nội vụ"],
        ["", "Cấp tỉnh", "%", "80", "100", "Sở Nội vụ"],
        ["", "Cấp xã", "%", "50", "100", "Sở Nội vụ"],
    ]
    plan = import_tables(_write(tmp_path, "docx", rows, [])).plan
    assert sorted({t.row for t in plan.targets}) == ["1", "1.1", "1.2"]  # not 1.1.1


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_plus_rows_with_no_dash_above_are_sub_rows_of_the_numbered_row(
    tmp_path: Path, kind: str
) -> None:
    rows = [
        HEAD,
        ["1", "Số doanh nghiệp số", "Doanh nghiệp", "50", "200", "Sở Tài chính"],
        ["+", "Doanh nghiệp công nghệ số", "Doanh nghiệp", "20", "100", "Sở Tài chính"],
        ["+", "Doanh nghiệp nền tảng số", "Doanh nghiệp", "5", "20", "Sở Tài chính"],
        ["2", "Tỷ lệ hộ có cáp quang", "%", "80", "100", "Sở Tài chính"],
        ["3", "Tỷ lệ người dân có chữ ký số", "%", "30", "80", "Sở Tài chính"],
    ]
    plan = import_tables(_write(tmp_path, kind, rows, [])).plan
    assert sorted({t.row for t in plan.targets}) == ["1", "1.1", "1.2", "2", "3"]


def test_a_unit_at_the_end_of_a_name_is_the_rows_unit_where_it_has_none(tmp_path: Path) -> None:
    rows = [
        ["STT", "Chỉ tiêu", "Năm 2025", "Năm 2030", "Cơ quan chủ trì"],
        ["1", "Tỷ lệ xã có hạ tầng cáp quang (%)", "95", "100", "Sở Tài chính"],
        ["2", "Doanh thu công nghiệp công nghệ số (tỷ đồng)", "1.200", "5.000", "Sở Tài chính"],
        ["3", "Đóng góp của TFP vào tăng trưởng (TFP)", "45", "55", "Sở Tài chính"],
    ]
    result = import_tables(_write(tmp_path, "docx", rows, []))
    units = {i.name: i.unit and i.unit.text for i in result.plan.indicators}
    assert units == {
        "Tỷ lệ xã có hạ tầng cáp quang": "%",
        "Doanh thu công nghiệp công nghệ số": "tỷ đồng",
        "Đóng góp của TFP vào tăng trưởng (TFP)": None,  # no unit: the name as printed
    }
    noted = [
        item for item, notes in result.notes.items() if any("end of its name" in n for n in notes)
    ]
    assert len(noted) == 2


@pytest.mark.parametrize(
    ("cell", "ids"),
    [
        ("Sở Khoa học và Công nghệ tỉnh", ("so-khcn",)),
        ("Cục Thống kê tỉnh", ("cuc-thong-ke",)),
        ("Công an tỉnh Hòa Mỹ", ("cong-an-tinh",)),
        ("Sở Tài chính tỉnh Hòa Mỹ, Sở Nội vụ tỉnh", ("so-tai-chinh", "so-noi-vu")),
        ("Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)", ("so-khcn",)),
    ],
)
def test_an_agency_followed_by_its_place_is_the_agency(cell: str, ids: tuple[str, ...]) -> None:
    reader = AgencyReader(list(load_agencies(None)), source="test", province="Hòa Mỹ")
    assert reader.read(cell)[0] == ids
    assert reader.drafts == []


def test_an_agency_of_another_province_is_drafted_whole() -> None:
    reader = AgencyReader(list(load_agencies(None)), source="test", province="Hòa Mỹ")
    ids, _ = reader.read("Sở Y tế tỉnh Vĩnh Long, Sở Tài chính")
    assert ids == ("so-y-te-tinh-vinh-long", "so-tai-chinh")  # not Hòa Mỹ's Sở Y tế
    assert reader.drafts == ["so-y-te-tinh-vinh-long"]


def test_a_province_body_after_a_comma_is_one_body() -> None:
    reader = AgencyReader(list(load_agencies(None)), source="test", province="Hòa Mỹ")
    ids, _ = reader.read("Liên đoàn Lao động tỉnh, Tỉnh đoàn")
    assert ids == ("lien-doan-lao-dong-tinh", "tinh-doan")
    assert "tinh" not in reader.drafts


@pytest.mark.parametrize(
    "group", ["CHỈ TIÊU CỤ THỂ", "Các chỉ tiêu cụ thể", "CÁC CHỈ TIÊU CHỦ YẾU"]
)
def test_a_group_row_in_the_words_of_a_heading_is_a_group_row(tmp_path: Path, group: str) -> None:
    rows = [
        HEAD,
        ["A", "Chỉ tiêu tổng quát", "", "", "", ""],
        ["1", "Đóng góp của TFP vào tăng trưởng", "%", "45", "55", "Sở Tài chính"],
        ["B", group, "", "", "", ""],
        ["1", "Số sáng chế được cấp văn bằng bảo hộ", "Sáng chế", "5", "20", "Sở Tài chính"],
    ]
    result = import_tables(_write(tmp_path, "docx", rows, [(1, 1, 1, 5), (3, 1, 3, 5)]))
    assert [t.id for t in result.plan.targets] == ["2025-A.1", "2030-A.1", "2025-B.1", "2030-B.1"]
    assert result.problems == ()


def _csv_rows() -> list[list[str]]:
    return [
        ["PHỤ LỤC I"],
        [TITLE[1]],
        HEAD,
        ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "80", "95", "Công an tỉnh"],
    ]


def test_a_csv_file_in_utf16_with_its_byte_order_mark_is_read(tmp_path: Path) -> None:
    text = "\r\n".join("\t".join(row) for row in _csv_rows())
    path = tmp_path / "pl1.csv"
    path.write_bytes(text.encode("utf-16"))  # what Excel's "Unicode Text" writes
    result = import_tables(path)
    assert [(t.id, t.text) for t in result.plan.targets] == [("2025-1", "80"), ("2030-1", "95")]


def test_a_csv_file_in_decomposed_unicode_reads_its_title_too(tmp_path: Path) -> None:
    rows = [[unicodedata.normalize("NFD", cell) for cell in row] for row in _csv_rows()]
    result = import_tables(write_csv(tmp_path / "pl1.csv", rows))
    assert result.plan.province.name == "Hòa Mỹ"
    assert result.plan.date.isoformat() == "2025-03-05"
    names = [i.name for i in result.plan.indicators]
    assert names == ["Tỷ lệ hồ sơ trực tuyến"]
    assert unicodedata.is_normalized("NFC", names[0])


def test_an_observation_file_in_utf16_is_read(tmp_path: Path) -> None:
    from kh922core import read_observations

    path = tmp_path / "obs.csv"
    path.write_bytes("indicator\tyear\tvalue\r\nhdi\t2024\t0,75\r\n".encode("utf-16"))
    frame = read_observations(path)
    assert frame["indicator"].to_list() == ["hdi"]
    assert frame["value"].to_list() == [0.75]


def test_a_signature_block_opened_by_a_dash_line_is_listed_never_read(tmp_path: Path) -> None:
    rows = [
        HEAD,
        ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "80", "95", "Sở Nội vụ"],
        ["", "- Như trên;", "", "", "TM. ỦY BAN NHÂN DÂN", ""],
        ["", "- Lưu: VT.", "", "", "KT. CHỦ TỊCH", ""],
    ]
    result = import_tables(_write(tmp_path, "docx", rows, []))
    assert [t.id for t in result.plan.targets] == ["2025-1", "2030-1"]
    assert [p.text for p in result.problems] == [
        "- Như trên; | TM. ỦY BAN NHÂN DÂN",
        "- Lưu: VT. | KT. CHỦ TỊCH",
    ]


def test_a_note_under_the_table_merged_across_is_listed(tmp_path: Path) -> None:
    rows = [
        HEAD,
        ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "80", "95", "Sở Nội vụ"],
        ["", "* Chỉ tiêu 1 tính theo số liệu của Cục Thống kê", "", "", "", ""],
    ]
    result = import_tables(_write(tmp_path, "docx", rows, [(2, 1, 2, 5)]))
    assert [i.name for i in result.plan.indicators] == ["Tỷ lệ hồ sơ trực tuyến"]
    assert len(result.problems) == 1


def test_a_dash_task_under_a_group_stays_a_task_of_that_group(tmp_path: Path) -> None:
    head = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    rows = [
        head,
        ["I", "CHUYỂN ĐỔI SỐ", "", "", ""],
        ["1", "Ban hành cơ chế thử nghiệm", "Sở Tư pháp", "", "Năm 2025"],
        ["II", "PHÁT TRIỂN HẠ TẦNG", "", "", ""],
        ["", "- Xây dựng kế hoạch phát triển hạ tầng số", "Sở Tài chính", "", "Năm 2026"],
    ]
    title = ["PHỤ LỤC II", TITLE[1]]
    path = write_docx(tmp_path / "pl2.docx", [(title, rows, [])])
    tasks = import_tables(path).plan.tasks
    assert [t.name for t in tasks] == [
        "Ban hành cơ chế thử nghiệm",
        "- Xây dựng kế hoạch phát triển hạ tầng số",
    ]
    assert tasks[0].group != tasks[1].group


@pytest.mark.parametrize(
    "name",
    [
        "Số bác sĩ trên vạn dân (1)",
        "Số xã đạt chuẩn nông thôn mới kiểu mẫu (2025)",
        "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử (DN)",
        "Số cơ sở y tế (xã, phường)",
    ],
)
def test_a_bracket_that_is_no_unit_of_the_row_stays_in_the_name(name: str) -> None:
    from kh922core._exchange.row_units import unit_in_name

    assert unit_in_name(name) is None


@pytest.mark.parametrize(
    ("cell", "ids"),
    [
        (
            "Đài Phát thanh và Truyền hình thành phố Hòa Mỹ",
            ("dai-phat-thanh-va-truyen-hinh-thanh-pho-hoa-my",),
        ),
        ("Sở Y tế tỉnh và Công an tỉnh", ("so-y-te", "cong-an-tinh")),
    ],
)
def test_a_body_of_a_city_is_its_own_and_và_parts_two_bodies(
    cell: str, ids: tuple[str, ...]
) -> None:
    reader = AgencyReader(list(load_agencies(None)), source="test", province="Hòa Mỹ")
    assert reader.read(cell)[0] == ids


def test_a_cell_whose_year_no_part_carries_is_listed_whole(tmp_path: Path) -> None:
    rows = [
        HEAD,
        [
            "1",
            "Tỷ lệ hồ sơ trực tuyến",
            "%",
            "",
            "Đến năm 2028: cấp tỉnh 100%, cấp xã 80%",
            "Sở Nội vụ",
        ],
    ]
    result = import_tables(_write(tmp_path, "docx", rows, []))
    assert result.plan.targets == ()  # "cấp xã 80%" used to become a target of 2030
    assert len([p for p in result.problems if "2028" in p.reason]) == 2


def test_a_cell_with_a_part_that_does_not_read_is_listed_whole(tmp_path: Path) -> None:
    rows = [
        HEAD,
        [
            "1",
            "Số hợp tác xã",
            "hợp tác xã",
            "",
            "ít nhất 10 hợp tác xã; 30 tổ hợp tác",
            "Sở Nội vụ",
        ],
    ]
    result = import_tables(_write(tmp_path, "docx", rows, []))
    assert result.plan.targets == ()
    assert result.problems
