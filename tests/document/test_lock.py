"""The document lock: an OS lock held for the session, released by the kernel when the
process dies. The pid and host in the file only feed the "open in another pmtui" message.

The race test runs two real processes that try to take the same lock at the same instant,
100 times; a correct lock has exactly one holder every round.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from pmtui.document.lock import DocumentLock, LockError, LockHeld, lock_path
from tests.fakes import OtherPmtui

ROUNDS = 100


# --------------------------------------------------------------------------- basics


def test_lock_is_taken_and_released(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    lock = DocumentLock.acquire(doc)
    pid, host = lock_path(doc).read_text().split()
    assert int(pid) == os.getpid() and host == socket.gethostname()
    lock.release()
    assert not lock_path(doc).exists()
    DocumentLock.acquire(doc).release()  # free again


def test_a_second_acquire_in_the_same_process_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    lock = DocumentLock.acquire(doc)
    try:
        with pytest.raises(LockHeld):
            DocumentLock.acquire(doc)
    finally:
        lock.release()


def _holder(doc: Path) -> subprocess.Popen[str]:
    """Another process that takes the lock and keeps it until killed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", OtherPmtui.CODE, str(doc)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_lock_held_by_another_process_is_refused_naming_pid_and_host(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    other = _holder(doc)
    try:
        with pytest.raises(LockHeld) as info:
            DocumentLock.acquire(doc)
        assert info.value.pid == other.pid
        assert f"pid {other.pid} on {socket.gethostname()}" in str(info.value)
        assert "another pmtui" in str(info.value)
    finally:
        other.kill()
        other.wait()


def test_a_lock_left_by_a_sigkilled_process_is_taken_over_immediately(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    other = _holder(doc)
    other.send_signal(signal.SIGKILL)
    other.wait()
    assert lock_path(doc).exists()  # the file stays; the kernel dropped the lock
    started = time.monotonic()
    lock = DocumentLock.acquire(doc)
    assert time.monotonic() - started < 0.5
    assert int(lock_path(doc).read_text().split()[0]) == os.getpid()
    lock.release()


def test_a_killed_but_unreaped_holder_does_not_block(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    other = _holder(doc)
    try:
        other.kill()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            state = Path(f"/proc/{other.pid}/stat").read_text().rpartition(")")[2].split()[0]
            if state == "Z":
                break
            time.sleep(0.01)
        DocumentLock.acquire(doc).release()
    finally:
        other.wait()


@pytest.mark.parametrize("content", ["1\n", f"{2**31}\n", f"{2**70} elsewhere\n", "junk\n", ""])
def test_the_pid_in_a_free_lock_file_is_never_trusted(tmp_path: Path, content: str) -> None:
    # pid 1 is alive (pid reuse after a reboot looks the same); 2**31 overflowed os.kill.
    doc = tmp_path / "pm.md"
    lock_path(doc).write_text(content)
    lock = DocumentLock.acquire(doc)
    assert int(lock_path(doc).read_text().split()[0]) == os.getpid()
    lock.release()


# --------------------------------------------------------------------------- special files


def test_a_fifo_at_the_lock_path_is_refused_without_hanging(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    os.mkfifo(lock_path(doc))
    started = time.monotonic()
    with pytest.raises(LockError) as info:
        DocumentLock.acquire(doc)
    assert time.monotonic() - started < 1
    assert "not a regular file" in str(info.value)
    assert "\n" not in str(info.value)


def test_a_symlink_at_the_lock_path_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    target = tmp_path / "elsewhere"
    target.write_text("precious\n")
    lock_path(doc).symlink_to(target)
    with pytest.raises(LockError):
        DocumentLock.acquire(doc)
    assert target.read_text() == "precious\n"


def test_a_folder_at_the_lock_path_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    lock_path(doc).mkdir()
    with pytest.raises(LockError):
        DocumentLock.acquire(doc)


# --------------------------------------------------------------------------- the race


def _racer(folder: str, rounds: int, start: object, done: object, out: Connection) -> None:
    """Each round: wait for the other racer, try the lock, report, wait, release."""
    from pmtui.document.lock import DocumentLock, LockHeld

    for number in range(rounds):
        doc = Path(folder) / f"pm-{number}.md"
        start.wait()  # type: ignore[attr-defined]
        try:
            lock: DocumentLock | None = DocumentLock.acquire(doc)
        except LockHeld:
            lock = None
        out.send(lock is not None)
        done.wait()  # type: ignore[attr-defined]  # both answered while the holder holds
        if lock is not None:
            lock.release()
    out.close()


def test_two_processes_racing_for_the_lock_never_both_hold_it(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    start, done = context.Barrier(2), context.Barrier(2)
    pipes = [context.Pipe(duplex=False) for _ in range(2)]
    racers = [
        context.Process(target=_racer, args=(str(tmp_path), ROUNDS, start, done, send))
        for _, send in pipes
    ]
    for racer in racers:
        racer.start()
    double = none = 0
    for _ in range(ROUNDS):
        got = [receive.recv() for receive, _ in pipes]
        double += all(got)
        none += not any(got)
    for racer in racers:
        racer.join(30)
        assert racer.exitcode == 0
    print(f"lock race: {ROUNDS} rounds, {double} double holders, {none} with no holder")
    assert double == 0
    assert none == 0
    assert not list(tmp_path.glob(".*.lock"))  # every holder cleaned up
