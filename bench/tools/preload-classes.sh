#!/usr/bin/env bash
# Writes server/src/main/resources/startup/preload-classes.txt, the classes a node loads before it
# opens its port (ADR 0016): every class its jars gave to nodes that
#   1. served a crawl of the demo's pages (staff and public) and a crowd of requests, and
#   2. carried a replayed night of Bremen with two nodes, one of them killed and restarted,
# and every class of Wahlwerk's own jars, Thymeleaf and Spring's expression language (the template
# engine loads one class per kind of expression it meets, which no run meets all of).
# Run it after a change that makes StartUnderLoadIT name classes loaded under the crowd, then
# build again (./mvnw -q install -DskipTests) and commit the list.
# Usage: bench/tools/preload-classes.sh            (needs ./mvnw install first, and ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
app="$PWD/server/target/app"
out=server/src/main/resources/startup/preload-classes.txt
work="$PWD/target/preload-classes"
port="${PORT:-18090}"
[ -f "$app/wahlwerk-server.jar" ] || { echo "no $app/wahlwerk-server.jar: run ./mvnw -q install -DskipTests first" >&2; exit 1; }
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
rm -rf "$work"; mkdir -p "$work"
# The list in use must not hide what the runs need: they run without it.
log_opt() { echo "-Xlog:class+load:file=$work/$1-%p.log -Dwahlwerk.preload=false"; }

echo "1/3 demo: crawl and crowd …"
WAHLWERK_DATA_DIR="$work/data" WAHLWERK_DEMO=true SERVER_PORT="$port" WAHLWERK_PUBLIC_PORT=$((port + 1)) \
  "$JAVA_HOME/bin/java" -XX:+UseG1GC $(log_opt demo) -jar "$app/wahlwerk-server.jar" > "$work/demo.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; pkill -f "$work/data/postgres" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do grep -q 'Wahlwerk läuft\|Wahlwerk is running' "$work/demo.log" && break; sleep 1; done
sleep 10 # the first pages rendered (ADR 0622)
for base in "http://127.0.0.1:$port" "http://127.0.0.1:$((port + 1))"; do
  wget -q -r -l 4 -np -nd -P "$work/crawl" --reject-regex '/logout|/abmelden' "$base/wahlen/" || true
  wget -q -r -l 2 -nd -P "$work/crawl" "$base/login" || true
done
cat > "$work/mix.lua" <<'LUA'
local paths = {"/login", "/css/wahlwerk.css", "/js/wahlwerk.js", "/wahlen/", "/wahlen/1/", "/anmelden/1",
  "/q/unbekannt", "/api/setup/days", "/setup/ungueltig", "/wahlen/1/nicht-da.html", "/api/reports"}
local i = 0
request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end
LUA
wrk -t2 -c100 -d10s -s "$work/mix.lua" "http://127.0.0.1:$port/" > "$work/wrk.txt" 2>&1 || true
kill "$pid"; wait "$pid" 2>/dev/null || true
sleep 3

echo "2/3 replay of Bremen, two nodes, node 1 killed at 40 % …"
WAHLWERK_REPLAY_HEAP=1g WAHLWERK_REPLAY_NODE_JVM="$(log_opt replay)" \
  ./wahlwerk replay --work "$work/replay" --states 04 --compress 400 --nodes 2 --kill-at 0.4 --clients 8 \
  > "$work/replay.txt" 2>&1 || { tail -20 "$work/replay.txt"; echo "the replay failed (above, $work/replay.txt)" >&2; exit 1; }
grep -q "REPLAY PASSED" "$work/replay.txt" || { tail -20 "$work/replay.txt"; exit 1; }

echo "3/3 writing $out …"
python3 - "$app" "$work" "$out" <<'PY'
import glob, os, re, sys, zipfile
app, work, out = sys.argv[1:]
names = set()
# Classes the runs loaded from the node's own jars (not the JDK's, not generated ones).
line = re.compile(r'\] (\S+) source: (?:jar:)?file:(\S+)')
for log in glob.glob(os.path.join(work, '*-*.log')):
    for l in open(log, encoding='utf-8', errors='replace'):
        m = line.search(l)
        if m and m.group(2).startswith(app):
            names.add(m.group(1))
runs = len(names)
# Whole jars whose classes are loaded one by one as templates and expressions need them.
whole = ['wahlwerk-server.jar', 'lib/wahlwerk-core-*.jar', 'lib/thymeleaf-[0-9]*.jar',
         'lib/thymeleaf-spring6-*.jar', 'lib/spring-expression-*.jar']
for pattern in whole:
    for jar in glob.glob(os.path.join(app, pattern)):
        for entry in zipfile.ZipFile(jar).namelist():
            if entry.endswith('.class') and not entry.startswith('META-INF/') \
                    and not entry.endswith(('module-info.class', 'package-info.class')):
                names.add(entry[:-6].replace('/', '.'))
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, 'w', encoding='utf-8') as f:
    f.write('# Classes a node loads before it opens its port (ADR 0016, ops.ClassPreload).\n')
    f.write('# Written by bench/tools/preload-classes.sh; do not edit by hand.\n')
    for n in sorted(names):
        f.write(n + '\n')
print(f'{len(names)} classes ({runs} from the runs, the rest whole jars) in {out}')
PY
