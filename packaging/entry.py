"""The bundle's entry point: the same command line as the installed `kompetencedialog`."""

import sys

from kompetencedialog_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
