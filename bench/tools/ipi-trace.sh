#!/bin/bash
# Which threads interrupt which core, and why: traces the kernel's inter-processor interrupts
# (csd_queue_cpu, ipi_send_cpu/cpumask) and TLB flushes for a while once a replay's night has begun
# (docs/PERFORMANCE.md, session 17). Linux, as root, with tracefs at /sys/kernel/tracing.
#
#   bench/tools/ipi-trace.sh REPLAY_LOG OUT [DELAY_S=60] [SECONDS=30]   # record into OUT
#   bench/tools/ipi-trace.sh --summary OUT                               # senders and reasons
set -euo pipefail
T=/sys/kernel/tracing
EVENTS="csd/csd_queue_cpu ipi/ipi_send_cpu ipi/ipi_send_cpumask tlb/tlb_flush"
if [ "${1:-}" = "--summary" ]; then
  exec python3 - "$2" <<'PY'
import collections, re, sys
wakes, flushes = collections.Counter(), collections.Counter()
for line in open(sys.argv[1]):
    m = re.match(r'\s*(.+?)-\d+\s+\[\d+\]\s+\S+\s+[\d.]+:\s(\w+):\s(.*)$', line)
    if not m:
        continue
    comm, event, rest = m.groups()
    if event == 'csd_queue_cpu':
        f = re.search(r'cpu=(\d+) callsite=(\S+) func=(\S+)', rest)
        wakes[(comm, 'to CPU ' + f.group(1), f.group(3))] += 1
    elif event == 'tlb_flush' and 'remote' in rest:
        flushes[comm] += 1
print('function calls queued for another CPU (sender, target, function):')
for k, n in wakes.most_common(15):
    print(f'  {n:6d}  {k[0]:18s} {k[1]:9s} {k[2]}')
print('TLB flushes sent to other CPUs (sender):')
for k, n in flushes.most_common(10):
    print(f'  {n:6d}  {k}')
PY
fi
LOG=$1 OUT=$2
until grep -q "Arrival curve" "$LOG"; do sleep 2; done
sleep "${3:-60}"
echo 0 > $T/tracing_on; echo > $T/trace; echo 65536 > $T/buffer_size_kb
for e in $EVENTS; do echo 1 > $T/events/$e/enable; done
echo 1 > $T/tracing_on; sleep "${4:-30}"; echo 0 > $T/tracing_on
for e in $EVENTS; do echo 0 > $T/events/$e/enable; done
cat $T/trace > "$OUT"
echo "trace in $OUT; summary: $0 --summary $OUT"
