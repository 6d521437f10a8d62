#!/usr/bin/env python3
"""How steady is this machine's CPU? Runs the same fixed loop in N windows of S seconds on one CPU
and prints how much work each window did, the spread (slowest against fastest), and the time the
hypervisor took from the VM (steal) meanwhile.

A comparison of two states of the server "within 10 %" means nothing where the machine itself
varies by more than that between windows of the same work (docs/PERFORMANCE.md).

    bench/tools/cpu-steadiness.py [--cpu 1] [--windows 12] [--seconds 5]
"""
import argparse
import os
import time


def steal_jiffies():
    with open("/proc/stat") as f:
        fields = f.readline().split()
    return int(fields[8])  # cpu user nice system idle iowait irq softirq steal ...


def window(seconds, data):
    end = time.monotonic() + seconds
    rounds = 0
    while time.monotonic() < end:
        total = 0
        for x in data:
            total += x
        rounds += 1
    return rounds


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cpu", type=int, default=1)
    p.add_argument("--windows", type=int, default=12)
    p.add_argument("--seconds", type=float, default=5)
    a = p.parse_args()
    os.sched_setaffinity(0, {a.cpu})
    data = list(range(0, 2_000_000, 7))
    hz = os.sysconf("SC_CLK_TCK")
    steal0 = steal_jiffies()
    counts = []
    for i in range(a.windows):
        counts.append(window(a.seconds, data))
        print(f"window {i + 1:2d}/{a.windows}: {counts[-1]} rounds", flush=True)
    steal = (steal_jiffies() - steal0) / hz
    lo, hi = min(counts), max(counts)
    print(f"CPU {a.cpu}: {a.windows} windows of {a.seconds:g} s, rounds {lo}–{hi}, "
          f"slowest window {100 * lo / hi:.0f} % of the fastest; steal {steal:.1f} s of {a.windows * a.seconds:g} s")


if __name__ == "__main__":
    main()
