"""Calendar helpers: Chinese festivals, lunar dates, parts of months and recurrence rules."""
