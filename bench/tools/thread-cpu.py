#!/usr/bin/env python3
"""CPU per thread group of a running process, user and kernel time apart (Linux /proc).

Usage: bench/tools/thread-cpu.py PID SECONDS
Reads /proc/PID/task/*/stat twice, SECONDS apart, and sums utime and stime per thread name
with digits folded (tomcat-handler-12 and tomcat-handler-3 count as tomcat-handler-N).
Used for the per-thread figures in docs/PERFORMANCE.md ("where the CPU went").
"""
import collections
import os
import re
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def snapshot(pid):
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            stat = open(f"/proc/{pid}/task/{tid}/stat").read()
        except OSError:
            continue  # the thread ended
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        threads[tid] = (name, int(fields[11]), int(fields[12]))
    return threads


def main():
    if len(sys.argv) != 3:
        sys.exit("Aufruf / usage: thread-cpu.py PID SECONDS")
    pid, seconds = sys.argv[1], float(sys.argv[2])
    before = snapshot(pid)
    time.sleep(seconds)
    after = snapshot(pid)
    groups = collections.defaultdict(lambda: [0, 0])
    for tid, (name, user, system) in after.items():
        if tid in before:
            group = re.sub(r"\d+", "N", name)
            groups[group][0] += user - before[tid][1]
            groups[group][1] += system - before[tid][2]
    total_user = sum(g[0] for g in groups.values()) / TICKS
    total_sys = sum(g[1] for g in groups.values()) / TICKS
    print(f"total user {total_user:.1f} s, kernel {total_sys:.1f} s over {seconds:.0f} s")
    for name, (user, system) in sorted(groups.items(), key=lambda g: -(g[1][0] + g[1][1]))[:20]:
        print(f"{name:<28} user {user / TICKS:6.2f} s  kernel {system / TICKS:6.2f} s")


if __name__ == "__main__":
    main()
