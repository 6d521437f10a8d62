#!/bin/bash
# Which threads enter the kernel how often during a replay's night: system calls (by thread and by
# call), user page faults and context switches, counted from the kernel's tracepoints. On a VM whose
# system calls are slow (bench/tools/syscall-cost.py) these counts, times the cost of one, say where
# the machine's time goes besides our own code (docs/PERFORMANCE.md, session 19). Linux, as root.
#
#   bench/tools/syscall-census.sh REPLAY_LOG OUT [DELAY_S=60] [SECONDS=10]   # record into OUT
#   bench/tools/syscall-census.sh --summary OUT                               # counts, per district too
#
# The record also notes the replay's confirmed count before and after, so that --summary can give
# the counts per confirmed district.
set -euo pipefail
T=/sys/kernel/tracing
[ -d $T/events ] || mount -t tracefs nodev $T
EVENTS="raw_syscalls/sys_enter exceptions/page_fault_user sched/sched_switch"
if [ "${1:-}" = "--summary" ]; then
  exec python3 - "$2" <<'PY'
import collections, re, sys, os
names = {}
for h in ('/usr/include/x86_64-linux-gnu/asm/unistd_64.h', '/usr/include/asm/unistd_64.h'):
    if os.path.exists(h):
        for line in open(h):
            m = re.match(r'#define __NR_(\w+)\s+(\d+)', line)
            if m:
                names[int(m.group(2))] = m.group(1)
        break
calls, threads, faults, switches = (collections.Counter() for _ in range(4))
districts = None
for line in open(sys.argv[1]):
    if line.startswith('# confirmed'):
        a, b = (int(x) for x in line.split()[2:4])
        districts = b - a
        continue
    m = re.match(r'\s*(.+?)-(\d+)\s+\(\s*(\d+|-+)\)\s+\[\d+\]\s+\S+\s+[\d.]+:\s(\w+):\s(.*)$', line)
    if not m:
        continue
    comm, pid, tgid, event, rest = m.groups()
    # Thread names with numbers (pool workers) are counted together.
    kind = re.sub(r'\d+', '#', comm)
    if event == 'sys_enter':
        nr = int(re.search(r'NR (\d+)', rest).group(1))
        calls[(kind, names.get(nr, str(nr)))] += 1
        threads[kind] += 1
    elif event == 'page_fault_user':
        faults[kind] += 1
    elif event == 'sched_switch':
        switches[kind] += 1
per = (lambda n: f'{n / districts:8.1f}/district') if districts else (lambda n: '')
print(f'system calls: {sum(threads.values())}' + (f' over {districts} confirmed districts' if districts else ''))
print('by thread (numbers in names folded into #):')
for k, n in threads.most_common(20):
    print(f'  {n:8d} {per(n)}  {k}')
print('by thread and call:')
for (k, c), n in calls.most_common(30):
    print(f'  {n:8d} {per(n)}  {k:20s} {c}')
print('user page faults by thread:')
for k, n in faults.most_common(8):
    print(f'  {n:8d} {per(n)}  {k}')
print('context switches away from a thread:')
for k, n in switches.most_common(12):
    print(f'  {n:8d} {per(n)}  {k}')
PY
fi
LOG=$1 OUT=$2
confirmed() { grep -oE 'confirmed [0-9]+/' "$LOG" | tail -1 | tr -dc 0-9; }
until grep -q "Arrival curve" "$LOG"; do sleep 2; done
sleep "${3:-60}"
echo 0 > $T/tracing_on; echo > $T/trace; echo 262144 > $T/buffer_size_kb
echo 1 > $T/options/record-tgid
for e in $EVENTS; do echo 1 > $T/events/$e/enable; done
before=$(confirmed)
echo 1 > $T/tracing_on; sleep "${4:-10}"; echo 0 > $T/tracing_on
after=$(confirmed)
for e in $EVENTS; do echo 0 > $T/events/$e/enable; done
# The replay prints its confirmed count every 5 s: the count is taken a few seconds late on both
# ends, which evens out over a window of 10 s or more.
{ echo "# confirmed $before $after"; cat $T/trace; } > "$OUT"
echo > $T/trace; echo 1408 > $T/buffer_size_kb; echo 0 > $T/options/record-tgid
