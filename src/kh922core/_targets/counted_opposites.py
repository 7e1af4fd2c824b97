"""A cell that counts the opposite of what its row counts, another whole, or nothing the row
can miss.

Read bare in the row's direction, each of these made a target that says nothing of the row's
figure, or the opposite of it:

* a share of all on a row named for a share better lower (``100%``, ``Tối đa 100%`` in ``Tỷ lệ
  hộ nghèo``): read as ``≤ 100 %``, every share meets it (a row of a ratio, an occupancy, an
  index may pass 100: ``Không quá 104%`` of ``Chỉ số giá …``);
* what the number counts, right after it, named as the row's own words negated, or with the
  row's negation left out (``100% cơ sở không vi phạm`` in ``Tỷ lệ cơ sở vi phạm …``; ``100% hộ
  có nước sạch`` in ``Tỷ lệ hộ chưa có nước sạch``), or as their opposite (``đúng hạn`` of
  ``trễ hạn``, ``có việc làm`` of ``thất nghiệp``): the complement of the row's share, read as
  the share itself (a remark in brackets or after a comma, ``100% (không để trễ hạn)``, is
  none);
* ``Xóa N …`` (remove N) on a row better lower that counts what is left (``Xóa 1.500 nhà tạm``
  in ``Số hộ còn ở nhà tạm``): read as at most 1.500 left, met without removing any; on a row
  of no stated direction, unless its name says it counts what is removed;
* a verb of doing that opens the cell of a row whose name does not say it (``Hỗ trợ 500 hộ
  nghèo`` in ``Số hộ nghèo``; ``Tạo việc làm cho 95% lao động`` in ``Tỷ lệ thất nghiệp``), or
  says it negated (``… chưa được số hóa``), or, in a row in %, counts another thing than the row
  before the verb (``Hỗ trợ 50% học phí`` in ``Tỷ lệ học sinh được hỗ trợ học phí``): the count
  or share of what is done, not the row's (``Số hóa 100% hồ sơ`` in ``Tỷ lệ hồ sơ được số hóa``
  reads); on a row better lower, never its cap.

Each is refused, naming what the cell counts.
"""

from __future__ import annotations

import re

from kh922core._targets.kinds import Comparison, Direction, Operator, TargetSpec
from kh922core._targets.numbers import NUMBER_PATTERN
from kh922core._targets.scanner import YEARS, blank, match_phrase, phrases_of
from kh922core._targets.units import Unit, parse_unit
from kh922core._text import fold
from kh922core.errors import Kh922Error, TargetParseError

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
_REMOVED = re.compile(
    r"(?<!\w)(?:xóa|xoá)\s+(?:được\s+)?(?:(?:trên|hơn|ít\s+nhất|tối\s+thiểu|khoảng)\s+)?\d",
    re.IGNORECASE,
)
#: A row that counts what is removed ("Số nhà tạm được xóa", "Số điểm … bị xóa bỏ").
_NAMES_REMOVAL = re.compile(
    r"(?<!chưa\sđược\s)(?<!còn\sphải\s)(?<!chưa\s)(?<!\w)(?:xóa|xoá|loại\s+bỏ)(?!\w)",
    re.IGNORECASE,
)
#: A row named for a share (not a ratio to another level, an occupancy, an index).
_SHARE_NAME = re.compile(
    r"^\W*t[ỷỉ]\s+lệ\b(?!.*(?:\bso\s+với\b|/|\btrên\b|công\s+suất|lấp\s+đầy))", re.IGNORECASE
)
#: What the number counts: the words right after it and its unit, to a bracket or a comma.
_COUNTED = re.compile(r"\s*%?\s*(?P<words>[^(),;:]*)")
#: Words of a stock, not of what is done ("Lũy kế 100% xã"): no whole of their own.
_STOCK_WORDS = frozenset({"lũy kế", "cộng dồn"})


def _level(spec: TargetSpec) -> bool:
    return spec.change is None and spec.kind in ("comparison", "range", "approximate")


def _counted(text: str) -> str:
    """The words right after the cell's first number (``hồ sơ đúng hạn`` of ``Đạt 99% hồ sơ
    đúng hạn``), lower case; ``""`` where a bracket or a comma follows it."""
    text = blank(text, YEARS)  # "Đến năm 2030, 100% hồ sơ đúng hạn": the year counts nothing
    number = NUMBER_PATTERN.search(text)
    if number is None:
        return ""
    found = _COUNTED.match(text, number.end())
    return " ".join(found.group("words").lower().split()) if found else ""


def _negated_apart(name: str, counted: str) -> str | None:
    """The words of ``name`` that ``counted`` negates, or ``name`` negates and ``counted``
    names bare, or their opposite; ``None`` when none."""
    for by_row, (negated, plain) in enumerate(((counted, name), (name, counted))):
        for found in _NEGATION.finditer(negated):
            words = found.group("words")
            if by_row:  # the row's whole negated phrase, at the end of what is counted
                words = re.split(r"[,(;]", name[found.start("words") :])[0].strip()
            for bare in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", plain):
                after = plain[bare.end() :].strip()
                if by_row and after:
                    continue  # "giấy tờ điện tử" of "… không giấy tờ": more than the words
                if not re.search(r"(?:không|chưa)\s+$", plain[: bare.start()]):
                    return found.group(0)
    for row, cell in _OPPOSITES:
        for first, second in ((row, cell), (cell, row)):
            other = second.search(counted)
            if first.search(name) and other is not None and not first.search(counted):
                return other.group(0)
    return None


def _opening_verb(text: str) -> str | None:
    """The verb of doing that opens ``text`` and leads to its number (read as a filler)."""
    lower = blank(text, YEARS).lower()  # "Đến năm 2030, hỗ trợ 500 hộ": the year dates it
    number = re.search(r"\d", lower)
    verbs = set(phrases_of("action"))
    for word in re.finditer(r"\w+", lower[: number.start() if number else len(lower)]):
        found = match_phrase(lower, word.start(), frozenset({"filler"}))
        if found is not None and found.phrase in verbs:
            return found.phrase
    return None


def _named_at(verb: str, name: str) -> int | None:
    """Where the row's ``name`` says the verb, not negated (``được số hóa``; not ``chưa được
    số hóa``); ``None`` where it does not."""
    for found in re.finditer(rf"(?<!\w){re.escape(fold(verb))}(?!\w)", fold(name)):
        if not re.search(r"(?:chưa|không)(?:\s+(?:được|bị|có))?\s+$", fold(name)[: found.start()]):
            return found.start()
    return None


def _in_the_rows_whole(spec: TargetSpec, unit: Unit | None) -> bool:
    """Whether ``spec`` writes the share of the named whole its row is in (``3% tổng chi ngân
    sách`` in a row of ``% tổng chi NSĐP``; not ``3% chi thường xuyên``, a plain %)."""
    written = getattr(spec, "unit", None)
    if unit is None or not unit.expression.startswith("percent_") or not written:
        return False
    try:
        return parse_unit(written).expression == unit.expression
    except Kh922Error:
        return False


def _refuse_doing_apart(text: str, unit: Unit | None, name: str, lower: bool) -> None:
    """Refuse a verb of doing that opens a cell of a named row that does not say it (``Hỗ trợ
    500 hộ nghèo`` in ``Số hộ nghèo``), or says it negated; in a row in %, one whose name does
    not count what the number counts before the verb (``hồ sơ`` of ``Số hóa 100% hồ sơ`` in
    ``Tỷ lệ hồ sơ được số hóa``; not ``học phí`` in ``Tỷ lệ học sinh được hỗ trợ học phí``);
    on a row better lower, any (see the module docstring)."""
    verb = _opening_verb(text)
    if verb is None or verb in _STOCK_WORDS or not name:
        return
    at = _named_at(verb, name)
    head = re.match(r"[^\W\d_]+(?:\s+[^\W\d_]+)?", _counted(text))
    share = unit is not None and unit.expression == "percent"
    counted = at is not None and (not (share and head) or fold(head.group(0)) in fold(name)[:at])
    if lower or not counted:
        raise TargetParseError(
            text,
            max(text.lower().find(verb), 0),
            "the level the row counts, as its name says it ('Đạt 100%', or the verb in the "
            "row's name: 'Số doanh nghiệp được hỗ trợ', 'Tỷ lệ hồ sơ được số hóa')",
            reason=f"{verb!r} before the number: the count or share of what is done, which "
            "the row does not name" + (" (on a row better lower, no cap of it)" if lower else ""),
        )


def refuse_counted_opposite(
    text: str,
    spec: TargetSpec,
    unit: Unit | None,
    indicator: str | None,
    stated: Direction | str | None,
) -> None:
    """Refuse a cell that counts the opposite of its row, another whole, or a share no level
    misses (see the module docstring).

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
    name = " ".join((indicator or "").lower().split())
    share = unit is not None and unit.expression == "percent"
    bare = isinstance(spec, Comparison) and spec.operator is Operator.TARGET
    capped = isinstance(spec, Comparison) and spec.operator is Operator.LE and bool(name)
    named_share = not name or _SHARE_NAME.match(name) is not None
    if (bare or capped) and lower and share and named_share and getattr(spec, "value", 0) >= 100:
        raise TargetParseError(
            text,
            0,
            "the share to reach below 100 %, or an indicator of the share named (better higher)",
            reason="100 % on a share better lower: every share meets it",
        )
    counted = _counted(text)
    opposite = _negated_apart(name, counted) if name and counted else None
    if opposite is not None:
        raise TargetParseError(
            text,
            max(text.lower().find(opposite.split()[0]), 0),
            "the target of the row's own share, or the cell in the row of its complement",
            reason=f"{opposite!r}: the cell counts the complement of {indicator!r}; read as "
            "the row's share, it would bound the opposite",
        )
    removed = _REMOVED.search(text)
    unsaid = stated is None and bool(name)  # a row named for what is left, or for the removed?
    if removed is not None and (lower or unsaid) and not _NAMES_REMOVAL.search(name):
        raise TargetParseError(
            text,
            removed.start(),
            "the level left ('còn dưới 500 hộ'), a fall ('giảm 1.500 hộ'), or the row of what "
            "is removed ('Số nhà tạm được xóa')",
            reason=f"{removed.group(0)[:-1].strip()!r} N: N removed, not N left; read as the "
            "level, a row of what is left would meet it without removing any",
        )
    if not _in_the_rows_whole(spec, unit):  # "Bố trí tối thiểu 3% tổng chi ngân sách cho KHCN"
        _refuse_doing_apart(text, unit, name, lower)
