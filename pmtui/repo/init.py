"""``pmtui init [DIR]``: make a folder (a git repository, usually) a home for the team's
post-mortems: a commented ``.pmtui.toml`` and the folder of post-mortems. No Textual."""

from __future__ import annotations

from pathlib import Path

from pmtui import paths
from pmtui.errors import UserError
from pmtui.meeting.agenda import DEFAULT_MINUTES, SPEC_AGENDA

#: The folder of post-mortems ``init`` sets up, relative to the config file.
DEFAULT_DIR = "docs/postmortems"


def config_text(postmortems_dir: str = DEFAULT_DIR) -> str:
    """The commented ``.pmtui.toml`` that ``pmtui init`` writes (valid TOML, every key
    but ``postmortems_dir`` commented out)."""
    agenda = ", ".join(f"{m:g}" for m in DEFAULT_MINUTES)
    items = "\n".join(
        f"#   {m:>2g} min  {e.name}" for m, e in zip(DEFAULT_MINUTES, SPEC_AGENDA, strict=True)
    )
    return f"""\
# pmtui's project settings (see `pmtui --help` and pmtui's README).
# pmtui finds this file from the current folder upward; relative paths here are
# relative to this file. Settings here override the user's ~/.config/pmtui/config.toml.

# Where the team's post-mortems live: Home, `pmtui new`, `list`, `lint` (with no PATH),
# `actions`, `search` and `report` all work on this folder.
postmortems_dir = "{postmortems_dir}"

# The team's time zone (an IANA name) for times typed without one; files keep UTC.
# timezone = "Europe/Berlin"

# [blame]
# Rule ids (`pmtui lint --list-rules`) or whole categories to switch off:
# disable = ["could-have", "punishment"]
# People's names, so "Priya should have ..." is recognised as about a person:
# names = ["Priya", "Dmitri"]
# Extra roles that count as people:
# roles = ["SWE", "on-call lead"]

# [meeting]
# Minutes per agenda item of the meeting (`pmtui meeting`), in the guide's order:
{items}
# agenda = [{agenda}]
"""


def init(directory: Path) -> tuple[Path, Path]:
    """Write ``DIRECTORY/.pmtui.toml`` and create ``DIRECTORY/docs/postmortems`` (with a
    ``.gitkeep`` so git keeps the empty folder). Returns (config, folder).

    Refuses (``UserError``) to overwrite an existing config.
    """
    from pmtui.document.storage import atomic_write_text, ensure_folder

    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise UserError(f"{directory} is not a folder")
    config = directory / paths.PROJECT_CONFIG_NAME
    if config.exists() or config.is_symlink():
        raise UserError(f"{config} already exists; not overwriting it")
    folder = directory / DEFAULT_DIR
    ensure_folder(folder)
    keep = folder / ".gitkeep"
    if not keep.exists():
        atomic_write_text(keep, "")
        keep.chmod(0o644)
    _create(config, config_text())
    return config, folder


def _create(path: Path, text: str) -> None:
    """Write a new file whole, or not at all, and never over an existing one: a temp
    file linked into place (``link`` fails if the name exists)."""
    import contextlib
    import os
    import tempfile

    from pmtui.document.errors import StorageError
    from pmtui.files import reason

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # a project file, for the whole team (not 0600 like drafts)
        os.link(tmp, path)
    except FileExistsError:
        raise UserError(f"{path} already exists; not overwriting it") from None
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {reason(exc)}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
