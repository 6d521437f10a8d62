# Sourced by the wrk benchmarks: starts the demo pinned to CPU 0 (extra environment in $APP_ENV)
# and waits until it has published; sets APP, ELECTION and PAGE (an area page of the demo).
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
