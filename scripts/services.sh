#!/usr/bin/env bash
# Local services for the restore-drill validator tests (issue 5):
# PostgreSQL, MariaDB, dynalite (DynamoDB) and moto_server (RDS, Secrets Manager, S3),
# all on 127.0.0.1 with non-default ports; state lives in <repo>/.test-services/.
#
#   scripts/services.sh up       install what is missing, start what is not running, write .test-services/env
#   scripts/services.sh down     stop everything this script started
#   scripts/services.sh status   show what runs
#
# Idempotent: running `up` twice is harmless. Ports can be overridden with
# RESTORE_DRILL_{POSTGRES,MARIADB,DYNALITE,MOTO}_PORT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.test-services"
HELPERS="$ROOT/scripts/services"

# shellcheck source=services/common.sh
source "$HELPERS/common.sh"
# shellcheck source=services/postgres.sh
source "$HELPERS/postgres.sh"
# shellcheck source=services/mariadb.sh
source "$HELPERS/mariadb.sh"
# shellcheck source=services/dynalite.sh
source "$HELPERS/dynalite.sh"
# shellcheck source=services/moto.sh
source "$HELPERS/moto.sh"
# shellcheck source=services/chromium.sh
source "$HELPERS/chromium.sh"

up() {
    mkdir -p "$STATE"
    chmod 755 "$STATE"
    postgres_up
    mariadb_up
    dynalite_up
    moto_up
    chromium_up
    write_env
    log "all services up; endpoints in $STATE/env"
}

down() {
    moto_down
    dynalite_down
    mariadb_down
    postgres_down
    rm -f "$STATE/env"
    log "all services down"
}

status() {
    for svc in postgres mariadb dynalite moto; do
        local port_var="${svc^^}_PORT"
        if port_open "${!port_var}"; then
            echo "$svc: up on 127.0.0.1:${!port_var}"
        else
            echo "$svc: down"
        fi
    done
}

write_env() {
    local tmp="$STATE/env.tmp"
    {
        echo "# written by scripts/services.sh up; source it or let the tests read it"
        echo "export RESTORE_DRILL_POSTGRES_HOST=127.0.0.1"
        echo "export RESTORE_DRILL_POSTGRES_PORT=$POSTGRES_PORT"
        echo "export RESTORE_DRILL_POSTGRES_USER=$POSTGRES_TEST_USER"
        echo "export RESTORE_DRILL_POSTGRES_PASSWORD=$POSTGRES_TEST_PASSWORD"
        echo "export RESTORE_DRILL_MARIADB_HOST=127.0.0.1"
        echo "export RESTORE_DRILL_MARIADB_PORT=$MARIADB_PORT"
        echo "export RESTORE_DRILL_MARIADB_USER=$MARIADB_TEST_USER"
        echo "export RESTORE_DRILL_MARIADB_PASSWORD=$MARIADB_TEST_PASSWORD"
        echo "export RESTORE_DRILL_DYNAMODB_ENDPOINT=http://127.0.0.1:$DYNALITE_PORT"
        echo "export RESTORE_DRILL_MOTO_ENDPOINT=http://127.0.0.1:$MOTO_PORT"
    } >"$tmp"
    mv "$tmp" "$STATE/env"
}

case "${1:-up}" in
    up) up ;;
    down) down ;;
    status) status ;;
    *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
