"""Start Architecture Explorer from a checkout: ``python main.py [command] …``."""

import sys

if __name__ == "__main__":
    png_helper = None
    if sys.argv[1:2] == ["export"]:
        # A PNG export's helper is forked before anything else is imported: its start of Qt is
        # the export's longest step, and the command's own imports (~6 ms) then overlap it.
        from explorer.export.png_fork import start_for_command

        png_helper = start_for_command(sys.argv[1:])

    from explorer.cli import main_then_exit

    main_then_exit(png_helper)
