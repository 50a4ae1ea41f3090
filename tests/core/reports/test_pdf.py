"""The PDF report opens, is drawn, and carries post texts in Vietnamese, Ukrainian, Hindi and Japanese."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from core.errors import UserError
from core.queries.feedback import LanguageCount, PostCount
from core.reports import fonts, pdf
from core.reports.comments import CommentCounts
from core.reports.report import Report


def _open(data: bytes, folder: Path, qapp: Any) -> Any:
    """A loaded QPdfDocument of ``data``; tests may use Qt, the reports package may not."""
    # QtPdf is no part of the app's Qt doorway (app.qt): only this test renders PDFs.
    from PySide6.QtPdf import QPdfDocument  # noqa: TID251

    file = folder / "opened.pdf"
    file.write_bytes(data)
    document = QPdfDocument(qapp)
    assert document.load(str(file)) == QPdfDocument.Error.None_
    return document


def _ink(document: Any, page: int) -> float:
    """The share of a rendered page's pixels that are not white."""
    from PySide6.QtGui import QImage  # noqa: TID251 (not in app.qt: only this test reads pixels)

    from app.qt import QSize

    image = document.render(page, QSize(595, 842)).convertToFormat(QImage.Format.Format_Grayscale8)
    assert not image.isNull()
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return float((rows[:, : image.width()] < 240).mean())


def test_the_report_renders_with_every_script(report: Report, tmp_path: Path, qapp: Any) -> None:
    # Its speed (a quarter under 5 s) is measured by `make bench-engagement`, not asserted here.
    written = pdf.write_pdf(report, tmp_path / "report.pdf")

    data = written.read_bytes()
    assert data.startswith(b"%PDF-")
    # The fallback fonts are embedded, not only named.
    assert b"NotoSansDevanagari" in data and b"NotoSansCJK" in data and b"/FontFile2" in data

    document = _open(data, tmp_path, qapp)
    pages = document.pageCount()
    assert pages >= 3
    text = "\n".join(document.getAllText(page).text() for page in range(pages))
    assert "Engagement report" in text
    for fragment in ("Đại sứ quán Việt Nam", "Посольство вітає", "大使館より新年", "東京 (X)"):
        assert fragment in " ".join(text.split()), fragment
    assert any("\u0900" <= char <= "\u097f" for char in text)  # Devanagari made it onto a page
    assert all(_ink(document, page) > 0.005 for page in range(pages))
    assert _ink(document, 0) > 0.03  # the first page has the summary, the table and a chart


def test_the_summary_says_totals_growth_and_the_best_and_weakest_posts(report: Report) -> None:
    sentences = pdf.summary_sentences(report)
    assert sentences[0].startswith(
        "4 posts went out on 4 accounts in 4 languages; together they gathered 300 engagements"
    )
    assert "engagement rate of 5.00%" in sentences[0]
    assert "engagements grew by 50.0% (from 200)" in sentences[1]
    assert "impressions grew by 20.0%" in sentences[1]
    assert "Đại sứ quán Việt Nam chúc mừng năm mới" in sentences[2] and "with 120 engagements" in sentences[2]
    assert "大使館より新年" in sentences[3] and sentences[3].startswith("The weakest was")


def test_the_report_fonts_cover_the_four_scripts() -> None:
    found = [family.name for family in fonts.report_fonts()]
    assert found[0] in ("NotoSans", "DejaVuSans")
    assert "NotoSansDevanagari" in found and "NotoSansCJK" in found


def test_no_usable_font_is_refused_in_one_sentence(tmp_path: Path, report: Report) -> None:
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "readme.txt").write_text("no fonts here")
    with pytest.raises(UserError) as refused:
        pdf.check_fonts([tmp_path / "fonts"])
    message = str(refused.value)
    assert message.startswith("No Unicode font for the PDF report is installed") and message.count(". ") == 0


def test_the_report_has_a_comments_section_per_language_and_post(report: Report, tmp_path: Path, qapp: Any) -> None:
    counts = CommentCounts(
        total=42,
        unread=7,
        by_language=(LanguageCount("ja", 30, 5), LanguageCount("vi", 10, 2), LanguageCount("und", 2, 0)),
        by_post=(
            PostCount(1, "大使館より新年のご挨拶を申し上げます", 30, 5),
            PostCount(2, "Đại sứ quán Việt Nam", 12, 2),
        ),
    )
    commented = replace(report, comments=counts)
    assert pdf.comments_sentence(commented) == "The audience wrote 42 comments in 2 languages; 7 not read yet."
    document = _open(pdf.render_pdf(commented), tmp_path, qapp)
    text = " ".join(" ".join(document.getAllText(page).text() for page in range(document.pageCount())).split())
    assert "Comments" in text and "Most commented posts (top 2)" in text
    assert "Japanese (ja) 30 5" in text and "Vietnamese (vi) 10 2" in text and "Not detected yet 2 0" in text
    assert "大使館より新年のご挨拶を申し上げます 30 5" in text
    assert pdf.comments_sentence(report) == "No comments were collected on these posts in the period."
