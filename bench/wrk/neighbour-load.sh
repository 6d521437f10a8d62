#!/usr/bin/env bash
# Does work on the other core slow the public read path, and nginx alike? (issue 6, docs/PERFORMANCE.md
# session 25). The demo's public listener, the reference nginx and wrk share CPU 1; CPU 0 is in turn
# idle, busy with a loop that touches no memory, and busy streaming memory (dd from /dev/zero in 64 MB
# blocks). Saturating wrk runs of 10 s, app and nginx alternating, ROUNDS per state. Where both slow
# alike under a neighbour that shares nothing with them but the machine, the read path's "while
# reports are confirmed" phase measures the machine, not the read path.
#   bench/wrk/neighbour-load.sh            # 3 rounds per state
#   ROUNDS=5 APP_ENV=WAHLWERK_HEAP=8g bench/wrk/neighbour-load.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT_APP=${PORT_APP:-18180}
PORT_NGINX=${PORT_NGINX:-18181}
PORT_PUBLIC=${PORT_PUBLIC:-18182}
ROUNDS=${ROUNDS:-3}
DATA=$(mktemp -d /tmp/wahlwerk-neighbour.XXXXXX)
HOG=
cleanup() { kill "${HOG:-}" "${APP:-}" "${NGINX:-}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

. bench/wrk/demo.sh
echo "Starting the demo on CPU 0 …" >&2
start_readers_on_cpu1

saturating() { # name port
  taskset -c 1 wrk -t1 -c32 -d10s --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$2$JSON" > "$DATA/run.txt"
  printf '%-22s %-6s %8.0f/s p50 %s p99 %s\n' "$STATE" "$1" "$(awk '/Requests\/sec/ {print $2}' "$DATA/run.txt")" \
    "$(awk '$1=="50%" {print $2}' "$DATA/run.txt")" "$(awk '$1=="99%" {print $2}' "$DATA/run.txt")"
}
hog() { # command...: a neighbour on CPU 0 for the next state
  [ -n "$HOG" ] && { kill "$HOG" 2>/dev/null || true; wait "$HOG" 2>/dev/null || true; HOG=; }
  if [ $# -gt 0 ]; then taskset -c 0 "$@" & HOG=$!; sleep 1; fi
}
echo "saturating runs of 10 s, 32 connections, $JSON; rounds per state: $ROUNDS"
for state in idle compute memory idle-again; do
  STATE=$state
  case $state in
    compute) hog sh -c 'while :; do :; done' ;;
    memory) hog sh -c 'while :; do dd if=/dev/zero of=/dev/null bs=64M count=1000 status=none; done' ;;
    *) hog ;;
  esac
  for _ in $(seq 1 "$ROUNDS"); do
    saturating app "$PORT_PUBLIC"
    saturating nginx "$PORT_NGINX"
  done
done
hog
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
