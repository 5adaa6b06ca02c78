"""Which local addresses listen on a port (read from /proc/net), for the loopback-only checks."""

from __future__ import annotations

from pathlib import Path


def listeners(port: int) -> list[str]:
    """Local addresses of the LISTEN sockets on ``port``, as text (IPv4 and IPv6)."""
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            addr, hexport = fields[1].split(":")
            if fields[3] != "0A" or int(hexport, 16) != port:
                continue
            assert len(addr) == width
            if width == 8:
                found.append(".".join(str(b) for b in reversed(bytes.fromhex(addr))))
            else:
                found.append("ipv6:" + addr)
    return found
