#!/usr/bin/env bash
# Builds Release, starts the SupportBot host on a temporary database, runs the throughput scenario and the
# 10,000-conversation seed, prints the database size, the host's resident memory and the bytes per stored
# turn, measures the cold start, then stops the host. Everything runs on 127.0.0.1 and cleans up after
# itself (set BENCH_KEEP=1 to keep the temporary directory with the database, JSON results and host log).
#
# Environment overrides (defaults in brackets):
#   BENCH_PORT [5000]  BENCH_COLD_PORT [5099]  BENCH_CONVERSATIONS [50]  BENCH_DURATION [20]
#   BENCH_WARMUP [3]  BENCH_SEED_CONVERSATIONS [10000]  BENCH_KEEP [0]
#   BENCH_HOST_DLL [src/SupportBot/bin/Release/net10.0/supportbot.dll; when set, the host is not built]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

PORT="${BENCH_PORT:-5000}"
COLD_PORT="${BENCH_COLD_PORT:-5099}"
CONVERSATIONS="${BENCH_CONVERSATIONS:-50}"
DURATION="${BENCH_DURATION:-20}"
WARMUP="${BENCH_WARMUP:-3}"
SEED="${BENCH_SEED_CONVERSATIONS:-10000}"
KEEP="${BENCH_KEEP:-0}"
HOST_DLL="${BENCH_HOST_DLL:-$ROOT/src/SupportBot/bin/Release/net10.0/supportbot.dll}"
BENCH_DLL="$ROOT/tests/SupportBot.Benchmarks/bin/Release/net10.0/SupportBot.Benchmarks.dll"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/supportbot-bench.XXXXXX")"
DB="$WORK/bench.db"
HOST_PID=""

stop_host() {
  if [[ -n "$HOST_PID" ]] && kill -0 "$HOST_PID" 2>/dev/null; then
    kill -TERM "$HOST_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$HOST_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$HOST_PID" 2>/dev/null || true
  fi
  if [[ -n "$HOST_PID" ]]; then
    wait "$HOST_PID" 2>/dev/null || true
  fi
  HOST_PID=""
}

cleanup() {
  local status=$?
  stop_host
  if [[ $status -ne 0 && -s "$WORK/host.log" ]]; then
    echo "--- last lines of the host log ($WORK/host.log):" >&2
    tail -n 30 "$WORK/host.log" >&2 || true
  fi
  if [[ "$KEEP" == 1 || $status -ne 0 ]]; then
    echo "results kept in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The value of a numeric field in one of our JSON summaries (first occurrence).
json_number() { grep -o "\"$2\": *[0-9.eE+-]*" "$1" | head -n 1 | sed 's/.*: *//'; }

file_size() { if [[ -f "$1" ]]; then stat -c %s "$1"; else echo 0; fi; }

echo "== build (Release)"
if [[ -z "${BENCH_HOST_DLL:-}" ]]; then
  dotnet build -c Release -nologo -v q src/SupportBot/SupportBot.csproj
fi
dotnet build -c Release -nologo -v q tests/SupportBot.Benchmarks/SupportBot.Benchmarks.csproj

for p in "$PORT" "$COLD_PORT"; do
  if port_open "$p"; then
    echo "port $p on 127.0.0.1 is already in use; stop whatever listens there or set BENCH_PORT/BENCH_COLD_PORT" >&2
    exit 1
  fi
done

echo "== start host on http://127.0.0.1:$PORT (database $DB)"
dotnet "$HOST_DLL" --urls "http://127.0.0.1:$PORT" --Storage:Path "$DB" >"$WORK/host.log" 2>&1 &
HOST_PID=$!
for _ in $(seq 1 300); do
  if ! kill -0 "$HOST_PID" 2>/dev/null; then
    echo "the host exited during start-up" >&2
    exit 1
  fi
  port_open "$PORT" && break
  sleep 0.1
done
port_open "$PORT" || { echo "the host did not open port $PORT within 30 s" >&2; exit 1; }

bench() { dotnet "$BENCH_DLL" --bot "http://127.0.0.1:$PORT" "$@"; }

echo
echo "== throughput: $CONVERSATIONS conversations, ${WARMUP} s warm-up, ${DURATION} s measured"
bench --conversations "$CONVERSATIONS" --duration "$DURATION" --warmup "$WARMUP" --wait 30 \
  --json-out "$WORK/throughput.json"

echo
echo "== seed: $SEED conversations"
bench --conversations-only "$SEED" --json-out "$WORK/seed.json"

sleep 1 # let the host finish any background flush before measuring
DB_BYTES="$(file_size "$DB")"
LOG_BYTES="$(file_size "${DB%.db}-log.db")"
TOTAL_BYTES=$((DB_BYTES + LOG_BYTES))
RSS_KB="$(awk '/^VmRSS:/ { print $2 }' "/proc/$HOST_PID/status")"
HWM_KB="$(awk '/^VmHWM:/ { print $2 }' "/proc/$HOST_PID/status")"
THROUGHPUT_STORED="$(json_number "$WORK/throughput.json" turnsAcknowledged)"
SEED_STORED="$(json_number "$WORK/seed.json" turnsAcknowledged)"
TURNS_STORED=$((THROUGHPUT_STORED + SEED_STORED))
CONVERSATIONS_STORED=$((CONVERSATIONS + SEED + 2)) # + one probe conversation per run

echo
echo "== cold start (empty database, http://127.0.0.1:$COLD_PORT)"
bench_cold() {
  dotnet "$BENCH_DLL" --bot "http://127.0.0.1:$COLD_PORT" --json-out "$2" \
    --cold-start "dotnet '$HOST_DLL' --urls http://127.0.0.1:$COLD_PORT --Storage:Path '$1'"
}
bench_cold "$WORK/cold.db" "$WORK/cold.json"

echo
echo "== stop host"
stop_host

echo
echo "== cold start (the database with $CONVERSATIONS_STORED conversations)"
bench_cold "$DB" "$WORK/cold-populated.json"

echo
echo "== summary"
printf '%-28s %s turns/s; first reply p50 %s ms, p95 %s ms, p99 %s ms; HTTP errors %s, timeouts %s\n' \
  "throughput" \
  "$(json_number "$WORK/throughput.json" turnsPerSecond)" \
  "$(json_number "$WORK/throughput.json" p50)" \
  "$(json_number "$WORK/throughput.json" p95)" \
  "$(json_number "$WORK/throughput.json" p99)" \
  "$(json_number "$WORK/throughput.json" httpErrors)" \
  "$(json_number "$WORK/throughput.json" timeouts)"
printf '%-28s %s conversations in %s ms\n' "seed" \
  "$(json_number "$WORK/seed.json" conversationsSeeded)" "$(json_number "$WORK/seed.json" elapsedMs)"
printf '%-28s %s bytes (%s: %s, log file: %s)\n' "database size" "$TOTAL_BYTES" "$(basename "$DB")" "$DB_BYTES" "$LOG_BYTES"
printf '%-28s %s kB (peak %s kB)\n' "host resident memory" "$RSS_KB" "$HWM_KB"
printf '%-28s %s turns in %s conversations\n' "stored" "$TURNS_STORED" "$CONVERSATIONS_STORED"
awk -v b="$TOTAL_BYTES" -v t="$TURNS_STORED" -v c="$CONVERSATIONS_STORED" 'BEGIN {
  printf "%-28s %.1f\n", "bytes per turn", (t > 0 ? b / t : 0)
  printf "%-28s %.1f\n", "bytes per conversation", (c > 0 ? b / c : 0)
}'
printf '%-28s %s ms from process start to first reply\n' "cold start (empty db)" "$(json_number "$WORK/cold.json" firstReplyMs)"
printf '%-28s %s ms from process start to first reply\n' "cold start (populated db)" "$(json_number "$WORK/cold-populated.json" firstReplyMs)"
