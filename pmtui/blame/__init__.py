"""Blame-language detection: rules as data plus an engine. No Textual here."""
