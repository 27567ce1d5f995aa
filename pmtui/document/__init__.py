"""Post-mortem documents: the model, Markdown in and out, storage. No Textual here."""
