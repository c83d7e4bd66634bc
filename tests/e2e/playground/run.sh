#!/usr/bin/env bash
# End-to-end check of SupportBot through the Microsoft 365 Agents Playground, offline.
#
# Builds SupportBot (Release), installs the pinned playground with `npm ci`, then, in a loopback-only
# network namespace (the playground probes Azure at start; nothing may leave the machine), starts
# SupportBot on 127.0.0.1:3978 with a throw-away database and the playground on port 56150, and runs
# drive.mjs against them. Both processes are always stopped. The exit code is the driver's.
#
# Usage (as root, for unshare): tests/e2e/playground/run.sh [--choices=text|submit]
# Environment: PLAYGROUND_E2E_TIMEOUT (seconds for the namespaced part, default 300),
#              PLAYGROUND_E2E_SKIP_BUILD=1 (use the existing Release build and node_modules),
#              PLAYGROUND_E2E_KEEP=1 (keep the temp folder with the logs and database).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
BOT_DLL="$ROOT/src/SupportBot/bin/Release/net10.0/supportbot.dll"
BOT_URL=http://127.0.0.1:3978
PLAYGROUND_PORT=56150

if [[ "${1:-}" != "--in-netns" ]]; then
    for tool in dotnet node npm unshare ip timeout setsid; do
        command -v "$tool" >/dev/null || { echo "run.sh: '$tool' is needed but not installed" >&2; exit 2; }
    done
    if [[ $(id -u) -ne 0 ]]; then
        echo "run.sh: must run as root (unshare -n makes the loopback-only network namespace)" >&2
        exit 2
    fi

    if [[ "${PLAYGROUND_E2E_SKIP_BUILD:-}" != 1 ]]; then
        echo "== building SupportBot (Release)"
        timeout 600 dotnet build "$ROOT/src/SupportBot/SupportBot.csproj" -c Release -nologo -v q
        echo "== installing the playground (npm ci)"
        (cd "$HERE" && timeout 300 npm ci --no-audit --no-fund --loglevel=error)
    fi
    [[ -f "$BOT_DLL" ]] || { echo "run.sh: $BOT_DLL is missing; build first" >&2; exit 2; }
    [[ -x "$HERE/node_modules/.bin/agentsplayground" ]] || { echo "run.sh: node_modules missing; run npm ci in $HERE" >&2; exit 2; }

    echo "== running in a loopback-only network namespace (limit ${PLAYGROUND_E2E_TIMEOUT:-300} s)"
    set +e
    timeout --kill-after=15 "${PLAYGROUND_E2E_TIMEOUT:-300}" \
        unshare -n sh -c 'ip link set lo up && exec bash "$0" --in-netns "$@"' "${BASH_SOURCE[0]}" "$@"
    rc=$?
    set -e
    [[ $rc -eq 124 ]] && echo "run.sh: FAIL: timed out after ${PLAYGROUND_E2E_TIMEOUT:-300} s" >&2
    exit $rc
fi
shift # --in-netns

WORK=$(mktemp -d "${TMPDIR:-/tmp}/supportbot-playground.XXXXXX")
BOT_PID=
PLAYGROUND_PID=
RC=1

# Each process leads its own process group (setsid), so the group goes down whole: npx and the
# playground's node, dotnet and the host.
stop() {
    local pid=$1 name=$2
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.2
    done
    echo "run.sh: $name (pid $pid) did not stop on TERM; killing it" >&2
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    stop "$PLAYGROUND_PID" playground
    stop "$BOT_PID" SupportBot
    wait 2>/dev/null || true
    if [[ $RC -ne 0 ]]; then
        for f in supportbot.log playground.log; do
            [[ -s "$WORK/$f" ]] || continue
            echo "---- last lines of $f ----" >&2
            tail -n 40 "$WORK/$f" | cut -c1-400 >&2
        done
        if [[ -s "$WORK/playground-file.log" ]]; then
            # The playground's own log: one JSON entry per activity it exchanged with the bot.
            echo "---- activities in playground-file.log (last 30) ----" >&2
            node -e '
                const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n");
                const out = [];
                for (const line of lines) {
                    const at = line.indexOf("{\"logAction\"");
                    if (at < 0) { if (/^(log|warn|error)/.test(line)) out.push(line.slice(0, 300)); continue; }
                    try {
                        const e = JSON.parse(line.slice(at)).log ?? {};
                        if (!e.request) { out.push("  " + (e.displayText ?? "").slice(0, 200)); continue; }
                        const b = e.request.body ?? {};
                        const what = b.text ?? (b.value ? "value " + JSON.stringify(b.value) : (b.attachments ?? []).map(a => a.contentType).join(","));
                        const who = (s) => s === "User Application" ? "SupportBot" : s === "Microsoft 365 Agents Playground" ? "playground" : s;
                        out.push(`  ${e.activityName} ${who(e.from)} -> ${who(e.to)}: ${e.response?.statusCode ?? "?"} ${String(what ?? "").replace(/\s+/g, " ").slice(0, 160)}`);
                    } catch { out.push(line.slice(0, 300)); }
                }
                console.log(out.slice(-30).join("\n"));
            ' "$WORK/playground-file.log" >&2 || true
        fi
    fi
    if [[ $RC -ne 0 || "${PLAYGROUND_E2E_KEEP:-}" == 1 ]]; then
        echo "run.sh: logs and database kept in $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# Waits (bounded) until $1 answers with a success status, while process $2 is still alive.
wait_http() {
    local url=$1 pid=$2 name=$3 seconds=$4
    local deadline=$((SECONDS + seconds))
    while ((SECONDS < deadline)); do
        kill -0 "$pid" 2>/dev/null || { echo "run.sh: FAIL: $name exited before it was ready" >&2; return 1; }
        if node -e 'fetch(process.argv[1], {signal: AbortSignal.timeout(2000)}).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$url"; then
            return 0
        fi
        sleep 0.5
    done
    echo "run.sh: FAIL: $name did not answer $url within $seconds s" >&2
    return 1
}

echo "== starting SupportBot at $BOT_URL (database $WORK/supportbot.db)"
cd "$ROOT"
setsid dotnet "$BOT_DLL" --urls "$BOT_URL" --Storage:Path "$WORK/supportbot.db" >"$WORK/supportbot.log" 2>&1 &
BOT_PID=$!
wait_http "$BOT_URL/readyz" "$BOT_PID" SupportBot 60

echo "== starting the Agents Playground on port $PLAYGROUND_PORT"
cd "$HERE"
TEAMSAPPTESTER_BROWSER=none \
    TEAMSAPPTESTER_PORT=$PLAYGROUND_PORT \
    M365_AGENTS_PLAYGROUND_LOGFILE="$WORK/playground-file.log" \
    NO_UPDATE_NOTIFIER=1 npm_config_update_notifier=false \
    setsid npx --no-install agentsplayground \
        -e "$BOT_URL/api/messages" -p "$PLAYGROUND_PORT" --disable-telemetry \
        >"$WORK/playground.log" 2>&1 &
PLAYGROUND_PID=$!

echo "== driving the conversation"
set +e
PLAYGROUND_URL="http://127.0.0.1:$PLAYGROUND_PORT" node "$HERE/drive.mjs" "$@"
RC=$?
set -e
if ! kill -0 "$PLAYGROUND_PID" 2>/dev/null; then
    echo "run.sh: note: the playground had already exited" >&2
fi
exit $RC
