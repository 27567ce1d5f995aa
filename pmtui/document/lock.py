"""A lock beside a post-mortem, so two pmtui windows never edit one file.

The lock is ``.<name>.lock`` in the document's folder. What makes it a lock is an OS lock,
``fcntl.flock(LOCK_EX | LOCK_NB)`` on that file, held for as long as the session is open.
The kernel drops it when the process ends in any way (quit, crash, ``kill -9``), so a
lock left by a dead pmtui is free at once, and no pid is ever trusted to decide: a pid can
be reused by an unrelated process, and can name a process on another host.

Once locked, the holder writes ``PID HOST`` into the locked file (through the locked
descriptor, so there is no moment when another process could mistake a half-made file
for a stale one); it is read only to say "open in another pmtui (pid N on HOST)".

Two details make it race-free:

- the file is never replaced while it is locked (no write-and-rename), and release
  removes it *before* unlocking; a process that opened the old file then finds, after
  taking the lock, that the path no longer names the file it locked, and starts again;
- the file is opened ``O_NOFOLLOW | O_NONBLOCK`` and checked with ``fstat``: a FIFO, a
  device, a folder or a symlink planted at the lock path is refused with one line and
  never blocks.

``fcntl.flock`` rather than the ``filelock`` package: it is the same system call
``filelock`` uses on Unix, but we also need the ``O_NOFOLLOW``/``fstat`` checks and to
write the holder into the locked descriptor, which ``filelock`` does not expose, and the
standard library suffices. flock works on local file systems and, on Linux, over NFS
(emulated with byte-range locks). No Textual here.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import socket
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from pmtui.errors import UserError
from pmtui.files import reason

#: How many times acquire starts again when the lock file was replaced under it.
ATTEMPTS = 50
#: Longest holder text read (``PID HOST``); anything after it is ignored.
MAX_HOLDER_BYTES = 512


def lock_path(document: Path) -> Path:
    """Where the lock for ``document`` lives (a hidden file beside it)."""
    return document.with_name(f".{document.name}.lock")


class LockError(UserError):
    """The lock file cannot be used (not a regular file, or no permission)."""


class LockUnavailable(LockError):
    """The lock cannot be created because the folder is read-only or not writable: the
    document can still be opened read-only."""


class LockHeld(LockError):
    """Another pmtui (or another window of this one) has the document open."""

    def __init__(self, document: Path, pid: int | None, host: str | None = None) -> None:
        self.document = document
        self.pid = pid
        self.host = host
        super().__init__(f"{document} is open in another pmtui ({self.owner})")

    @property
    def owner(self) -> str:
        """``pid N on HOST``, as far as the lock file says (only ever shown)."""
        if self.pid is None:
            return "pid unknown"
        return f"pid {self.pid} on {self.host}" if self.host else f"pid {self.pid}"


@dataclass
class DocumentLock:
    """An acquired lock; ``release()`` removes the lock file and unlocks it."""

    document: Path
    path: Path
    pid: int
    _fd: int | None = field(default=None, repr=False)

    @classmethod
    def acquire(cls, document: Path) -> DocumentLock:
        """Take the lock for ``document``.

        Raises ``LockHeld`` when another open file holds it (in this process or another),
        ``LockUnavailable`` when the folder does not allow a lock file, and ``LockError``
        when something that is not a regular file is at the lock path.
        """
        from pmtui import paths

        document = Path(document)
        path = lock_path(document)
        try:
            paths.ensure_dir(path.parent)
        except OSError as exc:
            raise _unavailable(path, exc) from None
        for _ in range(ATTEMPTS):
            fd = _open(path)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise LockError(f"{path}: cannot lock: {reason(exc)}") from None
                pid, host = _read_holder(fd)
                os.close(fd)
                raise LockHeld(document, pid, host) from None
            if not _still_at(path, fd):
                os.close(fd)  # its holder removed it as we opened it: start again
                continue
            pid = os.getpid()
            # The lock holds without it; the message then says "pid unknown".
            with contextlib.suppress(OSError):
                _write_holder(fd, pid)
            return cls(document=document, path=path, pid=pid, _fd=fd)
        raise LockError(f"{path}: the lock file keeps changing; try again")

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Remove the lock file (while still holding it), then unlock. Safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if _still_at(self.path, fd):
                with contextlib.suppress(OSError):
                    self.path.unlink()
        finally:
            os.close(fd)  # the kernel drops the flock with the last descriptor


def check(document: Path) -> None:
    """Raise ``LockError`` when something other than a regular file (a FIFO, a folder, a
    symlink) is at ``document``'s lock path: the CLI refuses before the app starts."""
    path = lock_path(Path(document))
    try:
        info = os.lstat(path)
    except OSError:
        return  # nothing there (or not reachable): acquire() says what is wrong
    if stat.S_ISLNK(info.st_mode):
        raise LockError(f"{path}: is a symlink, not a lock file; remove it")
    if stat.S_ISDIR(info.st_mode):
        raise LockError(f"{path}: is a folder, not a lock file; remove it")
    if not stat.S_ISREG(info.st_mode):
        raise LockError(f"{path}: is not a regular file (a pipe, device or socket); remove it")


def _open(path: Path) -> int:
    """The lock file's descriptor: created 0600 if missing; never follows a symlink, never
    blocks on a FIFO; anything but a regular file is refused."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LockError(f"{path}: is a symlink, not a lock file; remove it") from None
        if exc.errno == errno.EISDIR:
            raise LockError(f"{path}: is a folder, not a lock file; remove it") from None
        if exc.errno == errno.ENXIO:  # a socket or a FIFO without a reader
            raise LockError(f"{path}: is not a regular file; remove it") from None
        raise _unavailable(path, exc) from None
    try:
        info = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        raise LockError(f"{path}: cannot lock: {reason(exc)}") from None
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise LockError(f"{path}: is not a regular file (a pipe, device or socket); remove it")
    return fd


def _unavailable(path: Path, exc: OSError) -> LockError:
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return LockUnavailable(f"cannot write in {path.parent}: {reason(exc)}")
    return LockError(f"cannot lock {path}: {reason(exc)}")


def _still_at(path: Path, fd: int) -> bool:
    """True when ``path`` still names the file open as ``fd``."""
    try:
        here = os.stat(path, follow_symlinks=False)
        mine = os.fstat(fd)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)


def _write_holder(fd: int, pid: int) -> None:
    """``PID HOST`` into the locked file, in one write from offset 0, then cut to length
    (a reader sees the old text or the new, never an empty file)."""
    data = f"{pid} {_host()}\n".encode()
    os.pwrite(fd, data, 0)
    os.ftruncate(fd, len(data))


def _read_holder(fd: int) -> tuple[int | None, str | None]:
    """The pid and host the holder wrote (None when it has not yet, or wrote nonsense).

    Only for the message: the holder may be a moment from writing it, so a blank file is
    read again briefly."""
    text = ""
    for _ in range(5):
        try:
            text = os.pread(fd, MAX_HOLDER_BYTES, 0).decode("utf-8", "replace")
        except OSError:
            return None, None
        if text.strip():
            break
        time.sleep(0.01)
    parts = text.split()
    if not parts or not parts[0].isdigit() or len(parts[0]) > 20:
        return None, None
    return int(parts[0]), (parts[1][:255] if len(parts) > 1 else None)


def _host() -> str:
    name = socket.gethostname() or "localhost"
    return "".join(name.split()) or "localhost"
