# shellcheck shell=bash
# moto_server (RDS, Secrets Manager, S3, Step Functions, Lambda ... in memory) on 127.0.0.1:$MOTO_PORT,
# started through scripts/services/moto_server.py so Lambda invocations can be forwarded to a test-hosted handler.

moto_up() {
    local dir="$STATE/moto"
    mkdir -p "$dir"
    if port_open "$MOTO_PORT"; then
        log "moto already up on $MOTO_PORT"
        return
    fi
    if ! command -v moto_server >/dev/null 2>&1; then
        command -v pip3 >/dev/null || command -v pip >/dev/null || die "moto_server missing and no pip to install it"
        log "pip install 'moto[server]'"
        "$(command -v pip3 || command -v pip)" install -q 'moto[server]' >"$dir/pip.log" 2>&1 ||
            { cat "$dir/pip.log" >&2; die "pip install moto[server] failed"; }
        hash -r
    fi
    log "starting moto_server on 127.0.0.1:$MOTO_PORT"
    # The launcher is moto_server plus Lambda-invoke forwarding (see moto_server.py); it needs the Python that has moto.
    local python="" candidate
    for candidate in python3 python; do
        if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import moto.server' >/dev/null 2>&1; then
            python="$candidate"
            break
        fi
    done
    [[ -n "$python" ]] || die "no python3 on PATH imports moto.server (pip install 'moto[server]')"
    MOTO_PORT="$MOTO_PORT" nohup "$python" "$HELPERS/moto_server.py" -H 127.0.0.1 -p "$MOTO_PORT" >"$dir/moto.log" 2>&1 &
    echo $! >"$dir/moto.pid"
    disown || true
    wait_port "$MOTO_PORT" moto_server "$dir/moto.log" 90
}

moto_down() {
    stop_pidfile "$STATE/moto/moto.pid" moto_server
}
