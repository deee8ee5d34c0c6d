"""Which network addresses the crawler may reach.

A company's website is not under askback's control: a page can link or redirect to
``http://127.0.0.1:6379/``, a router on the home network, or the cloud metadata service at
``169.254.169.254`` on the machine running askback (server-side request forgery). So every
host is resolved before each request and refused if *any* of its addresses is not a public
one; the fetcher then connects to the address that was checked, so DNS cannot answer
differently a moment later (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, in the resolver's order, without repeats.

    Raises :class:`OSError` (``socket.gaierror``) when the name does not resolve.
    """
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = [str(info[4][0]) for info in infos]
    return list(dict.fromkeys(addresses))


def is_refused(address: str) -> bool:
    """True for an address that is not on the public internet.

    Loopback, private, link-local (including the metadata service), multicast, reserved,
    unspecified and shared (carrier-grade NAT) ranges all count; an IPv4 address wrapped in
    IPv6 (``::ffff:127.0.0.1``) is judged by the IPv4 address inside.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def first_refused(addresses: Iterable[str]) -> str | None:
    """The first address that :func:`is_refused`, or None when all are public."""
    return next((address for address in addresses if is_refused(address)), None)


def refusal(host: str, address: str) -> str:
    """The one-line reason shown to the user, naming the way out."""
    if host.strip("[]") == address:
        return f"refused: {address} is a private or loopback address (use --allow-private)"
    return f"refused: {host} resolves to {address}, a private or loopback address (use --allow-private)"
