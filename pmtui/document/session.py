"""A draft being edited: the document, its file, its lock and its autosave.

The wizard and meeting mode share one ``DraftSession``; every step pane edits
``session.doc`` and calls ``session.changed()``. The UI polls ``autosave()``
from a timer. No Textual here, so all of this is unit-testable.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pmtui.document.autosave import Autosaver, Clock
from pmtui.document.lock import DocumentLock
from pmtui.document.model import Allowance, Postmortem
from pmtui.document.rows import History

if TYPE_CHECKING:
    from pmtui.blame import Checker, DocumentFinding, Finding


class DraftSession:
    """One open post-mortem.

    Attributes:
        doc: the document, edited in place by the step panes.
        path: the Markdown file it is saved to.
        lock: our lock on ``path`` (``None`` when read-only).
        read_only: when True nothing is ever written.
        autosaver: decides when unsaved changes are written.
    """

    def __init__(
        self,
        doc: Postmortem,
        path: Path,
        *,
        lock: DocumentLock | None = None,
        read_only: bool = False,
        clock: Clock = time.monotonic,
        checker: Checker | None = None,
    ) -> None:
        self.doc = doc
        self.path = path
        self.lock = lock
        self.read_only = read_only
        self.autosaver = Autosaver(clock)
        if checker is None:
            from pmtui.blame import Checker

            checker = Checker()
        #: Every blame finding and action-item check of this document comes from it.
        self.checker = checker
        self.today = checker.today
        self.save_count = 0
        self.last_error: str | None = None
        #: Undo of row operations (add, delete, move, sort) and "Fill duration".
        self.history = History()
        #: A new draft whose file name may still follow its title (until first saved).
        self.provisional_name = False
        self._write_lock = threading.Lock()
        self._snapshots = 0
        self._written = 0

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        read_only: bool = False,
        clock: Clock = time.monotonic,
        checker: Checker | None = None,
    ) -> DraftSession:
        """Load ``path`` and lock it.

        Raises ``DocumentError`` when the file cannot be read (it is then never
        written), and ``LockHeld`` when another live pmtui has it open and
        ``read_only`` is False.
        """
        from pmtui.document import storage

        doc = storage.load(path)
        lock = None if read_only else DocumentLock.acquire(path)
        return cls(doc, path, lock=lock, read_only=read_only, clock=clock, checker=checker)

    @classmethod
    def create(
        cls,
        title: str = "",
        *,
        folder: Path | None = None,
        clock: Clock = time.monotonic,
        checker: Checker | None = None,
    ) -> DraftSession:
        """A new draft at ``storage.new_path(title)`` in ``folder`` (default: the drafts
        folder); written on the first change."""
        from pmtui.blame import Checker
        from pmtui.document import storage

        checker = checker or Checker()
        date = checker.today()
        path = storage.new_path(title or "untitled", date, folder)
        doc = Postmortem(title=title, date=date, wizard_step="facts")
        lock = DocumentLock.acquire(path)
        session = cls(doc, path, lock=lock, clock=clock, checker=checker)
        session.provisional_name = not title
        if title:
            session.changed()
        return session

    def _name_after_title(self) -> None:
        """A draft started without a title is named after the title typed before
        its first save (``YYYY-MM-DD-<slug>.md``), not ``untitled``."""
        from pmtui.document import storage

        self.provisional_name = False
        if not self.doc.title.strip() or self.path.exists():
            return
        path = storage.new_path(self.doc.title, self.doc.date or self.today(), self.path.parent)
        try:
            lock = DocumentLock.acquire(path)
        except Exception:  # noqa: BLE001 - keep the first name; never block a save
            return
        if self.lock is not None:
            self.lock.release()
        self.lock, self.path = lock, path

    # -- saving ------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self.autosaver.dirty

    def changed(self) -> None:
        """Call after every edit of ``doc``."""
        if not self.read_only:
            self.autosaver.changed()

    def save(self) -> None:
        """Write the document now (atomically). Raises ``StorageError`` on failure."""
        if self.read_only:
            return
        from pmtui.document import storage

        if self.provisional_name:
            self._name_after_title()
        with self._write_lock:
            storage.save(self.doc, self.path)
            self._snapshots += 1
            self._written = self._snapshots
        self.autosaver.saved()
        self.save_count += 1
        self.last_error = None

    def due_snapshot(self) -> tuple[Postmortem, int] | None:
        """When an autosave is due: a copy of the document to write off the UI
        thread with ``write_snapshot`` (typing never waits for the disk)."""
        if self.read_only or not self.autosaver.due():
            return None
        return self.snapshot()

    def snapshot(self) -> tuple[Postmortem, int] | None:
        """A copy of the document to write now with ``write_snapshot`` (None when
        read-only); everything changed so far counts as being saved."""
        if self.read_only:
            return None
        if self.provisional_name:
            self._name_after_title()
        self._snapshots += 1
        snapshot = self.doc.snapshot()
        self.autosaver.saved()
        return snapshot, self._snapshots

    def write_snapshot(self, snapshot: Postmortem, number: int) -> bool:
        """Write a snapshot (any thread); an older one never overwrites a newer. False
        when the write failed (the error is in ``last_error``; retried on the next tick)."""
        from pmtui.document import storage
        from pmtui.errors import UserError

        with self._write_lock:
            if number <= self._written:
                return True
            try:
                storage.save(snapshot, self.path)
            except UserError as exc:
                self.last_error = str(exc)
                self.autosaver.changed()  # retried on the next tick
                return False
            self._written = number
            self.save_count += 1
            self.last_error = None
            return True

    def autosave(self) -> bool:
        """Save if a save is due; True when something was written.

        A failed write is kept in ``last_error`` and retried on the next call.
        """
        if self.read_only or not self.autosaver.due():
            return False
        from pmtui.errors import UserError

        try:
            self.save()
        except UserError as exc:
            self.last_error = str(exc)
            return False
        return True

    def close(self) -> None:
        """Save unsaved changes and release the lock."""
        try:
            if self.dirty:
                self.save()
        finally:
            if self.lock is not None:
                self.lock.release()
                self.lock = None

    # -- blame -------------------------------------------------------------

    def scan(self, text: str) -> list[Finding]:
        """Blame findings in one field's text (the document's names and allowances count)."""
        return self.checker.text(text, doc=self.doc)

    def findings(self) -> list[DocumentFinding]:
        """Every finding in the document (fields and action-item checks)."""
        return self.checker.document(self.doc)

    def allow(self, finding: Finding, *, whole_document: bool = False) -> None:
        """Mark a warning as allowed (saved in the file as the engine's comment)."""
        allowance = Allowance(rule=finding.rule, match=None if whole_document else finding.match)
        if allowance not in self.doc.allowed:
            self.doc.allowed = [*self.doc.allowed, allowance]
            self.changed()

    def allowed_rules(self) -> Iterable[Allowance]:
        return tuple(self.doc.allowed)


class SessionRegistry:
    """The drafts open in the app, so every way out saves them and releases their locks."""

    def __init__(self) -> None:
        self._sessions: list[DraftSession] = []

    def __iter__(self) -> Iterator[DraftSession]:
        return iter(list(self._sessions))

    def __len__(self) -> int:
        return len(self._sessions)

    def add(self, session: DraftSession) -> None:
        if session not in self._sessions:
            self._sessions.append(session)

    def close(self, session: DraftSession) -> None:
        """Save and unlock one session (raises ``UserError`` when the save fails; the
        lock is released either way)."""
        if session in self._sessions:
            self._sessions.remove(session)
        session.close()

    def close_all(self) -> list[tuple[DraftSession, Exception]]:
        """Save and unlock every session; the ones that failed, with their error."""
        from pmtui.errors import UserError

        failed: list[tuple[DraftSession, Exception]] = []
        for session in list(self._sessions):
            try:
                self.close(session)
            except UserError as exc:
                failed.append((session, exc))
        return failed
