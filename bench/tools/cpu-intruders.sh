#!/bin/bash
# Who else ran on the public read path's core, and for how long, in each wrk run of a replay's read
# phases (issue 6, docs/PERFORMANCE.md session 25). The read phases pin the node's public listener,
# wrk and the reference nginx to one core (--pin-public); everything else that runs there (kernel
# threads, the machine's other services, a thread that escaped the pinning) takes time from the
# readers. Traces the scheduler's switches on that core, keeping only those into or out of such an
# "intruder", and the devices' interrupts and deferred work (softirqs other than the network's receive
# path, which is the readers' own), and marks the start and end of each wrk run in the trace, so that each run gets its
# own sums. Linux, as root, with tracefs (mount -t tracefs nodev /sys/kernel/tracing). The recorder
# keeps itself off the traced core.
#
#   bench/tools/cpu-intruders.sh CPU REPLAY_LOG OUT          # record until the replay prints its medians
#   bench/tools/cpu-intruders.sh --summary OUT [REPEATS=7]   # per wrk run: intruders' time on the core
set -euo pipefail
T=/sys/kernel/tracing
if [ "${1:-}" = "--summary" ]; then
  exec python3 - "$2" "${3:-7}" <<'PY'
import collections, re, sys
# An intruder's run time counts from a switch into it to the next switch on the core; each wrk run
# (between the markers with its process id) gets its own sums.
switch = re.compile(r'\[\d+\]\s+\S*\s+([\d.]+): sched_switch: prev_comm=(.+?) prev_pid=\d+ .*? next_comm=(.+?) next_pid=\d+')
marker = re.compile(r'\[\d+\]\s+\S*\s+([\d.]+): tracing_mark_write: wrk (start|end) (\d+) ?(.*)$')
# Interrupts run on top of whatever task was running: their time is summed apart ("irq 36 virtio1-req.0").
irq = re.compile(r'\[\d+\]\s+\S*\s+([\d.]+): (irq_handler_entry|irq_handler_exit|softirq_entry|softirq_exit): (?:irq=(\d+)(?: name=(\S+))?)?(?:vec=\d+ \[action=(\w+)\])?')
entered = {}
ours = re.compile(r'^(wrk|wahlwerk-publ|nginx|swapper)')
repeats = int(sys.argv[2])
running, since, current = None, 0.0, None
sums, counts = collections.Counter(), collections.Counter()
n = 0
for line in open(sys.argv[1]):
    m = switch.search(line)
    if m:
        ts, nxt = float(m.group(1)), m.group(3)
        if running is not None and current:
            sums[running] += ts - since
        running = None if ours.match(nxt) else nxt
        if running is not None and current:
            counts[running] += 1
        since = ts
        continue
    m = irq.search(line)
    if m:
        ts, event = float(m.group(1)), m.group(2)
        name = f'irq {m.group(3)} {m.group(4) or ""}'.strip() if event.startswith('irq') else f'softirq {m.group(5)}'
        key = ('irq ' + m.group(3)) if event.startswith('irq') else name
        if event.endswith('entry'):
            entered[key] = (ts, name)
        elif key in entered:
            t0, full = entered.pop(key)
            if current:
                sums[full] += ts - t0
                counts[full] += 1
        continue
    m = marker.search(line)
    if not m:
        continue
    ts, what, pid, kind = float(m.group(1)), m.group(2), m.group(3), m.group(4)
    if running is not None and current:
        sums[running] += ts - since
    since = ts
    if what == 'start':
        current = (pid, kind, ts)
        sums, counts = collections.Counter(), collections.Counter()
    elif current and current[0] == pid:
        n += 1
        # Each state of the night has REPEATS rounds of four runs (ReadPhases).
        state = ['0 reported', 'while confirming', 'all reported'][min(2, (n - 1) // (4 * repeats))]
        total = sum(sums.values())
        top = ', '.join(f'{c} {t*1000:.1f} ms/{counts[c]}' for c, t in sums.most_common(4))
        print(f'{n:3d} {state:16s} {current[1]:17s} {ts - current[2]:5.1f} s  intruders {total*1000:7.1f} ms  {top}')
        current = None
PY
fi
CPU=$1 LOG=$2 OUT=$3
taskset -p -c "$(python3 -c "import os; print(','.join(str(c) for c in sorted(os.sched_getaffinity(0)) if c != $CPU))")" $$ > /dev/null
until [ -f "$LOG" ] && grep -q "Read path warmed up" "$LOG"; do sleep 1; done
NGINX_PORT=$(sed -n 's/^Reference: nginx.* on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$LOG" | head -1)
echo 0 > $T/tracing_on; echo > $T/trace; echo 262144 > $T/buffer_size_kb
printf '%x\n' $((1 << CPU)) > $T/tracing_cpumask
# The readers (wrk, the listener, the reference nginx) and the idle task are "ours".
F='prev_comm ~ "wrk*" || prev_comm ~ "wahlwerk-publ*" || prev_comm ~ "nginx*" || prev_comm ~ "swapper*"'
N='next_comm ~ "wrk*" || next_comm ~ "wahlwerk-publ*" || next_comm ~ "nginx*" || next_comm ~ "swapper*"'
echo "!($F) || !($N)" > $T/events/sched/sched_switch/filter
echo 1 > $T/events/sched/sched_switch/enable
# Device interrupts, and deferred work other than the network's receive path (the readers' own
# loopback traffic, vector 3).
for e in irq_handler_entry irq_handler_exit; do echo 1 > $T/events/irq/$e/enable; done
for e in softirq_entry softirq_exit; do echo 'vec != 3' > $T/events/irq/$e/filter; echo 1 > $T/events/irq/$e/enable; done
echo 1 > $T/tracing_on
# The kernel takes a marker only from a traced core: each is written from there by a short process.
mark() { taskset -c "$CPU" sh -c 'printf "%s\n" "$1" > '$T'/trace_marker' mark "$1"; }
last=""
until grep -q "Medians per state" "$LOG"; do
  pid=$(pgrep -x wrk | head -1 || true)
  if [ "$pid" != "$last" ]; then
    [ -n "$last" ] && mark "wrk end $last"
    if [ -n "$pid" ]; then
      args=$(tr '\0' ' ' < /proc/$pid/cmdline 2>/dev/null || true)
      kind=app; [[ -n "$NGINX_PORT" && "$args" == *":$NGINX_PORT/"* ]] && kind=nginx
      [[ "$args" == *" -s "* ]] && kind="$kind paced" || kind="$kind saturating"
      mark "wrk start $pid $kind"
    fi
    last=$pid
  fi
  sleep 0.1
done
echo 0 > $T/tracing_on
echo 0 > $T/events/sched/sched_switch/enable; echo 0 > $T/events/sched/sched_switch/filter
for e in irq_handler_entry irq_handler_exit softirq_entry softirq_exit; do echo 0 > $T/events/irq/$e/enable; done
for e in softirq_entry softirq_exit; do echo 0 > $T/events/irq/$e/filter; done
printf '%x\n' $(( (1 << $(nproc --all)) - 1 )) > $T/tracing_cpumask  # --all: this script runs on fewer
cat $T/trace > "$OUT"
echo "trace in $OUT; summary: $0 --summary $OUT"
