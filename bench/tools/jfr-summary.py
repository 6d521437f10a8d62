#!/usr/bin/env python3
"""Summaries of a JFR recording of a node, as used in docs/PERFORMANCE.md.

  jfr print --json --stack-depth 200 --events jdk.ExecutionSample night.jfr > samples.json
  bench/tools/jfr-summary.py threads samples.json              # share of samples per thread
  bench/tools/jfr-summary.py frames samples.json wahlwerk-pages  # inclusive frames of one thread

  jfr print --json --stack-depth 40 --events jdk.SocketRead night.jfr > reads.json
  bench/tools/jfr-summary.py waits reads.json                  # request threads' database waits

  jfr print --json --stack-depth 12 --events jdk.ObjectAllocationSample night.jfr > alloc.json
  bench/tools/jfr-summary.py allocations alloc.json wahlwerk-public  # bytes allocated per thread, per site

Sample shares are shares of time a thread was runnable in Java, not of CPU: on a saturated
two-core machine a preempted thread is sampled as if it ran (the page thread had 34 % of the
samples and 11 % of the CPU in one NRW night). Compare threads' CPU with thread-cpu.py.
"""
import collections
import json
import sys


def events(path):
    return json.load(open(path))['recording']['events']


def thread(v, key):
    t = v.get(key) or {}
    return ''.join(c for c in (t.get('javaName') or t.get('osName') or '') if not c.isdigit())


def frames(v):
    st = v.get('stackTrace') or {}
    return [f['method']['type']['name'] + '.' + f['method']['name'] for f in st.get('frames', [])]


def short(name):
    return name.replace('/', '.').split('.')[-1]


def seconds(d):
    return float(d[2:-1]) if d.startswith('PT') and d.endswith('S') else 0.0


if len(sys.argv) < 3 or sys.argv[1] not in ('threads', 'frames', 'waits', 'allocations'):
    sys.exit(__doc__)
mode, path = sys.argv[1], sys.argv[2]
if mode == 'threads':
    c = collections.Counter(thread(e['values'], 'sampledThread') for e in events(path))
    n = sum(c.values())
    for k, m in c.most_common(12):
        print(f'{m:6d} {100 * m / n:5.1f}% {k}')
elif mode == 'frames':
    c, n = collections.Counter(), 0
    for e in events(path):
        if sys.argv[3] in thread(e['values'], 'sampledThread'):
            n += 1
            c.update(set(frames(e['values'])))
    for k, m in c.most_common(60):
        print(f'{m:6d} {100 * m / max(n, 1):5.1f}% {k}')
elif mode == 'waits':
    total = collections.defaultdict(lambda: [0, 0.0])
    for e in events(path):
        v = e['values']
        if 'tomcat-handler' not in thread(v, 'eventThread'):
            continue
        fr = [f.split('/')[-1] for f in frames(v)]
        where = next((f for f in fr if f.startswith(('AuditLog.lockedChain', 'ReportStore.confirm'))), 'other')
        caller = next((f for f in fr if f in ('EntryService.submit', 'EntryService.approve')), '')
        t = total[(where, caller)]
        t[0] += 1
        t[1] += seconds(v['duration'])
    for (where, caller), (n, s) in sorted(total.items(), key=lambda x: -x[1][1]):
        print(f'{n:6d} reads {s:7.1f} s  {where} {caller}')
elif mode == 'allocations':
    # The samples' weights estimate the bytes allocated; summed per thread, then (for the threads
    # whose name contains the optional third argument) per class and the first frames that allocate.
    per_thread, per_site = collections.Counter(), collections.Counter()
    want = sys.argv[3] if len(sys.argv) > 3 else None
    for e in events(path):
        v = e['values']
        t, w = thread(v, 'eventThread'), int(v.get('weight') or 0)
        per_thread[t] += w
        if want and want in t:
            fr = [short(f.rsplit('.', 1)[0]) + '.' + f.rsplit('.', 1)[-1] for f in frames(v)[:4]]
            cls = short((v.get('objectClass') or {}).get('name') or '?')
            per_site[cls + '  <- ' + ' < '.join(fr)] += w
    total = sum(per_thread.values())
    for k, w in per_thread.most_common(12):
        print(f'{w / 1e6:9.1f} MB {100 * w / max(total, 1):5.1f}% {k}')
    for k, w in per_site.most_common(30):
        print(f'{w / 1e6:9.1f} MB {k}')
