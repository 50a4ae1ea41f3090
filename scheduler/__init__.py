"""Scheduling, publishing and engagement polling, without Qt.

- :mod:`scheduler.engine` - the sweep (everything due, read from the rows) and its APScheduler
  wiring: no persistent job store, because the rows are the schedule.
- :mod:`scheduler.publisher` - the state machine: claim (conditional UPDATE + attempt row,
  committed) -> network call -> result (committed); look-up before any ambiguous retry.
- :mod:`scheduler.recovery` - publishes interrupted by a crash, and posts missed while stopped.
- :mod:`scheduler.backoff`, :mod:`scheduler.connections` - retries, and the per-account limiter.
- :mod:`scheduler.poller`, :mod:`scheduler.cadence` - engagement snapshots, batched per account.
- :mod:`scheduler.recurrence`, :mod:`scheduler.slots` - RRULE posts and posting slots, on the
  account's wall clock.
- :mod:`scheduler.lease` - one publisher per database (a lease row on SQLite, an advisory lock on
  PostgreSQL; see its docstring for why), and holder ids that survive pid reuse.
- :mod:`scheduler.events` - the in-process bus the GUI bridges to Qt signals, and a feed read from
  the store for a GUI in another process than the worker.
- :mod:`scheduler.worker` - the headless worker behind ``communique worker``.
- :mod:`scheduler.services` - the use cases behind ``communique publish`` / ``recur``;
  :mod:`scheduler.display` - the words for events that the CLI and the GUI both show.
"""
