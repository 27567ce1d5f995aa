"""Opsgenie alert or incident logs as CSV.

The columns are the fields of an alert log entry in Opsgenie's Alert API ("List alert
logs": ``log``, ``type``, ``owner``, ``createdAt``, ``offset``), which is what an export of
an alert's activity log holds::

    createdAt,log,type,owner,offset

``createdAt`` is ISO 8601 UTC (``2026-03-12T21:05:12.345Z``); ``log`` the text ("Alert
acknowledged via web"); ``owner`` the user (an e-mail address) or ``System``.
"""

from __future__ import annotations

from pmtui.timeline.formats.csvlog import Columns

COLUMNS = Columns(
    shape="opsgenie",
    required=frozenset({"createdat", "log"}),
    time=("createdat",),
    text=("log",),
    speaker=("owner",),
    not_people=frozenset({"system", "", "alert api", "opsgenie"}),
    prefix_speaker=True,
)


def fits(header: list[str]) -> bool:
    return COLUMNS.fits(header)
