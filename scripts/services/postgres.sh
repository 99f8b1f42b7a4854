# shellcheck shell=bash
# PostgreSQL on 127.0.0.1:$POSTGRES_PORT, cluster in $STATE/postgres, run as user `postgres` when root.

POSTGRES_TEST_USER="drill"
POSTGRES_TEST_PASSWORD="drill-test-password"

postgres_bin() {
    local dir
    if command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return
    fi
    for dir in /usr/lib/postgresql/*/bin; do
        [[ -x "$dir/pg_ctl" ]] && { echo "$dir"; return; }
    done
    return 1
}

postgres_up() {
    local dir="$STATE/postgres" bin owner="postgres"
    if ! bin="$(postgres_bin)"; then
        apt_install postgresql
        bin="$(postgres_bin)" || die "PostgreSQL binaries not found after install"
    fi
    [[ "$(id -u)" -ne 0 ]] && owner="$(id -un)"
    if port_open "$POSTGRES_PORT"; then
        log "postgres already up on $POSTGRES_PORT"
        return
    fi
    mkdir -p "$dir"
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
        log "initdb $dir/data"
        rm -rf "$dir/data"
        printf '%s\n' "$POSTGRES_TEST_PASSWORD" >"$dir/pwfile"
        [[ "$(id -u)" -eq 0 ]] && chown -R "$owner" "$dir"
        run_as "$owner" "$bin/initdb" -D "$dir/data" -U "$POSTGRES_TEST_USER" --pwfile="$dir/pwfile" \
            --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-instructions >"$dir/initdb.log" 2>&1 ||
            { cat "$dir/initdb.log" >&2; die "initdb failed"; }
        rm -f "$dir/pwfile"
    fi
    [[ "$(id -u)" -eq 0 ]] && chown -R "$owner" "$dir"
    log "starting postgres on 127.0.0.1:$POSTGRES_PORT"
    run_as "$owner" "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-p $POSTGRES_PORT -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { tail -n 30 "$dir/postgres.log" >&2; die "postgres failed to start"; }
    wait_port "$POSTGRES_PORT" postgres "$dir/postgres.log"
}

postgres_down() {
    local dir="$STATE/postgres" bin owner="postgres"
    [[ -f "$dir/data/postmaster.pid" ]] || return 0
    bin="$(postgres_bin)" || return 0
    [[ "$(id -u)" -ne 0 ]] && owner="$(id -un)"
    log "stopping postgres"
    run_as "$owner" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}
