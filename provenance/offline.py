"""Importing the libraries that can fetch (urllib3, under tldextract and trafilatura) without
them reaching for the network.

urllib3 probes for IPv6 when it is imported: it creates an AF_INET6 socket and binds it to
``::1`` (``urllib3.util.connection.HAS_IPV6``). Nothing is sent, but the tool promises not to
touch the network at all, and a sandbox or an audit sees an internet socket. The probe is
skipped when ``socket.has_ipv6`` is false, so urllib3 is imported first with it false: its
answer only chooses between address families for connections this tool never makes.
"""

from __future__ import annotations

import importlib
import socket
import sys
import threading

_LOCK = threading.Lock()


def import_urllib3_offline() -> None:
    """Import urllib3's connection helpers without the probe (once; a no-op afterwards, or
    when urllib3 is not installed)."""
    if "urllib3.util.connection" in sys.modules:
        return
    with _LOCK:
        saved = socket.has_ipv6
        socket.has_ipv6 = False
        try:
            importlib.import_module("urllib3.util.connection")
        except ImportError:
            pass
        finally:
            socket.has_ipv6 = saved
