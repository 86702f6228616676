"""Revision progress on disk: the user's card schedules, shared safely between windows."""

from explorer.revision.store import LoadOutcome, ProgressError, ProgressStore, default_progress_path

__all__ = ["LoadOutcome", "ProgressError", "ProgressStore", "default_progress_path"]
