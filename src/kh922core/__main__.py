"""``python -m kh922core`` runs the ``kh922`` command."""

import sys

from kh922core._cli import main

if __name__ == "__main__":
    sys.exit(main())
