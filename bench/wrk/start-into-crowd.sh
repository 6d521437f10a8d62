#!/usr/bin/env bash
# Does a node started into a crowd start and answer? (ADR 0015.) Starts the node ROUNDS times on the
# demo election with wrk (200 connections on staff pages, static files, the public site) from the
# moment its port opens; 30 s later the sign-in page must answer within 10 s. A hung start leaves a
# thread dump in target/start-into-crowd/.
# Usage: bench/wrk/start-into-crowd.sh [ROUNDS] [JAR]
#   e.g. 10 server/target/app/wahlwerk-server.jar (extracted, the default)
#        10 server/target/wahlwerk-server.jar     (the fat jar: hung in 2 of 7 starts on 2 cores)
set -uo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-10}"
jar="${2:-server/target/app/wahlwerk-server.jar}"
port="${PORT:-18080}"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
work=target/start-into-crowd
mkdir -p "$work"
cat > "$work/mix.lua" <<'LUA'
local paths = {"/login", "/css/wahlwerk.css", "/js/wahlwerk.js", "/wahlen/1/", "/anmelden/1", "/q/abc", "/setup/x", "/api/setup/days"}
local i = 0
request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end
LUA
hung=0
for r in $(seq "$rounds"); do
  WAHLWERK_DATA_DIR="$PWD/$work/data" WAHLWERK_DEMO=true SERVER_PORT="$port" \
    "$JAVA_HOME/bin/java" -XX:+UseG1GC -jar "$jar" > "$work/node-$r.log" 2>&1 &
  pid=$!
  until ss -ltn | grep -q ":$port "; do sleep 0.05; done
  wrk -t2 -c200 -d25s --timeout 5s -s "$work/mix.lua" "http://127.0.0.1:$port/" > "$work/wrk-$r.txt" 2>&1 &
  sleep 30
  code=$(curl -s -m 10 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login")
  started=$(grep -c 'Started Wahlwerk' "$work/node-$r.log")
  if [ "$code" != 200 ] || [ "$started" != 1 ]; then
    hung=$((hung + 1))
    "$JAVA_HOME/bin/jcmd" "$pid" Thread.dump_to_file -format=json "$PWD/$work/threads-$r.json" > /dev/null 2>&1
  fi
  echo "start $r: sign-in page $code, started $started, $(grep 'requests in' "$work/wrk-$r.txt")"
  kill "$pid"
  for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
done
pkill -9 -f "$PWD/$work/data/postgres" 2>/dev/null
echo "hung: $hung of $rounds starts"
