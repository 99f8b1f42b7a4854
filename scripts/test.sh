#!/usr/bin/env bash
# Runs every test: builds the solution, starts the local servers the restore-drill tests use (PostgreSQL,
# MariaDB, dynalite, moto), runs all xunit suites, synthesizes the demo app through the CDK CLI and puts every
# template through the compliance gates (cdk-nag: AwsSolutions, PCI DSS 3.2.1, NIST 800-53 r5, HIPAA; the AWS Control
# Tower proactive controls through cfn-guard) and cfn-lint.
# Installs what it needs (npm packages; Debian postgresql and mariadb-server) when missing.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
cd "$ROOT"

fail=0
passed=0
failed=0
start=$(date +%s)

step() { echo; echo "==> $*"; }

ensure_npm "$ROOT" || exit 1
ensure_cfn_lint || exit 1

step "starting local test services"
# Stop them afterwards only if this run started them (a developer's running services stay up).
already_up=0
[[ -f "$ROOT/.test-services/env" ]] && already_up=1
bash "$ROOT/scripts/services.sh" up || { echo "test services failed to start" >&2; exit 1; }
if [[ $already_up -eq 0 && "${KEEP_TEST_SERVICES:-0}" != 1 ]]; then
    trap 'bash "$ROOT/scripts/services.sh" down >/dev/null 2>&1 || true' EXIT
fi

step "dotnet build"
dotnet build "$ROOT/EcommerceBackupCdk.sln" -c Release -warnaserror --nologo -v q || exit 1

results="$ROOT/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
for project in "$ROOT"/test/*/*.Tests.csproj; do
    name="$(basename "$project" .csproj)"
    step "dotnet test $name"
    dotnet test "$project" -c Release --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" 2>&1 | tee "$results/$name.log"
    rc=${PIPESTATUS[0]}
    summary="$(grep -E '(Passed|Failed)!.*Failed:' "$results/$name.log" | tail -1)"
    p="$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$summary")"
    f="$(sed -nE 's/.*Failed: *([0-9]+).*/\1/p' <<<"$summary")"
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
    if [[ $rc -ne 0 || -z "$summary" ]]; then fail=1; [[ -z "$summary" ]] && failed=$((failed + 1)); fi
done

step "cdk synth (demo config, through the CDK CLI)"
assembly="$ROOT/artifacts/cdk.out"
rm -rf "$assembly"
if npx --no-install --loglevel=error cdk synth --quiet --output "$assembly" >"$results/synth.log" 2>&1; then
    passed=$((passed + 1))
    tail -n 30 "$results/synth.log"

    step "compliance gate: cdk-nag"
    if node "$ROOT/scripts/compliance-gate.mjs" "$assembly" --json "$results/cdk-nag.json"; then passed=$((passed + 1)); else failed=$((failed + 1)); fail=1; fi

    step "compliance gate: AWS Control Tower proactive controls (cfn-guard)"
    if node "$ROOT/scripts/controltower-gate.mjs" "$assembly" --json "$results/controltower.json"; then passed=$((passed + 1)); else failed=$((failed + 1)); fail=1; fi

    step "cfn-lint"
    if cfn-lint "$assembly"/*.template.json; then
        echo "cfn-lint: $(ls "$assembly"/*.template.json | wc -l) templates, 0 errors, 0 warnings"
        passed=$((passed + 1))
    else
        failed=$((failed + 1)); fail=1
    fi
else
    cat "$results/synth.log"
    failed=$((failed + 1)); fail=1
fi

echo
echo "total time: $(( $(date +%s) - start ))s"
echo "tests: $passed passed, $failed failed"
exit $fail
