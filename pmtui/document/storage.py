"""Post-mortem files on disk: load, save (atomically), name, list, move to the trash.

Every write goes through :func:`atomic_write_text`: a temp file in the same folder,
fsync, ``os.replace``, fsync of the folder. A write that fails (disk full, permission
denied, read-only folder) raises :class:`StorageError` and leaves the previous file
byte for byte as it was. New files get mode 0600: post-mortems hold sensitive detail.

A write given the :class:`~pmtui.document.stamp.FileStamp` of the version it replaces
(``expected=``) first checks, just before the rename, that the file's bytes are still
that version, and otherwise raises :class:`~pmtui.document.external.ExternalChangeError`
and writes nothing: a change made on disk by someone else is never overwritten.

A file opened for editing keeps a :class:`ReadBase` (what it held when read or last
written); :func:`save` with it changes only the lines of the fields that changed
(:func:`pmtui.document.markdown.patch`), so a post-mortem kept in git shows small diffs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from pmtui import paths
from pmtui.document.errors import DocumentError, StorageError
from pmtui.document.markdown import SourceMap, from_markdown, patched, read_markdown, to_markdown
from pmtui.document.model import Postmortem
from pmtui.document.stamp import FileStamp, look
from pmtui.files import FileReadError, read_regular, read_regular_stat, reason

__all__ = [
    "DocumentError",
    "Listing",
    "ReadBase",
    "StorageError",
    "atomic_write_bytes",
    "atomic_write_text",
    "list_postmortems",
    "load",
    "load_stamped",
    "load_with_base",
    "move_to_trash",
    "new_path",
    "parse",
    "save",
    "slugify",
]

#: Longest slug, in characters; the full name stays well under 255 bytes.
SLUG_MAX = 60
NEW_FILE_MODE = paths.PRIVATE_FILE_MODE


# --------------------------------------------------------------------------- reading


def read_text(path: Path) -> str:
    """The file's text, or a DocumentError naming the file and what is wrong (a FIFO or
    device is refused, never read)."""
    return decode(read_bytes(path)[0], path)


def read_bytes(path: Path) -> tuple[bytes, FileStamp]:
    """The file's bytes and the stamp of that version (a FIFO or device is refused)."""
    path = Path(path)
    try:
        read = read_regular_stat(path)
    except FileReadError as exc:
        raise DocumentError(exc.reason, path) from None
    assert read is not None  # missing_ok is False
    data, info = read
    return data, FileStamp.of(data, info)


def decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DocumentError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})", path, line
        ) from None


def parse(data: bytes, path: Path) -> Postmortem:
    """The post-mortem in ``data`` (the bytes of ``path``); errors name ``path``."""
    text = decode(data, path)
    try:
        return from_markdown(text, str(path))
    except DocumentError as exc:
        raise exc.at(path) from None


def load(path: Path) -> Postmortem:
    """Read a post-mortem file (see :func:`pmtui.document.markdown.from_markdown`)."""
    return load_stamped(path)[0]


def load_stamped(path: Path) -> tuple[Postmortem, FileStamp]:
    """Read a post-mortem file, with the stamp of the version read."""
    path = Path(path)
    data, stamp = read_bytes(path)
    return parse(data, path), stamp


@dataclass(frozen=True)
class ReadBase:
    """What a file held when it was read or last written: its exact ``text``, the
    document read from it (``doc``, never edited: a copy of what the user edits), where
    each field sits in it (``sources``; None until known) and its ``stamp`` (the version
    on disk). Passed to :func:`save`, which rewrites only the lines of what changed,
    refuses to write over a version it did not read, and returns the next base."""

    text: str
    doc: Postmortem
    sources: SourceMap | None = None
    stamp: FileStamp | None = None


def load_with_base(path: Path) -> tuple[Postmortem, ReadBase]:
    """Read a post-mortem file for editing: the document, and the base a save patches."""
    path = Path(path)
    data, stamp = read_bytes(path)
    text = decode(data, path)
    try:
        doc, sources = read_markdown(text, str(path))
    except DocumentError as exc:
        raise exc.at(path) from None
    return doc, ReadBase(text, doc.model_copy(deep=True), sources, stamp)


# --------------------------------------------------------------------------- writing


class _Unchecked(Enum):
    UNCHECKED = "unchecked"


#: ``expected=`` default: write whatever is on disk now.
UNCHECKED = _Unchecked.UNCHECKED
#: What ``expected=`` takes: the stamp of the version to replace, None for "no file yet".
Expected = FileStamp | None | _Unchecked


def atomic_write_text(path: Path, text: str, *, expected: Expected = UNCHECKED) -> FileStamp:
    """Replace ``path`` with ``text`` (UTF-8) so a reader sees the old or the new file, never
    half of one. Keeps an existing file's mode; new files get 0600. See
    :func:`atomic_write_bytes` for ``expected``."""
    return atomic_write_bytes(path, text.encode("utf-8"), expected=expected)


def atomic_write_bytes(path: Path, data: bytes, *, expected: Expected = UNCHECKED) -> FileStamp:
    """Like :func:`atomic_write_text`, for bytes. A symlink is written through: its target
    is replaced and the link kept. Returns the stamp of the version written.

    ``expected``: the stamp of the version this write replaces (None: there must be no
    file); if the file's bytes are another version just before the rename, nothing is
    written and ``ExternalChangeError`` is raised."""
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()
    folder = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {reason(exc)}") from None
    if path.is_dir():
        raise StorageError(f"cannot write {path}: it is a folder")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {reason(exc)}") from None
    tmp = Path(tmp_name)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fchmod(fd, mode)
            os.fsync(fd)
            info = os.fstat(fd)
        finally:
            os.close(fd)
        if expected is not UNCHECKED:
            _check_unchanged(path, expected)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageError(f"cannot write {path}: {reason(exc)}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)
    return FileStamp.of(data, info)


def _check_unchanged(path: Path, expected: FileStamp | None) -> None:
    """Raise ``ExternalChangeError`` unless ``path`` holds the ``expected`` bytes (always
    hashed: a save must never trust a stat)."""
    from pmtui.document.external import ExternalChangeError

    found = look(path, expected, trust_stat=False)
    if found.changed:
        raise ExternalChangeError(path, found)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename itself is done
    finally:
        os.close(fd)


def ensure_folder(folder: Path) -> None:
    """Create ``folder`` (private when it is pmtui's own; see :func:`paths.ensure_dir`)."""
    try:
        paths.ensure_dir(folder)
    except FileExistsError:
        raise StorageError(f"cannot create folder {folder}: a file is in the way") from None
    except OSError as exc:
        raise StorageError(f"cannot create folder {folder}: {reason(exc)}") from None


def save(
    doc: Postmortem,
    path: Path,
    *,
    base: ReadBase | None = None,
    expected: Expected = UNCHECKED,
) -> ReadBase:
    """Write ``doc`` as Markdown to ``path`` atomically (creating its folder).

    With ``base`` (what the file held when read or last written) only the lines of the
    fields that changed since are rewritten, every other line kept byte for byte, and the
    file must still be that version (else :class:`ExternalChangeError`, nothing written);
    without, the whole document is written after the template, checked against
    ``expected`` when given. Returns the base for the next save (its ``stamp`` is the
    version written).
    """
    path = Path(path)
    if base is None:
        text, sources = to_markdown(doc), None
    else:
        text, sources = patched(base.text, base.doc, doc, base.sources)
    ensure_folder(path.parent)
    if base is not None and base.stamp is not None and expected is UNCHECKED:
        expected = base.stamp
    stamp = atomic_write_text(path, text, expected=expected)
    return ReadBase(text, doc.model_copy(deep=True), sources, stamp)


# --------------------------------------------------------------------------- naming


def slugify(title: str) -> str:
    """A file-name-safe slug: lowercase ASCII letters, digits and single hyphens, at most
    :data:`SLUG_MAX` characters, never empty (``untitled``), never ``.`` or ``..``."""
    text = unicodedata.normalize("NFKD", title)
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > SLUG_MAX:
        text = text[:SLUG_MAX].rstrip("-")
        # cut at a word boundary when one is near the end
        cut = text.rfind("-")
        if cut >= SLUG_MAX // 2:
            text = text[:cut]
    return text or "untitled"


def new_path(
    title: str,
    date: dt.date | None = None,
    folder: Path | None = None,
    *,
    skip: Collection[Path] = (),
) -> Path:
    """A path that does not exist yet: ``FOLDER/YYYY-MM-DD-<slug>.md`` (``-2``, ``-3``...
    added on collision, or when the name is in ``skip``). ``date`` defaults to today (UTC),
    ``folder`` to the drafts folder."""
    folder = Path(folder) if folder is not None else paths.drafts_dir()
    date = date or dt.datetime.now(dt.UTC).date()
    stem = f"{date.isoformat()}-{slugify(title)}"
    candidate = folder / f"{stem}.md"
    number = 2
    while candidate in skip or candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{stem}-{number}.md"
        number += 1
    return candidate


# --------------------------------------------------------------------------- listing


@dataclass(frozen=True)
class Listing:
    """One saved post-mortem, as ``pmtui list`` shows it. ``doc`` is None and ``error``
    says why when the file cannot be read."""

    path: Path
    title: str
    date: dt.date | None
    severity: str | None
    modified: dt.datetime
    doc: Postmortem | None = None
    error: str | None = None


def list_postmortems(folder: Path | None = None) -> list[Listing]:
    """Every ``*.md`` in the folder (default: drafts), newest first: by the post-mortem's
    date (its modification day if it has none), then modification time. Unreadable files
    are listed with their error."""
    folder = Path(folder) if folder is not None else paths.drafts_dir()
    try:
        entries = sorted(p for p in folder.iterdir() if p.suffix == ".md" and p.is_file())
    except FileNotFoundError:
        return []
    except NotADirectoryError:
        raise StorageError(f"cannot list {folder}: it is not a folder") from None
    except OSError as exc:
        raise StorageError(f"cannot list {folder}: {reason(exc)}") from None
    listings = []
    for path in entries:
        try:
            modified = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
        except OSError:
            continue
        try:
            doc = load(path)
        except DocumentError as exc:
            listings.append(Listing(path, path.stem, None, None, modified, None, str(exc)))
            continue
        listings.append(
            Listing(
                path,
                doc.title,
                doc.date,
                doc.severity.value if doc.severity else None,
                modified,
                doc,
            )
        )
    # By incident date; a draft without one yet counts from when it was last saved.
    listings.sort(key=lambda item: (item.date or item.modified.date(), item.modified), reverse=True)
    return listings


# --------------------------------------------------------------------------- trash


def move_to_trash(path: Path) -> Path:
    """Move a post-mortem into the trash folder (never deleted); returns its new path."""
    path = Path(path)
    if not path.is_file():
        raise StorageError(f"cannot move {path} to the trash: no such file")
    trash = paths.trash_dir()
    ensure_folder(trash)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    target = trash / path.name
    number = 2
    while target.exists():
        target = trash / f"{path.stem}-{stamp}-{number}{path.suffix}"
        number += 1
    try:
        os.replace(path, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise StorageError(f"cannot move {path} to the trash: {reason(exc)}") from None
        # Another file system: copy atomically, then remove the original.
        try:
            data = read_regular(path) or b""
        except FileReadError as read_exc:
            raise StorageError(f"cannot move {path} to the trash: {read_exc.reason}") from None
        atomic_write_bytes(target, data)
        try:
            path.unlink()
        except OSError as unlink_exc:
            raise StorageError(
                f"copied {path} to the trash but cannot remove it: {reason(unlink_exc)}"
            ) from None
    _fsync_dir(trash)
    return target
