"""Walkthroughs in the window: the controller, its step bar, the pulse and the narration."""

from explorer.ui.walkthrough.controller import WalkthroughController

__all__ = ["WalkthroughController"]
