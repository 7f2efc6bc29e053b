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
