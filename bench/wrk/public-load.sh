#!/usr/bin/env bash
# Load behaviour of the public listener: throughput and p99 at the benchmark's connection count,
# at three times that (past saturation: the same core now has three times the clients), and with
# a deliberately low connection limit so that new connections are refused with 503 + Retry-After.
# Counts wrk's timeouts and non-2xx/3xx answers: past saturation there must be no timeouts.
# Server pinned to CPU 0, wrk to CPU 1. Needs: wrk, taskset, curl.
#   bench/wrk/public-load.sh            # 10 s per run, 64 connections base
#   DUR=30s CONN=128 bench/wrk/public-load.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT_APP=${PORT_APP:-18090}
PORT_PUBLIC=${PORT_PUBLIC:-18092}
DUR=${DUR:-10s}
CONN=${CONN:-64}
LIMIT=${LIMIT:-$((CONN * 4))}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DATA=$(mktemp -d /tmp/wahlwerk-load.XXXXXX)
cleanup() { kill "${APP:-}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT
. bench/wrk/demo.sh

echo "Starting Wahlwerk (demo) on CPU 0, public connection limit $LIMIT …" >&2
APP_ENV="WAHLWERK_PUBLIC_MAX_CONNECTIONS=$LIMIT" start_demo "$PORT_PUBLIC"
URL="http://127.0.0.1:$PORT_PUBLIC$PAGE"

run() { # name connections
  taskset -c 1 wrk -t1 -c"$2" -d"$DUR" --timeout 2s --latency -H 'Accept-Encoding: gzip' "$URL" > "$DATA/$1.txt" 2>&1 || true
  awk -v name="$1" -v c="$2" '
    /Requests\/sec/ {rps=$2} $1=="99%" {p99=$2}
    /Socket errors/ {gsub(",","",$0); for (i=1;i<=NF;i++) if ($i=="timeout") to=$(i+1); for (i=1;i<=NF;i++) if ($i=="connect") ce=$(i+1)}
    /Non-2xx or 3xx/ {n=$NF}
    END {printf "%s connections=%d req/s=%s p99=%s timeouts=%d connect_errors=%d non2xx=%d\n", name, c, rps, p99, to+0, ce+0, n+0}' "$DATA/$1.txt"
}
taskset -c 1 wrk -t1 -c"$CONN" -d10s -H 'Accept-Encoding: gzip' "$URL" > /dev/null
echo "page: $PAGE"
run base "$CONN"
run three-times "$((CONN * 3))"
echo "With the limit of $LIMIT connections (everything above gets 503 + Retry-After at once):"
run over-limit "$((LIMIT * 2))"
curl -s -o /dev/null -w "a single request meanwhile: %{http_code} in %{time_total}s\n" "$URL"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
