#!/usr/bin/env bash
# Side-by-side benchmark of the public read path: Wahlwerk's public listener (PublicListener, its own
# port; APP_PATH=filter measures the servlet filter on the main port instead) against nginx serving
# the very same snapshot bytes from data/public (one worker, sendfile, gzip_static), both pinned
# to CPU 0, wrk pinned to CPU 1. Needs: nginx, wrk, taskset (Debian: nginx-light wrk util-linux).
#   bench/wrk/public-read.sh            # 3 alternating rounds of 10 s per case, 64 connections
#   DUR=30s CONN=128 bench/wrk/public-read.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT_APP=${PORT_APP:-18080}
PORT_NGINX=${PORT_NGINX:-18081}
PORT_PUBLIC=${PORT_PUBLIC:-18082}
APP_PATH=${APP_PATH:-listener}
DUR=${DUR:-10s}
CONN=${CONN:-64}
ROUNDS=${ROUNDS:-3}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DATA=$(mktemp -d /tmp/wahlwerk-bench.XXXXXX)
cleanup() { kill "${APP:-}" "${NGINX:-}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT
. bench/wrk/demo.sh

echo "Starting Wahlwerk (demo) on CPU 0 …" >&2
start_demo "$PORT_APP"
JSON=${PAGE%.html}.json
# What the crowd reaches: the lean listener, or (APP_PATH=filter) the servlet filter on the main port.
[ "$APP_PATH" = listener ] && PORT_APP=$PORT_PUBLIC
SNAP=$DATA/public
[ -L "$SNAP/current" ] && SNAP=$DATA/public/current

reference_nginx_conf "$SNAP" "$PORT_NGINX"
taskset -c 0 nginx -c "$DATA/nginx.conf" &
NGINX=$!
sleep 1
# ./wahlwerk execs java, so $APP is the JVM itself; nginx's one worker is the master's child.
APP_PID=$APP
NGINX_WORKER=$(pgrep -P "$NGINX" | head -1)

# CPU seconds a server process used (user + system), to report requests per CPU second: on a
# shared machine that is the fair measure, as neither server gets a full core there.
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
run() { # name url extra-header...
  local name=$1 url=$2; shift 2
  local pid=$APP_PID; [[ $name == nginx-* ]] && pid=$NGINX_WORKER
  local t0 t1; t0=$(ticks "$pid")
  taskset -c 1 wrk -t1 -c"$CONN" -d"$DUR" --latency "$@" "$url" > "$DATA/$name.txt"
  t1=$(ticks "$pid")
  local rps p99 n
  rps=$(awk '/Requests\/sec/ {print $2}' "$DATA/$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$DATA/$name.txt")
  n=$(awk '/requests in/ {print $1}' "$DATA/$name.txt")
  echo "$name $rps $p99 $(awk -v n="$n" -v t=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", (t > 0 ? n * hz / t : 0)}')"
}
etag() { curl -sI -H 'Accept-Encoding: gzip' "$1" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r'; }

echo "Warming up …" >&2
for u in "$PAGE" "$JSON"; do
  taskset -c 1 wrk -t1 -c"$CONN" -d10s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT_APP$u" > /dev/null
done
taskset -c 1 wrk -t1 -c"$CONN" -d5s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT_NGINX$PAGE" > /dev/null

# Rounds alternate app and nginx, so that load from elsewhere on the machine hits both alike;
# the ratio is taken from the medians.
echo "app: $APP_PATH, page: $PAGE ($(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT_APP$PAGE" | wc -c) bytes gzip), rounds: $ROUNDS"
echo "case requests_per_s p99 requests_per_cpu_s"
for r in $(seq 1 "$ROUNDS"); do
  run app-html-gzip "http://127.0.0.1:$PORT_APP$PAGE" -H 'Accept-Encoding: gzip'
  run nginx-html-gzip "http://127.0.0.1:$PORT_NGINX$PAGE" -H 'Accept-Encoding: gzip'
  run app-json-gzip "http://127.0.0.1:$PORT_APP$JSON" -H 'Accept-Encoding: gzip'
  run nginx-json-gzip "http://127.0.0.1:$PORT_NGINX$JSON" -H 'Accept-Encoding: gzip'
  run app-304 "http://127.0.0.1:$PORT_APP$PAGE" -H 'Accept-Encoding: gzip' -H "If-None-Match: $(etag "http://127.0.0.1:$PORT_APP$PAGE")"
  run nginx-304 "http://127.0.0.1:$PORT_NGINX$PAGE" -H 'Accept-Encoding: gzip' -H "If-None-Match: $(etag "http://127.0.0.1:$PORT_NGINX$PAGE")"
done | tee "$DATA/results.txt"
echo "median ratios app/nginx:"
awk '{split($1,a,"-"); srv=a[1]; c=$1; sub(/^[a-z]*-/,"",c); v[srv,c]=v[srv,c]" "$2; w[srv,c]=w[srv,c]" "$4; cases[c]=1}
  function median(list,   n,x,i,j,t){n=split(list,x," "); for(i=1;i<=n;i++)for(j=i+1;j<=n;j++)if(x[j]+0<x[i]+0){t=x[i];x[i]=x[j];x[j]=t}; return x[int((n+1)/2)]}
  END {for (c in cases) {ma=median(v["app",c]); mn=median(v["nginx",c]); ca=median(w["app",c]); cn=median(w["nginx",c]);
    printf "%s req/s app %.0f nginx %.0f ratio %.2f | req per CPU-s app %.0f nginx %.0f ratio %.2f\n", c, ma, mn, ma/mn, ca, cn, (cn > 0 ? ca/cn : 0)}}' "$DATA/results.txt" | sort
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
