"""Fixtures for the security tests: a real HTTP server on 127.0.0.1 (see webserver.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from webserver import Server, start


@pytest.fixture
def server() -> Iterator[Server]:
    site, httpd, thread = start()
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
