#!/usr/bin/env bash
# Side-by-side benchmark of the public read path: Wahlwerk's PublicReadFilter against nginx serving
# the very same snapshot bytes from data/public (one worker, sendfile, gzip_static), both pinned
# to CPU 0, wrk pinned to CPU 1. Needs: nginx, wrk, taskset (Debian: nginx-light wrk util-linux).
#   bench/wrk/public-read.sh            # 10 s per run, 64 connections
#   DUR=30s CONN=128 bench/wrk/public-read.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT_APP=${PORT_APP:-18080}
PORT_NGINX=${PORT_NGINX:-18081}
DUR=${DUR:-10s}
CONN=${CONN:-64}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DATA=$(mktemp -d /tmp/wahlwerk-bench.XXXXXX)
cleanup() { kill "${APP:-}" "${NGINX:-}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "Starting Wahlwerk (demo) on CPU 0 …" >&2
SERVER_PORT=$PORT_APP WAHLWERK_DATA_DIR=$DATA taskset -c 0 ./wahlwerk start --demo > "$DATA/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT_APP/wahlen/" > "$DATA/index.html" && grep -q '/wahlen/[0-9]' "$DATA/index.html" && break
  sleep 1
done
ELECTION=$(grep -o '/wahlen/[0-9]*/' "$DATA/index.html" | head -1)
PAGE=$(curl -sf "http://127.0.0.1:$PORT_APP$ELECTION" | grep -o "$ELECTION[a-z]*/[0-9A-Za-z._-]*\.html" | head -1)
JSON=${PAGE%.html}.json

cat > "$DATA/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $DATA/nginx.pid;
error_log $DATA/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  gzip_static on;
  etag on;
  types { text/html html; application/json json; text/css css; }
  server {
    listen 127.0.0.1:$PORT_NGINX;
    root $DATA/public;
    add_header Cache-Control "public, max-age=5, must-revalidate";
    add_header X-Content-Type-Options nosniff;
  }
}
CONF
taskset -c 0 nginx -c "$DATA/nginx.conf" &
NGINX=$!
sleep 1

run() { # name url extra-header...
  local name=$1 url=$2; shift 2
  taskset -c 1 wrk -t1 -c"$CONN" -d"$DUR" --latency "$@" "$url" > "$DATA/$name.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$DATA/$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$DATA/$name.txt")
  echo "$name $rps $p99"
}
etag() { curl -sI -H 'Accept-Encoding: gzip' "$1" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r'; }

echo "Warming up …" >&2
taskset -c 1 wrk -t1 -c"$CONN" -d5s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT_APP$PAGE" > /dev/null
taskset -c 1 wrk -t1 -c"$CONN" -d5s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT_NGINX$PAGE" > /dev/null

echo "page: $PAGE ($(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT_APP$PAGE" | wc -c) bytes gzip)"
echo "case requests_per_s p99"
run app-html-gzip "http://127.0.0.1:$PORT_APP$PAGE" -H 'Accept-Encoding: gzip'
run nginx-html-gzip "http://127.0.0.1:$PORT_NGINX$PAGE" -H 'Accept-Encoding: gzip'
run app-json-gzip "http://127.0.0.1:$PORT_APP$JSON" -H 'Accept-Encoding: gzip'
run nginx-json-gzip "http://127.0.0.1:$PORT_NGINX$JSON" -H 'Accept-Encoding: gzip'
run app-304 "http://127.0.0.1:$PORT_APP$PAGE" -H 'Accept-Encoding: gzip' -H "If-None-Match: $(etag "http://127.0.0.1:$PORT_APP$PAGE")"
run nginx-304 "http://127.0.0.1:$PORT_NGINX$PAGE" -H 'Accept-Encoding: gzip' -H "If-None-Match: $(etag "http://127.0.0.1:$PORT_NGINX$PAGE")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
