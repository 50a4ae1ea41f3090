"""Translate and review: the source beside each variant, and scheduling them all once they are ready.

The panel shows the post's source text (protected spans marked) on the left and one tab per
variant on the right (:class:`app.widgets.review_pane.VariantPane`). A banner names the variants
a change of the source sent back to review. "Schedule" is enabled only when every target is
within its limit, reviewed and saved; otherwise it is disabled and the reason is written beside it.
Where a target account requires approval, the step says so before any refusal: "Submit for
approval" sends those variants to an approver, and "Schedule" waits until they are approved
(:func:`app.viewmodels.approval.approval_gate`; the services check it again).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from app.changes import POSTS
from app.context import AppContext
from app.i18n import Retranslatable
from app.qt import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.viewmodels import approval, review, schedule
from app.viewmodels.composer import repeating_variants
from app.viewmodels.review import VariantView
from app.viewmodels.schedule import ClockState, Plan
from app.widgets.gate_text import describe
from app.widgets.review_pane import VariantPane
from app.widgets.span_highlighter import SpanHighlighter
from core import queries
from core.domain import Post
from translation.glossary import GlossaryTerm


class ReviewPanel(Retranslatable, QWidget):
    """The variants of the post being composed, side by side with its source."""

    #: The post after "Schedule" succeeded.
    scheduled = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, initiator: object | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: Who the changes made here are reported as (the page, which need not reload for them).
        self.initiator = initiator if initiator is not None else self
        self.post: Post | None = None
        self.zones: dict[int, str] = {}
        self.repeating: frozenset[int] = frozenset()
        self.terms: dict[str, list[GlossaryTerm]] = {}
        self.requeued: set[str] = set()
        self.views: list[VariantView] = []
        self.panes: dict[int, VariantPane] = {}
        #: The ids of the accounts that require approval (read in the background with each post).
        self.requiring: frozenset[int] = frozenset()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fef3c7; color: #78350f; padding: 6px; font-weight: bold;")
        self.banner.hide()
        layout.addWidget(self.banner)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        source_box = QWidget(splitter)
        source_layout = QVBoxLayout(source_box)
        source_layout.setContentsMargins(0, 0, 0, 0)
        self.source_label = QLabel(source_box)
        self.source = QPlainTextEdit(source_box)
        self.source.setReadOnly(True)
        self.source_highlighter = SpanHighlighter(self.source.document())
        source_layout.addWidget(self.source_label)
        source_layout.addWidget(self.source, 1)
        self.tabs = QTabWidget(splitter)
        splitter.addWidget(source_box)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        self.gate_reason = QLabel(self)
        self.gate_reason.setWordWrap(True)
        self.gate_reason.setStyleSheet("color: #b91c1c;")
        self.schedule_button = QPushButton(self)
        self.schedule_button.clicked.connect(self.schedule_all)
        self.submit_button = QPushButton(self)
        self.submit_button.clicked.connect(self.submit_for_approval)
        self.submit_button.hide()
        bottom.addWidget(self.gate_reason, 1)
        bottom.addWidget(self.submit_button)
        bottom.addWidget(self.schedule_button)
        layout.addLayout(bottom)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        self.schedule_button.setText(self.tr("Schedule"))
        self.submit_button.setText(self.tr("Submit for approval"))
        self.submit_button.setToolTip(self.tr("Ask an approver to approve these versions; schedule them once approved"))
        for pane in self.panes.values():
            pane.retranslate()
        if self.post is not None:
            self._render()  # the panes' headings and flags and the gate's reasons are worded too
        else:
            self._show_source_label()
            self._show_banner()
            self.update_gate()

    # --- showing ----------------------------------------------------------------------------------

    def clear(self) -> None:
        """Show nothing (a new draft, not translated yet)."""
        self.post = None
        self.views = []
        self.requeued = set()
        for pane in self.panes.values():
            pane.deleteLater()
        self.panes = {}
        self.tabs.clear()
        self.source.setPlainText("")
        self._show_source_label()
        self._show_banner()
        self.update_gate()

    def show_post(
        self,
        post: Post,
        zones: Mapping[int, str],
        repeating: Iterable[int] = (),
        *,
        requeued: Sequence[str] = (),
    ) -> None:
        """Show ``post``; ``requeued`` names variants a change of the source sent back to review."""
        if self.post is None or self.post.id != post.id:
            self.requeued = set()
            self._load_terms(post)
        self._load_requiring()  # an admin may have changed an account's rule meanwhile
        self.post = post
        self.zones = dict(zones)
        self.repeating = frozenset(repeating)
        self.requeued |= set(requeued)
        if self.source.toPlainText() != post.text:
            self.source.setPlainText(post.text)
        self._render()

    def _render(self) -> None:
        post = self.post
        if post is None:
            return
        self.views = review.variant_views(post, self.zones, self.terms, self.repeating)
        self.source_highlighter.set_terms(review.source_terms(e for entries in self.terms.values() for e in entries))
        wanted = {view.variant.id for view in self.views}
        for variant_id in [i for i in self.panes if i not in wanted]:
            gone = self.panes.pop(variant_id)
            self.tabs.removeTab(self.tabs.indexOf(gone))
            gone.deleteLater()
        for view in self.views:
            pane = self.panes.get(view.variant.id)
            if pane is None:
                pane = VariantPane(self.ctx, view, self.tabs, initiator=self.initiator)
                pane.saved.connect(lambda _variant: self.reload())
                pane.edited.connect(self.update_gate)
                self.panes[view.variant.id] = pane
                self.tabs.addTab(pane, "")
            else:
                pane.show_view(view)
            pane.set_source(
                post.text, post.source_language, review.target_terms(self.terms.get(view.variant.language, ()))
            )
            mark = " ✓" if pane.shown.reviewed else ""
            self.tabs.setTabText(
                self.tabs.indexOf(pane), f"{view.variant.account_name} · {view.variant.language}{mark}"
            )
        unreviewed = {v.variant.account_name for v in self.views if not v.variant.reviewed}
        self.requeued &= unreviewed  # reviewed again: no longer worth a banner
        self._show_source_label()
        self._show_banner()
        self.update_gate()

    def _show_source_label(self) -> None:
        if self.post is None:
            self.source_label.setText(self.tr("Press Translate (Ctrl+T) to see the variants here."))
        else:
            self.source_label.setText(self.tr("Source ({0})").format(self.post.source_language))

    def _show_banner(self) -> None:
        names = [v.variant.account_name for v in self.views if v.variant.account_name in self.requeued]
        if names:
            self.banner.setText(
                self.tr("The source text changed: review these variants again: {0}.").format(", ".join(names))
            )
        self.banner.setVisible(bool(names))

    def update_gate(self) -> None:
        """Enable "Schedule" only when nothing blocks it; say why otherwise."""
        if self.post is None:
            self.schedule_button.setEnabled(False)
            self.submit_button.hide()
            self.gate_reason.setText(self.tr("Translate the post first."))
            return
        dirty = [i for i, pane in self.panes.items() if pane.dirty]
        gate = review.schedule_gate(self.views, unsaved=dirty)
        waiting = self.approval_gate()
        self.schedule_button.setEnabled(gate.allowed and not waiting.blocked)
        reasons = [describe(gate), *self._approval_reasons(waiting)]
        reason = " ".join(r for r in reasons if r)
        self.gate_reason.setText(reason)
        self.schedule_button.setToolTip(reason or self.tr("Schedule every variant at its time"))
        self.submit_button.setVisible(bool(waiting.to_submit))
        self.submit_button.setEnabled(not dirty)

    def approval_gate(self) -> approval.ApprovalGate:
        """What approval still stands between the variants to schedule and "Schedule"."""
        return approval.approval_gate((v.variant for v in self.views if review.schedulable(v)), self.requiring)

    def _approval_reasons(self, gate: approval.ApprovalGate) -> list[str]:
        found: list[str] = []
        if gate.to_submit:
            names = ", ".join(v.account_name for v in gate.to_submit)
            found.append(
                self.tr("{0}: requires approval; submit it for approval, and schedule it once it is approved.").format(
                    names
                )
            )
        if gate.waiting:
            found.append(self.tr("Waiting for an approver: {0}.").format(", ".join(gate.waiting)))
        return found

    # --- loading ----------------------------------------------------------------------------------

    def _load_terms(self, post: Post) -> None:
        targets = [v.language for v in post.variants]
        self.ctx.op(lambda _p: review.load_terms(self.ctx.store, post.source_language, targets)).success(
            self._terms_loaded
        ).failure(lambda _sentence: None).run()  # without the glossary only the other spans are marked

    def _load_requiring(self) -> None:
        store = self.ctx.store
        self.ctx.op(lambda _p: approval.requiring_ids(store)).success(self._requiring_loaded).run()

    def _requiring_loaded(self, requiring: frozenset[int]) -> None:
        self.requiring = requiring
        self.update_gate()

    def _terms_loaded(self, terms: dict[str, list[GlossaryTerm]]) -> None:
        self.terms = terms
        self._render()

    def reload(self) -> None:
        """Read the post again (after an edit, a publish, a change made elsewhere)."""
        post = self.post
        if post is None:
            return

        def work(_progress: object) -> tuple[Post, frozenset[int]]:
            fresh = queries.get_post(self.ctx.store, post.id)
            return fresh, repeating_variants(self.ctx.store, fresh)

        self.ctx.op(work).success(lambda loaded: self.show_post(loaded[0], self.zones, loaded[1])).run()

    # --- scheduling -------------------------------------------------------------------------------

    def plans(self) -> list[Plan] | str:
        """Each schedulable variant's chosen time, or the sentence saying which time cannot be used."""
        found: list[Plan] = []
        for view in self.views:
            if not review.schedulable(view):
                continue
            editor = self.panes[view.variant.id].schedule
            clock = editor.wall_clock()
            if clock.state is ClockState.GAP or clock.instant is None:
                return self.tr("{0}: {1}").format(view.variant.account_name, clock.sentence)
            found.append(Plan(view.variant.account_name, editor.local(), editor.fold_choice()))
        return found

    def schedule_all(self) -> None:
        """Schedule every variant at its own time (each on its account's wall clock)."""
        post = self.post
        plans = self.plans()
        if post is None:
            return
        if isinstance(plans, str):
            self.gate_reason.setText(plans)
            return
        self.schedule_button.setEnabled(False)
        self.ctx.op(
            lambda _p: schedule.schedule_all(self.ctx.store, post.id, plans), changes=POSTS, initiator=self.initiator
        ).success(self._scheduled).failure(self._refused).run()

    def submit_for_approval(self) -> None:
        """Send the variants that need an approval (and lack it) to an approver."""
        chosen = [v.id for v in self.approval_gate().to_submit]
        if not chosen:
            return
        self.submit_button.setEnabled(False)
        store = self.ctx.store
        self.ctx.op(lambda _p: approval.submit(store, chosen), changes=POSTS, initiator=self.initiator).success(
            lambda _count: self.reload()
        ).failure(self._refused).run()

    def _scheduled(self, post: Post) -> None:
        self.show_post(post, self.zones, self.repeating)
        self.scheduled.emit(post)

    def _refused(self, sentence: str) -> None:
        self.update_gate()
        self.gate_reason.setText(sentence)
