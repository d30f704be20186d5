"""The one exception type for errors a user can cause (bad file, bad query, missing KB)."""


class KBError(Exception):
    """A problem with the user's input or environment; the message says what and how to fix it.

    The CLI prints it as one line (no traceback) and exits non-zero.
    """
