# shellcheck shell=bash
# Headless Chromium (Debian package `chromium`) for rendering the audit evidence index to a PNG in tests.
# Sourced by scripts/services.sh (chromium_up), or run directly: `bash scripts/services/chromium.sh` installs it
# when missing and prints the binary's path. CHROMIUM_PATH, when set, wins.

chromium_path() {
    if [[ -n "${CHROMIUM_PATH:-}" && -x "${CHROMIUM_PATH}" ]]; then
        echo "$CHROMIUM_PATH"
        return 0
    fi
    local candidate
    for candidate in chromium chromium-browser google-chrome-stable google-chrome; do
        if command -v "$candidate" >/dev/null 2>&1; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

chromium_up() {
    local path
    if path="$(chromium_path)"; then
        log "chromium present: $path"
        return 0
    fi
    apt_install chromium fonts-dejavu-core
    path="$(chromium_path)" || die "chromium is still missing after apt-get install chromium"
    log "chromium installed: $path"
}

# Nothing runs in the background: each render starts and ends its own headless browser.
chromium_down() { :; }

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
    STATE="$ROOT/.test-services"
    # shellcheck source=common.sh
    source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
    chromium_up
    chromium_path
fi
