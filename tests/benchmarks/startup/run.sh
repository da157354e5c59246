#!/usr/bin/env bash
# Cold start and idle memory (issue 17 section 6): the Release host in local mode, with Azurite already up (it is not
# counted), started N times. For each start: milliseconds from launching the process to the first /readyz 200, and the
# working set (VmRSS) after it has sat idle for 10 s. Loopback only; bounded (60 s per start).
# Usage: tests/benchmarks/startup/run.sh [starts, default 5]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
starts="${1:-5}"
port=3122; tables=3124
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

(cd "$root" && npm ci --no-audit --no-fund >/dev/null)
dotnet build "$root/bot/CoachBot.Host" -c Release -v quiet -nologo >/dev/null
"$root/node_modules/.bin/azurite-table" --tableHost 127.0.0.1 --tablePort "$tables" --inMemoryPersistence --skipApiVersionCheck --silent &
pids+=($!)
for _ in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/$tables) 2>/dev/null && break; sleep 0.5; done

echo "Release host, local mode, Azurite already up, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
results=()
for n in $(seq 1 "$starts"); do
  began=$(date +%s%N)
  Urls="http://127.0.0.1:$port" \
    Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$tables/devstoreaccount1;" \
    Local__Enabled=true Local__AutostartAzurite=false Logging__LogLevel__Default=Warning Telemetry__Console=false \
    env ${BENCH_ENV:-} dotnet "$root/bot/CoachBot.Host/bin/Release/net10.0/CoachBot.Host.dll" >"$work/host-$n.log" 2>&1 &
  host=$!
  ready=""
  for _ in $(seq 1 3000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz" 2>/dev/null)" = "200" ]; then ready=$(date +%s%N); break; fi
    kill -0 "$host" 2>/dev/null || break
    sleep 0.02
  done
  [ -n "$ready" ] || { echo "start $n: /readyz never answered 200" >&2; cat "$work/host-$n.log" >&2; kill -TERM "$host"; exit 1; }
  sleep 10
  rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$host/status")
  kill -TERM "$host"; wait "$host" 2>/dev/null || true
  ms=$(( (ready - began) / 1000000 ))
  echo "start $n: ready in ${ms} ms; idle working set $((rss_kb / 1024)) MiB"
  results+=("$ms $rss_kb")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms_median=$(median $(printf '%s\n' "${results[@]}" | cut -d' ' -f1))
rss_median=$(median $(printf '%s\n' "${results[@]}" | cut -d' ' -f2))
echo "median: ready in ${ms_median} ms (target < 1500); idle working set $((rss_median / 1024)) MiB (target < 120)"
[ "$ms_median" -lt 1500 ] && [ $((rss_median / 1024)) -lt 120 ]
