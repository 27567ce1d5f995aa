"""A lock file next to a post-mortem, so two pmtui windows never edit one file.

The lock is ``.<name>.lock`` in the document's folder and holds the owner's pid.
A lock whose pid is no longer running (a crash, a ``kill -9``) is stale and is
taken over. No Textual here.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from pmtui.errors import UserError


def lock_path(document: Path) -> Path:
    """Where the lock for ``document`` lives (a hidden file beside it)."""
    return document.with_name(f".{document.name}.lock")


def pid_alive(pid: int) -> bool:
    """True when a process with this pid exists (even if owned by another user)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed process its parent has not reaped yet still has a pid (Linux)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    # The state follows the command name, which is in parentheses.
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


def _read_pid(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    try:
        return int(text.split()[0]) if text else None
    except ValueError:
        return None


class LockHeld(UserError):
    """Another running pmtui holds the document."""

    def __init__(self, document: Path, pid: int) -> None:
        self.document = document
        self.pid = pid
        super().__init__(f"{document} is open in another pmtui (pid {pid})")


@dataclass
class DocumentLock:
    """An acquired lock; ``release()`` removes it if it is still ours."""

    document: Path
    path: Path
    pid: int

    @classmethod
    def acquire(cls, document: Path, *, pid: int | None = None) -> DocumentLock:
        """Take the lock for ``document``, taking over a stale one.

        Raises ``LockHeld`` when a live process other than ``pid`` holds it.
        """
        pid = os.getpid() if pid is None else pid
        path = lock_path(document)
        from pmtui import paths

        paths.ensure_dir(path.parent)
        for _ in range(3):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                holder = _read_pid(path)
                if holder is not None and holder != pid and pid_alive(holder):
                    raise LockHeld(document, holder) from None
                # Stale (dead pid, unreadable, or our own): take it over.
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(f"{pid}\n")
            return cls(document=document, path=path, pid=pid)
        raise LockHeld(document, _read_pid(path) or -1)

    def release(self) -> None:
        """Remove the lock file if it still holds our pid."""
        if _read_pid(self.path) == self.pid:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
