"""Errors that are the environment's or the user's doing, shown in plain words.

Anything else is a bug: it gets a crash log, not a friendly message.
"""


class CompanionError(Exception):
    """A problem the user can understand and act on; str() is the plain message."""


class ProfileError(CompanionError):
    """The profile folder or database cannot be used as it is."""


class SchemaTooNewError(ProfileError):
    """The profile was written by a newer version of the app."""


class ValidationError(CompanionError):
    """Input that was refused; nothing was changed."""


class FileWriteError(CompanionError):
    """A file (export, backup, archive) could not be written; an existing one is unchanged."""


class StorageError(ProfileError):
    """A save did not land: the environment refused it. Nothing was changed."""


class DiskFullError(StorageError):
    """The disk holding the profile is full."""


class ReadOnlyError(StorageError):
    """The profile's file or folder (or the whole disk) is read-only."""


class ProfileBusyError(StorageError):
    """Another program holds the profile database locked."""


class DamagedProfileError(ProfileError):
    """SQLite reports the profile file as damaged. database: the damaged file, when known."""

    database: object = None


class ProfileInUseError(ProfileError):
    """HER2 Companion already has this profile open (another window or process)."""


class PasswordNeededError(ProfileError):
    """The profile is protected with a password and none was given."""


class WrongPasswordError(ProfileError):
    """The password given does not open the profile (or backup). Nothing was changed."""


class EncryptionUnavailableError(ProfileError):
    """SQLCipher (the sqlcipher3 package) is not installed on this computer."""
