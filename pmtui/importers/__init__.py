"""``pmtui import``: post-mortems written after other templates, into pmtui's format.

The core here never imports Textual. ``sections`` reads any Markdown file as a tree of
headings and run-in labels; ``values`` reads what other layouts write (dates, SEV levels,
statuses, times in any zone).
"""
