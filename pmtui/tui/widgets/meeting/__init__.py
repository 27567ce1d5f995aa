"""The parts of the meeting screen: the clock, the agenda, and what to say to the room."""
