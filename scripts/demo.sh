#!/usr/bin/env bash
# A guided tour of provwb on a fresh workbench in a temporary folder: every line is a real command.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(mktemp -d /tmp/provwb-demo.XXXXXX)
export PROVWB_DATA_DIR="$DATA"
step() { local shown="$*"; printf '\n\033[1m$ %s\033[0m\n' "${shown/#pw /provwb }"; "$@"; }
pw() { node bin/provwb.js "$@"; }

step pw init --origin demo.provwb.local/log
# Three entries, hex-encoded one per line.
for text in 'release v1.0.0' 'release v1.0.1' 'release v1.1.0'; do printf '%s' "$text" | od -An -v -tx1 | tr -d ' \n'; echo; done > "$DATA/entries.hex"
step pw log append-raw "$DATA/entries.hex"
step pw log checkpoint
pw log prove --index 1 --json > "$DATA/proof.json"
step cat "$DATA/proof.json"
step pw verify inclusion "$DATA/proof.json"
pw log info --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).verifierKey))' > "$DATA/log.vkey"
pw log checkpoint --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).checkpoint))' > "$DATA/checkpoint"
step pw verify checkpoint "$DATA/checkpoint" --vkey "$(cat "$DATA/log.vkey")"
step pw log export-tiles "$DATA/tiles"
# The exported tiles are a static log: mirror it back (verified against its signed checkpoint), then audit the mirror offline.
step pw remote add exported --type tiles --url "file://$DATA/tiles" --vkey "$(cat "$DATA/log.vkey")"
step pw sync exported
step pw audit exported
printf '\nworkbench data: %s (PROVWB_DATA_DIR)\n' "$DATA"
printf '\nNow the workbench in your browser (Ctrl-C to stop):\n'
exec node bin/provwb.js ui
