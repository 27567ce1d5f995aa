"""Speakers' names replaced by roles or "responder" in imported rows."""

from __future__ import annotations

from pmtui.timeline.names import Anonymiser


def test_full_names_handles_and_first_names() -> None:
    names = Anonymiser(["Bob Smith", "Will Ng"])
    assert names.scrub("@Bob Smith can you look? bob smith said so") == (
        "responder can you look? responder said so"
    )
    assert names.scrub("ping @bob and @bobsmith") == "ping responder and responder"
    assert names.scrub("Bob restarted it") == "responder restarted it"
    # A first name is replaced only as written (capitalised): "will" stays a word.
    assert names.scrub("we will ship; Will approved") == "we will ship; responder approved"
    assert names.scrub("Bobby and bobsleds stay") == "Bobby and bobsleds stay"


def test_email_owners() -> None:
    names = Anonymiser(["jane.doe@example.com"])
    assert names.scrub("jane.doe@example.com acked; Jane Doe noted; jane.doe promoted db-2") == (
        "responder acked; responder noted; responder promoted db-2"
    )


def test_roles_keep_names_and_bots() -> None:
    names = Anonymiser(["Jane Doe", "PagerDuty"], bots=["PagerDuty"], roles={"JANE DOE": "IC"})
    assert names.who("Jane Doe") == "IC"
    assert names.who("PagerDuty", bot=True) == "PagerDuty"
    assert names.scrub("PagerDuty paged Jane Doe") == "PagerDuty paged IC"
    kept = Anonymiser(["Jane Doe"], keep_names=True)
    assert kept.who("Jane Doe") == "Jane Doe"
    assert kept.scrub("Jane Doe acked") == "Jane Doe acked"
