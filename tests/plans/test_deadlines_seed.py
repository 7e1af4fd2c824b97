"""Every deadline form that Phụ lục II of 922/KH-UBND uses is read, with its dates."""

from __future__ import annotations

from datetime import date

import pytest

from kh922core import DeadlineKind, DeadlineParseError, load_plan, parse_deadline

# (text as printed, kind, start, due, trigger, action)
SEED_FORMS = [
    ("Thường xuyên", "recurring", None, None, None, None),
    ("Quý II/2025", "quarter", None, date(2025, 6, 30), None, None),
    ("12/2025", "month", None, date(2025, 12, 31), None, None),
    ("6/2025", "month", None, date(2025, 6, 30), None, None),
    ("9/2025", "month", None, date(2025, 9, 30), None, None),
    ("3/2026", "month", None, date(2026, 3, 31), None, None),
    ("12/2026", "month", None, date(2026, 12, 31), None, None),
    ("Năm 2025", "year", None, date(2025, 12, 31), None, None),
    ("Năm 2026", "year", None, date(2026, 12, 31), None, None),
    ("Năm 2027", "year", None, date(2027, 12, 31), None, None),
    ("Năm 2029", "year", None, date(2029, 12, 31), None, None),
    ("Năm 2030", "year", None, date(2030, 12, 31), None, None),
    ("2025 - 2026", "period", date(2025, 1, 1), date(2026, 12, 31), None, None),
    ("Năm 2025 trở lên", "open_ended", date(2025, 1, 1), None, None, None),
    ("Năm 2025 và các năm tiếp theo", "open_ended", date(2025, 1, 1), None, None, None),
    ("Sau khi Thủ tướng Chính phủ ban hành Quyết định", "conditional", None, None,
     "Thủ tướng Chính phủ ban hành Quyết định", None),
    ("Sau khi Bộ Nội vụ ban hành Đề án", "conditional", None, None,
     "Bộ Nội vụ ban hành Đề án", None),
    ("Sau khi Thủ tướng Chính phủ ban hành các Đề án cấp quốc gia", "conditional", None, None,
     "Thủ tướng Chính phủ ban hành các Đề án cấp quốc gia", None),
    ("Trình UBND tỉnh phê duyệt sau khi có Quyết định của Thủ tướng Chính phủ", "conditional",
     None, None, "có Quyết định của Thủ tướng Chính phủ", "Trình UBND tỉnh phê duyệt"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "start", "due", "trigger", "action"), SEED_FORMS)
def test_seed_deadline_forms(
    text: str,
    kind: str,
    start: date | None,
    due: date | None,
    trigger: str | None,
    action: str | None,
) -> None:
    deadline = parse_deadline(text)
    assert deadline.text == text
    assert deadline.kind is DeadlineKind(kind)
    assert (deadline.start, deadline.due, deadline.trigger, deadline.action) == (
        start,
        due,
        trigger,
        action,
    )


def test_the_list_covers_every_deadline_of_the_plan() -> None:
    printed = {task.deadline.text for task in load_plan().tasks}
    assert printed == {form[0] for form in SEED_FORMS}


@pytest.mark.parametrize(
    ("text", "kind", "start", "due"),
    [
        ("Quý IV năm 2025", "quarter", None, date(2025, 12, 31)),
        ("Đến năm 2030", "year", None, date(2030, 12, 31)),
        ("Đến hết năm 2026", "year", None, date(2026, 12, 31)),
        ("Chậm nhất năm 2026", "year", None, date(2026, 12, 31)),
        ("Từ 2025 đến 2030", "period", date(2025, 1, 1), date(2030, 12, 31)),
        ("Từ năm 2025 đến năm 2030", "period", date(2025, 1, 1), date(2030, 12, 31)),
        ("Định kỳ 6 tháng", "recurring", None, None),
        ("Hằng quý", "recurring", None, None),
        ("Định kỳ hằng quý", "recurring", None, None),
        ("6 tháng đầu năm 2027", "period", date(2027, 1, 1), date(2027, 6, 30)),
        ("Trong 6 tháng cuối năm 2026", "period", date(2026, 7, 1), date(2026, 12, 31)),
        ("Tháng 12 năm 2025", "month", None, date(2025, 12, 31)),
        ("Trước tháng 6 năm 2025", "month", None, date(2025, 5, 31)),
        ("12-2025", "month", None, date(2025, 12, 31)),
        ("Tháng 2.2028", "month", None, date(2028, 2, 29)),
        ("T6/2026", "month", None, date(2026, 6, 30)),  # "T" for tháng, as tables shorten it
        ("Th12/2025", "month", None, date(2025, 12, 31)),
        ("Trước T6/2026", "month", None, date(2026, 5, 31)),
        ("Cuối năm 2025", "year", None, date(2025, 12, 31)),
        ("Q4/2025", "quarter", None, date(2025, 12, 31)),
        ("Q.II/2026", "quarter", None, date(2026, 6, 30)),
        ("Quý 3-2026", "quarter", None, date(2026, 9, 30)),
        ("Trong quý I/2026", "quarter", None, date(2026, 3, 31)),
        ("Hoàn thành trong Quý III/2025", "quarter", None, date(2025, 9, 30)),
        ("Hoàn thành năm 2027", "year", None, date(2027, 12, 31)),
        ("Hoàn thành trước 30/6/2025", "date", None, date(2025, 6, 29)),
        ("31.12.2025", "date", None, date(2025, 12, 31)),
        ("30-6-2026", "date", None, date(2026, 6, 30)),
        ("2025/12/31", "date", None, date(2025, 12, 31)),
        ("2026-06-30", "date", None, date(2026, 6, 30)),
    ],
)
def test_deadlines_other_provinces_write(
    text: str, kind: str, start: date | None, due: date | None
) -> None:
    deadline = parse_deadline(text)
    assert (deadline.kind.value, deadline.start, deadline.due) == (kind, start, due)


@pytest.mark.parametrize(
    "text",
    [
        "31.12/2025",  # two separators
        "2025-13-01",  # no such month
        "31-02-2026",  # no such day
        "13-2025",
        "Đầu năm 2026",  # when in the year?
        "Giữa năm 2025",
        "Hoàn thành",
        "Q5/2025",
        "10-12-2025",  # 10 December, or months 10 to 12?
    ],
)
def test_deadlines_that_say_no_day_are_refused(text: str) -> None:
    with pytest.raises(DeadlineParseError):
        parse_deadline(text)


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Hoàn thành sau khi có vốn", "Hoàn thành"),
        ("Hoàn thành năm 2025 sau khi có vốn", "Hoàn thành năm 2025"),
    ],
)
def test_a_conditional_deadline_keeps_what_is_done(text: str, action: str) -> None:
    deadline = parse_deadline(text)
    assert (deadline.kind, deadline.action, deadline.trigger) == (
        DeadlineKind.CONDITIONAL,
        action,
        "có vốn",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Sau khi Đề án được phê duyệt; chậm nhất Quý II/2026",
        "Sau khi được phê duyệt, năm 2026",
        "Sau khi có quyết định, trước 30/6/2026",
    ],
)
def test_an_event_and_a_time_in_one_deadline_are_refused(text: str) -> None:
    # it was a condition whose trigger held the time: never overdue after it passed
    with pytest.raises(DeadlineParseError, match="an event and a time"):
        parse_deadline(text)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Sau khi Nghị định 45/2026 được ban hành", "Nghị định 45/2026 được ban hành"),
        ("Sau khi có hướng dẫn của Bộ, Sở", "có hướng dẫn của Bộ, Sở"),
        (
            "Sau khi Luật Khoa học, công nghệ và đổi mới sáng tạo năm 2025 có hiệu lực",
            "Luật Khoa học, công nghệ và đổi mới sáng tạo năm 2025 có hiệu lực",
        ),
        (
            "Sau khi Luật Dữ liệu, Nghị định số 165/2024/NĐ-CP được hướng dẫn",
            "Luật Dữ liệu, Nghị định số 165/2024/NĐ-CP được hướng dẫn",
        ),
    ],
)
def test_a_year_in_the_event_itself_is_its_name(text: str, trigger: str) -> None:
    assert parse_deadline(text).trigger == trigger
