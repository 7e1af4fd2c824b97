"""Target columns of a span of years (``Giai đoạn 2026-2030``) whose number may be the span's
total: in a row of money, or of what is added over the years, the total of the span's years or
the level at its end?  Such a column is listed, never read as the level at the span's end.
"""

from __future__ import annotations

import re

from kh922core._exchange.header_roles import heading_key, years_in
from kh922core._targets import Unit

__all__ = ["span_total"]

#: Names of what is added over the years, whose number over a span is its total ("Số lao động
#: được đào tạo", "Diện tích trồng rừng mới", "Số km đường xây dựng mới"): compared folded.
_ADDED = re.compile(
    r"\b(?:dao tao|giai quyet viec lam|tao viec lam|trong moi|trong rung|xay dung moi|xay moi|"
    r"lam moi|nang cap|cai tao|thanh lap moi|thu hut|cap moi|ho tro|khoi cong|dau tu moi|"
    r"xuat khau lao dong|di lam viec|cung hoa|be tong hoa|nhua hoa|kien co hoa)\b"
)
#: A span of years written in a heading ("2026-2030", "2026 - 2030", "2026 đến 2030").
_SPAN = re.compile(r"(?<!\d)(?:19|20)\d\d\s*(?:[-–—]|đến|tới)\s*(?:19|20)\d\d(?!\d)", re.IGNORECASE)
#: The sub-heading of one year under a period ("2027", "Năm 2027", "KH 2027", "Kế hoạch năm
#: 2027", "Mục tiêu 2027"): that year's column of the group.
_YEAR_ALONE = re.compile(
    r"\s*(?:(?:năm|kh|kế\s+hoạch(?:\s+năm)?|mục\s+tiêu(?:\s+năm)?|chỉ\s+tiêu(?:\s+năm)?)\s+)?"
    r"((?:19|20)\d\d)\s*",
    re.IGNORECASE,
)
#: Words of a running total in a group's heading ("Lũy kế giai đoạn 2026-2030" over its years).
_RUNNING = re.compile(
    r"\b(?:luy ke|cong don|tich luy|tong cong|tong so|ca giai doan|toan giai doan)\b"
)


def span_total(heading: str, unit: Unit | None, name: str) -> str | None:
    """Why a target column headed by a span of years (``Giai đoạn 2026-2030``) is not read in
    a row of money, or of what is added over the years (``Số lao động được đào tạo``): its
    number is the span's total, or the level at its end?  Else ``None``.

    Examples:
        >>> from kh922core import parse_unit
        >>> span_total("Giai đoạn 2026-2030", parse_unit("người"), "Số người được đào tạo")[:22]
        'a column of the span 2'
        >>> span_total("Giai đoạn 2026-2030", parse_unit("%"), "Tỷ lệ hộ nghèo") is None
        True
        >>> span_total("Giai đoạn 2026-2030 2027", parse_unit("người"), "Số người được đào tạo")
        >>> span_total("Lũy kế giai đoạn 2026-2030 2027", parse_unit("tỷ đồng"), "Vốn")[:22]
        'a column of the span 2'
    """
    years = years_in(heading)
    alone = _YEAR_ALONE.fullmatch(_SPAN.split(heading)[-1])
    spans = [years_in(found) for found in _SPAN.findall(heading)]
    year = int(alone.group(1)) if alone is not None and len(spans) == 1 else 0
    if spans and spans[0][0] <= year <= spans[0][-1] and not _RUNNING.search(heading_key(heading)):
        return None  # "Kế hoạch giai đoạn 2026-2030" over "2027": the year's column
    years = spans[0] if spans else years  # the span's own: "2026-2030 (… năm 2025)"
    if unit is None or len(years) < 2 or "/" in unit.text or unit.dimension == "dimensionless":
        return None
    if "currency" not in unit.dimension and not _ADDED.search(heading_key(name)):
        return None  # a stock ("Số doanh nghiệp"): its level at the span's end
    if len(years_in(name)) >= 2:
        return None  # "Số lao động được đào tạo giai đoạn 2026-2030": the total, said
    return (
        f"a column of the span {years[0]}-{years[-1]} in {unit.text!r}: the total of its years, "
        f"or the level at its end? Head it 'Đến năm {years[-1]}' for the level, or say the total "
        "in the indicator's name ('… giai đoạn 2026-2030')"
    )
