"""Start Architecture Explorer from a checkout: ``python main.py [command] …``."""

from explorer.cli import main_then_exit

if __name__ == "__main__":
    main_then_exit()
