"""The site plan and the rendering of page bodies, per content type."""
