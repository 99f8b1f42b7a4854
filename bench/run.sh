#!/usr/bin/env bash
# Benchmark of the restore-drill validator (issue 5, "Benchmark"). Rerunnable; writes bench/results.md.
#
#   bench/run.sh                    all five parts, ~2-5 minutes on 2 cores (seeding only when the table is missing)
#   BENCH_RESEED=1 bench/run.sh     delete the benchmark's own table first, so seeding is timed again
#   bench/run.sh flow               only part 5 (drill flow latency), replacing that section of bench/results.md
#
# Knobs (environment): BENCH_ITEMS (100000), BENCH_REPS (15), BENCH_SWEEP (other segment counts, "1,8"),
# BENCH_COLDSTART_RUNS (15), BENCH_RESEED (0).
#
# 1. seed       100,000-item orders table in dynalite, BatchWriteItem in parallel, skipped when already there
# 2. scan       DynamoDbValidator.ValidateAsync (the Lambda's data check) vs a bare parallel Scan, Select=COUNT
# 3. size       dotnet publish -c Release -r linux-arm64 --self-contained false, zipped: validator vs minimal handler
# 4. coldstart  fresh process -> first handled event (linux-x64 publish, this machine's RID): validator vs minimal
# 5. flow       drill flow's added latency per restore job (issue 12): flow actions + lock vs one HandleAsync call
#
# Services come from scripts/services.sh (started when needed; left running, as the tests leave them).
# Build output goes to bench/.artifacts and bench/.out (git-ignored), never to the projects' own bin/obj.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
OUT="$BENCH/.out"
ART="$BENCH/.artifacts"
ITEMS="${BENCH_ITEMS:-100000}"
REPS="${BENCH_REPS:-15}"
SWEEP="${BENCH_SWEEP:-1,8}"
RUNS="${BENCH_COLDSTART_RUNS:-15}"
RESEED="${BENCH_RESEED:-0}"
FLOW_REPS="${BENCH_FLOW_REPS:-40}"
ONLY="${1:-all}"
STARTED=$SECONDS

say() { echo "[bench $(date +%T)] $*" >&2; }

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_START="$(loadavg)"

say "services (scripts/services.sh up)"
"$ROOT/scripts/services.sh" up
# shellcheck disable=SC1091
source "$ROOT/.test-services/env"
DYNALITE_PID_FILE="$ROOT/.test-services/dynalite/dynalite.pid"

mkdir -p "$OUT"
rm -f "$OUT"/*.md
build() {
    dotnet build "$1" -c Release --artifacts-path "$ART" -nodeReuse:false -v:q -nologo >"$OUT/build.log" 2>&1 ||
        { cat "$OUT/build.log" >&2; exit 1; }
}
publish() { # project rid name
    local dir="$OUT/publish/$3-$2"
    rm -rf "$dir"
    dotnet publish "$1" -c Release -r "$2" --self-contained false --artifacts-path "$ART" -o "$dir" -nodeReuse:false -v:q -nologo \
        >"$OUT/publish.log" 2>&1 || { cat "$OUT/publish.log" >&2; exit 1; }
    echo "$dir"
}

say "build (Release)"
build "$BENCH/EcommerceBackupCdk.RestoreDrill.Bench/EcommerceBackupCdk.RestoreDrill.Bench.csproj"
build "$BENCH/ColdStartHost/ColdStartHost.csproj"
BENCH_DLL="$ART/bin/EcommerceBackupCdk.RestoreDrill.Bench/release/EcommerceBackupCdk.RestoreDrill.Bench.dll"
HOST_DLL="$ART/bin/ColdStartHost/release/ColdStartHost.dll"
bench() { dotnet "$BENCH_DLL" "$@"; }

FLOW_HEADING="## 5. Drill flow: added latency per restore job"
flow_section() {
    echo "$FLOW_HEADING"
    echo
    printf 'Measured by `bench/run.sh` (part 5) on %s at commit `%s`, load average %s.\n\n' \
        "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" "$(loadavg)"
    cat "$OUT/flow.md"
    echo
}

if [[ "$ONLY" == "flow" ]]; then
    say "5/5 drill flow (only)"
    bench flow --reps "$FLOW_REPS" --out "$OUT/flow.md" >/dev/null
    flow_section >"$OUT/flow-section.md"
    # Replace section 5 (up to the next "## " heading) or insert it before "## What is not measured".
    python3 - "$BENCH/results.md" "$FLOW_HEADING" "$OUT/flow-section.md" <<'PY'
import sys
path, heading, section_file = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path).read()
section = open(section_file).read().rstrip("\n") + "\n\n"
if heading in text:
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    text = text[:start] + section + (text[end + 1:] if end >= 0 else "")
else:
    i = text.index("## What is not measured")
    text = text[:i] + section + text[i:]
open(path, "w").write(text)
PY
    say "updated section 5 of bench/results.md"
    exit 0
fi

say "publish (linux-arm64 for size, linux-x64 for cold start)"
VALIDATOR_PROJ="$ROOT/src/EcommerceBackupCdk.RestoreDrill/EcommerceBackupCdk.RestoreDrill.csproj"
MINIMAL_PROJ="$BENCH/MinimalHandler/MinimalHandler.csproj"
VALIDATOR_ARM="$(publish "$VALIDATOR_PROJ" linux-arm64 validator)"
MINIMAL_ARM="$(publish "$MINIMAL_PROJ" linux-arm64 minimal)"
VALIDATOR_X64="$(publish "$VALIDATOR_PROJ" linux-x64 validator)"
MINIMAL_X64="$(publish "$MINIMAL_PROJ" linux-x64 minimal)"

say "1/4 seed"
reseed=false
if [[ "$RESEED" == "1" ]]; then reseed=true; fi
bench seed --items "$ITEMS" --reseed "$reseed" --server-pid-file "$DYNALITE_PID_FILE" --out "$OUT/seed.md" >/dev/null

say "2/4 scan"
bench scan --items "$ITEMS" --reps "$REPS" --sweep "$SWEEP" --sweep-reps 5 --server-pid-file "$DYNALITE_PID_FILE" --out "$OUT/scan.md" >/dev/null

say "3/4 size"
bench size --zip-dir "$OUT/zips" \
    --package "validator EcommerceBackupCdk.RestoreDrill (linux-arm64)=$VALIDATOR_ARM" \
    --package "minimal Stream handler (linux-arm64)=$MINIMAL_ARM" \
    --out "$OUT/size.md" >/dev/null

say "4/4 cold start"
bench coldstart --host "$HOST_DLL" --validator "$VALIDATOR_X64" --minimal "$MINIMAL_X64" --runs "$RUNS" --rid linux-x64 \
    --work-dir "$OUT/coldstart" --out "$OUT/coldstart.md" >/dev/null

say "5/5 drill flow"
bench flow --reps "$FLOW_REPS" --out "$OUT/flow.md" >/dev/null

LOAD_END="$(loadavg)"
CPU_MODEL="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n1 || true)"
[[ -n "$CPU_MODEL" ]] || CPU_MODEL="$(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -n1 || true)"
RUNTIME="$(dotnet --list-runtimes | sed -n 's/^Microsoft.NETCore.App \([^ ]*\).*/\1/p' | tail -n1)"
DYNALITE_VERSION="$(node -p "require('$ROOT/node_modules/dynalite/package.json').version" 2>/dev/null || echo unknown)"
MOTO_VERSION="$(python3 -c 'import moto; print(moto.__version__)' 2>/dev/null || echo unknown)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
ELAPSED=$((SECONDS - STARTED))

# Prose comes from quoted heredocs (nothing in them is expanded or run); figures from the fragments and printf.
tmp="$BENCH/results.md.tmp"
{
    echo "# Restore-drill validator benchmark"
    echo
    printf 'Written by `bench/run.sh` on %s at commit `%s` (whole run %s s). Issue 5, "Benchmark".\n' \
        "$(date -u '+%Y-%m-%d %H:%M UTC')" "$COMMIT" "$ELAPSED"
    echo
    echo "## Machine"
    echo
    printf -- '- CPU: %s, `nproc` = %s, %s, %s RAM, kernel %s\n' "$CPU_MODEL" "$(nproc)" "$(uname -m)" \
        "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1024/1024}' /proc/meminfo)" "$(uname -r)"
    printf -- '- .NET SDK %s, runtime Microsoft.NETCore.App %s; Node.js %s with dynalite %s (in memory); moto %s\n' \
        "$(dotnet --version)" "$RUNTIME" "$(node --version 2>/dev/null || echo '?')" "$DYNALITE_VERSION" "$MOTO_VERSION"
    printf -- '- Load average (1/5/15 min) at start %s, at end %s.\n' "$LOAD_START" "$LOAD_END"
    cat <<'EOF'
  The machine is shared (other builds and tests run on the same 2 cores), so wall-clock figures move with that
  load; the CPU-time columns move much less. Compare within a table, not across runs.

## 1. Seeding the orders table (dynalite)

EOF
    cat "$OUT/seed.md"
    cat <<'EOF'

Items are a pure function of their index (order-0000000 ... order-0099999, createdAt every 25 s from 2025-01-01,
~200 bytes each: customer, email, status, currency, total, item count, country, channel), so a rerun writes the same
items and the "already there" check is a COUNT scan.

## 2. Validating a 100,000-item restored table vs a bare parallel Scan

EOF
    cat "$OUT/scan.md"
    cat <<'EOF'

- **validator**: `DynamoDbValidator.ValidateAsync`, the code the Lambda runs for a restored DynamoDB table, with the
  settings built by `DrillSettings.FromEnvironment` (defaults: 4 segments, attribute `createdAt`, minimum 1 item):
  DescribeTable, ARN-matches-job and ACTIVE checks, one parallel Scan projecting `createdAt`, counting items and
  parsing every timestamp to keep the newest. Each run is checked: 100,000 items and the known newest time.
- **bare Scan, Select=COUNT**: the same parallel Scan with nothing returned but counts; the floor for "count the items".
- **bare Scan, projection**: the validator's exact Scan requests without the parsing, to split the overhead into
  "the server returns one attribute per item" and "the validator's own work".
- Same `AmazonDynamoDBClient` (configured as `RestoreDrillValidator.Create` does for `DYNAMODB_ENDPOINT`), same process,
  warm (JIT, connections). "client CPU" is this process's CPU time, "dynalite CPU" the dynalite process's (from /proc,
  10 ms ticks). "Scan pages" are dynalite's pages (its 1 MB accounting differs from DynamoDB's).

## 3. Published package size

`dotnet publish -c Release -r linux-arm64 --self-contained false` of each project (the Lambda's architecture),
zipped with deflate (System.IO.Compression, Optimal), files at the zip root, `.pdb` included as published.
Lambda's limits for comparison: 50 MB zipped for a direct upload, 250 MB unzipped.

EOF
    cat "$OUT/size.md"
    cat <<'EOF'

## 4. Cold start: process start to first handled event

EOF
    cat "$OUT/coldstart.md"
    cat <<'EOF'

How it is measured: `bench/ColdStartHost` is started in a fresh process the way the managed `dotnet10` runtime starts a
function (`dotnet exec` with the function package's `deps.json` and `runtimeconfig.json`), loads the handler string
`Assembly::Type::Method` by reflection, creates the type with its parameterless constructor (for the validator: reads
and validates the environment, builds the AWS clients), invokes `Handle(Stream)` once with the AWS documentation's
sample "Restore Job State Change" event (job id, resource type and ARNs filled in) and prints a line; the parent times
spawn to that line. DescribeRestoreJob and PutRestoreValidationResult go to a local fake of AWS Backup's REST-JSON API
(in the benchmark process; it does not verify SigV4, but the client signs every request), DynamoDB to dynalite, the
drill report to moto's S3. Credentials come from environment variables, as in Lambda. The packages are published for
**linux-x64** (this machine's RID), not linux-arm64; "cold" means a fresh process with a warm OS page cache.
EOF
    echo
    flow_section
    cat <<'EOF'
## What is not measured

- Real DynamoDB: its scan throughput, 1 MB pages, read capacity and network latency differ from dynalite's (a
  single-threaded Node.js server on the same 2 cores); the ratios here describe client-side overhead on a
  server-bound workload, not seconds on AWS. Scan segments that do not help on dynalite may well help on DynamoDB.
- Lambda's own cold start: Firecracker microVM, downloading and unpacking the package, the managed runtime's bootstrap
  (Amazon.Lambda.RuntimeSupport, the Runtime API loop), arm64 (Graviton) instead of this x86-64 CPU, the function's
  memory size (CPU share), VPC network setup and SnapStart are all outside this number; so is TLS (local endpoints are
  plain HTTP) and any credential source beyond environment variables.
- ReadyToRun, trimming or Native AOT builds: the publish is the plain framework-dependent one.
- S3, RDS/Aurora and SQL-probe validation paths: only the DynamoDB path is timed, and the cold-start drill is DynamoDB.
- Memory (RSS) of the function, and cold start with a large table (the cold-start table has 100 items on purpose).

## Rerun

```
bench/run.sh                   # services up if needed, Release build, all five parts, rewrites bench/results.md
BENCH_RESEED=1 bench/run.sh    # also time the seeding again (deletes only the benchmark's own table)
```

The bench projects are not in the solution, so `dotnet test` never runs them. Knobs: BENCH_ITEMS, BENCH_REPS,
BENCH_SWEEP, BENCH_COLDSTART_RUNS (see the top of bench/run.sh).
EOF
} >"$tmp"
mv "$tmp" "$BENCH/results.md"
say "wrote bench/results.md in ${ELAPSED} s"
