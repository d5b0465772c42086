"""provenance: where each copy of a news article came from, and how far to trust it."""

# The name pip knows this tool by; "provenance" on the public index is someone else's library.
DISTRIBUTION = "news-provenance"
__version__ = "0.1.0"
