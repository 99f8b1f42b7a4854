#!/usr/bin/env bash
# Synthesizes the app on the config in cdk.json (the embedded demo config by default) into ./cdk.out
# through the pinned CDK CLI. Extra arguments go to `cdk synth`, e.g. -c ecommerceBackup='{...}'.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
cd "$ROOT"
ensure_npm "$ROOT"
npx --no-install --loglevel=error cdk synth --quiet "$@"
echo "==> cloud assembly in $ROOT/cdk.out:"
ls "$ROOT/cdk.out"/*.template.json | sed "s|$ROOT/||"
