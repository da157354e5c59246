#!/usr/bin/env bash
# Builds the Teams app package (manifest.json, its Japanese localisation ja.json and two icons, zipped) for
# sideloading or the Teams admin center. The manifest's version is the build's <Version> (Directory.Build.props).
# Usage: bot/manifests/teams/package.sh <Teams:AppId (the bot's Entra app id)> <public host, e.g. coach.example.org> [output zip]
# Output: bot/manifests/teams/dist/coachbot-teams.zip unless a third argument names another file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
app_id="${1:-${TEAMS_APP_ID:-}}"
host="${2:-${PUBLIC_HOST:-}}"
out="${3:-$here/dist/coachbot-teams.zip}"
if [[ ! "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "Give the bot's app id (a GUID, the same as Teams:AppId) as the first argument." >&2; exit 2
fi
if [[ -z "$host" || ! "$host" =~ ^[A-Za-z0-9.-]+$ ]]; then
  echo "Give the public host name of CoachBot (e.g. coach.example.org, no https:// and no path) as the second argument." >&2; exit 2
fi
version="$(dotnet msbuild "$root/bot/CoachBot.Host/CoachBot.Host.csproj" -getProperty:Version | tr -d '[:space:]')"
if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "The build's Version ('$version', Directory.Build.props) must be major.minor.patch for Teams, e.g. 1.2.0." >&2; exit 2
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
files=(manifest.json ja.json color.png outline.png)
sed -e "s/{{TEAMS_APP_ID}}/$app_id/g" -e "s/{{PUBLIC_HOST}}/$host/g" -e "s/{{VERSION}}/$version/g" "$here/manifest.json" > "$work/manifest.json"
cp "$here/ja.json" "$here/color.png" "$here/outline.png" "$work/"
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
rm -f "$out"
if command -v zip >/dev/null; then
  (cd "$work" && zip -q -X "$out" "${files[@]}")
else
  python3 -c 'import sys, zipfile, os; z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED); [z.write(os.path.join(sys.argv[2], f), f) for f in sys.argv[3:]]; z.close()' "$out" "$work" "${files[@]}"
fi
echo "$out"
