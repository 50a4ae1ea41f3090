"""Screenshots of every screen of the app, in practice mode, over a realistic multilingual newsroom.

    python scripts/screenshots.py                          # every page, into docs/screenshots/
    python scripts/screenshots.py --out DIR --pages queue  # a quick check of one page

It starts the app offscreen in a temporary COMMUNIQUE_HOME whose settings file turns practice
mode on (a practice database, the local platform emulator), on a computer clock set to the press
office's zone (Hà Nội), and fills it through the product's services (scripts/sample_newsroom.py).
It then opens each page of a full-HD main window, waits for its loads to finish, leaves it as a
person would (the composer's draft on the variant still to review, the refused post selected in
the queue, the engagement charts and best-time heatmap drawn, the audit trail's latest publication
selected) and saves ``<key>.png``; then the Queue again in a window built in Vietnamese
(``queue-vi.png``, and ``feedback-vi.png`` when the Feedback page is shot: the audience's comments
translated into Vietnamese). The Feedback page shows sample comments recorded as the collector
would (:func:`collect_sample_comments`). A watchdog ends a run that hangs
(``--timeout``); any failure, or an error a page reports while it loads, exits non-zero.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from sample_newsroom import Newsroom

#: Pages whose loads take longer than this are reported as failed (a page must never hang).
SETTLE_S = 30.0
#: Quiet time after the last operation before a page counts as drawn.
QUIET_S = 0.3
#: The window's size in the pictures: a laptop's maximised window (the composer's counters wrap, so
#: four targets fit).
WINDOW_SIZE = (1440, 900)


def _prepare_environment(home: str) -> None:
    """Before anything reads them: offscreen Qt, a temporary home, the press office's clock, no real keyring.

    Practice mode and the interface language go into the home's settings file, as the Settings
    screen writes them, rather than into the environment: the Settings screenshot then shows them
    as a person would, not greyed out as forced by a variable.
    """
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["COMMUNIQUE_HOME"] = home
    os.environ["COMMUNIQUE_USER"] = "press-office"
    for variable in ("COMMUNIQUE_DB", "COMMUNIQUE_PUBLISH_IN_APP", "COMMUNIQUE_PRACTICE", "COMMUNIQUE_LANGUAGE"):
        os.environ.pop(variable, None)
    # Practice needs no secret; a keyring that refuses everything proves it and never touches the real one.
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    from sample_newsroom import OFFICE_ZONE  # scripts/ is on the path when this file runs

    from core import practice, settings

    # The computer's clock is the press office's (Hà Nội): the queue and the calendar show times on it.
    os.environ["TZ"] = OFFICE_ZONE
    time.tzset()
    settings.update(practice=True, interface_language="en")
    if not practice.enabled():  # never let the sample newsroom near a real account
        raise RuntimeError("practice mode could not be switched on in the temporary home")


class Shooter:
    """The main window over ``store``, and a way to wait until a page has finished loading."""

    def __init__(self, store: Any, app: Any) -> None:
        from app.context import make_context
        from app.main_window import MainWindow

        self.app = app
        self.busy = 0
        self.errors: list[str] = []
        ctx = make_context(store)
        # Connected before the window exists: its screens start loading while they are built.
        ctx.hub.busy.connect(self._on_busy)
        ctx.hub.error.connect(self.errors.append)
        self.window = MainWindow(store, ctx=ctx, watch=False)
        self.window.resize(*WINDOW_SIZE)
        self.window.show()

    def _on_busy(self, delta: int) -> None:
        self.busy += delta

    def settle(self, limit: float = SETTLE_S) -> None:
        """Run the event loop until no operation has been running for a moment."""
        deadline = time.monotonic() + limit
        quiet_since: float | None = None
        while time.monotonic() < deadline:
            self.app.processEvents()
            now = time.monotonic()
            if self.busy > 0:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = now
            elif now - quiet_since >= QUIET_S:
                return
            time.sleep(0.01)
        raise TimeoutError(f"operations still running after {limit:.0f} s")

    def shoot(self, key: str, target: Path, made: Newsroom) -> None:
        """Show page ``key``, wait for its loads, put it in the state a person would, save the window as ``target``."""
        before = len(self.errors)
        self.window.go(key)
        self.settle()
        stage = STAGES.get(key)
        if stage is not None:
            stage(self.window.pages[key], made)
            self.settle()
        if len(self.errors) > before:
            raise RuntimeError(f"page {key} reported: {'; '.join(self.errors[before:])}")
        if not self.window.grab().save(str(target)):
            raise RuntimeError(f"could not write {target}")


# --- each page as a person leaves it ----------------------------------------------------------------


def _stage_compose(page: Any, made: Newsroom) -> None:
    """The reopened draft with the tab of the variant still to review in front."""
    from app.views.compose import ComposePage

    if not isinstance(page, ComposePage):
        raise TypeError(f"the compose page is a {type(page).__name__}")
    if made.draft_post is None or page.review.post is None or page.review.post.id != made.draft_post.id:
        raise RuntimeError("the composer did not reopen the sample draft")
    pane = page.review.panes.get(made.to_review_variant or -1)
    if pane is None:
        raise RuntimeError("the review panel does not show the variant still to review")
    page.review.tabs.setCurrentWidget(pane)


def _stage_queue(page: Any, made: Newsroom) -> None:
    """The post the platform refused, selected: the panel below says why and what to do."""
    from app.views.queue import QueuePage

    if not isinstance(page, QueuePage):
        raise TypeError(f"the queue page is a {type(page).__name__}")
    if made.refused_variant is None or not page.select(made.refused_variant):
        raise RuntimeError("the queue does not show the refused post")
    page.table.scrollTo(page.table.currentIndex())


def _stage_engagement(page: Any, made: Newsroom) -> None:
    """The dashboard with its charts and the heatmap of the account with the most posts drawn; the top row selected."""
    from app.views.engagement import EngagementPage

    if not isinstance(page, EngagementPage):
        raise TypeError(f"the engagement page is a {type(page).__name__}")
    if page.dashboard is None or not page.dashboard.variants:
        raise RuntimeError("the engagement page shows no published post")
    if not any(value for _day, value in page.daily.points) or not page.bars.points:
        raise RuntimeError("the engagement charts are empty")
    heat = page.heatmap.heat
    if heat is None or not any(heat.posts.values()):
        raise RuntimeError("the best-time heatmap shows no post")
    if page.model.rowCount():
        page.table.selectRow(0)


def _stage_audit(page: Any, made: Newsroom) -> None:
    """The trail of the last 30 days, newest first, with the most recent publication selected."""
    from app.views.audit import AuditPage

    if not isinstance(page, AuditPage):
        raise TypeError(f"the audit page is a {type(page).__name__}")
    rows = page.model.rows
    if not rows:
        raise RuntimeError("the audit page shows no event")
    actions = {str(row.event.action) for row in rows}
    if not {"create", "publish"} <= actions:
        raise RuntimeError(f"the audit page shows too little of the newsroom: {sorted(actions)}")
    published = next(i for i, row in enumerate(rows) if str(row.event.action) == "publish")
    page.table.selectRow(published)
    page.table.scrollTo(page.model.index(published, 0), page.table.ScrollHint.PositionAtCenter)


# --- the audience's comments (the Feedback page) -----------------------------------------------------

#: Comments on the newest published post of the account in each language: (language, author, text,
#: hours ago, and the reader's English and Vietnamese as a person would put them; none: left to the
#: packs). Hindi -> English is the newsroom's missing pack: its comment shows which pack to install.
SAMPLE_COMMENTS: tuple[tuple[str, str, str, int, dict[str, str]], ...] = (
    (
        "ja",
        "佐藤 花子",
        "ベトナムとの友好がますます深まりますように。",
        1,
        {
            "en": "May the friendship with Viet Nam grow ever deeper.",
            "vi": "Mong tình hữu nghị với Việt Nam ngày càng sâu sắc.",
        },
    ),
    (
        "vi",
        "Nguyễn Văn An",
        "Cảm ơn Bộ Ngoại giao đã cập nhật thông tin kịp thời!",
        2,
        {"en": "Thank you, Ministry, for the timely update!"},
    ),
    (
        "de",
        "Jonas Weber",
        "Eine schöne Initiative, wir freuen uns auf den Besuch.",
        4,
        {
            "en": "A lovely initiative; we look forward to the visit.",
            "vi": "Một sáng kiến hay, chúng tôi mong chờ chuyến thăm.",
        },
    ),
    (
        "uk",
        "Олена Коваль",
        "Дякуємо за підтримку та теплі слова!",
        6,
        {"en": "Thank you for the support and the warm words!", "vi": "Cảm ơn sự ủng hộ và những lời ấm áp!"},
    ),
    (
        "en",
        "Sarah Miller",
        "Will the consular section be open during the holiday?",
        9,
        {"vi": "Bộ phận lãnh sự có mở cửa trong kỳ nghỉ lễ không?"},
    ),
    ("hi", "प्रिया शर्मा", "भारत और वियतनाम की दोस्ती ज़िंदाबाद!", 13, {}),
    ("ja", "田中 健", "素晴らしい写真ですね。", 20, {"en": "What a wonderful photo.", "vi": "Bức ảnh thật tuyệt vời."}),
)
#: On the Japanese post, a comment edited after it was first collected (its first text, then the
#: one shown, with its translations), and one the platform then deleted (with its translation).
EDITED_COMMENT = (
    "ハノイに行きたいです",
    "ハノイにぜひ行きたいです！",
    {"en": "I would love to go to Hanoi!", "vi": "Tôi rất muốn đến Hà Nội!"},
)
DELETED_COMMENT = (
    "Free followers here!!! Click the link in my profile",
    {"vi": "Người theo dõi miễn phí tại đây!!! Bấm vào liên kết trong trang cá nhân của tôi"},
)


def collect_sample_comments(store: Any) -> int:
    """Record the sample comments as the collector would (one of them edited, one read), detect their languages.

    The English a person would give each comment goes into the translation memory as a person's
    translation: the Feedback page then translates through the real pipeline, which prefers it
    to the practice packs' gibberish. Returns how many comments were recorded.
    """
    from datetime import timedelta

    from sqlalchemy import select

    from core import timeutil
    from core.comments import CommentBatch, FetchedComment
    from core.services import comments, feedback
    from core.store.tables import accounts, variants
    from translation import memory
    from translation.comments import detect_languages

    now = timeutil.now_utc()
    with store.read() as conn:
        rows = conn.execute(
            select(variants.c.id, variants.c.remote_id, accounts.c.language)
            .join(accounts, accounts.c.id == variants.c.account_id)
            .where(variants.c.status == "published", variants.c.remote_id.is_not(None))
            .order_by(variants.c.published_at.desc())
        ).all()
    newest: dict[str, tuple[int, str]] = {}
    for variant_id, remote_id, language in rows:
        newest.setdefault(str(language), (int(variant_id), str(remote_id)))
    batches: dict[int, list[FetchedComment]] = {}
    remotes: dict[int, str] = {}

    def remember(source: str, text: str, translations: dict[str, str]) -> None:
        for target, translated in translations.items():
            memory.remember_correction(store, source, target, text, translated, actor="press-office")

    for number, (language, author, text, hours, translations) in enumerate(SAMPLE_COMMENTS):
        if language not in newest:
            continue
        variant_id, remote_id = newest[language]
        remotes[variant_id] = remote_id
        written = now - timedelta(hours=hours, minutes=7 * number)
        batches.setdefault(variant_id, []).append(
            FetchedComment(f"sample-{number}", text, written, author, like_count=number % 4)
        )
        remember(language, text, translations)
    first, text, translations = EDITED_COMMENT
    spam, spam_translations = DELETED_COMMENT
    variant_id, remote_id = newest.get("ja", (0, ""))
    later: list[FetchedComment] = []
    if variant_id:
        edited = FetchedComment("sample-edited", first, now - timedelta(hours=3), "山本 愛子")
        gone = FetchedComment("sample-deleted", spam, now - timedelta(hours=2, minutes=30), "promo_bot")
        kept = batches.get(variant_id, [])
        later = [*kept, FetchedComment(edited.remote_id, text, edited.created_at, edited.author_name, edited=True)]
        batches[variant_id] = [*kept, edited, gone]
        remotes[variant_id] = remote_id
        remember("ja", text, translations)
        remember("en", spam, spam_translations)
    recorded: list[int] = []
    for each, fetched in batches.items():
        batch = CommentBatch(remotes[each], tuple(fetched))
        recorded += comments.record_comments(store, each, batch, now=now - timedelta(minutes=30)).new
    if later:  # read again half an hour later: the text changed, the spam is gone (a complete read)
        again = CommentBatch(remote_id, tuple(later), complete=True)
        comments.record_comments(store, variant_id, again, now=now)
    detect_languages(store, recorded)
    feedback.mark_read(store, recorded[1:2], actor="press-office")  # one read already: the rest are bold
    return len(recorded)


def _stage_feedback(page: Any, made: Newsroom) -> None:
    """The comments translated into English, the edited Japanese one selected: original, translation, history."""
    from app.views.feedback import FeedbackPage

    if not isinstance(page, FeedbackPage):
        raise TypeError(f"the feedback page is a {type(page).__name__}")
    rows = page.model.rows
    if not rows:
        raise RuntimeError("the feedback page shows no comment")
    if not any(row.translation is not None for row in rows):
        raise RuntimeError("the feedback page translated no comment")
    edited = next((row for row in rows if row.edited), rows[0])
    page.select(edited.id)


#: What to do on a page once it has loaded, before its picture is taken.
STAGES: dict[str, Callable[[Any, Newsroom], None]] = {
    "compose": _stage_compose,
    "queue": _stage_queue,
    "engagement": _stage_engagement,
    "audit": _stage_audit,
    "feedback": _stage_feedback,
}


def run(out: Path, pages: list[str] | None, vietnamese: bool) -> list[Path]:
    """Fill a practice newsroom and save the screenshots; returns the files written."""
    from sample_newsroom import fill  # scripts/ is on the path when this file runs

    from app import i18n
    from app.qt import QApplication
    from app.views import PAGES
    from connectors.practice import stop_sandboxes
    from connectors.sandbox import Sandbox
    from core import settings
    from core.store import open_store

    keys = [page.key for page in PAGES]
    unknown = sorted(set(pages or ()) - set(keys))
    if unknown:
        raise SystemExit(f"screenshots: no page {', '.join(unknown)}; the pages are {', '.join(keys)}")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    # An emulator of our own on a free port: a developer's `communique sandbox serve` is left alone.
    with Sandbox() as sandbox:
        os.environ["COMMUNIQUE_PRACTICE_URL"] = sandbox.base_url
        store = open_store()
        try:
            made = fill(store, sandbox)
            made.notes.append(f"{collect_sample_comments(store)} sample comments on the Feedback page")
            app = QApplication.instance() or QApplication(sys.argv[:1])
            i18n.install(app, "en")
            shooter = Shooter(store, app)
            window = shooter.window
            shooter.settle()
            for key in pages or keys:
                target = out / f"{key}.png"
                shooter.shoot(key, target, made)
                written.append(target)
                print(f"screenshots: {target}")
            window.close()
            if vietnamese:
                # A window built in Vietnamese, as the app starts with interface_language = "vi".
                settings.update(interface_language="vi")
                if not i18n.install(app, "vi"):
                    raise RuntimeError("the Vietnamese interface could not be installed")
                translated = Shooter(store, app)
                translated.settle()
                for key in ("queue", *(["feedback"] if pages is None or "feedback" in pages else [])):
                    target = out / f"{key}-vi.png"
                    translated.shoot(key, target, made)
                    written.append(target)
                    print(f"screenshots: {target}")
                translated.window.close()
                i18n.install(app, "en")
            for note in made.notes:
                print(f"screenshots: note: {note}")
        finally:
            store.dispose()
            stop_sandboxes()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots", help="folder for the PNG files")
    parser.add_argument("--pages", help="comma-separated page keys (default: every page)")
    parser.add_argument("--no-vietnamese", action="store_true", help="leave out queue-vi.png and feedback-vi.png")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a hung run is stopped")
    args = parser.parse_args()
    # A hang anywhere (a page that never finishes loading, a stuck thread) ends the process with
    # every thread's stack printed and exit status 1, instead of blocking `make` forever.
    faulthandler.dump_traceback_later(args.timeout, exit=True)
    pages = [key.strip() for key in args.pages.split(",") if key.strip()] if args.pages else None
    with tempfile.TemporaryDirectory(prefix="communique-screenshots-") as home:
        _prepare_environment(home)
        try:
            written = run(args.out.resolve(), pages, not args.no_vietnamese)
        except Exception as exc:  # one line for `make`, the traceback for whoever fixes it
            import traceback

            traceback.print_exc()
            print(f"screenshots: failed: {exc}", file=sys.stderr)
            return 1
    faulthandler.cancel_dump_traceback_later()
    print(f"screenshots: {len(written)} file(s) written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
