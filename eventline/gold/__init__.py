"""Gold: silver records → analyst-ready events, actors and their links."""
