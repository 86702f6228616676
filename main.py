"""Start Architecture Explorer from a checkout: ``python main.py [command] …``."""

import sys

from explorer.cli import main

if __name__ == "__main__":
    sys.exit(main())
