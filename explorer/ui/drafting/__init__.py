"""The draft editor: a note's drafted diagram beside the note, edited and saved as a user model."""
