"""provenance: where each copy of a news article came from, and how far to trust it."""

__version__ = "0.1.0"
