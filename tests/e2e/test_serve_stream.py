"""``pmtui serve FILE``: a remote attendee's browser receives the follower view. This
connects as the browser page does (textual-serve's page, then its ``/ws`` websocket) and
reads the terminal stream that xterm.js would draw, checking the current agenda item is
in it, and that it follows when the facilitator's autosave moves to the next item."""

from __future__ import annotations

import asyncio
import hashlib
import re
import time
from pathlib import Path

import pytest

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")

from tests.e2e.serve import serving  # noqa: E402
from tests.meeting.sample import sample_doc, write_sample  # noqa: E402
from tests.ui.test_meeting_follow import _at_item  # noqa: E402

ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


async def _screen_text(url: str, sample: Path, timeout: float) -> str:
    """What the page's websocket sends (escapes removed): until the current item shows,
    then, after the facilitator's autosave moves on, until the next one does."""
    seen, wanted = "", "2/5 Walk through Five Whys"
    async with aiohttp.ClientSession() as http:
        async with http.get(url.replace("ws://", "http://").rsplit("/", 1)[0] + "/") as page:
            assert page.status == 200 and "xterm" in (await page.text()).lower()
        async with http.ws_connect(url + "?width=120&height=36") as ws:
            deadline = time.monotonic() + timeout
            moved = False
            while time.monotonic() < deadline:
                if wanted in seen and not moved:
                    _at_item(sample, 2)  # the facilitator presses F8: the autosave says so
                    moved, seen, wanted = True, seen + "\n<moved>\n", "3/5 Identify process gaps"
                elif wanted in seen:
                    break
                try:
                    msg = await ws.receive(timeout=max(0.1, deadline - time.monotonic()))
                except TimeoutError:
                    break
                if msg.type == aiohttp.WSMsgType.BINARY:
                    seen += ANSI.sub("", msg.data.decode("utf-8", "replace"))
                elif msg.type == aiohttp.WSMsgType.TEXT:
                    seen += msg.data
                elif msg.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    break
    return seen


def test_a_browser_sees_the_current_item_and_follows_it(tmp_path: Path) -> None:
    sample = write_sample(tmp_path / "checkout.md", sample_doc())
    _at_item(sample, 1)
    with serving(sample) as port:
        text = asyncio.run(_screen_text(f"ws://127.0.0.1:{port}/ws", sample, timeout=60))
        before, _, after = text.partition("<moved>")
        assert "2/5 Walk through Five Whys" in before, text[-2000:]
        assert "3/5 Identify process gaps" in after, after[-2000:]
        written = hashlib.sha256(sample.read_bytes()).hexdigest()
    # The served view only reads: the file is exactly what the facilitator last wrote.
    assert hashlib.sha256(sample.read_bytes()).hexdigest() == written
    assert not list(tmp_path.glob(".*.lock"))
