"""Several uvicorn worker processes, each accepting connections on a listening socket of its own.

Input: the uvicorn `Config` of `tthc serve` (its host, port and worker count). Output: the API
served until SIGTERM or SIGINT, by uvicorn's own supervisor (`Multiprocess`: it starts the
workers, restarts one that dies, stops them all).

Why not uvicorn's one shared socket: every worker waits on the same listening socket, and the
first to wake accepts every connection waiting (its loop accepts until none is left), so the 64
connections a load opens at once landed 48/7/6/3 on four workers (counted with `ss` during the
load benchmark). A worker is one process on a share of the cores, so the clients of the busiest
waited for it while others idled: the p99 was that worker's. Here each worker listens on a
socket of its own bound to the same address with `SO_REUSEPORT`, and the kernel spreads new
connections over them by a hash of their addresses. The supervisor's socket, passed to every
worker, is the address: a worker receives it as a new socket of its own, bound to the same
address (`_Address.__reduce_ex__`); the supervisor's is bound, never listened on, so the kernel
hands it no connection. Where the platform has no `SO_REUSEPORT`, uvicorn's shared socket.
"""

from __future__ import annotations

import socket
from typing import Any


def _bound(family: int, address: tuple[Any, ...]) -> socket.socket:
    """A socket bound to `address` beside the others of the same user (`SO_REUSEPORT`)."""
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    return sock


class _Address(socket.socket):
    """The supervisor's bound socket; pickled into a worker process, a new bound socket there."""

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        return (_bound, (self.family, self.getsockname()))


def serve(config: Any) -> None:
    """Run `config.workers` workers of the `uvicorn.Config`, each on a socket of its own."""
    from uvicorn.supervisors import Multiprocess

    if not hasattr(socket, "SO_REUSEPORT"):
        Multiprocess(config, sockets=[config.bind_socket()]).run()
        return
    family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
    address = _Address(family, socket.SOCK_STREAM)
    address.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    address.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        address.bind((config.host, config.port))
    except OSError as error:
        raise SystemExit(f"tthc serve: cannot bind {config.host}:{config.port}: {error}") from error
    try:
        Multiprocess(config, sockets=[address]).run()
    finally:
        address.close()
