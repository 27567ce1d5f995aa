"""The Textual user interface: the app, its screens, widgets, palette and themes.

Everything that imports Textual lives in this package; the core (document, blame,
meeting, config, paths, CLI) never does (tests/test_import_hygiene.py checks it)."""
