"""A draft being edited: the document, its file, its lock and its autosave.

The wizard and meeting mode share one ``DraftSession``; every step pane edits
``session.doc`` and calls ``session.changed()``. The UI polls ``autosave()``
from a timer. No Textual here, so all of this is unit-testable.

The session remembers the version of the file it last read or wrote (``stamp``, and
``base``, that version's document). Every save checks the file is still that version
and otherwise writes nothing; :meth:`DraftSession.check_disk` notices a change without a
save. While a change is pending (``external``) nothing is saved until the user picks
:meth:`~DraftSession.reload`, :meth:`~DraftSession.keep_mine` or :meth:`~DraftSession.merge`.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pmtui.document.autosave import Autosaver, Clock
from pmtui.document.external import ExternalChange, ExternalChangeError, MergeConflict, copy_path
from pmtui.document.lock import DocumentLock, LockHeld, LockUnavailable
from pmtui.document.model import Allowance, Postmortem
from pmtui.document.rows import History
from pmtui.document.stamp import FileStamp, look, stat_changed
from pmtui.errors import UserError

if TYPE_CHECKING:
    from pmtui.blame import Checker, DocumentFinding, Finding
    from pmtui.document.storage import ReadBase


class DraftSession:
    """One open post-mortem.

    Attributes:
        doc: the document, edited in place by the step panes.
        path: the Markdown file it is saved to.
        lock: our lock on ``path`` (``None`` when read-only).
        read_only: when True nothing is ever written.
        read_only_reason: why it is read-only, in words (None when it is not).
        autosaver: decides when unsaved changes are written.
        stamp: the version of ``path`` last read or written (None: no file yet).
        merge_base: that version's document (the base of a three-way merge).
        read_base: that version's text and where its fields are (a save patches it,
            rewriting only the lines of what changed; None for a new draft).
        external: a change made on disk by someone else, not resolved yet.
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
        base: ReadBase | None = None,
    ) -> None:
        self.doc = doc
        self.path = path
        self.lock = lock
        self.read_only = read_only
        self.read_only_reason: str | None = "open in another pmtui" if read_only else None
        self.autosaver = Autosaver(clock)
        self.read_base = base
        self.stamp = base.stamp if base is not None else None
        self.merge_base = base.doc if base is not None else doc.model_copy(deep=True)
        self.external: ExternalChange | None = None
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
        ``read_only`` is False. A folder where no lock can be made (read-only, no
        permission) opens the file read-only, saying why in ``read_only_reason``.
        """
        from pmtui.document import storage

        doc, base = storage.load_with_base(path)
        lock = None
        reason = "open in another pmtui" if read_only else None
        if not read_only:
            try:
                lock = DocumentLock.acquire(path)
            except LockUnavailable as exc:
                read_only, reason = True, f"{exc}; opened read-only, nothing will be saved"
        session = cls(
            doc, path, lock=lock, read_only=read_only, clock=clock, checker=checker, base=base
        )
        session.read_only_reason = reason
        return session

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
        folder); written on the first change. A name another window has claimed for its
        own new draft (locked, not written yet) is skipped."""
        from pmtui.blame import Checker

        checker = checker or Checker()
        date = checker.today()
        path, lock = _claim(title or "untitled", date, folder)
        doc = Postmortem(title=title, date=date)
        session = cls(doc, path, lock=lock, clock=clock, checker=checker)
        session.provisional_name = not title
        if title:
            session.changed()
        return session

    def _name_after_title(self) -> None:
        """A draft started without a title is named after the title typed before
        its first save (``YYYY-MM-DD-<slug>.md``), not ``untitled``."""
        self.provisional_name = False
        if not self.doc.title.strip() or self.path.exists():
            return
        try:
            path, lock = _claim(self.doc.title, self.doc.date or self.today(), self.path.parent)
        except UserError:
            return  # keep the first name; never block a save
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
        """Write the document now (atomically). Raises ``StorageError`` on failure, and
        ``ExternalChangeError`` (writing nothing) when the file changed on disk."""
        if self.read_only:
            return
        if self.provisional_name:
            self._name_after_title()
        with self._write_lock:
            self._write(self.doc, copy=True)
            self._snapshots += 1
            self._written = self._snapshots
        self.autosaver.saved()
        self.save_count += 1
        self.last_error = None

    def _write(self, doc: Postmortem, *, copy: bool) -> None:
        """Write ``doc`` over the version last read or written (hold ``_write_lock``)."""
        from pmtui.document import storage

        if self.external is not None:
            raise ExternalChangeError(self.path, look(self.path, self.stamp))
        try:
            written = storage.save(doc, self.path, base=self.read_base, expected=self.stamp)
        except ExternalChangeError as exc:
            self.external = ExternalChange.found(self.path, self.merge_base, exc.look)
            self.last_error = self.external.message()
            raise
        self.read_base, self.stamp = written, written.stamp
        self.merge_base = written.doc

    def due_snapshot(self) -> tuple[Postmortem, int] | None:
        """When an autosave is due: a copy of the document to write off the UI
        thread with ``write_snapshot`` (typing never waits for the disk)."""
        if self.read_only or self.external is not None or not self.autosaver.due():
            return None
        return self.snapshot()

    def snapshot(self) -> tuple[Postmortem, int] | None:
        """A copy of the document to write now with ``write_snapshot`` (None when
        read-only, or while a change on disk is pending); everything changed so far
        counts as being saved."""
        if self.read_only or self.external is not None:
            return None
        if self.provisional_name:
            self._name_after_title()
        self._snapshots += 1
        snapshot = self.doc.snapshot()
        self.autosaver.saved()
        return snapshot, self._snapshots

    def write_snapshot(self, snapshot: Postmortem, number: int) -> bool:
        """Write a snapshot (any thread); an older one never overwrites a newer. False
        when the write failed (the error is in ``last_error``; retried on the next tick,
        unless the file changed on disk: then ``external`` is set and saving waits)."""
        with self._write_lock:
            if number <= self._written:
                return True
            try:
                self._write(snapshot, copy=False)
            except UserError as exc:
                if self.external is None:
                    self.last_error = str(exc)
                self.autosaver.changed()  # still unsaved: retried, or kept on close
                return False
            self._written = number
            self.save_count += 1
            self.last_error = None
            return True

    def autosave(self) -> bool:
        """Save if a save is due; True when something was written.

        A failed write is kept in ``last_error`` and retried on the next call.
        """
        if self.read_only or self.external is not None or not self.autosaver.due():
            return False
        try:
            self.save()
        except UserError as exc:
            if self.external is None:
                self.last_error = str(exc)
            return False
        return True

    def close(self, *, now: dt.datetime | None = None) -> None:
        """Save unsaved changes and release the lock. When the file changed on disk,
        the unsaved version is written beside it instead (see :meth:`keep_mine`) and
        ``KeptAsCopy`` says where."""
        try:
            if self.dirty and not self.read_only:
                try:
                    self.save()
                except ExternalChangeError:
                    original = self.path
                    copy = self.keep_mine(now=now)
                    raise KeptAsCopy(original, copy) from None
        finally:
            if self.lock is not None:
                self.lock.release()
                self.lock = None

    # -- changes made on disk by someone else ------------------------------------

    def disk_may_have_changed(self) -> bool:
        """One ``stat`` (cheap enough for every UI tick): True when the file may no
        longer be the version last read or written (then call :meth:`check_disk`,
        which reads it, off the UI thread if it may be large)."""
        pending = self.external
        if pending is not None:
            return stat_changed(self.path, pending.stamp) or pending.stamp is None
        return stat_changed(self.path, self.stamp)

    def check_disk(self) -> ExternalChange | None:
        """Look at the file (any thread): a change made by someone else that was not
        known yet, or None. The change is kept in ``external`` (saving stops) until
        it is resolved; a file that is back to our version clears it."""
        with self._write_lock:
            pending = self.external
            found = look(self.path, self.stamp)
            if not found.changed:  # our version (maybe touched, or rewritten unchanged)
                if found.stamp is not None:
                    self.stamp = found.stamp
                if pending is not None:
                    self.external = None
                    self.last_error = None
                return None
            if pending is not None and pending.same_version(found):
                return None
            self.external = ExternalChange.found(self.path, self.merge_base, found)
            self.last_error = self.external.message()
            return self.external

    def reload(self) -> None:
        """Their version replaces the session's document (unsaved edits are dropped)."""
        change = self.external
        if change is None or change.theirs is None or change.stamp is None:
            raise UserError(f"{self.path}: there is no readable version on disk to reload")
        with self._write_lock:
            self.doc = change.theirs.model_copy(deep=True)
            self._rebase(change.theirs, change.stamp)
            self.external = None
            self.last_error = None
            self._written = self._snapshots
        self.autosaver.saved()

    def _rebase(self, theirs: Postmortem, stamp: FileStamp | None) -> None:
        """Their version is now the one saves build on (hold ``_write_lock``)."""
        from pmtui.document import storage

        self.merge_base, self.stamp = theirs, stamp
        try:  # their exact text, so the next save patches it (a small git diff)
            _, base = storage.load_with_base(self.path)
        except UserError:
            self.read_base = None
        else:
            self.read_base = base if base.stamp == stamp else None

    def merge(self) -> None:
        """Merge the session's document and theirs field by field; then the merged
        document is unsaved (the next save writes it over theirs, checked as ever).
        Raises ``MergeConflict`` naming the fields both sides changed."""
        change = self.external
        if change is None or change.theirs is None or change.stamp is None:
            raise UserError(f"{self.path}: there is no readable version on disk to merge")
        merged = change.merge(self.doc)
        assert merged is not None
        if merged.doc is None:
            raise MergeConflict(self.path, merged.conflict_labels())
        with self._write_lock:
            self.doc = merged.doc
            self._rebase(change.theirs, change.stamp)
            self.external = None
            self.last_error = None
        if merged.mine or self.dirty:
            self.changed()

    def keep_mine(self, *, now: dt.datetime | None = None) -> Path:
        """Write the session's document to ``NAME.mine-YYYYMMDD-HHMMSS.md`` beside the
        file (never over theirs, which stays as it is) and go on editing that copy: the
        session's path, lock and stamp move to it. Returns the copy's path."""
        from pmtui.document import storage

        when = now or dt.datetime.now()
        copy = copy_path(self.path, when)
        lock = DocumentLock.acquire(copy)
        try:
            with self._write_lock:
                written = storage.save(self.doc, copy, expected=None)
                if self.lock is not None:
                    self.lock.release()
                self.lock, self.path, self.stamp = lock, copy, written.stamp
                self.read_base, self.merge_base = written, written.doc
                self.external = None
                self.last_error = None
                self.provisional_name = False
                self._written = self._snapshots
        except BaseException:
            if self.lock is not lock:
                lock.release()
            raise
        self.autosaver.saved()
        self.save_count += 1
        return copy

    # -- blame -------------------------------------------------------------

    def scan(self, text: str) -> list[Finding]:
        """Blame findings in one field's text (the document's names and allowances count)."""
        return self.checker.text(text, doc=self.doc)

    def findings(self) -> list[DocumentFinding]:
        """Every finding in the document (fields and action-item checks)."""
        return self.checker.document(self.doc)

    def allow(
        self, finding: Finding, *, text: str | None = None, whole_document: bool = False
    ) -> None:
        """Mark a warning as allowed (saved in the file as the engine's comment). With
        the field's ``text``, only there: in the sentence the warning is in, which lapses
        when that sentence changes; else the matched text anywhere in the document."""
        from pmtui.blame.engine import sentence_of

        context = None
        if text is not None and 0 <= finding.start < finding.end <= len(text):
            context = sentence_of(text, finding.start, finding.end)
        allowance = Allowance(
            rule=finding.rule,
            match=None if whole_document else finding.match,
            context=None if whole_document else context,
        )
        if allowance not in self.doc.allowed:
            self.doc.allowed = [*self.doc.allowed, allowance]
            self.changed()

    def allowed_rules(self) -> Iterable[Allowance]:
        return tuple(self.doc.allowed)


class KeptAsCopy(UserError):
    """Closing found the file changed on disk: the unsaved version went to a copy."""

    def __init__(self, original: Path, copy: Path) -> None:
        self.original = original
        self.copy = copy
        super().__init__(
            f"{original} changed on disk, so your unsaved version was saved beside it as "
            f"{copy.name}"
        )


#: How many names ``_claim`` tries before giving up.
MAX_NAME_TRIES = 100


def _claim(title: str, date: dt.date, folder: Path | None) -> tuple[Path, DocumentLock]:
    """A free ``YYYY-MM-DD-<slug>.md`` name in ``folder``, and our lock on it: a name
    whose lock another window holds (its own new draft, not written yet) is skipped."""
    from pmtui.document import storage

    taken: set[Path] = set()
    for _ in range(MAX_NAME_TRIES):
        path = storage.new_path(title, date, folder, skip=taken)
        try:
            return path, DocumentLock.acquire(path)
        except LockHeld:
            taken.add(path)
        except LockUnavailable as exc:
            raise UserError(f"{exc}; a new post-mortem needs a folder pmtui can write in") from None
    raise UserError(f"cannot start a new post-mortem: every name for {title!r} is in use")


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
        failed: list[tuple[DraftSession, Exception]] = []
        for session in list(self._sessions):
            try:
                self.close(session)
            except UserError as exc:
                failed.append((session, exc))
        return failed
