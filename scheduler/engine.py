"""The scheduler engine: rebuilt from the store at every sweep, woken by APScheduler.

Nothing lives only in memory. A sweep reads the rows and does what is due: reset publishes
left behind by a dead process, create recurring occurrences, mark or publish posts that fell
due while nothing ran, publish what is due, poll engagement. APScheduler only decides *when* to
sweep: a wake-up job at the next due time (recomputed after every sweep) and a periodic sweep
that catches rows written by other processes (the GUI, the CLI). Both run with
``misfire_grace_time=None`` and ``coalesce=True``: a late wake-up runs once, never dropped
(APScheduler's default 1 s grace would silently skip it). No persistent job store is needed,
because the rows are the schedule.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TypeVar

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import func, or_, select

from core.domain import VariantStatus
from core.services import audit, media_store
from core.store import Store
from core.store.tables import accounts, variants
from scheduler import recovery, recurrence
from scheduler.backoff import RetryPolicy
from scheduler.cadence import PollingPolicy
from scheduler.clock import Clock, system_clock
from scheduler.comments import CommentCollector
from scheduler.connections import AccountLimiter, ConnectorFactory, ConnectorPool, default_factory
from scheduler.events import EventBus
from scheduler.inflight import IN_FLIGHT
from scheduler.lease import Leadership, new_holder_id, open_lease
from scheduler.poller import Poller
from scheduler.publisher import Outcome, Publisher

log = logging.getLogger(__name__)

T = TypeVar("T")
#: How soon a sweep in which a stage failed is repeated.
STAGE_RETRY = timedelta(seconds=5)
#: What ``_publish_one`` returns when the database refused the claim or the result.
_REFUSED = object()


@dataclass(frozen=True)
class EngineSettings:
    """Tunables of the engine (the CLI exposes the useful ones)."""

    lease_ttl: timedelta = timedelta(seconds=30)
    sweep_every: timedelta = timedelta(seconds=30)
    # A claim of another host whose heartbeat is older than this is reset (it beats 4 times as often).
    orphan_after: timedelta = timedelta(minutes=2)
    stop_grace: timedelta = timedelta(seconds=60)  # how long a stop waits for the calls in flight
    recurrence_horizon: timedelta = recurrence.DEFAULT_HORIZON
    publishers: int = 8  # parallel publish calls
    batch: int = 500  # variants claimed per sweep round
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    polling: PollingPolicy = field(default_factory=PollingPolicy)
    # How often stored media contents nobody names, and this machine's unused cached files, go.
    housekeeping_every: timedelta = timedelta(hours=24)


@dataclass
class SweepReport:
    """What one sweep did."""

    leader: bool
    reset: list[int] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)
    created: list[int] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    polled: int = 0
    comments: int = 0  # new comments recorded
    pruned: int = 0  # media contents and cached media files removed by the day's housekeeping
    next_wake: datetime | None = None
    failed: list[str] = field(default_factory=list)  # the stages that raised (logged)


class Engine:
    """Scheduler, publisher and poller over one store."""

    def __init__(
        self,
        store: Store,
        *,
        connector_factory: ConnectorFactory = default_factory,
        clock: Clock = system_clock,
        bus: EventBus | None = None,
        settings: EngineSettings | None = None,
        rng: random.Random | None = None,
        holder: str | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.bus = bus or EventBus()
        self.settings = settings or EngineSettings()
        self.holder = holder or new_holder_id()
        self.limiter = AccountLimiter()
        self.pool = ConnectorPool(store, connector_factory)
        self.lease: Leadership = open_lease(store, self.holder, clock=clock, ttl=self.settings.lease_ttl)
        self._stopping = threading.Event()
        common = {
            "clock": clock,
            "bus": self.bus,
            "worker": self.holder,
            "retry": self.settings.retry,
            "polling": self.settings.polling,
            "limiter": self.limiter,
            "rng": rng,
            "beat_every": self.settings.orphan_after / 4,
        }
        # The sweep re-checks its lease (and that no stop began) before each send; "publish now"
        # needs neither, since the claim's compare-and-set alone keeps a variant from being taken twice.
        self.publisher = Publisher(store, self.pool, may_send=self._may_claim, **common)  # type: ignore[arg-type]
        self._direct = Publisher(store, self.pool, **common)  # type: ignore[arg-type]
        self.poller = Poller(
            store, self.pool, clock=clock, bus=self.bus, policy=self.settings.polling, limiter=self.limiter
        )
        # Comments on the same cadence; the poller's limiter, so that a held account is not read either.
        self.comments = CommentCollector(
            store, self.pool, clock=clock, bus=self.bus, policy=self.settings.polling, limiter=self.limiter
        )
        self._sweep_lock = threading.Lock()
        self._housekept_at: datetime | None = None  # the first sweep this engine leads does it
        self._scheduler: BackgroundScheduler | None = None

    # --- one sweep ------------------------------------------------------------------------------

    def sweep(self) -> SweepReport:
        """Do everything that is due now; only the lease holder does anything.

        Each stage runs on its own: one that raises (a plugin gone, a malformed row, a database
        hiccup) is logged and listed in ``report.failed``, and the others still run, so a broken
        recurrence cannot stop due posts from being published.
        """
        with self._sweep_lock:
            if self._stopping.is_set():
                return SweepReport(leader=False)
            if not self.lease.acquire():
                return SweepReport(leader=False, next_wake=self.clock() + self.settings.lease_ttl / 2)
            now = self.clock()
            report = SweepReport(leader=True)
            report.reset = self._stage(
                report,
                "recovery",
                lambda: recovery.reset_interrupted(
                    self.store, now=now, in_flight=IN_FLIGHT, orphan_after=self.settings.orphan_after
                ),
                [],
            )
            report.created = self._stage(
                report,
                "recurrences",
                lambda: recurrence.materialize(
                    self.store, now=now, horizon=self.settings.recurrence_horizon, actor=self.holder
                ),
                [],
            )
            holds = self.limiter.holds(now)
            self._stage(report, "rate-limit holds", lambda: recovery.defer_held(self.store, holds, now=now), 0)
            min_grace = max(recovery.MIN_GRACE, self.settings.sweep_every)
            report.missed = self._stage(
                report,
                "missed posts",
                lambda: recovery.mark_missed(
                    self.store,
                    self.bus,
                    now=now,
                    actor=self.holder,
                    min_grace=min_grace,
                    held=list(holds),
                    leading_since=self.lease.since,
                ),
                [],
            )
            report.outcomes = self._stage(report, "publishing", lambda: self._publish_due(report), [])
            report.polled = self._stage(report, "polling", lambda: self.poller.poll_due().polled, 0)
            report.comments = self._stage(report, "comments", lambda: self.comments.collect_due().new, 0)
            if self._housekept_at is None or now - self._housekept_at >= self.settings.housekeeping_every:
                self._housekept_at = now  # a failing pass is not repeated at every sweep: tomorrow
                report.pruned = self._stage(report, "housekeeping", lambda: self._housekeep(now), 0)
            # Holds that began during this sweep are written now: the wait must not count against
            # the grace window even if the next sweep comes only when the hold has ended.
            self._stage(
                report,
                "rate-limit holds",
                lambda: recovery.defer_held(self.store, self.limiter.holds(self.clock()), now=self.clock()),
                0,
            )
            report.next_wake = self._stage(report, "next wake-up", self.next_wake, None)
            if report.failed:
                # Try the failed stage again soon, but not so soon that a lasting fault spins.
                retry_at = self.clock() + STAGE_RETRY
                report.next_wake = retry_at if report.next_wake is None else min(report.next_wake, retry_at)
            return report

    def _housekeep(self, now: datetime) -> int:
        """Delete stored media contents no post or draft names (the lease holder sees every row:
        the worker refuses a login limited by row-level security) and this machine's cached media
        files unused for a month."""
        return media_store.prune_blobs(self.store, now=now) + media_store.prune_cache(now=now)

    def _stage(self, report: SweepReport, name: str, run: Callable[[], T], fallback: T) -> T:
        if self._stopping.is_set():
            return fallback  # a stop began: start nothing new
        try:
            return run()
        except Exception:  # the worker's log formatter redacts secrets from the traceback too
            log.exception("sweep stage %s failed; the next sweep tries it again", name)
            report.failed.append(name)
            return fallback

    def _due(self, now: datetime) -> list[tuple[int, int, int]]:
        # Held accounts are left out in the query, so that the batch fills with posts that can go.
        held = self.limiter.blocked_accounts(now)
        with self.store.read() as conn:
            rows = conn.execute(
                select(variants.c.id, variants.c.version, variants.c.account_id)
                .join(accounts, accounts.c.id == variants.c.account_id)
                .where(
                    variants.c.status == VariantStatus.SCHEDULED.value,
                    variants.c.scheduled_at <= now,
                    or_(variants.c.next_attempt_at.is_(None), variants.c.next_attempt_at <= now),
                    variants.c.account_id.not_in(held),
                )
                .order_by(variants.c.scheduled_at, variants.c.id)
                .limit(self.settings.batch)
            ).all()
        return [(r.id, r.version, r.account_id) for r in rows]

    def _may_claim(self) -> bool:
        return self.lease.valid() and not self._stopping.is_set()

    def _publish_one(self, variant_id: int, version: int, account_id: int) -> Outcome | object | None:
        if not self._may_claim():
            return None
        if self.limiter.blocked_until(account_id, self.clock()) is not None:
            return None  # held back by a limit met earlier in this batch: a send would only earn a 429
        try:
            return self.publisher.publish(variant_id, version)
        except Exception:
            # The database refused the claim or the result (locked, away): one variant must not
            # stop the others. A claim whose result was lost stays ``publishing`` with a pending
            # attempt; the next sweep resets it, and it is looked up before any new send.
            log.exception("variant %s: the database refused the claim or the result; retried later", variant_id)
            return _REFUSED

    def _publish_due(self, report: SweepReport) -> list[Outcome]:
        outcomes: list[Outcome] = []
        due = self._due(self.clock())
        if not due:
            return outcomes
        with ThreadPoolExecutor(max_workers=max(1, self.settings.publishers), thread_name_prefix="publish") as pool:
            for result in pool.map(lambda item: self._publish_one(*item), due):
                if isinstance(result, Outcome):
                    outcomes.append(result)
                elif result is _REFUSED and "publishing" not in report.failed:
                    report.failed.append("publishing")  # wake again soon: the reset and look-up wait for it
        return outcomes

    def next_wake(self) -> datetime | None:
        """The earliest time something will be due, read from the rows."""
        blocked = self.limiter.blocked_accounts(self.clock())
        with self.store.read() as conn:
            publish_at = conn.execute(
                select(func.min(func.coalesce(variants.c.next_attempt_at, variants.c.scheduled_at))).where(
                    variants.c.status == VariantStatus.SCHEDULED.value, variants.c.account_id.not_in(blocked)
                )
            ).scalar()
            poll_at = conn.execute(
                select(func.min(variants.c.next_poll_at)).where(variants.c.status == VariantStatus.PUBLISHED.value)
            ).scalar()
        # Comment reads are not wake-ups of their own: they follow the engagement cadence, and the
        # periodic sweep (every ``sweep_every``) takes any that falls between two polls.
        candidates = [t for t in (publish_at, poll_at, self.limiter.next_release(self.clock())) if t is not None]
        try:
            occurrence = recurrence.next_occurrence_at(self.store)
        except Exception:  # a broken recurrence table must not cost the publishes their wake-up
            log.exception("the next recurring occurrence could not be read")
            occurrence = None
        if occurrence is not None:
            candidates.append(occurrence - self.settings.recurrence_horizon)
        return min(candidates, default=None)

    # --- publishing one variant now (``communique publish``) ------------------------------------

    def publish_now(
        self, variant_id: int, *, confirmed_absent: bool = False, actor: str | None = None
    ) -> Outcome | None:
        """Publish ``variant_id`` now through the same claim/record path; ``None`` if someone else took it.

        ``confirmed_absent``: ``actor`` (the person; by default the one running this process)
        checked the account on the platform and the post is not there, so this claim sends it
        without the look-up that an interrupted attempt otherwise calls for. Recorded in the
        audit trail, and good for this one claim only.
        """
        from scheduler.services import make_due_now

        version = make_due_now(
            self.store,
            variant_id,
            now=self.clock(),
            actor=self.holder,
            confirmed_absent_by=(actor or audit.default_actor()) if confirmed_absent else None,
        )
        # Listed like a sweep's publish (inside ``publish``): a sweep of this process must not reset it mid-call.
        return self._direct.publish(variant_id, version)

    # --- APScheduler wiring -----------------------------------------------------------------------

    def start(self) -> None:
        """Start sweeping in the background: at once, at each next due time, and periodically.

        An engine runs once: after :meth:`begin_stop` (a signal may come before the start) it
        claims nothing, and a stopped engine is not started again.
        """
        scheduler = BackgroundScheduler(timezone="UTC")
        common = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1, "replace_existing": True}
        scheduler.add_job(
            self._tick, "interval", seconds=self.settings.sweep_every.total_seconds(), id="sweep", **common
        )
        scheduler.add_job(
            self._heartbeat,
            "interval",
            seconds=max(1.0, self.settings.lease_ttl.total_seconds() / 3),
            id="heartbeat",
            **common,
        )
        scheduler.add_job(self._tick, "date", id="wake", **common)  # the start-up sweep, now
        self._scheduler = scheduler
        scheduler.start()

    def _heartbeat(self) -> None:
        # Renews the lease row, or re-checks the lock's session: a lost one stops claims at once.
        if self.lease.held and not self._stopping.is_set():
            self.lease.acquire()

    def _tick(self) -> None:
        try:
            report = self.sweep()
        except Exception:  # a bad sweep (database briefly away) must not stop the scheduler
            log.exception("sweep failed; the next one retries")
            self._wake_at(self.clock() + timedelta(seconds=5))
            return
        if report.next_wake is not None:
            self._wake_at(report.next_wake)

    def _wake_at(self, when: datetime) -> None:
        scheduler = self._scheduler
        if scheduler is None or not scheduler.running:
            return
        # Never before "now + a moment": a wake time in the past would spin.
        when = max(when, self.clock() + timedelta(milliseconds=200))
        scheduler.add_job(
            self._tick,
            "date",
            run_date=when,
            id="wake",
            replace_existing=True,
            misfire_grace_time=None,
            coalesce=True,
            max_instances=1,
        )

    def begin_stop(self) -> None:
        """Claim nothing from now on (safe to call from a signal handler); calls in flight go on."""
        self._stopping.set()

    def stop(self) -> bool:
        """Stop: claim nothing new, let the calls in flight finish and be recorded, give the lease up.

        The wait is bounded by ``settings.stop_grace``; returns False when calls were still out
        then (their claims stay ``publishing`` and are looked up on the platform before any
        retry, by whichever worker comes next).
        """
        self.begin_stop()
        scheduler, self._scheduler = self._scheduler, None
        if scheduler is not None and scheduler.running:
            # Jobs out first (this waits for APScheduler's loop to let go of its job store): a
            # shutdown that lands while the loop is retiring a one-off wake-up kills the loop's
            # thread with a JobLookupError traceback on stderr.
            scheduler.remove_all_jobs()
            scheduler.shutdown(wait=False)
        finished = self._sweep_lock.acquire(timeout=self.settings.stop_grace.total_seconds())
        try:
            if not finished:
                log.warning(
                    "publishes still in flight after %s s; they are looked up on the platform before any retry",
                    self.settings.stop_grace.total_seconds(),
                )
            self.lease.release()
        finally:
            if finished:
                self._sweep_lock.release()
        return finished
