"""Registered domains, offline: tldextract with its bundled public suffix list only."""

from __future__ import annotations

import re
from functools import cache
from typing import Any


@cache
def _extractor() -> Any:
    from provenance.offline import import_urllib3_offline

    import_urllib3_offline()  # tldextract imports requests, and so urllib3
    import tldextract

    # suffix_list_urls=() keeps tldextract on the snapshot it ships: never the network.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@cache
def registered_domain(url_or_host: str) -> str | None:
    """'https://www.oilprice.com/x' -> 'oilprice.com'; None for hosts with no public suffix."""
    try:
        parts = _extractor()(url_or_host)
    except ValueError:  # includes UnicodeError (a label IDNA cannot encode)
        return None
    # tldextract 5.2 renamed registered_domain; ask the new name where it exists.
    if hasattr(parts, "top_domain_under_public_suffix"):
        domain = parts.top_domain_under_public_suffix
    else:  # pragma: no cover - older tldextract
        domain = parts.registered_domain
    return str(domain).lower() if domain else None


def url_on_domains(url: str, domains: list[str]) -> bool:
    """Whether the URL's host is one of ``domains``, under one, or on its registered domain."""
    host = url_host(url)
    if any(host == domain or host.endswith("." + domain) for domain in domains):
        return True
    return registered_domain(url) in domains


# A URL whose authority is a plain host name ('https://www.example.com/...'), the common
# case: its host is read without urlsplit, which took most of the time of checking the URLs
# of a large catalog. Any other goes through urlsplit.
_PLAIN_HOST = re.compile(r"https?://([a-z0-9.-]+)(?:[/?#]|$)", re.ASCII | re.IGNORECASE)


def url_host(url: str) -> str:
    """The URL's host name, lower case, without a final dot ('' when it has none)."""
    plain = _PLAIN_HOST.match(url)
    if plain:
        return plain.group(1).lower().rstrip(".")
    return _split_host(url)


def _split_host(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:  # 'http://[' ('Invalid IPv6 URL'), a bad port: no host to compare
        return ""
