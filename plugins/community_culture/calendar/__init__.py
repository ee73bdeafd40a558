"""The calendar: occurrences of events, their words, feeds and structured data (dates themselves are in core/dates.py)."""
