#!/usr/bin/env bash
# Builds the Teams app package (manifest.json + two icons, zipped) for sideloading or the Teams admin center.
# Usage: bot/manifests/teams/package.sh <Teams:AppId (the bot's Entra app id)> <public host, e.g. coach.example.org>
# Output: bot/manifests/teams/dist/coachbot-teams.zip
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app_id="${1:-${TEAMS_APP_ID:-}}"
host="${2:-${PUBLIC_HOST:-}}"
if [[ ! "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "Give the bot's app id (a GUID, the same as Teams:AppId) as the first argument." >&2; exit 2
fi
if [[ -z "$host" || "$host" == *"/"* ]]; then
  echo "Give the public host name of CoachBot (e.g. coach.example.org, no https:// and no path) as the second argument." >&2; exit 2
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
sed -e "s/{{TEAMS_APP_ID}}/$app_id/g" -e "s/{{PUBLIC_HOST}}/$host/g" "$here/manifest.json" > "$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"
mkdir -p "$here/dist"
rm -f "$here/dist/coachbot-teams.zip"
if command -v zip >/dev/null; then
  (cd "$work" && zip -q -X "$here/dist/coachbot-teams.zip" manifest.json color.png outline.png)
else
  python3 -c 'import sys, zipfile, os; z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED); [z.write(os.path.join(sys.argv[2], f), f) for f in ("manifest.json", "color.png", "outline.png")]; z.close()' "$here/dist/coachbot-teams.zip" "$work"
fi
echo "$here/dist/coachbot-teams.zip"
