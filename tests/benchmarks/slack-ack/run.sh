#!/usr/bin/env bash
# Slash-command ack benchmark: CoachBot's /slack/commands against a minimal @slack/bolt 5.1.0 app and against bare
# Kestrel (the machine's limit: it reads the same signed request and writes back the very bytes CoachBot answered it
# with, captured once, doing no verification and no work), all answering the same signed "/coach help" under
# `wrk -t2 -c32`. Loopback only; bounded in time.
# Usage: tests/benchmarks/slack-ack/run.sh [seconds per run, default 30] [warm | fresh]
#   warm (default): Azurite in memory, a warm-up run of each side as long as the measured run, then one run each.
#   fresh: as an operator starts it - Azurite on disk, a 3 s warm-up, then three rounds of CoachBot, Bolt and bare
#          Kestrel one after the other (the issue 17 "short runs right after start"); medians decide.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
duration="${1:-30}"
mode="${2:-warm}"
case "$mode" in warm) rounds=1; warmup="$duration" ;; fresh) rounds=3; warmup=3 ;; *) echo "mode must be warm or fresh" >&2; exit 2 ;; esac
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

if [ "$mode" = fresh ]; then persistence=(--location "$work/azurite"); else persistence=(--inMemoryPersistence); fi
"$root/node_modules/.bin/azurite-table" --tableHost 127.0.0.1 --tablePort "$tables" "${persistence[@]}" --skipApiVersionCheck --silent &
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

# Every request is a fresh command with its own trigger_id, as from Slack: CoachBot records each trigger id once
# (a repeat is a replay and gets an empty ack), so one fixed request would measure the replay path. Each run gets its
# own freshly signed list (the timestamp must stay within Slack's 5 minutes); wrk's threads take alternate lines.
body_for() { echo "token=bench&team_id=T0BENCH&team_domain=bench&channel_id=C0BENCH&channel_name=general&user_id=U0BENCH&user_name=bench&command=%2Fcoach&text=help&api_app_id=A0BENCH&is_enterprise_install=false&response_url=http%3A%2F%2F127.0.0.1%3A$api%2Fresponse&trigger_id=$1"; }
sign_all() { # count, file: lines of "<timestamp> <signature> <body>"
  SECRET="$secret" BODY="$(body_for TRIGGER)" node -e '
    const crypto = require("crypto"); const fs = require("fs");
    const [count, file] = process.argv.slice(1); const ts = Math.floor(Date.now() / 1000).toString();
    const run = crypto.randomBytes(4).toString("hex"); const out = [];
    for (let i = 0; i < Number(count); i++) {
      const body = process.env.BODY.replace("TRIGGER", `${run}.${i}.bench`);
      const sig = "v0=" + crypto.createHmac("sha256", process.env.SECRET).update(`v0:${ts}:${body}`).digest("hex");
      out.push(`${ts} ${sig} ${body}`);
    }
    fs.writeFileSync(file, out.join("\n") + "\n");' "$1" "$2"
}
cat >"$work/post.lua" <<'LUA'
local next_id = 0
function setup(thread) thread:set("id", next_id); next_id = next_id + 1 end
function init(args)
  lines, total, pos = {}, 0, 0
  local i = 0
  for line in io.lines(args[1]) do
    if i % 2 == id then total = total + 1; lines[total] = line end
    i = i + 1
  end
end
function request()
  pos = pos % total + 1
  local line = lines[pos]
  local a = line:find(" ", 1, true); local b = line:find(" ", a + 1, true)
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Slack-Request-Timestamp"] = line:sub(1, a - 1),
    ["X-Slack-Signature"] = line:sub(a + 1, b - 1),
  }, line:sub(b + 1))
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status,
    summary.requests))
end
LUA

sign_all 3 "$work/checks.txt"
signed_post() { # url, line number of checks.txt
  local ts signature body
  read -r ts signature body < <(sed -n "$2p" "$work/checks.txt")
  curl -s -X POST "$1" -H "Content-Type: application/x-www-form-urlencoded" -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $signature" --data "$body"
}
check() {
  local answer
  answer="$(signed_post "$1" "$3")"
  echo "$answer" | grep -q '"ephemeral"' || { echo "$2 did not answer the signed /coach help: $answer" >&2; exit 1; }
}
check "http://127.0.0.1:$ours/slack/commands" CoachBot 1
check "http://127.0.0.1:$bolt/slack/events" Bolt 2

# The bare endpoint answers with CoachBot's own bytes for this request.
signed_post "http://127.0.0.1:$ours/slack/commands" 3 >"$work/answer.json"
grep -q '"ephemeral"' "$work/answer.json" || { echo "CoachBot's captured answer is not the help message: $(head -c 200 "$work/answer.json")" >&2; exit 1; }
dotnet "$here/../bare-kestrel/bin/Release/net10.0/CoachBot.Benchmarks.BareKestrel.dll" "$bare" "$work/answer.json" "application/json; charset=utf-8" >/dev/null 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$bare/"
cmp -s "$work/answer.json" <(curl -s -X POST "http://127.0.0.1:$bare/slack/commands" --data "$(body_for bare-check)") || { echo "bare Kestrel did not answer CoachBot's bytes" >&2; exit 1; }
echo "answer: $(wc -c <"$work/answer.json") bytes"

# One list per run, enough for 15,000 requests/s; CoachBot repeats a trigger id only beyond that (flagged below).
list_size() { local n=$(( $1 * 15000 )); [ "$n" -gt 600000 ] && n=600000; echo "$n"; }
run() {
  sign_all "$(list_size "$3")" "$work/bodies.txt"
  wrk -t2 -c32 -d"$3s" --latency -s "$work/post.lua" "$1" -- "$work/bodies.txt" | grep '^RESULT' | sed "s/^RESULT/$2/"
}
run "http://127.0.0.1:$ours/slack/commands" warmup-coachbot "$warmup" >/dev/null
run "http://127.0.0.1:$bolt/slack/events" warmup-bolt "$warmup" >/dev/null
run "http://127.0.0.1:$bare/slack/commands" warmup-bare "$warmup" >/dev/null
echo "wrk -t2 -c32 -d${duration}s, signed /coach help, mode $mode, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
lines=()
for round in $(seq 1 "$rounds"); do
  lines+=("$(run "http://127.0.0.1:$ours/slack/commands" "coachbot round=$round" "$duration")")
  lines+=("$(run "http://127.0.0.1:$bolt/slack/events" "bolt round=$round" "$duration")")
  lines+=("$(run "http://127.0.0.1:$bare/slack/commands" "bare-kestrel round=$round" "$duration")")
done
printf '%s\n' "${lines[@]}"
for line in "${lines[@]}"; do
  case "$line" in coachbot*) n="$(echo "$line" | sed -n 's/.*requests=\([0-9]*\).*/\1/p')"
    [ "$n" -le "$(list_size "$duration")" ] || echo "note: $line sent more requests than unique trigger ids; the rest were replays" ;; esac
done
median() { printf '%s\n' "${lines[@]}" | grep "^$1 " | sed -n "s/.*$2=\([0-9.]*\).*/\1/p" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
awk -v ro="$(median coachbot rps)" -v rb="$(median bolt rps)" -v rk="$(median bare-kestrel rps)" \
    -v po="$(median coachbot p99_ms)" -v pb="$(median bolt p99_ms)" -v pk="$(median bare-kestrel p99_ms)" -v n="$rounds" 'BEGIN {
  printf "median of %d: CoachBot %.0f req/s p99 %.2f ms; Bolt %.0f req/s p99 %.2f ms; bare Kestrel %.0f req/s p99 %.2f ms\n", n, ro, po, rb, pb, rk, pk
  printf "vs Bolt: throughput %.2fx (target >= 2x); p99 %.2fx (target <= 0.3x)\n", ro / rb, po / pb
  printf "vs bare Kestrel: throughput %.0f%% (target >= 50%%); p99 %.1fx (target <= 5x)\n", 100 * ro / rk, po / pk
  exit !(ro >= 2 * rb && po <= 0.3 * pb && ro >= 0.5 * rk && po <= 5 * pk)
}'
