"""The layouts ``pmtui import`` reads, one module each, every one a heading -> field table
(``RULES``), a detection signature and the URL of the structure it follows."""

from __future__ import annotations

from pmtui.importers.layouts import (
    atlassian,
    dastergon_azure,
    dastergon_elastic,
    dastergon_google_api_infra,
    dastergon_michael_kehoe,
    dastergon_real_world_sre,
    dastergon_srebook,
    dastergon_thecloudbook,
    generic,
    google_sre,
    pagerduty,
)
from pmtui.importers.rules import Layout

#: Every layout by name, in the order ``pmtui import --help`` lists them.
LAYOUTS: dict[str, Layout] = {
    module.LAYOUT.name: module.LAYOUT
    for module in (
        google_sre,
        pagerduty,
        atlassian,
        dastergon_srebook,
        dastergon_thecloudbook,
        dastergon_google_api_infra,
        dastergon_azure,
        dastergon_michael_kehoe,
        dastergon_real_world_sre,
        dastergon_elastic,
        generic,
    )
}


def find_layout(name: str) -> Layout | None:
    """The layout called ``name`` (or one of its aliases), case-insensitively."""
    wanted = name.strip().lower()
    for layout in LAYOUTS.values():
        if wanted == layout.name or wanted in layout.aliases:
            return layout
    return None
