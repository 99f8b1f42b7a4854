# Sourced by the scripts: quiet, offline-friendly settings shared by synth and test.
# jsii runs the CDK in a Node child process and prints a banner about the Node version on every start;
# it buries real output, so silence it (the end-of-life variable takes the silenced major versions).
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-18,20}"
export JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION="${JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION:-1}"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="${JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION:-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export CDK_DISABLE_CLI_TELEMETRY=true
export npm_config_update_notifier=false
export npm_config_fund=false
export npm_config_audit=false

# Installs the pinned npm tooling (CDK CLI, cdk-nag, cfn-guard validator, dynalite) when node_modules is missing or
# was installed from another package-lock.json. Compares contents, not file times: a checkout or a merge touches
# package-lock.json without changing it, and a needless `npm ci` empties a node_modules other work trees link to.
ensure_npm() {
    local root="$1" stamp="$1/node_modules/.installed-package-lock.json"
    if [[ ! -x "$root/node_modules/.bin/cdk" || ! -f "$stamp" ]] || ! cmp -s "$root/package-lock.json" "$stamp"; then
        echo "==> npm ci (pinned CDK CLI, cdk-nag, cfn-guard validator, dynalite)"
        (cd "$root" && npm ci --no-audit --no-fund --loglevel=error 2>&1 | grep -v 'Unknown user config' || true)
        [[ -x "$root/node_modules/.bin/cdk" ]] || { echo "npm ci failed: node_modules/.bin/cdk missing" >&2; return 1; }
        cp "$root/package-lock.json" "$stamp"
    fi
}

# cfn-lint from the machine image's Python; elsewhere install it with pip.
ensure_cfn_lint() {
    if ! command -v cfn-lint >/dev/null 2>&1; then
        echo "==> cfn-lint not found; installing with pip"
        python3 -m pip install --quiet 'cfn-lint>=1.51,<2' || { echo "cfn-lint is required (pip install cfn-lint)" >&2; return 1; }
    fi
}
