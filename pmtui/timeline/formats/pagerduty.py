"""PagerDuty incident log entries as CSV.

PagerDuty's web app shows an incident's log but does not document a CSV of it; PagerDuty's
own sample script for this, ``get_incident_details_csv.py`` (PagerDuty, Inc., in its
public support scripts), writes the log entries of ``GET /incidents/{id}/log_entries`` as
CSV with the header::

    incident_id,created_at,type,user_or_agent_id,user_or_agent_summary,notification_type,channel_type,summary

``created_at`` is the API's ISO 8601 time (``2026-03-12T21:05:00Z``); ``summary`` is the
log entry's text ("Acknowledged by Jane Doe."); ``user_or_agent_summary`` the person or
agent ("N/A" for integrations). The same columns with PagerDuty's display names
("Created At", "Summary", "Agent") are read too.
"""

from __future__ import annotations

from pmtui.timeline.formats.csvlog import Columns, norm

COLUMNS = Columns(
    shape="pagerduty",
    required=frozenset({"createdat", "summary"}),
    time=("createdat",),
    text=("summary",),
    speaker=("useroragentsummary", "agent", "user"),
    not_people=frozenset({"n/a", "", "pagerduty"}),
    prefix_speaker=False,
)


def fits(header: list[str]) -> bool:
    names = {norm(h) for h in header}
    return COLUMNS.fits(header) and bool(
        names & {"incidentid", "type", "channeltype", "useroragentsummary", "agent"}
    )
