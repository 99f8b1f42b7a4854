# shellcheck shell=bash
# dynalite (DynamoDB API, in memory) on 127.0.0.1:$DYNALITE_PORT.
# The npm package comes from the repo's package.json (`npm ci`); if it is missing we
# install the pinned version without touching package.json.

DYNALITE_VERSION="4.0.0"

dynalite_up() {
    local dir="$STATE/dynalite" bin="$ROOT/node_modules/.bin/dynalite"
    mkdir -p "$dir"
    if port_open "$DYNALITE_PORT"; then
        log "dynalite already up on $DYNALITE_PORT"
        return
    fi
    if [[ ! -x "$bin" ]]; then
        command -v npm >/dev/null || die "npm not found; install Node.js to run dynalite"
        if [[ -f "$ROOT/package-lock.json" ]] && grep -q '"node_modules/dynalite"' "$ROOT/package-lock.json"; then
            log "npm ci (dynalite comes from package-lock.json)"
            (cd "$ROOT" && npm ci --no-audit --no-fund >"$dir/npm.log" 2>&1) || { cat "$dir/npm.log" >&2; die "npm ci failed"; }
        else
            log "npm install --no-save dynalite@$DYNALITE_VERSION"
            (cd "$ROOT" && npm install --no-save --no-audit --no-fund "dynalite@$DYNALITE_VERSION" >"$dir/npm.log" 2>&1) ||
                { cat "$dir/npm.log" >&2; die "npm install dynalite failed"; }
        fi
    fi
    log "starting dynalite on 127.0.0.1:$DYNALITE_PORT"
    nohup "$bin" --host 127.0.0.1 --port "$DYNALITE_PORT" --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 \
        >"$dir/dynalite.log" 2>&1 &
    echo $! >"$dir/dynalite.pid"
    disown || true
    wait_port "$DYNALITE_PORT" dynalite "$dir/dynalite.log"
}

dynalite_down() {
    stop_pidfile "$STATE/dynalite/dynalite.pid" dynalite
}
