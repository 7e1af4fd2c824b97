"""A cell that counts the opposite of what its row counts, or nothing the row can miss.

Read bare in the row's direction, each of these made a target that says nothing of the row's
figure, or the opposite of it:

* a share of all on a row of a share better lower (``100% hồ sơ đúng hạn`` in ``Tỷ lệ hồ sơ
  giải quyết trễ hạn``, a bare ``100%`` there): read as ``≤ 100 %``, every share meets it;
* a cell that names the row's own words negated, or the row's negation left out (``100% cơ sở
  không vi phạm`` in ``Tỷ lệ cơ sở vi phạm …``; ``100% hộ có nước sạch`` in ``Tỷ lệ hộ chưa có
  nước sạch``), or their opposite (``đúng hạn`` of ``trễ hạn``, ``có việc làm`` of ``thất
  nghiệp``): the complement of the row's share, read as the share itself;
* ``Xóa N …`` (remove N) on a row that counts what is left (``Xóa 1.500 nhà tạm`` in ``Số hộ
  còn ở nhà tạm``): read as at most 1.500 left, met without removing any; on a row that counts
  what is removed (``Số nhà tạm được xóa``) it is the level.

Each is refused, naming what the cell counts.
"""

from __future__ import annotations

import re

from kh922core._targets.kinds import Comparison, Direction, Operator, TargetSpec
from kh922core._targets.units import Unit
from kh922core.errors import TargetParseError

__all__ = ["refuse_counted_opposite"]

#: A negation before the words it negates ("không vi phạm", "chưa có nước sạch").
_NEGATION = re.compile(
    r"(?<!\w)(?:không(?!\s+(?:gian|khí|ngừng|chỉ|những|phải)(?!\w))|chưa)\s+"
    r"(?P<words>[^\W\d_]+(?:\s+[^\W\d_]+)?)"
)
#: Words of a share and what their opposite is, as rows and cells write them.
_OPPOSITES = (
    (re.compile(r"(?<!\w)(?:trễ|quá|chậm)\s+hạn(?!\w)"), re.compile(r"(?<!\w)đúng\s+hạn(?!\w)")),
    (re.compile(r"(?<!\w)thất\s+nghiệp(?!\w)"), re.compile(r"(?<!\w)có\s+việc\s+làm(?!\w)")),
)
#: "Xóa" right before the number: a count removed ("Xóa 1.500 nhà tạm").
_REMOVED = re.compile(r"(?<!\w)(?:xóa|xoá)\s+\d", re.IGNORECASE)
#: A row that counts what is removed ("Số nhà tạm được xóa", "Số điểm … bị xóa bỏ").
_NAMES_REMOVAL = re.compile(r"(?<!\w)(?:xóa|xoá|loại\s+bỏ)(?!\w)", re.IGNORECASE)


def _level(spec: TargetSpec) -> bool:
    return spec.change is None and spec.kind in ("comparison", "range", "approximate")


def _negated_apart(name: str, note: str) -> str | None:
    """The words of ``name`` that ``note`` negates, or ``name`` negates and ``note`` names
    bare; ``None`` when neither."""
    for negated, plain in ((note, name), (name, note)):
        for found in _NEGATION.finditer(negated):
            words = found.group("words")
            for bare in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", plain):
                if not re.search(r"(?:không|chưa)\s+$", plain[: bare.start()]):
                    return f"{found.group(0)}"
    for row, cell in _OPPOSITES:
        for first, second in ((row, cell), (cell, row)):
            other = second.search(note)
            if first.search(name) and other is not None and not first.search(note):
                return other.group(0)
    return None


def refuse_counted_opposite(
    text: str,
    spec: TargetSpec,
    unit: Unit | None,
    indicator: str | None,
    stated: Direction | str | None,
) -> None:
    """Refuse a cell that counts the opposite of its row, or a share no level misses (see the
    module docstring).

    Examples:
        >>> from kh922core._targets.kinds import Comparison, Operator
        >>> late = Comparison(operator=Operator.TARGET, value=100.0, note="hồ sơ đúng hạn")
        >>> refuse_counted_opposite("100% hồ sơ đúng hạn", late, None, "Tỷ lệ hồ sơ trễ hạn", None)
        Traceback (most recent call last):
        ...
        kh922core.errors.TargetParseError: cannot parse target '100% hồ sơ đúng hạn' ...
    """
    if not _level(spec):
        return
    lower = stated is not None and Direction(stated) is Direction.LOWER_IS_BETTER
    share = unit is not None and unit.expression == "percent"
    at_most = isinstance(spec, Comparison) and spec.operator in (Operator.TARGET, Operator.LE)
    bound = spec.value if isinstance(spec, Comparison) else 0.0
    if at_most and lower and share and bound >= 100:
        raise TargetParseError(
            text,
            0,
            "the share to reach below 100 %, or an indicator of the share named (better higher)",
            reason=f"at most {bound:g} % on a share better lower: every share meets it",
        )
    name = " ".join((indicator or "").lower().split())
    note = " ".join((getattr(spec, "note", None) or "").lower().split())
    opposite = _negated_apart(name, note) if name and note else None
    if opposite is not None:
        raise TargetParseError(
            text,
            max(text.lower().find(opposite.split()[0]), 0),
            "the target of the row's own share, or the cell in the row of its complement",
            reason=f"{opposite!r}: the cell counts the complement of {indicator!r}; read as "
            "the row's share, it would bound the opposite",
        )
    removed = _REMOVED.search(text)
    if removed is not None and not _NAMES_REMOVAL.search(name) and (name or lower):
        raise TargetParseError(
            text,
            removed.start(),
            "the level left ('còn dưới 500 hộ'), a fall ('giảm 1.500 hộ'), or the row of what "
            "is removed ('Số nhà tạm được xóa')",
            reason=f"{removed.group(0)[:-1].strip()!r} N: N removed, not N left; read as the "
            "level, a row of what is left would meet it without removing any",
        )
