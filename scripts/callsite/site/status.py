"""Where a call stands at a given moment. Pure: "now" is always passed in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from ..model.call import Call, Round, has_time
from ..model.dates import HELSINKI


class Status(str, Enum):
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSING_SOON = "closing-soon"
    CONTINUOUS = "continuous"
    CLOSED = "closed"
    UNDER_ASSESSMENT = "under-assessment"
    DECIDED = "decided"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self in (Status.OPEN, Status.CLOSING_SOON, Status.CONTINUOUS)

    @property
    def form_may_be_used(self) -> bool:
        """Open, or not yet: time moves a call from upcoming to open, nothing back."""
        return self.is_open or self is Status.UPCOMING


def status_of_round(round_: Round, now: dt.datetime, closing_soon: dt.timedelta) -> Status:
    """A round is open from ``opens`` (inclusive) until ``closes`` (exclusive); continuous
    application with no stated opening is open (it is on the site once published)."""
    if round_.opens is not None and now < round_.opens.at:
        return Status.UPCOMING
    if round_.continuous:
        return Status.CONTINUOUS
    assert round_.closes is not None
    if now >= round_.closes:
        return Status.CLOSED
    if round_.closes - now <= closing_soon:
        return Status.CLOSING_SOON
    return Status.OPEN


_PRECEDENCE = (Status.CLOSING_SOON, Status.OPEN, Status.CONTINUOUS, Status.UPCOMING, Status.CLOSED)


def status_of(call: Call, now: dt.datetime, closing_soon: dt.timedelta) -> Status:
    """Cancelled and decided (set by staff) win; otherwise the most open round decides, and a
    call whose periods have all ended is under assessment if staff said so (``status:
    under_assessment`` never hides an open period: the dates say applications are still taken)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if call.cancelled is not None:
        return Status.CANCELLED
    if call.is_decided:
        return Status.DECIDED
    found = {status_of_round(r, now, closing_soon) for r in call.rounds}
    status = next(s for s in _PRECEDENCE if s in found)
    if status is Status.CLOSED and call.status == "under_assessment":
        return Status.UNDER_ASSESSMENT
    return status


def next_deadline(call: Call, now: dt.datetime) -> dt.datetime | None:
    """The earliest closing moment still ahead, for sorting open calls."""
    ahead = [r.closes for r in call.rounds if r.closes is not None and r.closes > now
             and (r.opens is None or r.opens.at <= now)]
    return min(ahead) if ahead else None


def last_deadline(call: Call) -> dt.datetime | None:
    closes = [r.closes for r in call.rounds if r.closes is not None]
    return max(closes) if closes else None


def last_day(deadline: dt.datetime) -> dt.date:
    """The Helsinki day of a deadline (for one given as a day only, that day)."""
    return deadline.astimezone(HELSINKI).date() if has_time(deadline) else deadline.day


def days_left(deadline: dt.datetime | None, now: dt.datetime) -> int | None:
    """Whole days from today to the deadline's day, in Helsinki: 0 on the last day."""
    if deadline is None:
        return None
    return (last_day(deadline) - now.astimezone(HELSINKI).date()).days


@dataclass(frozen=True)
class CallView:
    """A call with what was derived from it at build time."""

    call: Call
    status: Status
    next_deadline: dt.datetime | None
    days_left: int | None = None
    """Days to :attr:`next_deadline`'s day (0: today is the last day); None without one."""
