"""Drafting an architecture from a note: the parts that touch the file system and the CLI."""
