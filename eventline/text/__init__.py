"""Text tools shared by every layer: date expressions, sentences, citations and markup."""
