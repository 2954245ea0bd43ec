#!/usr/bin/env python3
"""Load the HTTP hook (bounded, loopback only): requests/s and latency for one pair per request.

Starts ``caption-check serve`` on a free 127.0.0.1 port (one worker process), then keeps C
keep-alive connections busy for D seconds with POST /v1/check (the seed pair, text only) and
prints requests/s, p50 and p99 latency. Run: ``.venv/bin/python scripts/load_server.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def client(port: int, body: bytes, until: float, latencies: list[float]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (f"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()  # fmt: skip
    request = head + body
    while time.perf_counter() < until:
        start = time.perf_counter()
        writer.write(request)
        await writer.drain()
        length = 0
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        await reader.readexactly(length)
        latencies.append(time.perf_counter() - start)
    writer.close()


async def load(port: int, connections: int, seconds: float) -> list[float]:
    body = json.dumps({
        "en": (ROOT / "captions" / "hmeimim-2015.en.txt").read_text("utf-8"),
        "ar": (ROOT / "captions" / "hmeimim-2015.ar.txt").read_text("utf-8"),
    }, ensure_ascii=False).encode()  # fmt: skip
    latencies: list[float] = []
    await asyncio.gather(
        *(client(port, body, time.perf_counter() + 0.5, []) for _ in range(connections))
    )  # warm-up
    until = time.perf_counter() + seconds
    await asyncio.gather(*(client(port, body, until, latencies) for _ in range(connections)))
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--connections", type=int, default=8)
    parser.add_argument("-d", "--seconds", type=float, default=5.0)
    args = parser.parse_args()
    args.seconds = min(args.seconds, 60.0)  # bounded
    port = free_port()
    exe = Path(sys.executable).with_name("caption-check")
    proc = subprocess.Popen([str(exe), "serve", "--host", "127.0.0.1", "--port", str(port), "--no-config"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        latencies = asyncio.run(load(port, args.connections, args.seconds))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    print(f"POST /v1/check, one pair per request, one server worker, {args.connections} connections, "
          f"{args.seconds:g} s: {len(latencies) / args.seconds:,.0f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
