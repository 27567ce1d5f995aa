"""pmtui: a terminal app that guides a team through a blameless post-mortem."""

__version__ = "0.1.0"
