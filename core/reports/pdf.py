"""The managers' report as a PDF: a summary in sentences, key figures, charts, the best and weakest posts, the comments.

Fonts are embedded from files on this machine (:mod:`core.reports.fonts`): the main font for
Latin, Vietnamese and Cyrillic, fallbacks for Devanagari and Japanese. Text shaping with
HarfBuzz is on, so Devanagari conjuncts and vowel signs are drawn as they are read.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from core import languages, timeutil
from core.queries.analytics import Figures, VariantFigures
from core.queries.feedback import UNKNOWN_LANGUAGE
from core.reports import charts, fonts, tables
from core.reports.output import write_file
from core.reports.report import Report, days_of

_WIDTH_MM = 180.0  # A4 less 15 mm margins
_TEXT_CHARS = 160  # a post's text in a table is cut here
_ACCENT = (31, 95, 153)


def check_fonts(roots: Sequence[Path] | None = None) -> tuple[fonts.FontFamily, ...]:
    """The fonts the PDF will embed; a :class:`~core.errors.UserError` when none is usable."""
    return fonts.report_fonts(roots)


def write_pdf(report: Report, path: str | Path, *, fonts: Sequence[fonts.FontFamily] | None = None) -> Path:
    """Write ``report`` as a PDF at ``path`` (nothing is left there on failure); the path."""
    data = render_pdf(report, fonts=fonts)

    def produce(temporary: Path) -> None:
        temporary.write_bytes(data)

    return write_file(path, produce)


def render_pdf(report: Report, *, fonts: Sequence[fonts.FontFamily] | None = None) -> bytes:
    """The PDF of ``report``, as bytes."""
    families = tuple(fonts) if fonts is not None else check_fonts()
    pdf = _document(families)
    main = families[0].name
    pdf.set_title(f"Engagement report {report.first_day} to {report.last_day}")
    pdf.set_creator("Communiqué")
    pdf.add_page()

    pdf.set_font(main, "B", 18)
    pdf.set_text_color(*_ACCENT)
    _paragraph(pdf, "Engagement report", 9)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(main, "", 11)
    _paragraph(pdf, f"{_period(report.first_day, report.last_day)} (calendar days in {report.zone})", 6)
    generated = report.generated_at.astimezone(timeutil.zone(report.zone))
    pdf.set_font(main, "", 8)
    _paragraph(pdf, f"Generated {generated:%Y-%m-%d %H:%M} {report.zone}.", 5)
    pdf.set_font(main, "", 10)
    _paragraph(pdf, "Accounts: " + ", ".join(report.account_names) + ".", 5.5)
    filters = _filters(report)
    if filters:
        _paragraph(pdf, filters, 5.5)
    pdf.ln(2)

    _heading(pdf, main, "Summary")
    pdf.set_font(main, "", 10)
    for sentence in summary_sentences(report):
        _paragraph(pdf, sentence, 5.5)
        pdf.ln(1)
    pdf.ln(2)
    _figures_table(pdf, main, tables.summary_table(report.summary, report.previous))

    _heading(pdf, main, "Engagement over time")
    _chart(pdf, charts.gained_chart(report.daily, title="Engagements gained per day"))
    for title, rows in (
        ("Engagements by account", report.by_account),
        ("Engagements by language", report.by_language),
        ("Engagements by platform", report.by_platform),
    ):
        if len(rows) > 1:
            _chart(pdf, charts.breakdown_chart(rows, title=title))

    _heading(pdf, main, f"Best posts (top {len(report.best)})", new_page=True)
    _posts_table(pdf, main, report.best, report.zone)
    _heading(pdf, main, f"Weakest posts (bottom {len(report.worst)})")
    _posts_table(pdf, main, report.worst, report.zone)

    _heading(pdf, main, "Comments")
    _comments(pdf, main, report)

    if report.best_times:
        _heading(pdf, main, "Best time to post", new_page=True)
        for item in report.best_times:
            best = item.best_time
            _chart(pdf, charts.heatmap_chart(best, title=f"{item.account_name}: {best.posts} posts"))
            pdf.set_font(main, "", 9)
            _paragraph(pdf, _advice(best), 5)
            pdf.ln(2)
    return bytes(pdf.output())


def summary_sentences(report: Report) -> list[str]:
    """The report's summary in a few plain sentences: totals, growth, the best and the weakest post."""
    now, before = report.summary, report.previous
    accounts = len(report.by_account)
    languages = len(report.by_language)
    sentences = [
        f"{_count(now.posts, 'post')} went out on {_count(accounts, 'account')} in "
        f"{_count(languages, 'language')}; together they gathered {_count(now.engagements, 'engagement')}"
        + _parts(now)
        + (f" from {now.impressions:,} impressions" if now.impressions is not None else "")
        + (f", an engagement rate of {now.rate:.2%}" if now.rate is not None else "")
        + "."
    ]
    previous_days = _period(*days_of(report.scope.previous(), report.zone))
    change = report.growth["engagements"]
    if before.posts == 0:
        sentences.append(f"Nothing was published in the previous period ({previous_days}) to compare with.")
    elif change is None:
        had = _count(before.posts, "post")
        sentences.append(f"The previous period ({previous_days}) had {had} and no engagement to compare with.")
    else:
        sentence = (
            f"Against the previous period ({previous_days}, {_count(before.posts, 'post')}), engagements "
            f"{_change(change)} (from {before.engagements:,})"
        )
        impressions = report.growth["impressions"]
        if impressions is not None:
            sentence += f" and impressions {_change(impressions)}"
        sentences.append(sentence + ".")
    if report.best:
        top = report.best[0]
        sentences.append(
            f"The best post was {_quote(top.text)} on {top.account_name} ({top.language}), {_figures_of(top.figures)}."
        )
    if report.worst and (not report.best or report.worst[0].variant_id != report.best[0].variant_id):
        low = report.worst[0]
        sentences.append(
            f"The weakest was {_quote(low.text)} on {low.account_name} ({low.language}), {_figures_of(low.figures)}."
        )
    return sentences


def _document(families: Sequence[fonts.FontFamily]) -> Any:
    from fpdf import FPDF

    class Document(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(families[0].name, "", 7)
            self.set_text_color(120, 120, 120)
            self.cell(0, 5, f"Communiqué engagement report, page {self.page_no()}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = Document(format="A4")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=18)
    main = families[0]
    pdf.add_font(main.name, "", str(main.regular.path), collection_font_number=main.regular.index)
    pdf.add_font(main.name, "B", str(main.bold.path), collection_font_number=main.bold.index)
    for family in families[1:]:
        # Regular faces only: bold text (titles, headers) is English, and a CJK face takes a
        # quarter of a second to load; bold runs in other scripts fall back to the regular face.
        pdf.add_font(family.name, "", str(family.regular.path), collection_font_number=family.regular.index)
    if len(families) > 1:
        # Glyph by glyph: what the main font lacks (Devanagari, kana, kanji) comes from the next that has it.
        pdf.set_fallback_fonts([family.name for family in families[1:]], exact_match=False)
    pdf.set_text_shaping(True)
    return pdf


def _paragraph(pdf: Any, text: str, height: float) -> None:
    pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


def _heading(pdf: Any, main: str, text: str, *, new_page: bool = False) -> None:
    if new_page:
        pdf.add_page()
    else:
        pdf.ln(3)
    pdf.set_font(main, "B", 13)
    pdf.set_text_color(*_ACCENT)
    _paragraph(pdf, text, 8)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1)


def _chart(pdf: Any, png: bytes) -> None:
    pdf.image(io.BytesIO(png), w=_WIDTH_MM)
    pdf.ln(2)


def _figures_table(pdf: Any, main: str, table: tables.Table) -> None:
    pdf.set_font(main, "", 9)
    with pdf.table(
        col_widths=(50, 40, 40, 30), text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT"), line_height=5.5
    ) as grid:
        header = grid.row()
        for title in table.columns:
            header.cell(title)
        for name, now, before, change in table.rows:
            row = grid.row()
            rate = name == "Engagement rate"
            row.cell(str(name))
            row.cell(_value(now, rate))
            row.cell(_value(before, rate))
            row.cell(_change(change, short=True) if isinstance(change, float) else "")


def _posts_table(pdf: Any, main: str, posts: Sequence[VariantFigures], zone: str) -> None:
    if not posts:
        pdf.set_font(main, "", 10)
        _paragraph(pdf, "No post has figures yet.", 5.5)
        return
    tz = timeutil.zone(zone)
    pdf.set_font(main, "", 8)
    with pdf.table(
        col_widths=(21, 30, 63, 24, 24, 18),
        text_align=("LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT"),
        line_height=4.5,
    ) as grid:
        header = grid.row()
        for name in ("Published", "Account", "Text", "Engagements", "Impressions", "Rate"):
            header.cell(name)
        for post in posts:
            row = grid.row()
            row.cell(f"{post.published_at.astimezone(tz):%Y-%m-%d %H:%M}")
            row.cell(f"{post.account_name} ({post.language})")
            row.cell(_cut(post.text))
            row.cell(f"{post.figures.engagements:,}")
            row.cell(_value(post.figures.impressions, False))
            row.cell(_value(post.figures.rate, True))


def comments_sentence(report: Report) -> str:
    """What the audience said in the period, in one sentence: how many comments, in how many languages."""
    counts = report.comments
    if not counts.total:
        return "No comments were collected on these posts in the period."
    known = [row for row in counts.by_language if row.language != UNKNOWN_LANGUAGE]
    sentence = f"The audience wrote {_count(counts.total, 'comment')}"
    if known:
        sentence += f" in {_count(len(known), 'language')}"
    return sentence + f"; {counts.unread:,} not read yet."


def _comments(pdf: Any, main: str, report: Report) -> None:
    counts = report.comments
    pdf.set_font(main, "", 10)
    _paragraph(pdf, comments_sentence(report), 5.5)
    if not counts.total:
        return
    pdf.ln(2)
    pdf.set_font(main, "", 9)
    language_rows = [(_language(row.language), row.total, row.unread) for row in counts.by_language]
    _counts_table(pdf, "Language", language_rows, col_widths=(70, 30, 30), line_height=5, width=130)
    pdf.ln(3)
    pdf.set_font(main, "B", 10)
    _paragraph(pdf, f"Most commented posts (top {len(counts.by_post)})", 6)
    pdf.set_font(main, "", 8)
    post_rows = [(_cut(post.label), post.total, post.unread) for post in counts.by_post]
    _counts_table(pdf, "Post", post_rows, col_widths=(140, 20, 20), line_height=4.5)


def _counts_table(pdf: Any, first: str, rows: Sequence[tuple[str, int, int]], **layout: Any) -> None:
    """A table of comments and unread ones per label, under a header naming the labels ``first``;
    ``layout``: the table's widths and line height as ``pdf.table`` takes them."""
    with pdf.table(text_align=("LEFT", "RIGHT", "RIGHT"), **layout) as grid:
        header = grid.row()
        for name in (first, "Comments", "Unread"):
            header.cell(name)
        for label, total, unread in rows:
            line = grid.row()
            line.cell(label)
            line.cell(f"{total:,}")
            line.cell(f"{unread:,}")


def _language(code: str) -> str:
    if code == UNKNOWN_LANGUAGE:
        return "Not detected yet"
    return f"{languages.name(code)} ({code})"


def _advice(best: Any) -> str:
    if best.advice and best.best:
        slots = ", ".join(f"{charts.WEEKDAYS[c.weekday]} {c.hour:02d}:00" for c in best.best)
        return f"Best slots ({best.zone}): {slots}. {best.basis}"
    return f"{best.reason or 'No advice yet.'} {best.basis}"


def _period(first: date, last: date) -> str:
    return _day(first) if first == last else f"{_day(first)} to {_day(last)}"


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _filters(report: Report) -> str:
    parts = []
    if report.scope.languages:
        parts.append("languages " + ", ".join(report.scope.languages))
    if report.scope.platforms:
        parts.append("platforms " + ", ".join(report.scope.platforms))
    return ("Only " + "; ".join(parts) + ".") if parts else ""


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def _parts(figures: Figures) -> str:
    named: list[str] = [
        _count(value, noun)
        for value, noun in (
            (figures.reactions, "reaction"),
            (figures.shares, "share"),
            (figures.replies, "reply"),
            (figures.clicks, "click"),
        )
        if value is not None
    ]
    return f" ({', '.join(named)})".replace("replys", "replies") if named else ""


def _figures_of(figures: Figures) -> str:
    text = f"with {_count(figures.engagements, 'engagement')}"
    if figures.impressions is not None:
        text += f" from {figures.impressions:,} impressions"
    return text


def _change(fraction: float, *, short: bool = False) -> str:
    if short:
        return f"{fraction:+.1%}"
    if fraction == 0:
        return "stayed level"
    return f"{'grew' if fraction > 0 else 'fell'} by {abs(fraction):.1%}"


def _value(value: object, rate: bool) -> str:
    if value is None:
        return "n/a"
    if rate and isinstance(value, float):
        return f"{value:.2%}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _quote(text: str) -> str:
    return f"“{_cut(' '.join(text.split()), 90)}”"


def _cut(text: str, limit: int = _TEXT_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
