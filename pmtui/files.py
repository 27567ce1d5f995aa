"""Reading files safely: one place that opens what the user names.

A FIFO, device or socket named as an input would block pmtui forever (or read a device):
every file pmtui reads is opened non-blocking and checked with ``fstat`` to be a regular
file before a byte is read. Errors are one line (:class:`FileReadError`).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from pmtui.errors import UserError


class FileReadError(UserError):
    """A file that cannot be read; ``str()`` is ``PATH: what is wrong``."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def reason(exc: OSError) -> str:
    """An OSError in a few words a user understands."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    if exc.errno == errno.EISDIR:
        return "it is a folder"
    if exc.errno == errno.ENOTDIR:
        return "a part of the path is not a folder"
    return exc.strerror or str(exc)


def read_regular(
    path: Path | str, *, limit: int | None = None, missing_ok: bool = False
) -> bytes | None:
    """The bytes of the regular file at ``path``.

    Returns None for a missing file when ``missing_ok``; otherwise raises
    :class:`FileReadError` for a missing file, a folder, a FIFO/device/socket, a file
    larger than ``limit`` bytes, or one that cannot be read.
    """
    read = read_regular_stat(path, limit=limit, missing_ok=missing_ok)
    return None if read is None else read[0]


def read_regular_stat(
    path: Path | str, *, limit: int | None = None, missing_ok: bool = False
) -> tuple[bytes, os.stat_result] | None:
    """Like :func:`read_regular`, with the ``fstat`` of the file the bytes came from
    taken after reading them (its size and modification time are those of the bytes,
    unless someone writes to it in between: then the next look sees a change)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        if missing_ok:
            return None
        raise FileReadError(path, "no such file") from None
    except IsADirectoryError:
        raise FileReadError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise FileReadError(path, f"cannot read: {reason(exc)}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileReadError(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise FileReadError(path, "is not a regular file (a pipe, device or socket)")
        if limit is not None and info.st_size > limit:
            raise FileReadError(path, f"is too large ({info.st_size} bytes)")
        chunks = []
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks), os.fstat(fd)
    except OSError as exc:
        raise FileReadError(path, f"cannot read: {reason(exc)}") from None
    finally:
        os.close(fd)
