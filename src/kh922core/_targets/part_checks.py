"""Cells of several targets that cannot be cut safely, refused before or after the cut.

* a respective list (``lần lượt là 100% và 90% ở cấp tỉnh và cấp xã``, ``theo thứ tự``,
  ``tương ứng``): its numbers and its labels are in two lists, which a cut pairs wrongly;
* a document's number as a part (``…; theo Nghị quyết 57``, ``(Đề án 06)``): no target;
* a baseline or an estimate among the targets (``năm cơ sở 2025: 50%``, ``năm 2025 (ước) 50%``,
  ``hiện trạng năm 2025 50%``): no target;
* a word before a part's number that qualifies it (``cấp xã thêm 20%``, ``năm 2030 đạt thêm 15
  xã``, ``cấp xã chỉ 80%``, ``nông thôn gần như 0%``): a number more, or the level?  Read alone
  the part is refused;
* a year in a part that its label does not hold (``năm 2026 cấp tỉnh 80%, năm 2030 cấp xã
  90%``, ``…, 70% cấp xã (năm 2025)``): the part's year would be lost, its target read for the
  cell's horizon;
* a result reached or the country's figure beside the targets (``…; năm 2025 đã đạt 55%``,
  ``…; cả nước năm 2030 đạt 70%``), a time the cell does not date (``Năm đầu đạt 50%``), a
  stretch goal after the target (``Đạt 95%; phấn đấu đạt 100% vào năm 2030``) and parts told
  apart some by years and some by groups: no target, or one read for the wrong year;
* parts of change some a year and some once (``Thành thị tăng 10%, nông thôn tăng 15% mỗi
  năm``): the reader carries the year to every part, each part's text alone would not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kh922core._targets.cells import refuse_clauses
from kh922core._targets.kinds import ChangeKind, TargetSpec
from kh922core._targets.scanner import YEARS, blank
from kh922core.errors import TargetParseError

__all__ = ["refuse_cell_shapes", "refuse_mixed_years", "refuse_part_words"]

#: A respective list: ``lần lượt``, or ``tương ứng``/``theo thứ tự`` beside a number.
_RESPECTIVE = re.compile(
    r"(?<!\w)lần\s+lượt(?!\w)|(?<!\w)(?:tương\s+ứng|theo\s+thứ\s+tự)(?:\s+(?:là|đạt|với|bằng))?"
    r"\s*:?\s*\d|\d\s*%?\s*(?:,|và)?\s*(?:tương\s+ứng|theo\s+thứ\s+tự)(?:\s+(?:với|là|cho))?"
    r"\s+[^,;\d]+(?:,|\svà\s)",
    re.IGNORECASE,
)
#: A document named with its number (no "số", which sets the number aside already; not a year,
#: nor a count: ``kế hoạch 5 năm``, ``Đề án 1 triệu ha``, ``Chương trình 30a``).
_REFERENCE = re.compile(
    r"(?<!\w)(?:nghị\s+quyết|quyết\s+định|nghị\s+định|thông\s+tư|chỉ\s+thị|kết\s+luận|đề\s+án"
    r"|kế\s+hoạch|chương\s+trình|công\s+văn|luật|chỉ\s+tiêu|QĐ|NQ|NĐ|KH)\s+"
    r"(?!(?:19|20)\d\d(?!\d))\d+(?![\w%.,/-])(?!\s*(?:%|năm|tháng|triệu|tỷ|nghìn|ngàn|ha|km|người"
    r"|hộ|xã|doanh\s+nghiệp)(?!\w))",
    re.IGNORECASE,
)
#: Words before a part's number, with only a comparator between, that qualify it (``cấp xã
#: thêm 20%``, ``cấp xã thêm ít nhất 20%``; not a verb's own: ``tăng thêm``; nor ``chỉ số``).
_QUALIFYING = re.compile(
    r"(?<!\w)(?<!tăng\s)(?<!giảm\s)(?<!có\s)(?<!nâng\s)(?<!lên\s)(?:thêm|bổ\s+sung"
    r"|(?<!chứng\s)(?<!địa\s)chỉ(?!\s+(?:số|tiêu|đạo|thị|dẫn|huy|định|rõ))|gần\s+như|dự\s+kiến"
    r"|còn\s+lại|tiếp\s+theo)"
    r"(?:\s+(?:ít\s+nhất|tối\s+(?:thiểu|đa)|trên|dưới|khoảng|đạt|là|có|được|hơn|từ|lên|xuống"
    r"|không\s+(?:dưới|quá|thấp\s+hơn)))*[\s:]*$",
    re.IGNORECASE,
)
#: A baseline or an estimate among the targets: ``năm cơ sở 2025: 50%``, ``năm 2025 (ước) 50%``,
#: ``hiện trạng năm 2025 50%``, ``năm 2030 ước 80%`` (not ``so với năm gốc 2020``, a base, nor
#: ``tuyến xã (cơ sở)``, ``Tiểu học (TH)``, ``bản đồ hiện trạng``: names).
_NOT_A_TARGET = re.compile(
    r"(?<!với\s)(?<!\w)năm\s+(?:cơ\s+sở|gốc)(?!\w)|(?<!\w)hiện\s+trạng\s+(?:năm\s+)?(?:19|20)\d\d(?!\d)"
    r"|\(\s*(?:ước(?:\s+(?:tính|đạt|thực\s+hiện|TH))?|ƯTH|UTH|sơ\s+bộ|năm\s+gốc|năm\s+cơ\s+sở"
    r"|hiện\s+trạng|số\s+liệu\s+(?:cơ\s+sở|gốc))\s*\)"
    r"|(?:19|20)\d\d\s*\(\s*(?:cơ\s+sở|gốc|TH|thực\s+hiện)\s*\)"
    r"|(?<!\w)ước(?:\s+(?:tính|thực\s+hiện|TH|đạt))?(?:\s+năm\s+(?:19|20)\d\d)?\s+(?=\d)",
    re.IGNORECASE,
)
#: A result reached or a national figure beside the targets (``…; năm 2025 đã đạt 55%``, ``…;
#: thực hiện năm 2025: 55%``, ``…; cả nước năm 2030 đạt 70%``): no target of the province.
_RESULT = re.compile(
    r"(?<!\w)đã\s+đạt(?:\s+được)?\s+(?:(?:khoảng|gần|trên|dưới|hơn|mức)\s+)*(?=\d)"
    r"|(?:[;,(]|\btrong\s+đó)\s*(?:(?:kết\s+quả|thực\s+hiện|số\s+liệu)"
    r"(?:\s+(?:thực\s+hiện|hết|cuối|của|năm))*\s+(?:19|20)\d\d(?!\d)"
    r"|ghi\s+chú\s*:|(?:cả\s+nước|toàn\s+quốc)(?!\w)(?=[^;,()]*\d))",
    re.IGNORECASE,
)
#: A stretch goal opening a later part (``Đạt 95%; phấn đấu đạt 100% vào năm 2030``): what the
#: province aims at beyond its target, a second target only in a schedule of years.
_STRETCH = re.compile(
    r"^\W*(?:(?:và|còn|đồng\s+thời)\s+)?(?:phấn\s+đấu|hướng\s+tới|tiến\s+tới|cố\s+gắng"
    r"|nỗ\s+lực)(?!\w)",
    re.IGNORECASE,
)
#: A time the cell does not date, before a part's number (``Năm đầu đạt 50%``, ``giai đoạn
#: sau 100%``, ``các năm tiếp theo tăng 10%/năm``).
_UNDATED = re.compile(
    r"(?<!\w)(?:(?:các|những)\s+)?(?:năm|giai\s+đoạn|kỳ)\s+(?:đầu(?!\s+tư)|cuối|sau|tiếp\s+theo|còn\s+lại"
    r"|kế\s+tiếp|thứ\s+(?:nhất|hai|ba|tư|năm|\d+))(?!\w)",
    re.IGNORECASE,
)
#: The label of a part told apart by its year.
_YEAR_LABEL = re.compile(r".*\b(?:19|20)\d\d\b.*")  # "năm 2026", "bình quân 2026-2030"
#: A year a part names (after ``năm``, or in brackets), but one a change or a price is measured
#: from (``so với năm 2025``, ``giá so sánh năm 2010``).
_YEAR = re.compile(
    r"(?<!với\snăm\s)(?<!sánh\snăm\s)(?<!giá\snăm\s)"
    r"(?:(?<=năm\s)|(?<=đến\s)|(?<=trước\s)|(?<=vào\s)|(?<=tới\s)|(?<=hết\s))(?:19|20)\d\d(?!\d)"
    r"|(?<=\()\s*(?:19|20)\d\d(?=\s*\))",
    re.IGNORECASE,
)


def _horizon(part: str, year: re.Match[str]) -> bool:
    """Whether ``year`` opens the first part as the cell's horizon: ``Đến năm 2030, cấp tỉnh
    …``, ``Năm 2030: …``, ``Phấn đấu đến năm 2030 cấp tỉnh …`` (not ``năm 2026 đạt 60%``, a
    part's own year)."""
    before, after = part[: year.start()], part[year.end() :]
    if re.search(r"\d", before):
        return False
    said = re.search(r"(?:đến|tới|hết|trong)\s+(?:năm\s+)?$", before, re.IGNORECASE)
    return bool(said or re.match(r"\s*(?:[-–]\s*(?:19|20)\d\d\s*)?[:,]", after))


def refuse_cell_shapes(text: str) -> None:
    """Refuse the shapes of a cell no cut reads (see the module docstring), an estimate and an
    exclusion among them (:func:`~kh922core._targets.cells.refuse_estimate`)."""
    refuse_clauses(text)
    for pattern, expected, why in (
        (
            _RESPECTIVE,
            "each number beside its label ('cấp tỉnh 100%, cấp xã 90%')",
            "a respective list: its numbers and its labels are in two lists",
        ),
        (
            _REFERENCE,
            "the targets alone, the document in a note column",
            "a document's number beside the targets is no target",
        ),
        (
            _NOT_A_TARGET,
            "the targets alone, the baseline or the estimate in its own column",
            "a baseline or an estimate of what was done is no target",
        ),
        (
            _RESULT,
            "the targets alone, a result or the country's figure in a note column",
            "a result reached or the country's figure is no target of the province",
        ),
    ):
        found = pattern.search(text)
        if found is not None:
            raise TargetParseError(
                text, found.start(), expected, reason=f"{found.group(0)!r}: {why}"
            )


def _refuse_cut_bracket(text: str, part: str, parts: list[str]) -> None:
    """Refuse a cell cut at a comma inside brackets (``75% (có bằng cấp, chứng chỉ 35%)``:
    the whole's number took the label ``(có bằng cấp``, the subgroup's ``chứng chỉ``)."""
    if part.count("(") > part.count(")"):
        raise TargetParseError(
            text,
            max(text.find(part), 0) + part.rfind("("),
            "each part with its label outside brackets ('95% cấp tỉnh; 85% cấp xã'), or the "
            "bracket's part after 'trong đó'",
            reason=f"the part {part!r} opens a bracket that another part closes: a comma inside "
            "the brackets cut them",
            parts=parts,
        )


def _refuse_label_after_base(text: str, label: str | None, part: str, parts: list[str]) -> None:
    """Refuse a part whose label is words after its base that the part alone does not read
    (``tăng 8% so với dự toán``: the label ``so với dự toán``, the change measured from the plan
    baseline; ``so với năm 2025 của cả nước``: the label ``cả nước``, the province's own 2025):
    a base the grammar does not name, or words that qualify it.  A label after a base the part
    reads alone stays (``tăng 20% so với năm 2020 (cấp tỉnh)``)."""
    from kh922core._targets.grammar import parse_target  # the grammar reads the parts

    base = re.search(r"\bso\s+với\b", part, re.IGNORECASE)
    if label is None or base is None:
        return
    if part.casefold().find(label.casefold()) < base.start() and "so với" not in label:
        return
    try:
        parse_target(part)
    except TargetParseError as alone:
        raise TargetParseError(
            text,
            max(text.find(part), 0) + base.start(),
            "a base the grammar names ('so với năm 2025', 'so với cùng kỳ')",
            reason=f"the words after the base of the part {part!r} would be its label "
            f"({label!r}), and alone it is refused: {alone.reason}",
            parts=parts,
        ) from None


def _refuse_labels_of_two_kinds(text: str, parts: list[tuple[str | None, str, str]]) -> None:
    """Refuse parts told apart some by years and some by other labels (``Đến năm 2027: 100%
    cấp tỉnh, 80% cấp xã; đến năm 2030: 100% cấp xã``: the 80 % lost its year 2027)."""
    labels = [label for label, _, _ in parts if label is not None]
    dated = [label for label in labels if _YEAR_LABEL.fullmatch(label)]
    if dated and len(dated) < len(labels):
        other = next(label for label in labels if not _YEAR_LABEL.fullmatch(label))
        raise TargetParseError(
            text,
            0,
            "parts told apart by one kind of label: each year with its groups in a cell of its "
            "own, or each group with its years",
            reason=f"the parts are told apart by years ({dated[0]!r}) and by {other!r}: a part "
            "would lose its year, or its group",
            parts=[p for _, p, _ in parts],
        )


def _refuse_times(
    text: str, number: int, part: str, parts: list[tuple[str | None, str, str]]
) -> None:
    """Refuse a time the cell does not date before a part's number (``Năm đầu đạt 50%``), and
    a stretch goal after a target (``Đạt 95%; phấn đấu đạt 100% vào năm 2030``) where the
    parts are not a schedule of years."""
    first = re.search(r"\d", blank(part, YEARS))
    before = part[: first.start() if first else len(part)]
    undated = _UNDATED.search(before)
    if undated is not None and not re.search(r"(?:19|20)\d\d", part):  # "năm cuối (2030)"
        raise TargetParseError(
            text,
            max(text.find(part), 0) + undated.start(),
            "each part's year ('năm 2026: 50%')",
            reason=f"{undated.group(0)!r} is a time the cell does not date",
            parts=[p for _, p, _ in parts],
        )
    schedule = all(label is not None and _YEAR_LABEL.fullmatch(label) for label, _, _ in parts)
    label = parts[number][0]
    # after a whole (no label), or labelled by the stretch's own words ("phấn đấu vào"); not a
    # group's part ("Trên 90% cấp tỉnh và phấn đấu 80% cấp xã")
    beyond = parts[0][0] is None or (label is not None and _STRETCH.match(label) is not None)
    if number and not schedule and beyond and _STRETCH.match(part):
        raise TargetParseError(
            text,
            max(text.find(part), 0),
            "the target alone, what the province strives for beyond it in a note column",
            reason=f"the part {part!r} strives beyond the target before it: a second target, or "
            "a hope?",
            parts=[p for _, p, _ in parts],
        )


def refuse_part_words(text: str, parts: list[tuple[str | None, str, str]]) -> None:
    """Refuse a word qualifying a part's number, a year of a part that its label does not hold
    (the first part's opening year may be the cell's horizon: :func:`_horizon`) and a part read
    as words beside numbers (``(theo Quyết định số 123)``).  ``parts``: each part's label, text
    and kind."""
    _refuse_labels_of_two_kinds(text, parts)
    for number, (label, part, kind) in enumerate(parts):
        _refuse_cut_bracket(text, part, [p for _, p, _ in parts])
        _refuse_times(text, number, part, parts)
        _refuse_label_after_base(text, label, part, [p for _, p, _ in parts])
        if kind == "qualitative":
            raise TargetParseError(
                text,
                max(text.find(part), 0),
                "a label and a number in each part ('cấp xã 90%')",
                reason=f"the part {part!r} has no number of its own",
                parts=[p for _, p, _ in parts],
            )
        if label is None:
            continue
        first = re.search(r"\d", blank(part, YEARS))
        qualified = _QUALIFYING.search(part[: first.start() if first else len(part)])
        if qualified is not None:
            raise TargetParseError(
                text,
                max(text.find(part), 0),
                "a label, then the number ('cấp xã 90%')",
                reason=f"{qualified.group(0).strip(' :')!r} before the number of the part {part!r} "
                "qualifies it (a number more, or the level?)",
                parts=[p for _, p, _ in parts],
            )
        years = [y for y in _YEAR.finditer(part) if y.group(0) not in label]
        if years and not (number == 0 and all(_horizon(part, y) for y in years)):
            raise TargetParseError(
                text,
                max(text.find(part), 0) + years[0].start(),
                "each part's year in its label ('năm 2026: 80%'), or one year for the cell",
                reason=f"the year {years[0].group(0)} is in the part {part!r}, not in its label "
                f"{label!r}: the part would be read for the cell's year",
                parts=[p for _, p, _ in parts],
            )


_PER_YEAR = frozenset({ChangeKind.GROWTH_PER_YEAR, ChangeKind.POINTS_PER_YEAR})


def refuse_mixed_years(text: str, parts: Sequence[tuple[str, TargetSpec]]) -> None:
    """Refuse a cell whose parts of change are some a year and some once (``Thành thị tăng 10%,
    nông thôn tăng 15% mỗi năm``: the reader carries ``mỗi năm`` to every part; the first part
    alone is a change of 10 % once, met by 2 % a year for five years)."""
    changes = [(part, spec.change) for part, spec in parts if spec.change is not None]
    yearly = [part for part, change in changes if change.kind in _PER_YEAR]
    once = [  # a change once from a base it names stands alone ("… tăng 10% so với năm 2020")
        part
        for part, change in changes
        if change.kind not in _PER_YEAR and change.since is None and not change.previous_year
    ]
    if yearly and once:
        raise TargetParseError(
            text,
            max(text.find(once[0]), 0),
            f"'mỗi năm' or '/năm' in each part of change ({yearly[0]!r} writes one)",
            reason=f"the part {once[0]!r} is a change once, {yearly[0]!r} a change a year",
            parts=[part for part, _ in parts],
        )
