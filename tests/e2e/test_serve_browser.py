"""``pmtui serve FILE`` in a real browser: headless Chromium loads the page, textual-serve's
JavaScript opens its websocket and draws the follower view with xterm.js, and the terminal's
text (xterm.js's buffer, what the page draws from) shows the current agenda item, then the
next one once the facilitator's autosave moves on.

Chromium is driven over the DevTools protocol with aiohttp's websocket client (already in
the test extra), so nothing is downloaded at run time. textual-serve keeps its xterm.js
``Terminal`` in a local of its page script, out of reach of ``window``, and draws it on a
canvas (no text in the DOM or the accessibility tree); a conditional breakpoint that never
pauses hands the object to the test where the page opens the terminal."""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")

from tests.e2e.serve import serving  # noqa: E402
from tests.meeting.sample import sample_doc, write_sample  # noqa: E402
from tests.ui.test_meeting_follow import _at_item  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium binary on PATH (.ci/run installs Debian's chromium)"
)

T = TypeVar("T")

# The machine is slow and shared: the first paint can take 10-20 s.
TIMEOUT = 60.0

# Where textual-serve's page opens its terminal (``this.terminal.open(element)`` in the
# constructor of its terminal class, in static/js/textual.js); the condition runs there,
# stores the xterm.js Terminal on window and returns false, so the page never stops.
OPEN_TERMINAL = "this.terminal.open("
KEEP_TERMINAL = "(window.__pmtuiTerminal = this.terminal, false)"

# The rows of the terminal as xterm.js holds them, one line each (null before it opens).
READ_TERMINAL = """(() => {
  const term = window.__pmtuiTerminal;
  if (!term) return null;
  const buffer = term.buffer.active, rows = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return {text: rows.join("\\n"), shown: document.body.classList.contains("-first-byte"),
          closed: document.body.classList.contains("-closed")};
})()"""


class DevTools:
    """A minimal DevTools-protocol client for one page: send a command, await its reply
    (events are not needed and are dropped)."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.ids = itertools.count(1)

    async def __call__(self, method: str, **params: Any) -> dict[str, Any]:
        msg_id = next(self.ids)
        await self.ws.send_str(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            msg = await self.ws.receive(timeout=TIMEOUT)
            assert msg.type == aiohttp.WSMsgType.TEXT, f"DevTools connection ended: {msg}"
            reply = json.loads(msg.data)
            if reply.get("id") == msg_id:
                assert "error" not in reply, f"{method}: {reply['error']}"
                return dict(reply.get("result", {}))

    async def evaluate(self, expression: str) -> Any:
        result = await self("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")


def _start_chromium(profile: Path) -> subprocess.Popen[bytes]:
    assert CHROMIUM is not None
    return subprocess.Popen(
        [
            CHROMIUM,
            "--headless=new",
            # Tests run as root in a container, where Chromium's sandbox cannot start.
            "--no-sandbox",
            # Containers have a small /dev/shm; Chromium then crashes drawing the page.
            "--disable-dev-shm-usage",
            "--remote-debugging-port=0",  # Chromium picks a port, see DevToolsActivePort
            f"--user-data-dir={profile}",
            "--no-first-run",
            "--no-default-browser-check",
            # The page also asks Google Fonts for its font: only localhost resolves, so the
            # test never waits on (or needs) the network.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its helpers (renderer, GPU) are stopped with it
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


async def _poll(read: Callable[[], Awaitable[T]], done: Callable[[T], bool], what: str) -> T:
    """``read()`` every 0.2 s until ``done`` says yes; fails after TIMEOUT, showing the
    last value read."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        value = await read()
        if done(value):
            return value
        assert time.monotonic() < deadline, f"{what} within {TIMEOUT:.0f} s; last read:\n{value}"
        await asyncio.sleep(0.2)


def _position(source: str, needle: str) -> tuple[int, int]:
    """0-based line and column of ``needle`` in ``source`` (DevTools' convention)."""
    offset = source.index(needle)
    line = source.count("\n", 0, offset)
    return line, offset - (source.rfind("\n", 0, offset) + 1)


async def _page_websocket(http: Any, chromium: subprocess.Popen[bytes], profile: Path) -> str:
    """The DevTools websocket of the blank page Chromium opened."""

    async def devtools_port() -> int | None:
        assert chromium.poll() is None, f"Chromium exited with status {chromium.returncode}"
        active = profile / "DevToolsActivePort"
        first = active.read_text().split("\n", 1)[0] if active.exists() else ""
        return int(first) if first.isdigit() else None

    cdp_port = await _poll(devtools_port, lambda port: port is not None, "Chromium's DevTools port")
    async with http.get(f"http://127.0.0.1:{cdp_port}/json/list") as reply:
        pages = [t for t in await reply.json() if t["type"] == "page"]
    return str(pages[0]["webSocketDebuggerUrl"])


async def _watch_page(port: int, sample: Path, tmp_path: Path) -> tuple[str, str, bytes]:
    """The terminal's text when the current item shows, the same after the facilitator
    moves on, and a screenshot of the first."""
    profile = tmp_path / "chromium"
    profile.mkdir()
    chromium = _start_chromium(profile)
    try:
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/static/js/textual.js") as reply:
                script = await reply.text()
            page_ws = await _page_websocket(http, chromium, profile)
            async with http.ws_connect(page_ws, max_msg_size=0) as ws:
                cdp = DevTools(ws)
                await cdp("Debugger.enable")
                assert OPEN_TERMINAL in script, "textual-serve's page opens its terminal elsewhere"
                line, column = _position(script, OPEN_TERMINAL)
                await cdp(
                    "Debugger.setBreakpointByUrl",
                    urlRegex=r"/static/js/textual\.js$",
                    lineNumber=line,
                    columnNumber=column,
                    condition=KEEP_TERMINAL,
                )
                # A fixed page size (the window's chrome varies), as a laptop would show it.
                await cdp(
                    "Emulation.setDeviceMetricsOverride",
                    width=1200,
                    height=720,
                    deviceScaleFactor=1,
                    mobile=False,
                )
                await cdp("Page.navigate", url=f"http://127.0.0.1:{port}/")

                async def terminal() -> str:
                    """The terminal's rows once the page shows them ("" before)."""
                    assert chromium.poll() is None, "Chromium exited"
                    state = await cdp.evaluate(READ_TERMINAL)
                    if state is None:
                        return ""
                    assert not state["closed"], "the page says the session ended"
                    return str(state["text"]) if state["shown"] else ""

                before = await _poll(
                    terminal, lambda text: "2/5 Walk through Five Whys" in text, "item 2 showed"
                )
                shot = await cdp("Page.captureScreenshot", format="png")
                _at_item(sample, 2)  # the facilitator presses F8: the autosave says so
                after = await _poll(
                    terminal, lambda text: "3/5 Identify process gaps" in text, "item 3 showed"
                )
    finally:
        _stop(chromium)
    return before, after, base64.b64decode(shot["data"])


def test_a_browser_shows_the_current_item_and_follows_it(tmp_path: Path) -> None:
    sample = write_sample(tmp_path / "checkout.md", sample_doc())
    _at_item(sample, 1)
    with serving(sample) as port:
        before, after, png = asyncio.run(_watch_page(port, sample, tmp_path))
    (tmp_path / "serve-browser.png").write_bytes(png)
    assert "2/5 Walk through Five Whys" in before
    assert "3/5 Identify process gaps" in after
    assert "2/5 Walk through Five Whys" not in after
    assert png.startswith(b"\x89PNG")
