#!/usr/bin/env bash
# Scheduler dispatcher benchmark (issue 7): the real DueIndexDispatcher against an in-memory Azurite it starts itself
# (free loopback port), delivering to an in-process counting sender for the local channel. Two scenarios: 10,000
# registered / 10,000 due (time, nudges/s, storage calls per nudge, sink check) and 100,000 registered / 10,000 due
# (the dispatcher process's memory idle and while dispatching). Loopback only; bounded (75 min, 25 min per
# dispatcher process). Exits non-zero when a nudge is missing, duplicated or unexpected.
# Usage: tests/benchmarks/scheduler-dispatch/run.sh [--due N] [--registered N] [--parallel N] [--skip-memory] [--real-seed]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"

[ -d "$root/node_modules/azurite" ] || (cd "$root" && npm ci --no-audit --no-fund >/dev/null)
dotnet build "$here/CoachBot.Benchmarks.SchedulerDispatch.csproj" -c Release -v quiet -nologo >/dev/null
timeout 80m dotnet "$here/bin/Release/net10.0/CoachBot.Benchmarks.SchedulerDispatch.dll" "$@"
