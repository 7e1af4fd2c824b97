"""Appendices in more layouts and as more programs save them (a third round of hostile files):
agency cells written as lists or with role words, headings of other provinces, what lies under
a table, struck-through text, a table with no row numbers, Excel's float digits, files Excel
calls macro-enabled or Strict, a Word table re-drawn wider on its next page, garbled CSV text."""

from __future__ import annotations

from pathlib import Path

import pytest

import kh922core
from kh922core import TableImportError, import_tables, load_agencies
from kh922core._exchange.agency_cells import AgencyReader
from kh922core._exchange.agency_roles import marked_roles

from .office_builders import rewrite_parts, write_csv, write_docx, write_xlsx

pytest.importorskip("docx")
pytest.importorskip("openpyxl")

TITLE = [
    "PHỤ LỤC I",
    "(Kèm theo Kế hoạch số 12/KH-UBND ngày 5 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh Hòa Mỹ)",
]
HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2030", "Cơ quan chủ trì"]
ROWS = [
    ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "80", "95", "Công an tỉnh"],
    ["2", "Số doanh nghiệp công nghệ số", "Doanh nghiệp", "120", "300", "Sở Tài chính"],
]
TASK_HEAD = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]


def _reader() -> AgencyReader:
    return AgencyReader(list(load_agencies(None)), source="test")


def _targets(plan: kh922core.Plan) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(t.id, t.text, t.lead_agencies) for t in plan.targets]


EXPECTED = [
    ("2025-1", "80", ("cong-an-tinh",)),
    ("2030-1", "95", ("cong-an-tinh",)),
    ("2025-2", "120", ("so-tai-chinh",)),
    ("2030-2", "300", ("so-tai-chinh",)),
]


@pytest.mark.parametrize(
    ("cell", "ids"),
    [
        ("- Sở Tài chính\n- Sở Nội vụ", ("so-tai-chinh", "so-noi-vu")),
        (
            "• Sở Tài chính;\n• Sở Nội vụ;\n• Công an tỉnh.",
            ("so-tai-chinh", "so-noi-vu", "cong-an-tinh"),
        ),
        ("1. Sở Tài chính\n2. Sở Nội vụ", ("so-tai-chinh", "so-noi-vu")),
        ("+ Sở Tài chính\n+ Công an tỉnh", ("so-tai-chinh", "cong-an-tinh")),
        ("- Các sở, ban, ngành;\n- UBND cấp xã", ("cac-so-ban-nganh", "ubnd-cap-xa")),
        ("Các Sở: Tài chính, Nội vụ, Tư pháp", ("so-tai-chinh", "so-noi-vu", "so-tu-phap")),
        ("các Sở Tài chính, Nội vụ và Tư pháp", ("so-tai-chinh", "so-noi-vu", "so-tu-phap")),
        ("các Sở Kế hoạch và Đầu tư, Tài chính", ("so-khdt", "so-tai-chinh")),
        ("Sở Tài chính/Sở Nội vụ", ("so-tai-chinh", "so-noi-vu")),
        ("Sở Khoa học & Công nghệ", ("so-khcn",)),
        ("Các sở ban ngành tỉnh", ("cac-so-ban-nganh",)),
        ("Các Sở Ban, Ngành tỉnh", ("cac-so-ban-nganh",)),
    ],
)
def test_an_agency_cell_written_as_a_list_or_with_a_shared_head_reads_its_agencies(
    cell: str, ids: tuple[str, ...]
) -> None:
    reader = _reader()
    assert reader.read(cell)[0] == ids
    assert reader.drafts == []  # every body is one the registry knows: no draft, no duplicate


def test_a_list_mark_never_becomes_part_of_a_drafted_name() -> None:
    reader = _reader()
    ids, kept = reader.read("- Sở Văn hóa số\n- Sở Nội vụ")
    assert ids == ("so-van-hoa-so", "so-noi-vu")
    assert [a.name for a in reader.agencies if a.id in reader.drafts] == ["Sở Văn hóa số"]
    assert kept == "Sở Văn hóa số, Sở Nội vụ"


@pytest.mark.parametrize(
    ("cell", "parts"),
    [
        (
            "Sở Nội vụ (chủ trì); Sở Tài chính (phối hợp)",
            [("Sở Nội vụ", "lead"), ("Sở Tài chính", "cooperating")],
        ),
        (
            "Sở Nội vụ chủ trì, các sở, ngành phối hợp",
            [("Sở Nội vụ", "lead"), ("các sở, ngành", "cooperating")],
        ),
        (
            "Chủ trì: Sở Nội vụ; Phối hợp: Sở Tài chính, Công an tỉnh",
            [("Sở Nội vụ", "lead"), ("Sở Tài chính, Công an tỉnh", "cooperating")],
        ),
        (
            "Sở Văn hóa, Thể thao và Du lịch (cơ quan chủ trì)",
            [("Sở Văn hóa, Thể thao và Du lịch", "lead")],
        ),
        ("Sở Nội vụ (chủ trì), Sở Tài chính", [("Sở Nội vụ", "lead"), ("Sở Tài chính", None)]),
        ("Thường trực HĐND tỉnh, Sở Nội vụ", [("Thường trực HĐND tỉnh, Sở Nội vụ", None)]),
    ],
)
def test_role_words_in_an_agency_cell_cut_it_into_its_roles(
    cell: str, parts: list[tuple[str, str | None]]
) -> None:
    assert [(part.text, part.role) for part in marked_roles(cell)] == parts


def _tasks(plan: kh922core.Plan) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(t.lead_agencies, t.cooperating_agencies) for t in plan.tasks]


def test_a_column_of_both_roles_reads_its_role_words_and_says_when_it_takes_the_first(
    tmp_path: Path,
) -> None:
    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì, phối hợp", "Thời gian hoàn thành"],
        ["1", "Xây dựng đề án", "Sở Tài chính chủ trì; Sở Nội vụ, Công an tỉnh phối hợp", "2025"],
        ["2", "Tuyên truyền", "Sở Nội vụ (chủ trì), Sở Tài chính", "Hằng năm"],
        ["3", "Đầu tư hạ tầng", "Sở Tài chính, Sở Nội vụ", "2026"],
    ]
    path = write_xlsx(tmp_path / "pl2.xlsx", [("PL II", [["PHỤ LỤC II"], *rows], [])])
    result = import_tables(path)
    assert _tasks(result.plan) == [
        (("so-tai-chinh",), ("so-noi-vu", "cong-an-tinh")),
        (("so-noi-vu",), ("so-tai-chinh",)),
        (("so-tai-chinh",), ("so-noi-vu",)),
    ]
    assert result.problems == ()
    said = [text for (section, _), notes in result.notes.items() for text in notes]
    assert sum("the first named is read as the lead" in text for text in said) == 1


def test_role_words_in_a_lead_column_are_no_agency(tmp_path: Path) -> None:
    rows = [
        TASK_HEAD,
        ["1", "Xây dựng đề án", "Sở Nội vụ (chủ trì)", "- Sở Tài chính\n- Công an tỉnh", "2025"],
    ]
    path = write_docx(tmp_path / "pl2.docx", [(["PHỤ LỤC II"], rows, [])])
    result = import_tables(path)
    assert _tasks(result.plan) == [(("so-noi-vu",), ("so-tai-chinh", "cong-an-tinh"))]
    assert result.problems == ()


def test_cooperating_agencies_in_a_targets_lead_cell_cooperate(tmp_path: Path) -> None:
    rows = [
        HEAD,
        [
            "1",
            "Tỷ lệ hồ sơ trực tuyến",
            "%",
            "80",
            "95",
            "Công an tỉnh (chủ trì); Sở Tài chính (phối hợp)",
        ],
    ]
    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", [*([t] for t in TITLE), *rows], [])])
    result = import_tables(path)
    assert _targets(result.plan) == EXPECTED[:2]
    assert result.problems == ()
    assert {(t.cooperating_agencies, t.cooperating_agencies_text) for t in result.plan.targets} == {
        (("so-tai-chinh",), "Sở Tài chính")
    }


def _imported_with_a_column_before_the_targets(
    tmp_path: Path, heading: str
) -> kh922core.ImportResult:
    """The table with a column ``heading`` (70, 90) before its targets, imported."""
    head = [*HEAD[:3], heading, *HEAD[3:]]
    rows = [head, [*ROWS[0][:3], "70", *ROWS[0][3:]], [*ROWS[1][:3], "90", *ROWS[1][3:]]]
    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", [*([t] for t in TITLE), *rows], [])])
    return import_tables(path)


@pytest.mark.parametrize(
    "heading",
    [
        "Kết quả thực hiện năm 2024",
        "TH 2024",
        "Năm 2024 (thực hiện)",
        "Thực hiện 2024",
        "Năm 2024 (năm gốc)",
    ],
)
def test_a_heading_of_what_was_done_is_a_baseline_not_a_target(
    tmp_path: Path, heading: str
) -> None:
    result = _imported_with_a_column_before_the_targets(tmp_path, heading)
    assert _targets(result.plan) == EXPECTED
    assert [(t.baseline.value, t.baseline.year) for t in result.plan.targets if t.baseline] == [
        (70, 2024),
        (70, 2024),
        (90, 2024),
        (90, 2024),
    ]


@pytest.mark.parametrize("heading", ["Hiện trạng", "Thực hiện", "Số liệu cơ sở"])
def test_a_baseline_heading_with_no_year_is_listed_with_what_to_write(
    tmp_path: Path, heading: str
) -> None:
    result = _imported_with_a_column_before_the_targets(tmp_path, heading)
    assert _targets(result.plan) == EXPECTED
    assert [(p.text, p.column[0]) for p in result.problems] == [("70", "D"), ("90", "D")]
    assert all("heading names no year" in p.reason for p in result.problems)


def test_a_planned_heading_with_thuc_hien_stays_a_target(tmp_path: Path) -> None:
    head = [*HEAD[:3], "Kế hoạch thực hiện năm 2025", "Mục tiêu thực hiện đến năm 2030", HEAD[5]]
    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", [*([t] for t in TITLE), head, *ROWS], [])])
    assert _targets(import_tables(path).plan) == EXPECTED


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("Các chỉ tiêu chủ yếu", "Đơn vị tính"),
        ("Tên chỉ tiêu", "Đơn vị tính (ĐVT)"),
        ("Nhóm chỉ tiêu", "ĐVT"),
    ],
)
def test_headings_of_other_provinces_name_the_indicator_and_unit_columns(
    tmp_path: Path, name: str, unit: str
) -> None:
    head = [HEAD[0], name, unit, *HEAD[3:]]
    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", [*([t] for t in TITLE), head, *ROWS], [])])
    result = import_tables(path)
    assert _targets(result.plan) == EXPECTED
    assert result.problems == ()


@pytest.mark.parametrize(
    ("name", "deadline", "product"),
    [
        ("Tên nhiệm vụ/đề án", "Thời gian hoàn thành", None),
        ("Nhiệm vụ", "Lộ trình thực hiện", None),
        ("Nhiệm vụ", "Thời gian hoàn thành", "Kết quả/Sản phẩm"),
        ("Nội dung công việc", "Thời gian", "Kết quả"),
        ("Nhiệm vụ", "Tiến độ", "Sản phẩm đầu ra"),
    ],
)
def test_a_task_table_in_other_words_is_read_as_tasks_and_a_product_column_is_reported(
    tmp_path: Path, name: str, deadline: str, product: str | None
) -> None:
    head = ["TT", name, "Cơ quan chủ trì", "Cơ quan phối hợp", deadline]
    rows = [
        ["1", "Xây dựng đề án chuyển đổi số", "Sở Tài chính", "Sở Nội vụ", "Quý II/2025"],
        ["-", "Khảo sát hiện trạng", "", "", ""],
        ["2", "Đầu tư trung tâm dữ liệu", "Công an tỉnh", "", "2025 - 2026"],
    ]
    products = ["Đề án", "Báo cáo khảo sát", "Trung tâm dữ liệu"]
    if product is not None:
        head.append(product)
        rows = [[*row, made] for row, made in zip(rows, products, strict=True)]
    path = write_xlsx(tmp_path / "pl2.xlsx", [("PL II", [["PHỤ LỤC II"], head, *rows], [])])
    result = import_tables(path)
    assert [(t.name, t.deadline.text) for t in result.plan.tasks] == [
        ("Xây dựng đề án chuyển đổi số\n- Khảo sát hiện trạng", "Quý II/2025"),
        ("Đầu tư trung tâm dữ liệu", "2025 - 2026"),
    ]
    assert result.plan.targets == ()
    reported = [(p.row, p.text) for p in result.problems]
    assert reported == (
        [] if product is None else [("3", products[0]), ("4", products[1]), ("5", products[2])]
    )


@pytest.mark.parametrize(
    "signature",
    [
        [
            ["", "", "", "", "KT. CHỦ TỊCH"],
            ["", "", "", "", "PHÓ CHỦ TỊCH"],
            [],
            ["", "", "", "", "Nguyễn Văn A"],
        ],
        [
            ["", "Nơi nhận:", "", "", "TM. ỦY BAN NHÂN DÂN"],
            ["", "- Như trên;", "", "", "CHỦ TỊCH"],
            ["", "- Lưu: VT."],
        ],
        [["", "Người lập biểu", "", "", "Thủ trưởng đơn vị"], ["", "(Ký, ghi rõ họ tên)"]],
    ],
)
def test_the_signature_block_under_a_table_is_reported_never_read_as_rows(
    tmp_path: Path, signature: list[list[str]]
) -> None:
    rows = [*([t] for t in TITLE), HEAD, *ROWS, [], *signature]
    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", rows, [])])
    result = import_tables(path)
    assert _targets(result.plan) == EXPECTED
    assert len(result.plan.indicators) == 2
    written = [line for line in signature if any(line)]
    assert [p.reason for p in result.problems] == [
        "the signature block under the table: not in the plan"
    ] * len(written)
    assert [p.text for p in result.problems] == [
        " | ".join(c for c in line if c) for line in written
    ]


def test_a_signature_block_under_the_tasks_is_no_task(tmp_path: Path) -> None:
    rows = [
        TASK_HEAD,
        ["1", "Xây dựng đề án", "Sở Tài chính", "", "2025"],
        ["", "", "KT. GIÁM ĐỐC"],
    ]
    path = write_xlsx(tmp_path / "pl2.xlsx", [("PL II", [["PHỤ LỤC II"], *rows], [])])
    result = import_tables(path)
    assert [t.name for t in result.plan.tasks] == ["Xây dựng đề án"]
    assert [p.text for p in result.problems] == ["KT. GIÁM ĐỐC"]


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_table_without_row_numbers_has_sibling_rows(tmp_path: Path, kind: str) -> None:
    rows = [HEAD[1:], *(row[1:] for row in ROWS), ["Số xã có wifi", "Xã", "10", "20", "Sở Nội vụ"]]
    if kind == "docx":
        path = write_docx(tmp_path / "pl1.docx", [(TITLE, rows, [])])
    else:
        path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", [*([t] for t in TITLE), *rows], [])])
    plan = import_tables(path).plan
    assert [t.id for t in plan.targets] == [
        "2025-1",
        "2030-1",
        "2025-2",
        "2030-2",
        "2025-3",
        "2030-3",
    ]
    assert all(i.parent is None for i in plan.indicators)


def test_a_lead_given_to_a_group_row_reaches_every_row_below_it(tmp_path: Path) -> None:
    rows = [
        HEAD,
        ["1", "Chính quyền số", "", "", "", "Sở Nội vụ"],
        ["1.1", "Tỷ lệ hồ sơ trực tuyến", "%", "60", "80", ""],
        ["1.1.1", "Cấp xã", "%", "50", "70", ""],
        ["2", "Số doanh nghiệp công nghệ số", "Doanh nghiệp", "120", "300", "Sở Tài chính"],
    ]
    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", [*([t] for t in TITLE), *rows], [])])
    result = import_tables(path)
    assert [t.lead_agencies for t in result.plan.targets] == [("so-noi-vu",)] * 4 + [
        ("so-tai-chinh",)
    ] * 2
    assert result.problems == ()


def test_a_lead_merged_down_a_group_row_and_its_rows_is_no_problem(tmp_path: Path) -> None:
    rows = [
        HEAD,
        ["1", "Chính quyền số", "", "", "", "Sở Nội vụ"],
        ["1.1", "Tỷ lệ hồ sơ trực tuyến", "%", "60", "80", ""],
        ["1.2", "Tỷ lệ thanh toán trực tuyến", "%", "50", "80", ""],
    ]
    merged = [(len(TITLE) + 1, 5, len(TITLE) + 3, 5)]
    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", [*([t] for t in TITLE), *rows], merged)])
    result = import_tables(path)
    assert [t.lead_agencies for t in result.plan.targets] == [("so-noi-vu",)] * 4
    assert result.problems == ()


def _struck(path: Path, cell: str, *, partly: bool) -> Path:
    """The workbook with the text of ``cell`` struck through: by the cell's font, or in one
    run of rich text (and a second run, ``Sở Nội vụ``, not struck)."""
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Font

    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    if partly:
        struck = TextBlock(InlineFont(strike=True), f"{sheet[cell].value} ")
        sheet[cell].value = CellRichText([struck, "Sở Nội vụ"])
    else:
        sheet[cell].font = Font(strike=True)
    book.save(path)
    return path


@pytest.mark.parametrize("partly", [False, True])
def test_struck_through_text_in_a_workbook_is_reported_not_read(
    tmp_path: Path, partly: bool
) -> None:
    rows = [*([t] for t in TITLE), HEAD, *ROWS]
    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", rows, [])])
    result = import_tables(_struck(path, "F4" if partly else "E5", partly=partly))
    (problem,) = result.problems
    assert problem.reason.startswith("struck-through text")
    if partly:
        assert (problem.row, problem.column[0], problem.text) == (
            "4",
            "F",
            "Công an tỉnh Sở Nội vụ",
        )
        assert [t.lead_agencies for t in result.plan.targets[:2]] == [(), ()]
    else:
        assert (problem.row, problem.column[0], problem.text) == ("5", "E", "300")
        assert [t.id for t in result.plan.targets] == ["2025-1", "2030-1", "2025-2"]


def test_struck_through_text_in_a_word_table_is_reported_not_read(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "pl1.docx", [(TITLE, [HEAD, *ROWS], [])])

    def change(name: str, text: str) -> str:
        if name != "word/document.xml":
            return text
        return text.replace(
            "<w:r><w:t>300</w:t></w:r>",
            "<w:r><w:rPr><w:strike/></w:rPr><w:t>300</w:t></w:r><w:r><w:t> 250</w:t></w:r>",
        )

    result = import_tables(rewrite_parts(path, change))
    (problem,) = result.problems
    assert problem.reason.startswith("struck-through text")
    assert problem.text == "300 250"
    assert [t.id for t in result.plan.targets] == ["2025-1", "2030-1", "2025-2"]


def test_a_formula_result_reads_as_excel_shows_it(tmp_path: Path) -> None:
    rows = [
        *([t] for t in TITLE),
        HEAD,
        ROWS[0],
        [2, "Tỷ lệ hộ nghèo", "%", 1.4999999999999998, 0.1 + 0.2, "Sở Tài chính"],
    ]
    result = import_tables(write_xlsx(tmp_path / "pl1.xlsx", [("PL I", rows, [])]))
    assert [t.text for t in result.plan.targets] == ["80", "95", "1,5", "0,3"]


def test_a_macro_enabled_workbook_is_read_and_a_strict_or_docm_file_refused_by_name(
    tmp_path: Path,
) -> None:
    rows = [*([t] for t in TITLE), HEAD, *ROWS]
    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", rows, [])])
    macro = path.rename(tmp_path / "pl1.xlsm")
    assert _targets(import_tables(macro).plan) == EXPECTED
    strict = write_xlsx(tmp_path / "strict.xlsx", [("PL I", rows, [])])
    strict = rewrite_parts(
        strict,
        lambda name, text: text.replace(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            "http://purl.oclc.org/ooxml/officeDocument/relationships",
        ),
    )
    with pytest.raises(TableImportError, match="saved as 'Strict Open XML'"):
        import_tables(strict)
    docm = write_docx(tmp_path / "pl1.docx", [(TITLE, [HEAD, *ROWS], [])]).rename(
        tmp_path / "pl1.docm"
    )
    with pytest.raises(TableImportError, match=r"macro-enabled Word document \(\.docm\)"):
        import_tables(docm)


def test_a_word_table_redrawn_with_a_spare_column_on_the_next_page_goes_on(tmp_path: Path) -> None:
    first = (TITLE, [HEAD, ROWS[0]], [])
    second = ([], [[*ROWS[1][:5], "", ROWS[1][5]]], [])  # one more column, empty on every row
    result = import_tables(write_docx(tmp_path / "pl1.docx", [first, second]))
    assert _targets(result.plan) == EXPECTED
    assert result.problems == ()
    two_more = (
        [],
        [[*ROWS[1][:5], "", "", ROWS[1][5]], ["3", "Số xã", "", "", "", "x", "", ""]],
        [],
    )
    result = import_tables(write_docx(tmp_path / "pl2.docx", [first, two_more]))
    assert _targets(result.plan) == EXPECTED[:2]  # two ways to match the columns: not read
    assert "no header" in result.problems[0].reason


def test_a_csv_garbled_by_another_encoding_is_named_so(tmp_path: Path) -> None:
    rows = [TITLE[:1], HEAD, *ROWS]
    text = "\n".join(",".join(row) for row in rows)
    path = tmp_path / "pl1.csv"
    path.write_text(text.encode("utf-8").decode("cp1252", errors="replace"), encoding="utf-8")
    with pytest.raises(
        TableImportError, match=r"Vietnamese letters are garbled \('.*'\).*'CSV UTF-8'"
    ):
        import_tables(path)
    plain = write_csv(tmp_path / "plain.csv", [["a", "b"], ["c", "d"]])
    with pytest.raises(TableImportError) as raised:
        import_tables(plain)
    assert "garbled" not in str(raised.value)


# ---- What the rules above must leave alone (a red-team round against them) ----------------


def test_a_group_heading_of_both_roles_over_chủ_trì_and_phối_hợp_gives_each_its_role(
    tmp_path: Path,
) -> None:
    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì, phối hợp", "", "Thời gian hoàn thành"],
        ["", "", "Chủ trì", "Phối hợp", ""],
        ["1", "Xây dựng đề án", "Sở Tài chính", "Sở Nội vụ; Công an tỉnh", "2025"],
    ]
    path = write_xlsx(tmp_path / "pl2.xlsx", [("PL II", [["PHỤ LỤC II"], *rows], [(1, 2, 1, 3)])])
    result = import_tables(path)
    assert _tasks(result.plan) == [(("so-tai-chinh",), ("so-noi-vu", "cong-an-tinh"))]
    assert result.problems == ()
    assert not any("first named" in n for notes in result.notes.values() for n in notes)


@pytest.mark.parametrize(
    ("cell", "ids"),
    [
        ("Các Sở: Tài chính, Nội vụ, Công an tỉnh", ("so-tai-chinh", "so-noi-vu", "cong-an-tinh")),
        (
            "Các Sở: Tài chính, Nội vụ; UBND các huyện, thành phố",
            ("so-tai-chinh", "so-noi-vu", "ubnd-cac-huyen-thanh-pho"),
        ),
        ("Các Sở Tài chính; Nội vụ; Công an tỉnh", ("so-tai-chinh", "so-noi-vu", "cong-an-tinh")),
    ],
)
def test_a_shared_head_never_goes_before_a_body_of_its_own(cell: str, ids: tuple[str, ...]) -> None:
    reader = _reader()
    assert reader.read(cell)[0] == ids
    assert reader.drafts == []


@pytest.mark.parametrize(
    ("cell", "parts"),
    [
        (
            "Sở Nội vụ; Sở Tài chính phối hợp",
            [("Sở Nội vụ", None), ("Sở Tài chính", "cooperating")],
        ),
        (
            "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính",
            [("Sở Nội vụ", "lead"), ("Sở Tài chính", "cooperating")],
        ),
        (
            "Các sở, ngành liên quan phối hợp thực hiện",
            [("Các sở, ngành liên quan", "cooperating")],
        ),
        ("UBND tỉnh chỉ đạo, Sở Nội vụ chủ trì", [("UBND tỉnh", None), ("Sở Nội vụ", "lead")]),
        ("Ban Thường trực Ủy ban MTTQ tỉnh", [("Ban Thường trực Ủy ban MTTQ tỉnh", None)]),
    ],
)
def test_role_words_mark_only_their_own_part(
    cell: str, parts: list[tuple[str, str | None]]
) -> None:
    assert [(part.text, part.role) for part in marked_roles(cell)] == parts


def test_a_table_after_a_title_of_its_own_is_no_continuation(tmp_path: Path) -> None:
    first = (TITLE, [HEAD, *ROWS], [])
    costs = [
        ["Hạng mục", "Đơn giá", "Thành tiền", "Nguồn vốn", "", "", ""],
        ["Máy chủ", "100", "200", "NSNN", "", "", ""],
    ]
    for extra in ([], [""]):  # the same width, and one column more
        rows = [[*row[: 6 + len(extra)]] for row in costs]
        path = write_docx(
            tmp_path / f"pl{len(extra)}.docx",
            [first, (["PHỤ LỤC III - DỰ TOÁN KINH PHÍ"], rows, [])],
        )
        result = import_tables(path)
        assert _targets(result.plan) == EXPECTED
        assert "no header" in result.problems[0].reason


def test_a_table_without_a_number_column_numbers_its_rows_from_the_marks_of_their_names(
    tmp_path: Path,
) -> None:
    rows = [
        HEAD[1:],
        ["1. Tỷ lệ dân số có hồ sơ sức khỏe điện tử", "", "", "", "Sở Y tế"],
        ["- Khu vực thành thị", "%", "90", "100", ""],
        ["- Khu vực nông thôn", "%", "70", "95", ""],
        ["2. Số doanh nghiệp công nghệ số", "Doanh nghiệp", "120", "300", "Sở Tài chính"],
    ]
    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", [*([t] for t in TITLE), *rows], [])])
    result = import_tables(path)
    assert [(t.id, t.lead_agencies) for t in result.plan.targets] == [
        ("2025-1.1", ("so-y-te",)),
        ("2030-1.1", ("so-y-te",)),
        ("2025-1.2", ("so-y-te",)),
        ("2030-1.2", ("so-y-te",)),
        ("2025-2", ("so-tai-chinh",)),
        ("2030-2", ("so-tai-chinh",)),
    ]
    assert result.plan.indicators[0].name == "Tỷ lệ dân số có hồ sơ sức khỏe điện tử"
    assert result.problems == ()


@pytest.mark.parametrize(
    "signature",
    [
        [
            ["", "", "", "", "Mẫu, ngày 10 tháng 3 năm 2025"],
            ["", "", "", "", "ỦY BAN NHÂN DÂN TỈNH"],
            ["", "", "", "", "Nguyễn Văn A"],
        ],
        [["", "", "", "", "TM. ỦY BAN NHÂN DÂN"], ["", "", "", "", "CHỦ TỊCH"]],
    ],
)
def test_a_signature_block_that_opens_with_the_date_or_the_issuer_is_reported(
    tmp_path: Path, signature: list[list[str]]
) -> None:
    rows = [*([t] for t in TITLE), HEAD, *ROWS, *signature]
    result = import_tables(write_xlsx(tmp_path / "pl1.xlsx", [("PL I", rows, [])]))
    assert _targets(result.plan) == EXPECTED
    assert len(result.problems) == len(signature)


@pytest.mark.parametrize(
    ("lead", "deadline", "note"),
    [
        ("Thủ trưởng các sở, ban, ngành tỉnh", "2025", ""),
        ("Sở Tài chính", "Q. IV/2025", ""),
        ("Sở Tài chính", "2025", "Thủ trưởng đơn vị chịu trách nhiệm trước UBND tỉnh"),
    ],
)
def test_a_cell_that_starts_like_a_signature_in_a_row_of_the_table_is_no_signature(
    tmp_path: Path, lead: str, deadline: str, note: str
) -> None:
    rows = [
        [*TASK_HEAD, "Ghi chú"],
        ["1", "Xây dựng đề án", "Sở Nội vụ", "", "2025", ""],
        ["2", "Quán triệt Nghị quyết", lead, "", deadline, note],
        ["3", "Đầu tư hạ tầng", "Sở Nội vụ", "", "2026", ""],
    ]
    result = import_tables(
        write_xlsx(tmp_path / "pl2.xlsx", [("PL II", [["PHỤ LỤC II"], *rows], [])])
    )
    assert [t.name for t in result.plan.tasks] == [
        "Xây dựng đề án",
        "Quán triệt Nghị quyết",
        "Đầu tư hạ tầng",
    ]
    assert not any("signature" in p.reason for p in result.problems)


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("Kết quả cần đạt được năm 2025", "target"),
        ("Yêu cầu đạt được năm 2025", "target"),
        ("Lộ trình thực hiện đến năm 2025", "target"),
        ("Sản phẩm năm 2025", "target"),
        ("Năm 2025 (ước đạt)", "baseline"),
        ("Năm cơ sở 2025", "baseline"),
        ("Thực trạng năm 2025", "baseline"),
    ],
)
def test_a_heading_with_a_year_reads_as_what_it_says(
    tmp_path: Path, heading: str, role: str
) -> None:
    head = [*HEAD[:3], heading, *HEAD[4:]]
    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", [*([t] for t in TITLE), head, *ROWS], [])])
    plan = import_tables(path).plan
    if role == "target":
        assert _targets(plan) == EXPECTED
    else:
        assert [t.id for t in plan.targets] == ["2030-1", "2030-2"]
        assert [t.baseline.value for t in plan.targets if t.baseline] == [80, 120]


def test_an_indicator_table_with_a_deadline_column_stays_one_of_indicators(tmp_path: Path) -> None:
    head = [
        "STT",
        "Nội dung, nhiệm vụ",
        "Năm 2025",
        "Đến năm 2030",
        "Cơ quan chủ trì",
        "Thời gian hoàn thành",
    ]
    rows = [head, ["1", "Tỷ lệ hồ sơ trực tuyến", "80%", "95%", "Công an tỉnh", "2030"]]
    plan = import_tables(
        write_xlsx(tmp_path / "pl1.xlsx", [("PL I", [*([t] for t in TITLE), *rows], [])])
    ).plan
    assert [t.text for t in plan.targets] == ["80%", "95%"]
    assert plan.tasks == ()


@pytest.mark.parametrize("cell", ["B5", "A5"])
def test_a_row_whose_name_or_number_is_struck_through_is_not_read(
    tmp_path: Path, cell: str
) -> None:
    rows = [*([t] for t in TITLE), HEAD, *ROWS]
    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", rows, [])])
    result = import_tables(_struck(path, cell, partly=False))
    assert _targets(result.plan) == EXPECTED[:2]
    (problem,) = result.problems
    assert problem.reason == "the row's number or name is struck through: the row is not read"


def test_a_struck_space_strikes_nothing(tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", [*([t] for t in TITLE), HEAD, *ROWS], [])])
    book = openpyxl.load_workbook(path)
    book.worksheets[0]["F4"].value = CellRichText(
        ["Công an tỉnh", TextBlock(InlineFont(strike=True), " ")]
    )
    book.save(path)
    result = import_tables(path)
    assert _targets(result.plan) == EXPECTED
    assert result.problems == ()


def test_a_change_with_no_base_and_no_baseline_is_noted_for_its_target(tmp_path: Path) -> None:
    head = [*HEAD[:3], "Thực hiện năm 2024", *HEAD[3:]]
    rows = [
        head,
        ["1", "Thu ngân sách", "tỷ đồng", "", "", "tăng 50%", "Sở Tài chính"],
        ["2", "Số doanh nghiệp", "Doanh nghiệp", "120", "tăng 10%", "", "Sở Tài chính"],
        ["3", "Số sáng chế", "Sáng chế", "", "tăng 10% so với năm 2024", "", "Sở Tài chính"],
    ]
    path = write_xlsx(tmp_path / "pl1.xlsx", [("PL I", [*([t] for t in TITLE), *rows], [])])
    result = import_tables(path)
    noted = {
        item
        for (section, item), texts in result.notes.items()
        if section == "targets"
        for text in texts
        if "no base year and no baseline" in text
    }
    assert noted == {"2030-1"}  # row 2 has its 2024 baseline, row 3 names its base
