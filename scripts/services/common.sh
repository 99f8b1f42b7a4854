# shellcheck shell=bash
# Shared helpers for scripts/services.sh. Expects ROOT and STATE to be set.

POSTGRES_PORT="${RESTORE_DRILL_POSTGRES_PORT:-54329}"
MARIADB_PORT="${RESTORE_DRILL_MARIADB_PORT:-53309}"
DYNALITE_PORT="${RESTORE_DRILL_DYNALITE_PORT:-48009}"
MOTO_PORT="${RESTORE_DRILL_MOTO_PORT:-45009}"

log() { echo "[services] $*" >&2; }
die() { echo "[services] ERROR: $*" >&2; exit 1; }

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_port PORT NAME LOGFILE [SECONDS]
wait_port() {
    local port="$1" name="$2" logfile="$3" seconds="${4:-60}" i
    for ((i = 0; i < seconds * 10; i++)); do
        if port_open "$port"; then
            return 0
        fi
        sleep 0.1
    done
    [[ -f "$logfile" ]] && tail -n 30 "$logfile" >&2
    die "$name did not open 127.0.0.1:$port within ${seconds}s (log: $logfile)"
}

APT_UPDATED=0
apt_install() {
    command -v apt-get >/dev/null || die "apt-get not found; install $* by hand"
    local sudo=""
    [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
    if [[ "$APT_UPDATED" -eq 0 ]]; then
        log "apt-get update"
        $sudo apt-get update -qq >/dev/null
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# run_as USER CMD... : run a command as USER when we are root, else as ourselves.
run_as() {
    local user="$1"
    shift
    if [[ "$(id -u)" -eq 0 ]]; then
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

# pid_alive PIDFILE
pid_alive() {
    [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

# stop_pidfile PIDFILE NAME
stop_pidfile() {
    local pidfile="$1" name="$2" pid i
    if ! pid_alive "$pidfile"; then
        rm -f "$pidfile"
        return 0
    fi
    pid="$(cat "$pidfile")"
    log "stopping $name (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
}
