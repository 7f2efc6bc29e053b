"""The one way the app writes a whole file: every export, the backup and the settings archive.

The data goes to a temporary file in the target's own folder (so the final rename never
crosses a file system), is flushed and fsynced, checked, then renamed over the target and the
folder is fsynced so the rename itself survives a power cut. A failure at any step removes the
temporary file, leaves an existing target untouched and raises FileWriteError in plain words.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from companion.errors import FileWriteError
from companion.translations import TranslationContext

PARTIAL_SUFFIX = ".partial"


class FileWriting(TranslationContext):
    """Messages when a file cannot be written."""


def write_failure(path: Path, error: OSError | None = None) -> FileWriteError:
    """A plain message for a failed write, naming the usual causes in words."""
    code = error.errno if error is not None else _full_disk_errno(path)
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        reason = FileWriting.tr("the disk is full")
    elif code in (errno.EACCES, errno.EPERM):
        reason = FileWriting.tr("permission denied")
    elif code == errno.EROFS:
        reason = FileWriting.tr("the disk or folder is read-only")
    elif code in (errno.ENOENT, errno.ENOTDIR):
        reason = FileWriting.tr("the folder does not exist")
    elif code == errno.EISDIR:
        reason = FileWriting.tr("a folder has that name")
    elif error is not None and error.strerror:
        reason = error.strerror
    else:
        reason = FileWriting.tr("the file came out empty or incomplete")
    return FileWriteError(
        FileWriting.tr("Cannot write {path}: {reason}. Nothing was changed.").format(
            path=path, reason=reason
        )
    )


def _full_disk_errno(path: Path) -> int | None:
    """A writer that gives no reason (Qt's PDF writer): is the disk simply full?"""
    try:
        space = os.statvfs(Path(path).parent)
    except (OSError, AttributeError):  # no statvfs on Windows
        return None
    return errno.ENOSPC if space.f_bavail * space.f_frsize < 64 * 1024 else None


def fsync_folder(folder: Path) -> None:
    """Make a rename in folder durable. Not possible (nor needed) on Windows."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_file(path: Path) -> int:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
        return os.fstat(handle.fileno()).st_size


@contextmanager
def atomic_path(target: Path, mode: int = 0o600) -> Iterator[Path]:
    """Yield a temporary path beside target for a writer that wants a file name (Qt's PDF
    writer, SQLite's backup); when the block ends without error the file is fsynced, must
    not be empty, and replaces target."""
    target = Path(target)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=PARTIAL_SUFFIX, dir=target.parent
        )
        os.close(handle)
        os.chmod(name, mode)
    except OSError as exc:
        raise write_failure(target, exc) from exc
    temp = Path(name)
    try:
        yield temp
        if _fsync_file(temp) == 0:
            raise write_failure(target)
        os.replace(temp, target)
        fsync_folder(target.parent)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise write_failure(target, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_with(target: Path, write: Callable[[Path], None], mode: int = 0o600) -> None:
    """atomic_path as a call: write(temp_path) fills the temporary file."""
    with atomic_path(target, mode) as temp:
        write(temp)


def write_bytes(target: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace target with data, atomically and durably."""
    with atomic_path(target, mode) as temp:
        try:
            with open(temp, "wb") as handle:
                handle.write(data)
                handle.flush()
        except OSError as exc:
            raise write_failure(Path(target), exc) from exc


def write_text(target: Path, text: str, encoding: str = "utf-8", mode: int = 0o600) -> None:
    write_bytes(target, text.encode(encoding), mode)
