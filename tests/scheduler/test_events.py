"""The Qt-free event bus the GUI bridges to signals."""

from __future__ import annotations

from scheduler.events import Event, EventBus, EventKind


def test_subscribers_get_their_kinds_and_a_broken_one_does_not_stop_the_others() -> None:
    bus = EventBus()
    everything: list[Event] = []
    published: list[Event] = []

    def broken(_event: Event) -> None:
        raise RuntimeError("a view crashed")

    bus.subscribe(broken)
    bus.subscribe(everything.append)
    unsubscribe = bus.subscribe(published.append, EventKind.PUBLISHED)
    bus.emit(Event(EventKind.PUBLISHED, 1))
    bus.emit(Event(EventKind.MISSED, 2))
    unsubscribe()
    bus.emit(Event(EventKind.PUBLISHED, 3))
    assert [e.variant_id for e in everything] == [1, 2, 3]
    assert [e.variant_id for e in published] == [1]
