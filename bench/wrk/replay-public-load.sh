#!/usr/bin/env bash
# Does public load slow down entry? The same reduced replay twice (same seed, fresh node each time),
# the second time with wrk hammering the federal results JSON of the node for the whole night.
# Usage: bench/wrk/replay-public-load.sh [STATES] [CONNECTIONS]   e.g. 04,10 32
set -euo pipefail
cd "$(dirname "$0")/../.."
states="${1:-04,10}"
connections="${2:-32}"
mkdir -p target
./wahlwerk replay --states "$states" --seed 11 --compress 300 --clients 8 | tee target/replay-quiet.txt
./wahlwerk replay --states "$states" --seed 11 --compress 300 --clients 8 --wrk "$connections" | tee target/replay-loaded.txt
echo "--- without public load"; grep -E "Submission latency|Approval latency|Confirmed →" target/replay-quiet.txt
echo "--- with wrk -c$connections on the public JSON"; grep -E "Submission latency|Approval latency|Confirmed →|Requests/sec" target/replay-loaded.txt
