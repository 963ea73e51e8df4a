"""Server memory under oversized writes: 5 unauthenticated 100 MB POSTs, then 5 authenticated
ones, to a real `bilat serve` on loopback; prints the server's peak RSS and each answer.

    .venv/bin/python benchmarks/serve_guard.py

Bounded: 10 requests to 127.0.0.1 only; the server is stopped at the end.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

TOKEN = "bench-token-0123456789"
SERVE = "import bilat.cli_web; from bilat.cli import main; main()"
BODY = 100_000_000


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _post(port: int, auth: str | None) -> str:
    """Send headers, then the body in 1 MB pieces until the server answers or closes."""
    head = (
        f"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {BODY}\r\n"
        "Content-Type: application/json\r\n"
        + (f"Authorization: Bearer {auth}\r\n" if auth else "")
        + "\r\n"
    )
    piece = b"a" * 1_000_000
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(head.encode())
        sock.setblocking(False)
        sent = 0
        while sent < BODY:
            try:
                reply = sock.recv(4096)
                if reply:
                    return f"{reply.split(b' ', 2)[1].decode()} after {sent:,} body bytes sent"
            except BlockingIOError:
                pass
            try:
                sent += sock.send(piece)
            except BlockingIOError:
                time.sleep(0.01)
            except OSError as exc:
                return f"closed after {sent:,} bytes ({exc.strerror})"
    return f"no answer after {sent:,} bytes"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db, port = str(Path(tmp) / "bench.db"), _port()
        cmd = [sys.executable, "-c", SERVE, "--db", db, "serve", "--port", str(port)]
        proc = subprocess.Popen([*cmd, "--token", TOKEN], stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            print(f"server peak RSS at start: {_peak_rss_mb(proc.pid):.0f} MB")
            for auth in [None] * 5 + [TOKEN] * 5:
                t0 = time.perf_counter()
                answer = _post(port, auth)
                took = time.perf_counter() - t0
                who = "with token" if auth else "no token"
                print(f"100 MB POST {who}: {answer} in {took:.2f}s")
            print(f"server peak RSS after: {_peak_rss_mb(proc.pid):.0f} MB")
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
