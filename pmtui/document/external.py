"""A post-mortem file changed on disk by someone else while pmtui had it open.

:class:`ExternalChange` is what the session found: their version (parsed, or why it
cannot be used), the version pmtui last read or wrote (the base), and, given the
session's document, what changed on each side and whether a field-level merge is
possible. The session stops saving while one is pending (never writing over theirs);
the user picks Reload, Keep mine (a copy beside it) or Merge. No Textual here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from pmtui.document.errors import StorageError
from pmtui.document.merge import Merge, changed_fields, describe, merge3
from pmtui.document.model import Postmortem
from pmtui.document.stamp import FileStamp, Look
from pmtui.errors import UserError

#: ``NAME.mine-YYYYMMDD-HHMMSS.md``: where "Keep mine" writes the session's version.
COPY_FORMAT = "{stem}.mine-{stamp}{suffix}"
_COPY_SUFFIX = re.compile(r"\.mine-\d{8}-\d{6}(?:-\d+)?$")


@dataclass(frozen=True)
class ExternalChange:
    """Their version of ``path``; ``theirs`` is None and ``error`` says why when it
    cannot be used (it does not parse, it was deleted, it cannot be read)."""

    path: Path
    base: Postmortem
    stamp: FileStamp | None
    theirs: Postmortem | None
    error: str | None = None
    #: Which version of the file this is (see :attr:`~pmtui.document.stamp.Look.version`).
    version: tuple[str, str] = ("", "")

    @classmethod
    def found(cls, path: Path, base: Postmortem, look: Look) -> ExternalChange:
        """Parse what :func:`~pmtui.document.stamp.look` read at ``path``."""
        from pmtui.document import storage

        version = look.version
        if look.error is not None:
            return cls(path, base, None, None, f"cannot be read: {look.error}", version)
        if look.stamp is None or look.data is None:
            return cls(path, base, None, None, "was deleted or moved away", version)
        try:
            theirs = storage.parse(look.data, path)
        except UserError as exc:
            return cls(path, base, look.stamp, None, f"does not parse ({exc})", version)
        return cls(path, base, look.stamp, theirs, None, version)

    @property
    def usable(self) -> bool:
        """True when their version parsed (it can be reloaded or merged)."""
        return self.theirs is not None

    def same_version(self, look: Look) -> bool:
        """True when ``look`` found this same version again (nothing new to ask)."""
        return look.version == self.version

    def theirs_changed(self) -> list[str]:
        """Their changes since the base, as short phrases (``Timeline: 3 → 4 rows``)."""
        if self.theirs is None:
            return []
        return [describe(n, self.base, self.theirs) for n in changed_fields(self.base, self.theirs)]

    def mine_changed(self, mine: Postmortem) -> list[str]:
        """The session's changes since the base, as short phrases."""
        return [describe(n, self.base, mine) for n in changed_fields(self.base, mine)]

    def merge(self, mine: Postmortem) -> Merge | None:
        """The field-level merge of ``mine`` and theirs (None when theirs is unusable)."""
        if self.theirs is None:
            return None
        return merge3(self.base, mine, self.theirs)

    def message(self) -> str:
        """One line: what happened to the file."""
        if self.theirs is None:
            return f"{self.path} changed on disk and {self.error}; pmtui did not write over it"
        return f"{self.path} changed on disk since pmtui read it; pmtui did not write over it"


class ExternalChangeError(StorageError):
    """A save refused because the file changed on disk since pmtui read or wrote it."""

    def __init__(self, path: Path, look: Look) -> None:
        self.path = path
        self.look = look
        super().__init__(f"{path} changed on disk since pmtui read it; not saved over it")


class MergeConflict(UserError):
    """Both sides changed the same fields: no merge."""

    def __init__(self, path: Path, fields: list[str]) -> None:
        self.fields = fields
        super().__init__(
            f"cannot merge {path.name}: both versions changed {', '.join(fields)}; "
            "reload theirs or keep yours as a copy"
        )


def copy_path(path: Path, when: dt.datetime) -> Path:
    """A free ``NAME.mine-YYYYMMDD-HHMMSS.md`` beside ``path`` (``-2``... on collision)."""
    stamp = when.strftime("%Y%m%d-%H%M%S")
    stem = _COPY_SUFFIX.sub("", path.stem)  # a copy of a copy is named after the original
    candidate = path.with_name(COPY_FORMAT.format(stem=stem, stamp=stamp, suffix=path.suffix))
    number = 2
    while candidate.exists() or candidate.is_symlink():
        name = COPY_FORMAT.format(stem=stem, stamp=f"{stamp}-{number}", suffix=path.suffix)
        candidate = path.with_name(name)
        number += 1
    return candidate
