#!/usr/bin/env python3
"""What does this machine charge for a system call and a loopback round trip? The VMs this project
is measured on have differed by more than twice in both while their plain CPU loops
(cpu-steadiness.py) were alike, and the server's work per report is mostly system calls: HTTP on
loopback, PostgreSQL's protocol, fsync. Print these next to any figure that is compared with
another session's (docs/PERFORMANCE.md).

    bench/tools/syscall-cost.py [--cpu 1] [--calls 1000000] [--round-trips 50000]

Figures include Python's own overhead per call (about 0.05 µs for getppid on a fast machine), so
compare them between machines, not with the kernel's cost alone.
"""
import argparse
import os
import socket
import threading
import time


def per_call_micros(n, call):
    start = time.perf_counter()
    for _ in range(n):
        call()
    return (time.perf_counter() - start) * 1e6 / n


def round_trip_micros(n):
    """A byte to a thread over loopback TCP and back (one send and one receive on each side)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)

    def echo():
        conn, _ = server.accept()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        while True:
            b = conn.recv(1)
            if not b:
                break
            conn.sendall(b)
        conn.close()

    t = threading.Thread(target=echo, daemon=True)
    t.start()
    client = socket.create_connection(server.getsockname())
    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    start = time.perf_counter()
    for _ in range(n):
        client.sendall(b"x")
        client.recv(1)
    micros = (time.perf_counter() - start) * 1e6 / n
    client.close()
    t.join()
    server.close()
    return micros


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cpu", type=int, default=None, help="pin to this CPU (default: any)")
    p.add_argument("--calls", type=int, default=1_000_000)
    p.add_argument("--round-trips", type=int, default=50_000)
    a = p.parse_args()
    if a.cpu is not None:
        os.sched_setaffinity(0, {a.cpu})
    null = os.open("/dev/null", os.O_WRONLY)
    print(f"getppid:                      {per_call_micros(a.calls, os.getppid):6.2f} µs per call")
    print(f"write of 1 byte to /dev/null: {per_call_micros(a.calls // 4, lambda: os.write(null, b'x')):6.2f} µs per call")
    print(f"loopback TCP round trip:      {round_trip_micros(a.round_trips):6.2f} µs (1 byte there and back, two threads)")
    os.close(null)


if __name__ == "__main__":
    main()
