"""``communique report``: the real console script writes CSV, XLSX and PDF, and refuses bad requests in one sentence."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from core.queries import analytics
from core.reports.report import scope_for_days
from core.store import Store
from tests.support import engagement_history as history
from tests.support.cli import run_cli

PERIOD = ("--since", "2027-03-01", "--until", "2027-03-31")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def generated(store: Store) -> history.History:
    return history.generate(store, posts_count=16, days=30)


def test_csv_and_xlsx_of_chosen_accounts_in_a_zone(
    store: Store, generated: history.History, isolated_home: Path, out: Path
) -> None:
    chosen = ("--account", "Tokyo", "--account", "Kyiv", "--zone", "Asia/Tokyo")
    done = run_cli("report", *PERIOD, *chosen, "--format", "csv", "--out", str(out / "posts.csv"), home=isolated_home)
    assert done.code == 0, done.err
    assert done.out.strip() == f"Wrote the CSV export of 2027-03-01 to 2027-03-31 (Asia/Tokyo) to {out / 'posts.csv'}."

    ids = [generated.account_ids["Kyiv"], generated.account_ids["Tokyo"]]
    scope = scope_for_days(history.date(2027, 3, 1), history.date(2027, 3, 31), "Asia/Tokyo", account_ids=ids)
    expected = {v.variant_id: v.figures.engagements for v in analytics.variants(store, scope)}
    with (out / "posts.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert expected and {int(r["Variant"]): int(r["Engagements"]) for r in rows} == expected
    assert {r["Account"] for r in rows} <= {"Tokyo", "Kyiv"}

    done = run_cli(
        "report", *PERIOD, "--language", "uk", "--format", "xlsx", "--out", str(out / "r.xlsx"), home=isolated_home
    )
    assert done.code == 0, done.err
    book = openpyxl.load_workbook(out / "r.xlsx")
    assert book.sheetnames[:2] == ["Summary", "Posts"]
    assert {row[3] for row in book["Posts"].iter_rows(min_row=2, values_only=True)} == {"uk"}


def test_pdf_report_of_a_period(
    store: Store, generated: history.History, isolated_home: Path, out: Path, qapp: object
) -> None:
    done = run_cli("report", *PERIOD, "--format", "pdf", "--out", str(out / "report.pdf"), home=isolated_home)
    assert done.code == 0, done.err
    # QtPdf is no part of the app's Qt doorway (app.qt): only the report tests render PDFs.
    from PySide6.QtPdf import QPdfDocument  # noqa: TID251

    document = QPdfDocument(qapp)  # type: ignore[arg-type]
    assert document.load(str(out / "report.pdf")) == QPdfDocument.Error.None_
    text = " ".join(document.getAllText(0).text().split())
    assert "Engagement report" in text and "1 March 2027 to 31 March 2027" in text
    assert "Accounts: Berlin, Kyiv, Tokyo, Washington." in text
    assert [p.name for p in out.iterdir()] == ["report.pdf"]


@pytest.mark.parametrize(
    ("arguments", "sentence"),
    [
        (("--since", "2027-02-30", "--until", "2027-03-31"), "Cannot read the date '2027-02-30' given to --since"),
        (("--since", "2027-03-31", "--until", "2027-03-01"), "The period ends (2027-03-01) before it starts"),
        (("--since", "2026-01-01", "--until", "2026-01-31"), "Nothing was published from 2026-01-01 to 2026-01-31"),
        ((*PERIOD, "--account", "Atlantis"), "No account named 'Atlantis'"),
        ((*PERIOD, "--zone", "Mars/Olympus"), "Unknown time zone 'Mars/Olympus'"),
        (
            (*PERIOD, "--platform", "fax"),
            "Nothing was published from 2027-03-01 to 2027-03-31 (UTC) with these filters",
        ),
        ((*PERIOD, "--out-folder-missing"), "Cannot write"),
    ],
)
def test_refusals_are_one_sentence_with_status_2_and_leave_no_file(
    store: Store, isolated_home: Path, out: Path, arguments: tuple[str, ...], sentence: str
) -> None:
    tokyo = history.add_accounts(store)["Tokyo"]
    history.publish(store, tokyo, "ja", history.START + history.timedelta(days=3), "会議")
    target = out / "report.pdf"
    if arguments[-1] == "--out-folder-missing":
        arguments, target = arguments[:-1], out / "missing" / "report.pdf"
    done = run_cli("report", *arguments, "--format", "pdf", "--out", str(target), home=isolated_home)
    assert done.code == 2
    assert done.err.startswith(f"communique: {sentence}"), done.err
    assert done.err.count("\n") == 1 and "Traceback" not in done.err
    assert list(out.iterdir()) == []


def test_a_format_it_does_not_know_is_a_usage_error(isolated_home: Path, out: Path) -> None:
    done = run_cli("report", *PERIOD, "--format", "docx", "--out", str(out / "r.docx"), home=isolated_home)
    assert done.code == 2 and "invalid choice: 'docx'" in done.err and done.err.count("\n") == 1
