"""Silver: bronze records → validated, normalised, deduplicated records.

Dates, casualties, places, event types, quarantine and deduplication.
"""
