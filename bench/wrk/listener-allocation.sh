#!/usr/bin/env bash
# Garbage of the public read path: bytes the public listener's threads allocate per request
# (jcmd Thread.print -e, "allocated="), with requests/s, while wrk saturates the demo's JSON.
# The node runs on CPU 0 with its listener threads moved to CPU 1, where wrk runs too. Given
# several server jars (e.g. one built from an older commit), they are measured one after the
# other on the same machine.
# Needs: wrk, taskset (Debian: wrk util-linux).
#   bench/wrk/listener-allocation.sh                                  # server/target/wahlwerk-server.jar
#   bench/wrk/listener-allocation.sh /work/base/server/target/wahlwerk-server.jar server/target/wahlwerk-server.jar
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT_APP=${PORT_APP:-18280}
PORT_PUBLIC=${PORT_PUBLIC:-18282}
ROUNDS=${ROUNDS:-3}
JSON=/wahlen/1/admin/09999001-1.json
[ $# -gt 0 ] || set -- server/target/wahlwerk-server.jar
APP=
cleanup() { [ -n "$APP" ] && kill "$APP" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT
. bench/wrk/demo.sh

allocated() { # pid: bytes allocated so far by the threads named wahlwerk-public*
  "$JAVA_HOME/bin/jcmd" "$1" Thread.print -e 2>/dev/null | grep '^"wahlwerk-public' | grep -o 'allocated=[0-9.]*[BKMG]\?' \
    | cut -d= -f2 | awk '{v = $1 + 0; u = substr($1, length($1)); if (u == "K") v *= 1024; else if (u == "M") v *= 1048576;
      else if (u == "G") v *= 1073741824; s += v} END {printf "%.0f\n", s}'
}

for jar in "$@"; do
  data=$(mktemp -d /tmp/wahlwerk-alloc.XXXXXX)
  echo "Starting the demo of $jar on CPU 0 …" >&2
  env SERVER_PORT="$PORT_APP" WAHLWERK_PUBLIC_PORT="$PORT_PUBLIC" WAHLWERK_DATA_DIR="$data" \
    taskset -c 0 "$JAVA_HOME/bin/java" -XX:+UseG1GC -jar "$jar" --wahlwerk.demo=true > "$data/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$PORT_PUBLIC$JSON" && break; sleep 1; done
  DATA=$data pin_listener 1
  for round in $(seq -1 "$ROUNDS"); do # rounds -1 and 0 warm up
    a0=$(allocated "$APP")
    taskset -c 1 wrk -t1 -c32 -d10s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT_PUBLIC$JSON" > "$data/wrk.txt"
    a1=$(allocated "$APP")
    n=$(awk '/requests in/ {print $1}' "$data/wrk.txt")
    if [ "$round" -gt 0 ]; then
      echo "$jar: $(awk '/Requests\/sec/ {printf "%.0f", $2}' "$data/wrk.txt") requests/s, $(( (a1 - a0) / n )) bytes allocated by the listener per request"
    fi
  done
  kill "$APP"; wait "$APP" 2>/dev/null || true; APP=
  rm -rf "$data"
done
