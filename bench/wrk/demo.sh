# Sourced by the wrk benchmarks. start_demo starts the demo pinned to CPU 0 (extra environment in
# $APP_ENV) and waits until it has published; sets APP, ELECTION and PAGE (an area page of the demo).
# Helpers below for the listener's threads and the reference nginx.
start_demo() { # port-to-poll
  env SERVER_PORT="$PORT_APP" WAHLWERK_PUBLIC_PORT="$PORT_PUBLIC" WAHLWERK_DATA_DIR="$DATA" ${APP_ENV:-} \
    taskset -c 0 ./wahlwerk start --demo > "$DATA/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 400); do
    curl -sf "http://127.0.0.1:$1/wahlen/" > "$DATA/index.html" && grep -q '/wahlen/[0-9]' "$DATA/index.html" && break
    sleep 1
  done
  ELECTION=$(grep -o '/wahlen/[0-9]*/' "$DATA/index.html" | head -1)
  # The election's page links its areas only once the page thread has rendered them, which follows
  # the numbers (ADR 0622): ask again until it does.
  PAGE=
  for _ in $(seq 1 120); do
    PAGE=$(curl -sf "http://127.0.0.1:$1$ELECTION" | grep -o "$ELECTION[a-z]*/[0-9A-Za-z._-]*\.html" | head -1 || true)
    [ -n "$PAGE" ] && break
    sleep 1
  done
  [ -n "$PAGE" ] || { echo "no area page linked from $ELECTION (see $DATA/app.log)" >&2; exit 1; }
}

# Moves the public listener threads of $APP to CPU $1; later ones inherit it from the first.
pin_listener() { # cpu
  local t n=0
  for t in /proc/$APP/task/*; do
    if [[ $(cat "$t/comm" 2>/dev/null) == wahlwerk-public* ]]; then taskset -p -c "$1" "$(basename "$t")" > /dev/null; n=$((n + 1)); fi
  done
  [ "$n" -gt 0 ] || { echo "no listener thread (see $DATA/app.log)" >&2; exit 1; }
}

# Run and wait time (ns, /proc schedstat) summed over the listener threads of $APP now.
listener_schedstat() {
  local t run=0 wait=0 r w rest
  for t in /proc/$APP/task/*; do
    if [[ $(cat "$t/comm" 2>/dev/null) == wahlwerk-public* ]]; then
      read -r r w rest < "$t/schedstat"; run=$((run + r)); wait=$((wait + w))
    fi
  done
  echo "$run $wait"
}

# The reference nginx's configuration (bench/src/main/resources/reference-nginx.conf) for root $1 on port $2, in $DATA.
reference_nginx_conf() { # root port
  sed -e "s|@ROOT@|$1|" -e "s|@DIR@|$DATA|" -e "s|@PORT@|$2|" bench/src/main/resources/reference-nginx.conf > "$DATA/nginx.conf"
}

# The demo (start_demo) with its public listener on CPU 1 and the reference nginx on CPU 1 serving the
# demo's snapshot, warmed up by 4 saturating runs of 10 s; sets APP, NGINX and JSON (an area's JSON).
start_readers_on_cpu1() {
  start_demo "$PORT_APP"
  JSON=/wahlen/1/admin/09999001-1.json
  for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$PORT_PUBLIC$JSON" && break; sleep 1; done
  pin_listener 1
  reference_nginx_conf "$DATA/public/current" "$PORT_NGINX"
  taskset -c 1 nginx -c "$DATA/nginx.conf" &
  NGINX=$!
  echo "Warming up (saturating, 4 × 10 s) …" >&2
  for _ in 1 2 3 4; do taskset -c 1 wrk -t1 -c32 -d10s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT_PUBLIC$JSON" > /dev/null; done
}
