"""Errors about post-mortem files; they end as one line (see :mod:`pmtui.errors`)."""

from __future__ import annotations

from pathlib import Path

from pmtui.errors import UserError


class DocumentError(UserError):
    """A post-mortem file that cannot be read: ``str()`` is ``PATH:LINE: what is wrong``."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.message = " ".join(message.split())
        self.path = path
        self.line = line
        super().__init__(self._where())

    def _where(self) -> str:
        where = "" if self.path is None else str(self.path)
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.message}" if where else self.message

    def __str__(self) -> str:
        return self._where()

    def at(self, path: Path | str) -> DocumentError:
        """The same error, naming ``path`` as the file."""
        return DocumentError(self.message, path, self.line)


class StorageError(UserError):
    """A write, move or listing that failed; the old file is left as it was."""
