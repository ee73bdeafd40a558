"""The MkDocs face of the project: a thin adapter over the core."""

from .plugin import CulturePlugin

__all__ = ["CulturePlugin"]
