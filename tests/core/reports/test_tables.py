"""CSV and XLSX exports read back: the same cells, with their types, and no partial file on failure."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from core.errors import UserError
from core.queries.analytics import Figures, Row, VariantFigures
from core.reports.tables import Table, breakdown_table, summary_table, variants_table, write_csv, write_xlsx

FIGURES = Figures(2, 1, 10, None, 3, 400, None, 13, 13 / 400)


def test_csv_parses_back_to_the_variants_with_local_times(tmp_path: Path, posts: list[VariantFigures]) -> None:
    table = variants_table(posts, zone="Asia/Tokyo")
    written = write_csv(table, tmp_path / "posts.csv")

    with written.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header[0] == "Published (Asia/Tokyo)" and "Text" in header and header[-1] == "URL"
    assert len(rows) == len(posts)
    column = {name: i for i, name in enumerate(header)}
    for row, post in zip(rows, posts, strict=True):
        assert row[column["Text"]] == post.text  # Vietnamese, Ukrainian, Hindi, Japanese survive the round trip
        assert row[column["Account"]] == post.account_name
        assert int(row[column["Engagements"]]) == post.figures.engagements
        assert row[column["Impressions"]] == ("" if post.figures.impressions is None else str(post.figures.impressions))
    # 23:30 UTC on 10 January is 08:30 on 11 January in Tokyo.
    assert rows[0][column["Published (Asia/Tokyo)"]] == "2027-01-11 08:30"


def test_xlsx_keeps_numbers_datetimes_and_empty_cells(tmp_path: Path, posts: list[VariantFigures]) -> None:
    formula_like = posts[0].__class__(**{**posts[0].__dict__, "text": '=HYPERLINK("https://evil")'})
    tables = [
        summary_table(FIGURES, Figures(1, 1, 5, None, 3, 200, None, 8, 0.04)),
        variants_table([formula_like, *posts[1:]], zone="UTC"),
        breakdown_table([Row("2027-01-04", "2027-01-04", FIGURES)], "week"),
    ]
    written = write_xlsx(tables, tmp_path / "report.xlsx")

    book = openpyxl.load_workbook(written)
    assert book.sheetnames == ["Summary", "Posts", "By week"]
    sheet = book["Posts"]
    header = [cell.value for cell in sheet[1]]
    first = {name: cell for name, cell in zip(header, sheet[2], strict=True)}
    assert first["Published (UTC)"].value == datetime(2027, 1, 10, 23, 30)
    assert first["Engagements"].value == 120 and isinstance(first["Engagements"].value, int)
    assert (
        first["Engagement rate"].value == pytest.approx(120 / 2000)
        and first["Engagement rate"].number_format == "0.00%"
    )
    assert first["Text"].value == '=HYPERLINK("https://evil")' and first["Text"].data_type == "s"  # text, not a formula
    last = {name: cell.value for name, cell in zip(header, sheet[sheet.max_row], strict=True)}
    assert last["Impressions"] is None and last["Engagement rate"] is None and last["Text"] == posts[-1].text

    summary = {row[0]: row[1:] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Engagements"] == (13, 8, pytest.approx(13 / 8 - 1))
    assert summary["Shares"] == (None, None, None)  # never reported: empty, not zero
    week = list(book["By week"].iter_rows(min_row=2, values_only=True))
    assert week[0][0] == datetime(2027, 1, 4)  # a date cell, not the text "2027-01-04"


def test_sheet_names_are_legal_and_unique(tmp_path: Path) -> None:
    long = "Posts: the [first] quarter/2027 of every account?"
    tables = [
        Table(long, ("A",), ((1,),)),
        Table(long, ("A",), ((2,),)),
        Table("posts: the [first] quarter", ("A",), ()),
    ]
    book = openpyxl.load_workbook(write_xlsx(tables, tmp_path / "names.xlsx"))
    names = book.sheetnames
    assert len(set(name.lower() for name in names)) == 3
    assert all(len(name) <= 31 and not set(name) & set("[]:*?/\\") for name in names)
    assert book[names[1]]["A2"].value == 2


def test_breakdown_rows_keep_their_order_and_labels() -> None:
    rows = [
        Row(3, "Київ (Facebook)", FIGURES),
        Row(1, "東京 (X)", Figures(1, 0, None, None, None, None, None, 0, None)),
    ]
    table = breakdown_table(rows, "account")
    assert table.columns[0] == "Account" and table.columns[-1] == "Engagement rate"
    assert [row[0] for row in table.rows] == ["Київ (Facebook)", "東京 (X)"]
    assert table.rows[1][1:] == (1, 0, None, None, None, None, None, 0, None)
    assert breakdown_table([Row("2027-02-01", "February 2027", FIGURES)], "month").rows[0][0] == date(2027, 2, 1)


def test_an_unwritable_path_is_refused_and_leaves_nothing(tmp_path: Path, posts: list[VariantFigures]) -> None:
    table = variants_table(posts, zone="UTC")
    out = tmp_path / "out"
    out.mkdir()
    blocker = out / "a-file"
    blocker.write_text("x")
    with pytest.raises(UserError, match=r"^Cannot write .*does not exist\.$"):
        write_csv(table, blocker / "posts.csv")
    with pytest.raises(UserError, match="is a folder"):
        write_xlsx([table], out)
    assert sorted(p.name for p in out.iterdir()) == ["a-file"]


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "posts.csv"
    target.write_text("old", encoding="utf-8")
    unwritable = Table("Posts", ("A",), (("\ud800",),))  # a lone surrogate cannot be encoded as UTF-8
    with pytest.raises(UnicodeEncodeError):
        write_csv(unwritable, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in out.iterdir()] == ["posts.csv"]
