#!/usr/bin/env bash
# Mixed load (issue 17 section 5): 500 people onboarded (not measured), then a weighted mix of `today`, `done <note>`,
# `progress` (and its chart image for 1 in 4), `1on1 agenda` and the Done button of today's step, for a fixed time,
# 32 requests in flight, first through the Slack endpoints (signed as Slack signs them) and then through the
# anonymous local Teams endpoint. Storage is Azurite in memory behind a counting proxy, so storage calls per command
# can be reported. Loopback only; bounded in time (setup, the mix, then 40 requests per verb one at a time).
# Every Slack request is signed when it is sent, so the 5-minute timestamp window never runs out.
# Usage: tests/benchmarks/mixed-load/run.sh [seconds of mix per channel, default 30, at most 600]
# USERS (500), CONCURRENCY (32), CHART_EVERY (4), PROBE (40) and WORKSPACES (25) may be set in the environment.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
duration="${1:-30}"
[[ "$duration" =~ ^[0-9]+$ ]] && [ "$duration" -ge 1 ] && [ "$duration" -le 600 ] \
  || { echo "seconds must be a whole number from 1 to 600" >&2; exit 2; }
secret="mixed-signing-secret-$(date +%s)"
slack=3122; api=3123; proxy=3124; tables=3125; teams=3126; connector=3127
work="$(mktemp -d)"
pids=()
host_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill -TERM "$host_pid" 2>/dev/null || true
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$root" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
dotnet build "$root/bot/CoachBot.Host" -c Release -v quiet -nologo >/dev/null

# Azurite keeps everything in memory: the numbers leave out disk, which a real Table Storage account does not have either.
"$root/node_modules/.bin/azurite-table" --tableHost 127.0.0.1 --tablePort "$tables" --inMemoryPersistence --skipApiVersionCheck --silent &
pids+=($!)
PORT="$proxy" UPSTREAM_PORT="$tables" node "$here/storage-proxy.js" >/dev/null &
pids+=($!)
PORT="$api" node "$here/fake-slack.js" >/dev/null &
pids+=($!)
PORT="$connector" node "$here/fake-connector.js" >/dev/null &
pids+=($!)
storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$proxy/devstoreaccount1;"

wait_for() { for _ in $(seq 1 120); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "$1 did not come up" >&2; cat "$work/host.log" >&2 2>/dev/null; exit 1; }
wait_for "http://127.0.0.1:$proxy/__proxy/stats"
wait_for "http://127.0.0.1:$api/__stats"
wait_for "http://127.0.0.1:$connector/__stats"

start_host() { # port, then extra settings
  local port="$1"; shift
  Urls="http://127.0.0.1:$port" Storage__ConnectionString="$storage" Charts__PublicBaseUrl="http://127.0.0.1:$port" \
    Logging__LogLevel__Default=Warning Telemetry__Console=false \
    env "$@" ${BENCH_ENV:-} dotnet "$root/bot/CoachBot.Host/bin/Release/net10.0/CoachBot.Host.dll" >"$work/host.log" 2>&1 &
  host_pid=$!
  wait_for "http://127.0.0.1:$port/readyz"
}
stop_host() { kill -TERM "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; host_pid=""; }

status=0
start_host "$slack" Local__Enabled=false Slack__SigningSecret="$secret" Slack__BotToken="xoxb-mixed-load" Slack__ApiBaseUrl="http://127.0.0.1:$api/api/"
CHANNEL=slack HOST_URL="http://127.0.0.1:$slack" HOST_PID="$host_pid" PROXY_URL="http://127.0.0.1:$proxy" DURATION="$duration" \
  SLACK_API_URL="http://127.0.0.1:$api" SLACK_SECRET="$secret" node "$here/load.js" >"$work/slack.md" || status=1
# The host's warnings, counted by category; MIXED_LOG_DIR keeps the whole logs.
show_log() {
  grep -iE '^(warn|fail|crit)' "$work/host.log" | sort | uniq -c | sort -rn | head -5 >&2 || true
  [ -z "${MIXED_LOG_DIR:-}" ] || cp "$work/host.log" "$MIXED_LOG_DIR/host-$1.log"
}
show_log slack
stop_host

# Local mode: no Teams app id, so /api/messages is anonymous and loopback-only, as in the teams-activity benchmark.
start_host "$teams" ASPNETCORE_ENVIRONMENT=Production Local__Enabled=true Local__AutostartAzurite=false
CHANNEL=teams HOST_URL="http://127.0.0.1:$teams" HOST_PID="$host_pid" PROXY_URL="http://127.0.0.1:$proxy" DURATION="$duration" \
  CONNECTOR_URL="http://127.0.0.1:$connector" node "$here/load.js" >"$work/teams.md" || status=1
show_log teams
stop_host

echo
cat "$work/slack.md"
echo
cat "$work/teams.md"
exit $status
