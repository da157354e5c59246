#!/usr/bin/env bash
# Slash-command ack benchmark: CoachBot's /slack/commands against a minimal @slack/bolt 5.1.0 app and against bare
# Kestrel (the machine's limit: it reads the same signed request and writes back the very bytes CoachBot answered it
# with, captured once, doing no verification and no work), all answering the same signed "/coach help" under
# `wrk -t2 -c32`. Loopback only; bounded in time.
# Usage: tests/benchmarks/slack-ack/run.sh [seconds per run, default 30]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
duration="${1:-30}"
secret="bench-signing-secret-$(date +%s)"
token="xoxb-bench-token"
ours=3102; bolt=3101; api=3103; tables=3104; bare=3105
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: install it with 'sudo apt-get install wrk'" >&2; exit 2; }
(cd "$root" && npm ci --no-audit --no-fund >/dev/null)
(cd "$here" && npm ci --no-audit --no-fund >/dev/null)
dotnet build "$root/bot/CoachBot.Host" -c Release -v quiet -nologo >/dev/null
dotnet build "$here/../bare-kestrel/CoachBot.Benchmarks.BareKestrel.csproj" -c Release -v quiet -nologo >/dev/null

"$root/node_modules/.bin/azurite-table" --tableHost 127.0.0.1 --tablePort "$tables" --inMemoryPersistence --skipApiVersionCheck --silent &
pids+=($!)
PORT="$api" node "$here/fake-slack-api.js" >/dev/null &
pids+=($!)
PORT="$bolt" SLACK_SIGNING_SECRET="$secret" SLACK_BOT_TOKEN="$token" node "$here/bolt-app.js" >/dev/null &
pids+=($!)
Urls="http://127.0.0.1:$ours" \
  Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$tables/devstoreaccount1;" \
  Local__Enabled=false Slack__SigningSecret="$secret" Slack__BotToken="$token" Slack__ApiBaseUrl="http://127.0.0.1:$api/api/" \
  Logging__LogLevel__Default=Warning Telemetry__Console=false \
  env ${BENCH_ENV:-} dotnet "$root/bot/CoachBot.Host/bin/Release/net10.0/CoachBot.Host.dll" >"$work/host.log" 2>&1 &
pids+=($!)

wait_for() { for _ in $(seq 1 120); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "$1 did not come up" >&2; exit 1; }
wait_for "http://127.0.0.1:$ours/readyz"
wait_for "http://127.0.0.1:$bolt/"

body="token=bench&team_id=T0BENCH&team_domain=bench&channel_id=C0BENCH&channel_name=general&user_id=U0BENCH&user_name=bench&command=%2Fcoach&text=help&api_app_id=A0BENCH&is_enterprise_install=false&response_url=http%3A%2F%2F127.0.0.1%3A$api%2Fresponse&trigger_id=1.2.3"
ts="$(date +%s)"
signature="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.*= //')"
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = "$body"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = "$ts"
wrk.headers["X-Slack-Signature"] = "$signature"
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
LUA

check() {
  local answer
  answer="$(curl -s -X POST "$1" -H "Content-Type: application/x-www-form-urlencoded" -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $signature" --data "$body")"
  echo "$answer" | grep -q '"ephemeral"' || { echo "$2 did not answer the signed /coach help: $answer" >&2; exit 1; }
}
check "http://127.0.0.1:$ours/slack/commands" CoachBot
check "http://127.0.0.1:$bolt/slack/events" Bolt

# The bare endpoint answers with CoachBot's own bytes for this request.
curl -s -o "$work/answer.json" -X POST "http://127.0.0.1:$ours/slack/commands" -H "Content-Type: application/x-www-form-urlencoded" \
  -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $signature" --data "$body"
dotnet "$here/../bare-kestrel/bin/Release/net10.0/CoachBot.Benchmarks.BareKestrel.dll" "$bare" "$work/answer.json" "application/json; charset=utf-8" >/dev/null 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$bare/"
cmp -s "$work/answer.json" <(curl -s -X POST "http://127.0.0.1:$bare/slack/commands" --data "$body") || { echo "bare Kestrel did not answer CoachBot's bytes" >&2; exit 1; }
echo "answer: $(wc -c <"$work/answer.json") bytes"

run() { wrk -t2 -c32 -d"${duration}s" --latency -s "$work/post.lua" "$1" | grep '^RESULT' | sed "s/^RESULT/$2/"; }
run "http://127.0.0.1:$ours/slack/commands" warmup-coachbot >/dev/null
run "http://127.0.0.1:$bolt/slack/events" warmup-bolt >/dev/null
run "http://127.0.0.1:$bare/slack/commands" warmup-bare >/dev/null
echo "wrk -t2 -c32 -d${duration}s, signed /coach help, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
ours_line="$(run "http://127.0.0.1:$ours/slack/commands" coachbot)"
bolt_line="$(run "http://127.0.0.1:$bolt/slack/events" bolt)"
bare_line="$(run "http://127.0.0.1:$bare/slack/commands" bare-kestrel)"
echo "$ours_line"
echo "$bolt_line"
echo "$bare_line"
field() { echo "$1" | sed -n "s/.*$2=\([0-9.]*\).*/\1/p"; }
awk -v ro="$(field "$ours_line" rps)" -v rb="$(field "$bolt_line" rps)" -v rk="$(field "$bare_line" rps)" \
    -v po="$(field "$ours_line" p99_ms)" -v pb="$(field "$bolt_line" p99_ms)" -v pk="$(field "$bare_line" p99_ms)" 'BEGIN {
  printf "vs Bolt: throughput %.2fx (target >= 2x); p99 %.2fx (target <= 0.3x)\n", ro / rb, po / pb
  printf "vs bare Kestrel: throughput %.0f%% (target >= 50%%); p99 %.1fx (target <= 5x)\n", 100 * ro / rk, po / pk
  exit !(ro >= 2 * rb && po <= 0.3 * pb && ro >= 0.5 * rk && po <= 5 * pk)
}'
