"""Meeting mode's core: the timed agenda and its injectable clock. No Textual here."""
