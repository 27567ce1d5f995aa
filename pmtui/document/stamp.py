"""What a file was when pmtui last read or wrote it, to notice when someone else changed it.

A :class:`FileStamp` is the file's modification time (ns), size, identity (device and
inode) and the SHA-256 of its bytes. Looking again (:func:`look`) is cheap: one ``stat``;
the file is read and hashed only when the stat differs, and a file whose bytes are the
same (a ``touch``, a ``git checkout`` that rewrote it unchanged) is not a change.
No Textual here.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from pmtui.files import FileReadError, read_regular_stat


@dataclass(frozen=True)
class FileStamp:
    """One version of a file, as pmtui saw it."""

    mtime_ns: int
    size: int
    sha256: str
    dev: int = 0
    ino: int = 0

    @classmethod
    def of(cls, data: bytes, info: os.stat_result) -> FileStamp:
        """The stamp of ``data``, read from (or written to) the file ``info`` describes."""
        return cls(
            mtime_ns=info.st_mtime_ns,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            dev=info.st_dev,
            ino=info.st_ino,
        )

    def same_stat(self, info: os.stat_result) -> bool:
        """True when ``info`` looks like this version (no need to read the file)."""
        return (info.st_mtime_ns, info.st_size, info.st_dev, info.st_ino) == (
            self.mtime_ns,
            self.size,
            self.dev,
            self.ino,
        )

    def same_bytes(self, other: FileStamp | None) -> bool:
        return other is not None and other.sha256 == self.sha256


@dataclass(frozen=True)
class Look:
    """What :func:`look` found at a path.

    ``stamp`` is None when the file is missing; ``data`` holds the bytes when they were
    read; ``error`` says why the file could not be read (a FIFO, no permission)."""

    changed: bool
    stamp: FileStamp | None
    data: bytes | None = None
    error: str | None = None

    @property
    def version(self) -> tuple[str, str]:
        """Which version was found: the same for two looks that found the same bytes,
        the file missing, or the same reason it cannot be read."""
        if self.error is not None:
            return ("unreadable", self.error)
        if self.stamp is None:
            return ("missing", "")
        return ("bytes", self.stamp.sha256)


def stat_changed(path: Path, known: FileStamp | None) -> bool:
    """One ``stat``: True when the file may differ from ``known`` (None: known missing)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return known is not None
    except OSError:
        return True
    return known is None or not known.same_stat(info)


def look(path: Path, known: FileStamp | None, *, trust_stat: bool = True) -> Look:
    """Has ``path`` changed since ``known`` (None: it did not exist)?

    With ``trust_stat`` an unchanged stat means unchanged bytes (the cheap poll); without
    it the bytes are always hashed (before a save: never write over a change)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return Look(changed=known is not None, stamp=None)
    except OSError as exc:
        return Look(changed=True, stamp=None, error=exc.strerror or str(exc))
    if trust_stat and known is not None and known.same_stat(info):
        return Look(changed=False, stamp=known)
    try:
        read = read_regular_stat(path, missing_ok=True)
    except FileReadError as exc:
        return Look(changed=True, stamp=None, error=exc.reason)
    if read is None:
        return Look(changed=known is not None, stamp=None)
    data, info = read
    stamp = FileStamp.of(data, info)
    return Look(changed=not stamp.same_bytes(known), stamp=stamp, data=data)
