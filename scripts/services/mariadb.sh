# shellcheck shell=bash
# MariaDB on 127.0.0.1:$MARIADB_PORT, datadir in $STATE/mariadb, run as user `mysql` when root.

MARIADB_TEST_USER="drill"
MARIADB_TEST_PASSWORD="drill-test-password"

mariadb_up() {
    local dir="$STATE/mariadb" owner="mysql"
    if ! command -v mariadbd >/dev/null 2>&1 && [[ ! -x /usr/sbin/mariadbd ]]; then
        apt_install mariadb-server
    fi
    local server
    server="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
    [[ "$(id -u)" -ne 0 ]] && owner="$(id -un)"
    if port_open "$MARIADB_PORT"; then
        log "mariadb already up on $MARIADB_PORT"
        return
    fi
    mkdir -p "$dir"
    [[ "$(id -u)" -eq 0 ]] && chown -R "$owner" "$dir"
    local fresh=0
    if [[ ! -d "$dir/data/mysql" ]]; then
        log "mariadb-install-db $dir/data"
        rm -rf "$dir/data"
        mariadb-install-db --no-defaults --datadir="$dir/data" --user="$owner" \
            --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1 ||
            { cat "$dir/install.log" >&2; die "mariadb-install-db failed"; }
        fresh=1
    fi
    log "starting mariadb on 127.0.0.1:$MARIADB_PORT"
    "$server" --no-defaults --datadir="$dir/data" --user="$owner" --port="$MARIADB_PORT" \
        --bind-address=127.0.0.1 --socket="$dir/mariadb.sock" --pid-file="$dir/mariadb.pid" \
        --skip-name-resolve --innodb-flush-log-at-trx-commit=0 --innodb-buffer-pool-size=64M \
        --log-error="$dir/mariadb.log" >/dev/null 2>&1 &
    disown || true
    wait_port "$MARIADB_PORT" mariadb "$dir/mariadb.log"
    if [[ "$fresh" -eq 1 ]]; then
        mariadb --no-defaults -S "$dir/mariadb.sock" -u root <<SQL
CREATE USER '$MARIADB_TEST_USER'@'127.0.0.1' IDENTIFIED BY '$MARIADB_TEST_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$MARIADB_TEST_USER'@'127.0.0.1' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
    fi
}

mariadb_down() {
    stop_pidfile "$STATE/mariadb/mariadb.pid" mariadb
}
