"""The index of a folder of post-mortems: what Home, ``list``, ``actions``, ``search`` and
``report`` need from each file, kept in the cache folder so a warm run re-reads only the
files that changed.

One JSON file per folder of post-mortems (``$XDG_CACHE_HOME/pmtui/index/<hash>.json``),
written atomically. Each file's entry is keyed by its path relative to the folder and
trusted while its size and ``mtime_ns`` are unchanged; an entry whose file was modified
within :data:`RACY_NS` of being read is re-read next time (a change in the same clock
tick as the read would otherwise go unseen, the "racy git" problem). What an entry holds:
title, date, severity, completeness, the blame-warning count per checker settings key
(the date-dependent "overdue" warnings are counted at read time from the action rows),
the action rows with their file lines, the gaps' types, the learnings, and every text
field with its line for search. Never the model itself: the JSON is plain data.

The whole index is dropped when its :data:`FORMAT` or pmtui's version changes; a changed
``[blame]`` configuration (or rule file) only makes the warning counts stale, and a file
whose count for the current key is missing is re-read when counts are wanted.
No Textual here.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pmtui import __version__, paths
from pmtui.document.model import ActionItem, Status, days_overdue
from pmtui.repo.walk import walk_markdown

if TYPE_CHECKING:
    from pmtui.blame import Checker
    from pmtui.document.markdown import SourceMap
    from pmtui.document.model import Postmortem

#: Bumped whenever the shape of an entry changes.
FORMAT = 2
#: A file modified this close to when it was read may have changed unseen since.
RACY_NS = 2_000_000_000

# --------------------------------------------------------------------------- views


@dataclass(frozen=True)
class ActionRow:
    """One action item of one post-mortem, at its line in the file."""

    path: Path
    postmortem: str
    index: int
    line: int
    action: str
    owner: str
    due: dt.date | None
    status: Status
    verification: str

    def overdue_days(self, today: dt.date) -> int:
        return days_overdue(self.due, self.status, today)


@dataclass(frozen=True)
class TextField:
    """One text field: its path (``five_whys[1]``), words for it (``Why 2``), its text
    and where it starts in the file (with the line starts of a wrapped value)."""

    path: str
    label: str
    text: str
    line: int
    anchors: tuple[tuple[int, int], ...]

    def line_of(self, offset: int) -> int:
        """The file line holding ``offset`` of the text."""
        if self.anchors:
            starts = [a[0] for a in self.anchors]
            i = max(0, bisect.bisect_right(starts, offset) - 1)
            return self.anchors[i][1]
        return self.line + self.text.count("\n", 0, offset)


class Entry:
    """One file of the index (a thin view over its JSON, built lazily)."""

    __slots__ = ("_actions", "_texts", "data", "path")

    def __init__(
        self,
        path: Path,
        data: dict[str, Any],
        texts: Callable[[], list[list[Any]]] | None = None,
    ) -> None:
        self.path = path
        self.data = data
        self._texts = texts
        self._actions: tuple[ActionRow, ...] | None = None

    def _fields(self) -> list[list[Any]]:
        """The raw text fields (kept in the index's text file, read when first asked)."""
        if "fields" in self.data:
            return list(self.data["fields"])
        return self._texts() if self._texts is not None else []

    @property
    def size(self) -> int:
        return int(self.data["size"])

    @property
    def mtime_ns(self) -> int:
        return int(self.data["mtime_ns"])

    @property
    def modified(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.mtime_ns / 1e9, dt.UTC)

    @property
    def error(self) -> str | None:
        return self.data.get("error")

    @property
    def title(self) -> str:
        return str(self.data.get("title", ""))

    @property
    def date(self) -> dt.date | None:
        value = self.data.get("date")
        return dt.date.fromisoformat(value) if value else None

    @property
    def severity(self) -> str | None:
        return self.data.get("severity")

    @property
    def complete(self) -> int:
        return int(self.data.get("complete", 0))

    @property
    def gaps(self) -> list[tuple[str | None, bool]]:
        return [(kind, bool(done)) for kind, done in self.data.get("gaps", ())]

    @property
    def learnings(self) -> list[str]:
        return list(self.data.get("learnings", ()))

    @property
    def actions(self) -> tuple[ActionRow, ...]:
        if self._actions is None:
            title = self.title
            self._actions = tuple(
                ActionRow(
                    self.path,
                    title,
                    index,
                    line,
                    action,
                    owner,
                    dt.date.fromisoformat(due) if due else None,
                    Status(status),
                    verification,
                )
                for index, line, action, owner, due, status, verification in self.data.get(
                    "actions", ()
                )
            )
        return self._actions

    def fields(self, folded: Callable[[str], bool] | None = None) -> Iterator[TextField]:
        """The text fields; with ``folded``, only those whose case-folded text it accepts
        (a cheap test before a field is built)."""
        for path, label, text, line, anchors in self._fields():
            if folded is not None and not folded(text.casefold()):
                continue
            yield TextField(path, label, text, line, tuple((a, b) for a, b in anchors))

    def haystack(self) -> str:
        """Everything a filter can match, lower-cased: title, date, severity, file name
        and every text field."""
        found = self.data.get("_hay")
        if found is None:
            parts = [self.title, self.data.get("date") or "", self.severity or "", self.path.name]
            parts += [field[2] for field in self._fields()]
            found = self.data["_hay"] = "\n".join(parts).casefold()
        return str(found)

    def warning_count(self, key: str, today: dt.date) -> int | None:
        """Blame warnings and action-item checks, as the checker with settings ``key``
        counts them on ``today`` (None when not known for that key)."""
        static = self.data.get("warnings", {}).get(key)
        if static is None:
            return None
        overdue = 0
        if self.data.get("overdue_warns", True):
            overdue = sum(1 for row in self.actions if row.overdue_days(today))
        return int(static) + overdue


# --------------------------------------------------------------------------- building


def checker_key(checker: Checker) -> str:
    """What warning counts depend on besides the file: the ``[blame]`` settings, the
    rule file, the model and name list, and pmtui's version."""
    from pmtui.blame.engine import RULES_FILE
    from pmtui.blame.model import MODEL_FILE
    from pmtui.blame.names import NAMES_FILE

    rules = "".join(_file_digest(p) for p in (RULES_FILE, MODEL_FILE, NAMES_FILE) if p.exists())
    raw = repr((checker.settings.cache_key(), rules, __version__))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


@functools.cache
def _file_digest(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


def _anchors(sources: SourceMap, path: str) -> tuple[int, list[tuple[int, int]]]:
    span = sources.span(path)
    if span is None:
        return 1, []
    return span.line, [(offset, line) for offset, line, _ in span.anchors]


def entry_data(
    doc: Postmortem, sources: SourceMap, checker: Checker | None, key: str | None
) -> dict[str, Any]:
    """The index entry of one read post-mortem (without size and times)."""
    from pmtui.document.completeness import percent_complete
    from pmtui.document.fields import describe_field, text_fields

    fields: list[list[Any]] = []
    extra_headings = [section.heading for section in doc.extra_sections]
    for path, _step, text in text_fields(doc):
        if not text.strip():
            continue
        if path.startswith("extra_sections["):
            index = int(path[len("extra_sections[") : path.index("]")])
            heading = extra_headings[index]
            label = f"Section “{heading}”" if heading else "Text before the first section"
        else:
            label = describe_field(path)
        line, anchors = _anchors(sources, path)
        fields.append([path, label, text, line, anchors])
    actions: list[list[Any]] = []
    for i, item in enumerate(doc.action_items):
        line, _ = _anchors(sources, f"action_items[{i}]")
        due = item.due.isoformat() if item.due else None
        actions.append(
            [i, line, item.action, item.owner, due, item.status.value, item.verification]
        )
    data: dict[str, Any] = {
        "error": None,
        "title": doc.title,
        "date": doc.date.isoformat() if doc.date else None,
        "severity": doc.severity.value if doc.severity else None,
        "complete": percent_complete(doc),
        "actions": actions,
        "gaps": [[gap.type.value if gap.type else None, gap.done] for gap in doc.gaps],
        "learnings": [text for text in doc.learnings if text.strip()],
        "fields": fields,
        "warnings": {},
    }
    if checker is not None and key is not None:
        found = checker.document(doc)
        data["warnings"] = {key: sum(1 for f in found if f.finding.rule != "action-overdue")}
        # Whether overdue items count as warnings (an allowance may switch them off):
        # asked of the checker itself with an item that is overdue whatever the day.
        probe = ActionItem(action="", owner="x", due=dt.date.min)
        data["overdue_warns"] = any(
            f.rule == "action-overdue" for f in checker.action_item(probe, doc=doc)
        )
    return data


def read_entry(path: Path, checker: Checker | None, key: str | None) -> dict[str, Any]:
    """Read one file into an entry; a file that cannot be read is an entry with its
    one-line error."""
    from pmtui.document.errors import DocumentError
    from pmtui.document.markdown import read_markdown
    from pmtui.document.storage import read_text

    try:
        text = read_text(path)
        doc, sources = read_markdown(text, str(path))
    except DocumentError as exc:
        return {"error": str(exc.at(path)), "title": path.stem, "warnings": {}}
    return entry_data(doc, sources, checker, key)


# --------------------------------------------------------------------------- the index


def index_file(folder: Path) -> Path:
    """Where the index of ``folder`` is kept in the cache folder."""
    digest = hashlib.sha1(os.fsencode(os.path.abspath(folder))).hexdigest()[:20]
    return paths.cache_dir() / "index" / f"{digest}.json"


@dataclass
class Stats:
    """What the last refresh did (for benchmarks and ``--verbose``-style messages)."""

    files: int = 0
    read: int = 0
    removed: int = 0
    written: bool = False


class Index:
    """The index of one folder of post-mortems.

    Args:
        folder: the folder (``settings.drafts_dir()``).
        checker: counts warnings (None: counts are not kept up to date).
        clock: wall-clock nanoseconds (injectable for the racy-file rule).
        cache: the index file (default :func:`index_file`).
    """

    def __init__(
        self,
        folder: Path,
        checker: Checker | None = None,
        *,
        clock: Callable[[], int] = time.time_ns,
        cache: Path | None = None,
    ) -> None:
        self.folder = Path(os.path.abspath(folder))
        self.checker = checker
        self.key = checker_key(checker) if checker is not None else None
        self.clock = clock
        self.cache = cache or index_file(self.folder)
        #: The text fields (for search and Home's content filter) live in a file of their
        #: own, read only when asked for: most runs need the small index alone.
        self.text_cache = self.cache.with_suffix(".text.json")
        self.stats = Stats()
        self._stamp = ""
        self._texts: dict[str, list[list[Any]]] | None = None
        self._files: dict[str, dict[str, Any]] = {}

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            raw = json.loads(self.cache.read_bytes())
        except (OSError, ValueError):
            return {}
        if (
            not isinstance(raw, dict)
            or raw.get("format") != FORMAT
            or raw.get("pmtui") != __version__
            or raw.get("folder") != str(self.folder)
            or not isinstance(raw.get("files"), dict)
        ):
            return {}
        self._stamp = str(raw.get("stamp", ""))
        files: dict[str, dict[str, Any]] = raw["files"]
        return files

    def texts(self) -> dict[str, list[list[Any]]]:
        """Every file's text fields, by path relative to the folder (read once). A text
        file that does not match the index (a write cut short) is rebuilt."""
        if self._texts is not None:
            return self._texts
        try:
            raw = json.loads(self.text_cache.read_bytes())
        except (OSError, ValueError):
            raw = None
        if isinstance(raw, dict) and raw.get("stamp") == self._stamp and self._stamp:
            self._texts = dict(raw.get("files", {}))
            return self._texts
        texts: dict[str, list[list[Any]]] = {}
        for rel in self._files:
            data = read_entry(self.folder / rel, None, None)
            texts[rel] = list(data.get("fields", []))
        self._texts = texts
        self._save(self._files, texts)
        return texts

    def _save(
        self, files: Mapping[str, dict[str, Any]], texts: Mapping[str, list[list[Any]]]
    ) -> None:
        import uuid

        from pmtui.document.storage import atomic_write_text, ensure_folder
        from pmtui.errors import UserError

        clean = {
            rel: {k: v for k, v in d.items() if not k.startswith("_")} for rel, d in files.items()
        }
        stamp = uuid.uuid4().hex
        head = {"format": FORMAT, "pmtui": __version__, "folder": str(self.folder), "stamp": stamp}
        try:
            ensure_folder(self.cache.parent)
            # The text file first: an index naming a stamp always has its texts written.
            atomic_write_text(
                self.text_cache,
                json.dumps({**head, "files": dict(texts)}, ensure_ascii=False,
                           separators=(",", ":")),
            )  # fmt: skip
            atomic_write_text(
                self.cache,
                json.dumps({**head, "files": clean}, ensure_ascii=False, separators=(",", ":")),
            )
            self._stamp = stamp
        except UserError:
            pass  # a cache that cannot be written is rebuilt next time; never an error

    def refresh(self, *, warnings: bool = True) -> list[Entry]:
        """Every post-mortem in the folder (``.gitignore`` honoured), re-reading only the
        files that changed. ``warnings``: also re-read files whose warning count for the
        current settings is not known. A missing folder is an empty list."""
        stats = self.stats = Stats()
        try:
            found = list(walk_markdown(self.folder))
        except FileNotFoundError:
            return []
        except NotADirectoryError:
            from pmtui.document.errors import StorageError

            raise StorageError(f"cannot list {self.folder}: it is not a folder") from None
        except OSError as exc:
            from pmtui.document.errors import StorageError
            from pmtui.files import reason

            raise StorageError(f"cannot list {self.folder}: {reason(exc)}") from None
        old = self._load()
        files: dict[str, dict[str, Any]] = {}
        fresh_texts: dict[str, list[list[Any]]] = {}
        changed = False
        entries: list[Entry] = []
        for item in found:
            rel = item.path.relative_to(self.folder).as_posix()
            data = old.get(rel)
            if data is None or not self._fresh(data, item.size, item.mtime_ns, warnings):
                checked = self.clock()
                fresh = read_entry(item.path, self.checker, self.key)
                if (
                    data is not None
                    and data.get("size") == item.size
                    and data.get("mtime_ns") == item.mtime_ns
                ):
                    # same file, counts for another key: keep those too (a few at most)
                    kept = {k: v for k, v in data.get("warnings", {}).items()}
                    kept.update(fresh.get("warnings", {}))
                    fresh["warnings"] = dict(list(kept.items())[-4:])
                fresh.update(size=item.size, mtime_ns=item.mtime_ns, checked_ns=checked)
                fresh_texts[rel] = fresh.pop("fields", [])
                data = fresh
                stats.read += 1
                changed = True
            files[rel] = data
            entries.append(Entry(item.path, data, functools.partial(self._fields_of, rel)))
        self._files = files
        stats.files = len(files)
        stats.removed = len(set(old) - set(files))
        if changed or stats.removed:
            if len(fresh_texts) == len(files):
                texts = fresh_texts  # everything was read: nothing to keep
            else:
                texts = {rel: t for rel, t in self.texts().items() if rel in files}
                texts.update(fresh_texts)
            self._texts = texts
            self._save(files, texts)
            stats.written = True
        return entries

    def _fields_of(self, rel: str) -> list[list[Any]]:
        return self.texts().get(rel, [])

    def _fresh(self, data: dict[str, Any], size: int, mtime_ns: int, warnings: bool) -> bool:
        if data.get("size") != size or data.get("mtime_ns") != mtime_ns:
            return False
        if mtime_ns + RACY_NS > int(data.get("checked_ns", 0)):
            return False
        if warnings and self.key is not None and data.get("error") is None:
            return self.key in data.get("warnings", {})
        return True


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """By incident date, newest first; a draft without a date counts from when it was
    last saved (as ``pmtui list`` always sorted)."""
    return sorted(entries, key=lambda e: (e.date or e.modified.date(), e.mtime_ns), reverse=True)
