"""The HTML report opened in headless Chromium (Debian's ``chromium``; skipped where it is
absent, installed by ``.ci/run``): no console error, the key figures in the DOM, a screenshot
written as a test artefact (in ``$KH922_ARTEFACTS``, else the test's temporary folder)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kh922core._cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def _chromium(page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--enable-logging=stderr",
        "--v=0",
        *args,
        page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _console(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if ":CONSOLE" in line]


def test_the_harness_sees_console_errors(tmp_path: Path) -> None:
    page = tmp_path / "hong.html"
    page.write_text('<p>x</p><script>console.error("boom")</script>', encoding="utf-8")
    assert any("boom" in line for line in _console(_chromium(page, "--dump-dom")))


def test_the_report_opens_offline_without_errors_with_its_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "bao-cao.html"
    assert main(["report", "--as-of", "2025-11-01", "-o", str(page)]) == 0
    capsys.readouterr()
    shown = _chromium(page, "--dump-dom")
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert _console(shown) == []
    dom = shown.stdout
    assert 'data-met="2"' in dom
    assert 'data-n-targets="38"' in dom
    assert "2/38 mục tiêu đạt, 2 chưa đạt, 34 chưa có số liệu" in dom
    assert "Chỉ số đổi mới sáng tạo cấp địa phương (PII)" in dom
    assert "Đã đạt" in dom
    assert dom.count("<svg") >= 2
    folder = Path(os.environ.get("KH922_ARTEFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    picture = folder / "bao-cao.png"
    taken = _chromium(page, f"--screenshot={picture}", "--window-size=1280,2400")
    assert taken.returncode == 0
    assert _console(taken) == []
    assert picture.stat().st_size > 20_000
