"""Bronze: raw bytes → exact records with line provenance (decoding, artifacts, blocks, bullets)."""
