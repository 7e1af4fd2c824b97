"""A city's plan, a totals row, a body named with a comma (round 171 of the attacks).

* A plan of a city that is a province of its own (``ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ``) was
  titled and issued by "Ủy ban nhân dân tỉnh Cần Thơ", a name that went on to every template
  and report; its ``Sở … thành phố`` and ``Công an thành phố`` were drafted as bodies apart from
  the registry's departments.  The issuer is now the city's committee, and those are the
  registry's bodies (their spelling kept as an alias).
* ``Tổng cộng`` in the number column of an empty row made an indicator (``… (Chỉ tiêu dòng
  7.1)``); it is a row of totals, listed.
* ``Báo và Phát thanh, Truyền hình Đồng Tháp`` (one body since 2025) was two draft agencies.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kh922core import import_tables

from .office_builders import write_docx

pytest.importorskip("docx")

HEADER = ["STT", "Tên chỉ tiêu", "ĐVT", "Hiện trạng năm 2024", "Đến năm 2030", "Đơn vị chủ trì"]


def _plan(tmp_path: Path, committee: str, rows: list[list[str]], **options: str) -> object:
    title = [
        committee,
        "PHỤ LỤC I",
        "(Kèm theo Kế hoạch số 88/KH-UBND ngày 15 tháng 4 năm 2025 của " + committee.title() + ")",
    ]
    path = write_docx(tmp_path / "pl.docx", [(title, [HEADER, *rows], [])])
    return import_tables(path, **options)


ROWS = [
    ["1", "Tỷ lệ hộ có băng rộng", "%", "78", "100", "Sở Khoa học và Công nghệ thành phố"],
    ["2", "Số vụ phạm tội về công nghệ cao", "vụ", "40", "dưới 20", "Công an thành phố"],
]


def test_a_city_plan_is_issued_by_the_citys_committee(tmp_path: Path) -> None:
    result = _plan(tmp_path, "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", ROWS)
    plan = result.plan  # type: ignore[attr-defined]
    issuer = next(a for a in plan.agencies if a.id == plan.issuer)
    assert issuer.name == "Ủy ban nhân dân thành phố Cần Thơ"
    assert "thành phố Cần Thơ" in plan.title
    assert "tỉnh" not in plan.title
    leads = {t.row: t.lead_agencies for t in plan.targets}
    assert leads["1"] == ("so-khcn",)
    assert leads["2"] == ("cong-an-tinh",)
    drafts = [d for d in result.drafts if d != plan.issuer]  # type: ignore[attr-defined]
    assert not any("thanh-pho" in draft for draft in drafts)


def test_a_city_named_on_the_command_line_is_a_city(tmp_path: Path) -> None:
    rows = [["1", "Tỷ lệ hộ có băng rộng", "%", "78", "100", "Sở Khoa học và Công nghệ"]]
    path = write_docx(tmp_path / "pl.docx", [([], [HEADER, *rows], [])])
    plan = import_tables(path, province="Cần Thơ").plan
    assert next(a for a in plan.agencies if a.id == plan.issuer).name == (
        "Ủy ban nhân dân thành phố Cần Thơ"
    )


def test_a_province_stays_a_province(tmp_path: Path) -> None:
    rows = [["1", "Tỷ lệ hộ có băng rộng", "%", "78", "100", "Công an thành phố Cao Lãnh"]]
    result = _plan(tmp_path, "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", rows)
    plan = result.plan  # type: ignore[attr-defined]
    assert next(a for a in plan.agencies if a.id == plan.issuer).name == (
        "Ủy ban nhân dân tỉnh Đồng Tháp"
    )
    # a city below the province: a body of its own, drafted
    assert plan.targets[0].lead_agencies != ("cong-an-tinh",)


def test_totals_in_the_number_column_make_no_indicator(tmp_path: Path) -> None:
    rows = [*ROWS, ["Tổng cộng", "", "", "", "", ""]]
    result = _plan(tmp_path, "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", rows)
    plan = result.plan  # type: ignore[attr-defined]
    assert len(plan.indicators) == 2
    assert not any("dòng" in i.name for i in plan.indicators)
    (problem,) = result.problems  # type: ignore[attr-defined]
    assert problem.text == "Tổng cộng"
    assert "totals" in problem.reason


@pytest.mark.parametrize(
    ("cell", "drafts"),
    [
        ("Báo và Phát thanh, Truyền hình Đồng Tháp", ["Báo và Phát thanh, Truyền hình Đồng Tháp"]),
        (
            "Sở Tài chính, Báo và Phát thanh, Truyền hình Đồng Tháp",
            ["Báo và Phát thanh, Truyền hình Đồng Tháp"],
        ),
        # two bodies with no head word of an agency: still two
        ("Bưu điện tỉnh, Viễn thông Đồng Tháp", ["Bưu điện tỉnh", "Viễn thông Đồng Tháp"]),
    ],
)
def test_a_body_named_with_a_comma_is_one_body(
    tmp_path: Path, cell: str, drafts: list[str]
) -> None:
    rows = [["1", "Tỷ lệ hộ có băng rộng", "%", "78", "100", cell]]
    result = _plan(tmp_path, "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", rows)
    plan = result.plan  # type: ignore[attr-defined]
    names = {a.id: a.name for a in plan.agencies}
    drafted = [names[d] for d in result.drafts if d != plan.issuer]  # type: ignore[attr-defined]
    assert drafted == drafts


# Round 173: the first version over-reached


def test_another_citys_committee_is_no_issuer(tmp_path: Path) -> None:
    rows = [
        ["1", "Tỷ lệ hộ có băng rộng", "%", "78", "100", "UBND thành phố Hồ Chí Minh"],
        ["2", "Số vụ phạm tội", "vụ", "40", "dưới 20", "UBND TP. Cần Thơ"],
    ]
    result = _plan(tmp_path, "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", rows)
    plan = result.plan  # type: ignore[attr-defined]
    leads = {t.row: t.lead_agencies for t in plan.targets}
    assert leads["2"] == (plan.issuer,)  # the city's own committee, written short
    assert leads["1"] != (plan.issuer,)
    names = {a.id: a.name for a in plan.agencies}
    assert names[leads["1"][0]] == "UBND thành phố Hồ Chí Minh"


def test_a_city_within_a_province_keeps_its_bodies_apart(tmp_path: Path) -> None:
    rows = [["1", "Số vụ phạm tội", "vụ", "40", "dưới 20", "Công an thành phố"]]
    result = _plan(tmp_path, "ỦY BAN NHÂN DÂN THÀNH PHỐ SA ĐÉC", rows)
    plan = result.plan  # type: ignore[attr-defined]
    assert next(a for a in plan.agencies if a.id == plan.issuer).name == (
        "Ủy ban nhân dân thành phố Sa Đéc"
    )
    assert plan.targets[0].lead_agencies != ("cong-an-tinh",)  # the city's police: drafted


@pytest.mark.parametrize("given", ["TP. Cần Thơ", "Thành phố Cần Thơ"])
def test_a_city_named_with_its_title(tmp_path: Path, given: str) -> None:
    rows = [["1", "Số vụ phạm tội", "vụ", "40", "dưới 20", "Công an TP. Cần Thơ"]]
    path = write_docx(tmp_path / "pl.docx", [([], [HEADER, *rows], [])])
    plan = import_tables(path, province=given).plan
    assert plan.province.name == "Cần Thơ"
    assert next(a for a in plan.agencies if a.id == plan.issuer).name == (
        "Ủy ban nhân dân thành phố Cần Thơ"
    )
    assert plan.targets[0].lead_agencies == ("cong-an-tinh",)


def test_a_comma_name_after_a_known_body(tmp_path: Path) -> None:
    rows = [["1", "Tỷ lệ A", "%", "78", "100", "Sở Y tế và Đài Phát thanh, Truyền hình tỉnh"]]
    result = _plan(tmp_path, "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", rows)
    plan = result.plan  # type: ignore[attr-defined]
    lead = plan.targets[0].lead_agencies
    assert lead[0] == "so-y-te"
    names = {a.id: a.name for a in plan.agencies}
    assert [names[i] for i in lead[1:]] == ["Đài Phát thanh, Truyền hình tỉnh"]


def test_a_total_of_groups_in_the_number_column(tmp_path: Path) -> None:
    rows = [*ROWS, ["Tổng cộng (I+II)", "", "", "", "5950", ""]]
    result = _plan(tmp_path, "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", rows)
    plan = result.plan  # type: ignore[attr-defined]
    assert len(plan.targets) == 2
    assert any("totals" in p.reason for p in result.problems)  # type: ignore[attr-defined]


def test_the_committees_of_a_citys_districts_are_one_collective(tmp_path: Path) -> None:
    rows = [["1", "Tỷ lệ A", "%", "78", "100", "UBND các quận, huyện"]]
    result = _plan(tmp_path, "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", rows)
    plan = result.plan  # type: ignore[attr-defined]
    (lead,) = plan.targets[0].lead_agencies
    assert next(a for a in plan.agencies if a.id == lead).level == "collective"


def test_a_citys_committee_named_alone_is_its_own_and_validates(tmp_path: Path) -> None:
    from kh922core import check_plan_file
    from kh922core._cli.command import main

    rows = [
        ["1", "Tỷ lệ A", "%", "78", "100", "UBND thành phố"],
        ["2", "Tỷ lệ B", "%", "78", "100", "UBND thành phố Hồ Chí Minh"],
    ]
    title = [
        "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
        "PHỤ LỤC I",
        "(Kèm theo Kế hoạch số 88/KH-UBND ngày 15 tháng 4 năm 2025 của UBND thành phố Cần Thơ)",
    ]
    path = write_docx(tmp_path / "pl.docx", [(title, [HEADER, *rows], [])])
    out = tmp_path / "ct.yaml"
    assert main(["import", str(path), "-o", str(out)]) in (0, 1)
    plan, problems = check_plan_file(out)
    assert plan is not None
    assert problems == []
    leads = {t.row: t.lead_agencies for t in plan.targets}
    assert leads["1"] == (plan.issuer,)
    assert leads["2"] != (plan.issuer,)
    assert main(["validate", str(out)]) == 0
