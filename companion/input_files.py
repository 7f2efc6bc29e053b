"""Reading a file the user chose (a CSV, an archive, a backup) without trusting it.

Only regular files are read, opened without blocking (a named pipe never hangs the app)
and never past a size cap (a device such as /dev/zero never fills the memory).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from companion.errors import CompanionError, ValidationError
from companion.translations import TranslationContext


class InputFile(TranslationContext):
    """Messages when a chosen file cannot be read."""


def read_capped(path: Path, limit: int, too_big: ValidationError) -> bytes:
    """The whole file, or ValidationError (too_big past limit bytes, or not a plain file)."""
    path = Path(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError as exc:
        raise ValidationError(InputFile.tr("There is no file {path}.").format(path=path)) from exc
    except IsADirectoryError as exc:
        raise ValidationError(
            InputFile.tr("{path} is a folder, not a file.").format(path=path)
        ) from exc
    except OSError as exc:
        raise CompanionError(
            InputFile.tr("Cannot read {path}: {reason}.").format(path=path, reason=exc.strerror)
        ) from exc
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise ValidationError(InputFile.tr("{path} is a folder, not a file.").format(path=path))
        if not stat.S_ISREG(mode):
            raise ValidationError(
                InputFile.tr(
                    "{path} is not an ordinary file (it is a device or a pipe). Nothing was read."
                ).format(path=path)
            )
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(descriptor, min(1024 * 1024, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise too_big
        return b"".join(chunks)
    except OSError as exc:
        raise CompanionError(
            InputFile.tr("Cannot read {path}: {reason}.").format(path=path, reason=exc.strerror)
        ) from exc
    finally:
        os.close(descriptor)
