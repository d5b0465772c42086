"""url_host's shortcut for plain host names gives what urlsplit gives."""

from __future__ import annotations

import pytest

from provenance.domains import _PLAIN_HOST, _split_host, url_host, url_on_domains

URLS = [
    "https://www.Example.com/a/b?c#d",
    "http://example.com",
    "http://example.com.",
    "https://example.com./x",
    "HTTPS://EXAMPLE.COM?x=1",
    "https://example.com#frag",
    "https://user@example.com/x",
    "https://example.com:8080/x",
    "https://example.com:bad/x",
    "http://[::1]/x",
    "http://[",
    "https://ex\tample.com/x",
    "https://example.com\t/x",
    " https://example.com/x",
    "https://exa_mple.com/x",
    "https://xn--bcher-kva.example/x",
    "https://b\u00fccher.example/x",
    "https://\u212aelvin.example/x",
    "https:///x",
    "ftp://example.com/x",
    "https://-.-/",
]


@pytest.mark.parametrize("url", URLS)
def test_the_host_is_the_one_urlsplit_reads(url: str) -> None:
    assert url_host(url) == _split_host(url)


def test_the_shortcut_takes_plain_hosts_only() -> None:
    assert _PLAIN_HOST.match("https://www.example.com/x")
    for other in ("https://user@example.com/", "https://example.com:80/", "https://\u212a.com/"):
        assert not _PLAIN_HOST.match(other), other


def test_url_on_domains() -> None:
    assert url_on_domains("https://news.Example.com./x", ["example.com"])
    assert not url_on_domains("https://example.org/x", ["example.com"])
    assert not url_on_domains("https://notexample.com/x", ["example.com"])
