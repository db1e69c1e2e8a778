"""The bundle's entry point: the same command line as the installed `kompetencedialog`."""

import sys

from kompetencedialog_desktop.cli import run

if __name__ == "__main__":
    # A Windows console or pipe may use a code page without every character of a workshop's
    # title: print a replacement rather than stop with UnicodeEncodeError. The windowed
    # kompetencedialog.exe has no streams at all (None).
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    run()
