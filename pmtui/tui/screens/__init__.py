"""pmtui's screens, one module each."""
