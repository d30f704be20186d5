"""The one exception type for errors a user can cause (bad file, bad query, missing KB)."""


class KBError(Exception):
    """A problem with the user's input or environment; the message says what and how to fix it.

    The CLI prints it as one line (no traceback) and exits non-zero.
    """


def os_error_message(error: OSError, fallback_path=None) -> str:
    """One line for an error from the operating system: the path, what went wrong, and what to do."""
    import errno

    path = error.filename or fallback_path or "?"
    hint = {errno.ENOSPC: "free disk space and try again", errno.EDQUOT: "free disk space and try again",
            errno.EACCES: "check the permissions of that path", errno.EPERM: "check the permissions of that path",
            errno.EROFS: "the file system is read-only; choose another place",
            errno.ENOENT: "the folder does not exist; create it or choose another place",
            errno.EFBIG: "the file grew beyond the size allowed for this process or file system"}.get(error.errno)
    return f"{path}: {error.strerror or error}" + (f"; {hint}" if hint else "")


def too_much_text(path, chars: str, max_chars: int) -> KBError:
    """The error for a document with more text than KB_MAX_TEXT_CHARS (raised while loading or parsing)."""
    return KBError(f"{path}: {chars} characters of text, above the {max_chars:,} limit; "
                   f"split it into smaller files or raise KB_MAX_TEXT_CHARS")
