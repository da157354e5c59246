#!/usr/bin/env bash
# Teams activity benchmark (issue 17 section 3): the same Teams message activity, each with a fresh activity id, sent
# to CoachBot's anonymous local /api/messages and to a minimal botbuilder 4.23.3 bot under `wrk -t2 -c32`. Both post
# their reply to one loopback connector stub, which counts the replies. Loopback only; bounded in time.
# Usage: tests/benchmarks/teams-activity/run.sh [seconds per run, default 30] [pairs, default 1]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
duration="${1:-30}"
pairs="${2:-1}"
ours=3112; bb=3111; connector=3113; tables=3114
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: install it with 'sudo apt-get install wrk'" >&2; exit 2; }
(cd "$root" && npm ci --no-audit --no-fund >/dev/null)
(cd "$here" && npm ci --no-audit --no-fund >/dev/null)
dotnet build "$root/bot/CoachBot.Host" -c Release -v quiet -nologo >/dev/null

"$root/node_modules/.bin/azurite-table" --tableHost 127.0.0.1 --tablePort "$tables" --inMemoryPersistence --skipApiVersionCheck --silent &
pids+=($!)
PORT="$connector" node "$here/fake-connector.js" >/dev/null &
pids+=($!)
PORT="$bb" node "$here/botbuilder-bot.js" >"$work/bb.log" 2>&1 &
pids+=($!)
# Local mode: no Teams app id, so /api/messages is anonymous and loopback-only, as the issue's measurement had it.
Urls="http://127.0.0.1:$ours" ASPNETCORE_ENVIRONMENT=Production \
  Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$tables/devstoreaccount1;" \
  Local__Enabled=true Local__AutostartAzurite=false Logging__LogLevel__Default=Warning Telemetry__Console=false \
  env ${BENCH_ENV:-} dotnet "$root/bot/CoachBot.Host/bin/Release/net10.0/CoachBot.Host.dll" >"$work/host.log" 2>&1 &
pids+=($!)

wait_for() { for _ in $(seq 1 120); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "$1 did not come up" >&2; cat "$work/host.log" >&2; exit 1; }
wait_for "http://127.0.0.1:$ours/readyz"
wait_for "http://127.0.0.1:$bb/"

# One activity template; wrk gives every request its own id (a tag of the run, the thread number and a counter), so
# neither bot treats a request as a redelivery. The tag matters: without it every run repeated the ids of the run
# before (the counter restarts and Lua's random numbers start from the same seed), and CoachBot, which records
# activity ids, rightly answered the repeats with no reply.
cat >"$work/post.lua" <<LUA
-- 500 people, each in their own personal conversation: Teams throttles a bot per conversation, and CoachBot keeps to
-- that limit, so one shared conversation would measure the throttle rather than the bot.
local template = [[{"type":"message","id":"ID","timestamp":"2026-12-06T09:00:00.000Z","serviceUrl":"http://127.0.0.1:$connector/","channelId":"msteams","from":{"id":"29:bench-user-USER","name":"Bench","aadObjectId":"00000000-0000-4000-8000-0000000USER"},"recipient":{"id":"28:coachbot-bench","name":"CoachBot"},"conversation":{"id":"a:bench-personal-USER","conversationType":"personal","tenantId":"00000000-0000-4000-8000-0000000bench"},"text":"help","textFormat":"plain","locale":"en-US"}]]
local counter = 0
-- thread_id is a global that setup() gives each thread; a local of the same name here would hide it, and both
-- threads would send the same ids (half of them then count as redeliveries).
local threads = {}
local run_tag = "0"
setup = function(thread) thread:set("thread_id", #threads + 1); table.insert(threads, thread) end
init = function(args) run_tag = args[1] or "0" end
request = function()
  counter = counter + 1
  local user = string.format("%05d", (counter * 2 + thread_id) % 500)
  local body = string.gsub(template, "USER", user)
  body = string.gsub(body, '"id":"ID"', '"id":"bench-' .. run_tag .. '-' .. thread_id .. '-' .. counter .. '"', 1)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status, summary.requests))
end
LUA

replies() { curl -s "http://127.0.0.1:$connector/count" | sed -n 's/.*"replies":\([0-9]*\).*/\1/p'; }
# Waits (at most 60 s) until the connector's count stops moving: replies a bot posts after its 200 still arrive.
settle() { local last=-1 now; for _ in $(seq 1 60); do now="$(replies)"; [ "$now" = "$last" ] && break; last="$now"; sleep 1; done; }
check() {
  local before after
  before="$(replies)"
  curl -s -o /dev/null -w '%{http_code}' -X POST "$1" -H "Content-Type: application/json" \
    --data "{\"type\":\"message\",\"id\":\"check-$2-$RANDOM\",\"serviceUrl\":\"http://127.0.0.1:$connector/\",\"channelId\":\"msteams\",\"from\":{\"id\":\"29:bench-user\",\"aadObjectId\":\"00000000-0000-4000-8000-00000000be00\"},\"recipient\":{\"id\":\"28:coachbot-bench\"},\"conversation\":{\"id\":\"a:bench-personal\",\"conversationType\":\"personal\",\"tenantId\":\"00000000-0000-4000-8000-0000000bench\"},\"text\":\"help\"}" \
    | grep -q '^20[01]$' || { echo "$2 did not accept the activity" >&2; exit 1; }
  for _ in $(seq 1 40); do after="$(replies)"; [ "$after" -gt "$before" ] && return 0; sleep 0.25; done
  echo "$2 did not post a reply to the connector" >&2; exit 1
}
check "http://127.0.0.1:$ours/api/messages" CoachBot
check "http://127.0.0.1:$bb/api/messages" botbuilder

run() { wrk -t2 -c32 -d"${duration}s" --latency -s "$work/post.lua" "$1" -- "$(date +%s%N)" | grep '^RESULT' | sed "s/^RESULT/$2/"; }
run "http://127.0.0.1:$ours/api/messages" warmup-coachbot >/dev/null
run "http://127.0.0.1:$bb/api/messages" warmup-botbuilder >/dev/null
settle
echo "wrk -t2 -c32 -d${duration}s, Teams message activity 'help', fresh id per request, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
field() { echo "$1" | sed -n "s/.*$2=\([0-9.]*\).*/\1/p"; }
status=0
for pair in $(seq 1 "$pairs"); do
  before="$(replies)"
  ours_line="$(run "http://127.0.0.1:$ours/api/messages" "coachbot[$pair]")"
  settle
  middle="$(replies)"
  bb_line="$(run "http://127.0.0.1:$bb/api/messages" "botbuilder[$pair]")"
  settle
  after="$(replies)"
  echo "$ours_line replies=$((middle - before))"
  echo "$bb_line replies=$((after - middle))"
  # Every request must have been answered (the check's own activities aside): a reply short means a bot lost a turn.
  for side in "$ours_line $((middle - before))" "$bb_line $((after - middle))"; do
    sent="$(field "${side% *}" requests)"; got="${side##* }"
    [ "$got" -ge "$sent" ] || { echo "missing replies: ${side%% *} answered $got of $sent requests" >&2; status=1; }
  done
  awk -v ro="$(field "$ours_line" rps)" -v rb="$(field "$bb_line" rps)" -v po="$(field "$ours_line" p99_ms)" -v pb="$(field "$bb_line" p99_ms)" 'BEGIN {
    printf "throughput: %.2fx botbuilder (target >= 5x); p99: %.2fx botbuilder (target <= 0.2x)\n", ro / rb, po / pb
    exit !(ro >= 5 * rb && po <= 0.2 * pb)
  }' || status=1
done
exit $status
