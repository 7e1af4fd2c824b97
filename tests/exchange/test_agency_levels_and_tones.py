"""Agencies an import drafts keep their names as written and get the level their names say.

"Tỉnh Đoàn" was drafted as "Tỉnh Đòan" (a tone moved as if "oà" ended the syllable), and then
the name the official types was unknown; "Bảo hiểm xã hội tỉnh" was a commune's body (its
"xã hội" read as "xã") and "Ban Quản lý Khu kinh tế tỉnh" a district's ("quản" as "quận")."""

from __future__ import annotations

import pytest

from kh922core._exchange.agency_cells import _level, normalise_name


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("Tỉnh Đoàn", "Tỉnh Đoàn"),
        ("Ban Chỉ đạo toàn tỉnh", "Ban Chỉ đạo toàn tỉnh"),
        (
            "Trung tâm Phục vụ hành chính công tỉnh Khánh Hoà",
            "Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa",
        ),
        ("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
        ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Công ty Thuỷ lợi", "Công ty Thủy lợi"),
        ("Trường Đại học Quỳnh", "Trường Đại học Quỳnh"),
    ],
)
def test_a_tone_moves_only_in_a_syllable_that_ends_with_the_pair(written: str, normal: str) -> None:
    assert normalise_name(written) == normal


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("Bảo hiểm xã hội tỉnh", "province"),
        ("Ban Quản lý Khu kinh tế tỉnh", "province"),
        ("Tỉnh Đoàn", "province"),
        ("Bộ Chỉ huy Quân sự tỉnh", "province"),
        ("Sở Y tế", "province"),
        ("UBND thị xã Quảng Trị", "district"),
        ("UBND huyện Cam Lộ", "district"),
        ("UBND xã Gio Linh", "commune"),
        ("Phường Đông Hà", "commune"),
        ("Bộ Khoa học và Công nghệ", "national"),
        ("Các sở, ban, ngành", "collective"),
    ],
)
def test_a_drafted_agency_has_the_level_its_name_says(name: str, level: str) -> None:
    assert _level(name) == level
