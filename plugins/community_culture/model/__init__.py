"""One module per content type: frozen dataclasses read from data/."""
