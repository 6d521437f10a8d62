#!/usr/bin/env bash
# The public read path's own latency, apart from load: the demo's JSON on the lean listener, read by
# wrk at a steady rate far below saturation (8 connections, each pausing 1 ms after every answer),
# beside nginx serving the same file from the snapshot. The node runs on CPU 0 with its listener
# threads moved to CPU 1, where wrk and nginx run too. Prints each run's rate, p50 and p99 and the
# listener threads' CPU and run-queue wait (/proc/<tid>/schedstat, summed) per run.
# Needs: nginx, wrk, taskset (Debian: nginx-light wrk util-linux).
#   bench/wrk/paced-read.sh                       # the launcher's collector
#   GC=-XX:+UseZGC bench/wrk/paced-read.sh        # another one, side by side
#   APP_ENV=WAHLWERK_HEAP=8g bench/wrk/paced-read.sh   # an election night's heap (fixed, in huge pages: ADR 0012)
#   GC="-Xms8g -Xmx8g -XX:+AlwaysPreTouch -XX:MaxGCPauseMillis=50" bench/wrk/paced-read.sh
#                                                 # the same heap in 4 kB pages: GC= goes to JAVA_TOOL_OPTIONS, any option
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT_APP=${PORT_APP:-18180}
PORT_NGINX=${PORT_NGINX:-18181}
PORT_PUBLIC=${PORT_PUBLIC:-18182}
ROUNDS=${ROUNDS:-3}
GC=${GC:-}
DATA=$(mktemp -d /tmp/wahlwerk-paced.XXXXXX)
cleanup() { kill "${APP:-}" "${NGINX:-}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

. bench/wrk/demo.sh
echo "Starting the demo on CPU 0 ${GC:+with $GC }…" >&2
# The launcher leaves its own collector out when JAVA_TOOL_OPTIONS names one.
[ -n "$GC" ] && export JAVA_TOOL_OPTIONS="$GC"
start_readers_on_cpu1
unset JAVA_TOOL_OPTIONS

paced() { # name port
  local s0 s1
  s0=$(listener_schedstat)
  taskset -c 1 wrk -t1 -c8 -d10s --latency -s bench/src/main/resources/paced.lua -H 'Accept-Encoding: gzip' "http://127.0.0.1:$2$JSON" > "$DATA/$1.txt"
  s1=$(listener_schedstat)
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$DATA/$1.txt")
  p50=$(awk '$1=="50%" {print $2}' "$DATA/$1.txt")
  p99=$(awk '$1=="99%" {print $2}' "$DATA/$1.txt")
  if [ "$1" = app ]; then
    read -r r0 w0 <<< "$s0"; read -r r1 w1 <<< "$s1"
    echo "app   $rps/s p50 $p50 p99 $p99 · listener CPU $(( (r1 - r0) / 1000000 )) ms, waiting for CPU 1 $(( (w1 - w0) / 1000000 )) ms"
  else
    echo "nginx $rps/s p50 $p50 p99 $p99"
  fi
}
echo "node JVM: ${GC:-G1, as the launcher starts it}${APP_ENV:+ ($APP_ENV)}; paced runs of 10 s, 8 connections, 1 ms pause after each answer"
for _ in $(seq 1 "$ROUNDS"); do
  paced app "$PORT_PUBLIC"
  paced nginx "$PORT_NGINX"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
