#!/usr/bin/env bash
# FinanceTracker's backing services on loopback, without containers: MariaDB (for "financedb"),
# Redis ("cache") and Azurite blob storage ("receipts"), the same topology the Aspire AppHost runs.
#
# A library: `source scripts/stack.sh`, then `stack_use dev|test`, `install_prereqs`, `stack_start`...
# Also a command (tests use it to stop and restart Redis/Azurite mid-run):
#   scripts/stack.sh <command> [dev|test]     profile defaults to $FT_STACK_PROFILE, else dev
#   commands: install [--chromium] | start | stop | status | env | wipe
#             start_mysql | stop_mysql | start_redis | stop_redis | start_azurite | stop_azurite
#
# Every start_* reuses a server already running from the same data directory, and every stop_* is a
# no-op when nothing runs, so both are safe to repeat. All state lives under the git-ignored .local/.
set -euo pipefail

STACK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE_VERSION=3.37.0
AZURITE_TOOLS="$STACK_ROOT/.local/tools"
AZURITE_BIN="$AZURITE_TOOLS/node_modules/.bin/azurite-blob"
# Azurite's well-known development account (public, documented by Microsoft; not a secret).
AZURITE_ACCOUNT=devstoreaccount1
AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
DATABASE_NAME=financedb
DATABASE_USER=finance

# Set by start_* when this shell started the server (not when it reused one), so callers stop only their own.
STARTED_MYSQL=0 STARTED_REDIS=0 STARTED_AZURITE=0

log() { printf '[stack] %s\n' "$*" >&2 || true; }
die() { log "error: $*"; exit 1; }

# Ports and folders of one profile: dev (scripts/up, data kept) or test (scripts/test, wiped each run).
stack_use() {
    STACK_PROFILE="$1"
    case "$STACK_PROFILE" in
        dev)  STACK_DIR="$STACK_ROOT/.local/data" MYSQL_PORT=3316 REDIS_PORT=6389 BLOB_PORT=10010 ;;
        test) STACK_DIR="$STACK_ROOT/.local/test" MYSQL_PORT=3326 REDIS_PORT=6399 BLOB_PORT=10020 ;;
        bench) STACK_DIR="$STACK_ROOT/.local/bench" MYSQL_PORT=3366 REDIS_PORT=6369 BLOB_PORT=10060 ;;
        *) die "unknown profile '$STACK_PROFILE' (dev, test or bench)" ;;
    esac
    RUN_DIR="$STACK_DIR/run" LOG_DIR="$STACK_DIR/logs" SECRETS_DIR="$STACK_DIR/secrets"
    MYSQL_DATA="$STACK_DIR/mysql" REDIS_DATA="$STACK_DIR/redis" AZURITE_DATA="$STACK_DIR/azurite"
    MYSQL_SOCKET="$RUN_DIR/mariadb.sock" MYSQL_PID="$RUN_DIR/mariadb.pid"
    REDIS_PID="$RUN_DIR/redis.pid" AZURITE_PID="$RUN_DIR/azurite.pid"
    MYSQL_ROOT_CNF="$SECRETS_DIR/root.cnf" MYSQL_APP_PASSWORD_FILE="$SECRETS_DIR/mysql-$DATABASE_USER.password"
}

# ---------------------------------------------------------------- prerequisites

_apt_updated=0
apt_install() {
    # apt-get update is slow: once per shell, and only when something is missing.
    if [[ $_apt_updated == 0 ]]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        _apt_updated=1
    fi
    log "installing: $*"
    # policy-rc.d 101 stops the packages' postinst from starting system-wide services we never use.
    local policy=/usr/sbin/policy-rc.d own_policy=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && own_policy=1
    fi
    local rc=0
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" </dev/null || rc=$?
    [[ $own_policy == 1 ]] && rm -f "$policy"
    return $rc
}

# Installs what is missing: MariaDB, Redis, Node.js + Azurite, and Chromium with --chromium (browser tests).
install_prereqs() {
    local packages=()
    command -v mariadbd >/dev/null || packages+=(mariadb-server)
    command -v redis-server >/dev/null || packages+=(redis-server)
    command -v npm >/dev/null || packages+=(nodejs npm)
    command -v curl >/dev/null || packages+=(curl)
    if [[ ${1:-} == --chromium ]] && [[ ! -x /usr/bin/chromium ]]; then packages+=(chromium); fi
    if ((${#packages[@]})); then apt_install "${packages[@]}"; fi
    install_azurite
}

install_azurite() {
    local installed
    installed=$(node -p "require('$AZURITE_TOOLS/node_modules/azurite/package.json').version" 2>/dev/null || true)
    [[ $installed == "$AZURITE_VERSION" && -x $AZURITE_BIN ]] && return 0
    log "installing azurite@$AZURITE_VERSION into .local/tools"
    mkdir -p "$AZURITE_TOOLS"
    npm install --prefix "$AZURITE_TOOLS" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >&2
}

# ---------------------------------------------------------------- process helpers

# True when the pid in $1 is alive and its command line mentions $2 (our data dir), so a stale
# pid file, or a recycled pid that now belongs to something else, is never taken for our server.
pid_running() {
    local pid_file="$1" marker="$2" pid
    [[ -s $pid_file ]] || return 1
    pid=$(<"$pid_file")
    [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Fails clearly when another program (another checkout, a system service) holds our port.
require_free_port() {
    ! port_open "$1" || die "port $1 is in use by another process; stop it first ($2 cannot start)"
}

# Waits up to $1 seconds for command "${@:3}" to succeed while the pid in file $2 stays alive.
wait_until() {
    local seconds="$1" pid_file="$2"
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        if [[ -s $pid_file ]] && ! kill -0 "$(<"$pid_file")" 2>/dev/null; then return 1; fi
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# SIGTERM is a clean shutdown for all three servers; wait for the exit so data is flushed.
stop_pid() {
    local name="$1" pid_file="$2" marker="$3"
    if ! pid_running "$pid_file" "$marker"; then
        rm -f "$pid_file"
        return 0
    fi
    local pid deadline=$((SECONDS + 30))
    pid=$(<"$pid_file")
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do
        if ((SECONDS >= deadline)); then
            log "$name did not stop in 30 s, killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        sleep 0.2
    done
    rm -f "$pid_file"
}

# Starts "$@" in the background, detached from the terminal's Ctrl+C (our traps stop it in order),
# with output appended to $1 and its pid written to $2.
spawn() {
    local log_file="$1" pid_file="$2"
    shift 2
    local detach=(setsid)
    # With job control on, `&` already makes a new process group, and setsid would fork (wrong $!).
    if [[ $- == *m* ]]; then detach=(); fi
    "${detach[@]}" "$@" </dev/null >>"$log_file" 2>&1 &
    echo $! >"$pid_file"
}

fail_with_log() {
    log "$1 failed to start; last lines of $2:"
    tail -n 20 "$2" >&2 || true
    exit 1
}

random_secret() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }

# ---------------------------------------------------------------- MariaDB

mysql_root() { mariadb --defaults-file="$MYSQL_ROOT_CNF" --batch --skip-column-names "$@"; }

start_mysql() {
    mkdir -p "$RUN_DIR" "$LOG_DIR" "$SECRETS_DIR"
    chmod 700 "$SECRETS_DIR"
    if pid_running "$MYSQL_PID" "$MYSQL_DATA"; then
        log "MariaDB already running on 127.0.0.1:$MYSQL_PORT (pid $(<"$MYSQL_PID"))"
    else
        require_free_port "$MYSQL_PORT" MariaDB
        if [[ ! -d $MYSQL_DATA/mysql ]]; then
            log "initialising MariaDB data in ${MYSQL_DATA#"$STACK_ROOT/"}"
            mariadb-install-db --user=root --datadir="$MYSQL_DATA" --auth-root-authentication-method=normal \
                --skip-test-db >"$LOG_DIR/mariadb-install.log" 2>&1 || fail_with_log mariadb-install-db "$LOG_DIR/mariadb-install.log"
        fi
        rm -f "$MYSQL_PID"
        # utf8mb4 explicitly: the server's built-in default is latin1, and Debian's my.cnf may be absent.
        # A 1 GB buffer pool keeps a million-row ledger's indexes in memory (the 128 MB default does not).
        spawn "$LOG_DIR/mariadb.log" "$MYSQL_PID" \
            mariadbd --user=root --datadir="$MYSQL_DATA" --bind-address=127.0.0.1 --port="$MYSQL_PORT" \
            --socket="$MYSQL_SOCKET" --pid-file="$MYSQL_PID" --skip-log-bin \
            --log-error="$LOG_DIR/mariadb.log" --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
            --innodb-buffer-pool-size="${FT_MYSQL_BUFFER_POOL:-1G}"
        STARTED_MYSQL=1
        wait_until 60 "$MYSQL_PID" mariadb-admin --no-defaults --socket="$MYSQL_SOCKET" --user=root --connect-timeout=1 ping \
            || fail_with_log MariaDB "$LOG_DIR/mariadb.log"
        log "MariaDB listening on 127.0.0.1:$MYSQL_PORT"
    fi
    provision_mysql
}

# Root gets a random password on first use (root.cnf); the app user gets its own. Both are generated
# here, kept only under the data dir, and re-applied on every start so the files always match the server.
provision_mysql() {
    if [[ ! -s $MYSQL_ROOT_CNF ]] || ! mysql_root -e 'SELECT 1' >/dev/null 2>&1; then
        local root_password
        root_password=$(random_secret)
        mariadb --no-defaults --socket="$MYSQL_SOCKET" --user=root -e 'SELECT 1' >/dev/null 2>&1 \
            || die "cannot log in to MariaDB as root; reset with: scripts/stack.sh wipe $STACK_PROFILE"
        (umask 077 && printf '[client]\nuser=root\npassword=%s\nsocket=%s\n' "$root_password" "$MYSQL_SOCKET" >"$MYSQL_ROOT_CNF")
        mariadb --no-defaults --socket="$MYSQL_SOCKET" --user=root \
            -e "ALTER USER 'root'@'localhost' IDENTIFIED BY '$root_password'"
    fi
    if [[ ! -s $MYSQL_APP_PASSWORD_FILE ]]; then
        (umask 077 && random_secret >"$MYSQL_APP_PASSWORD_FILE")
    fi
    local password scope
    password=$(<"$MYSQL_APP_PASSWORD_FILE")
    # Tests create and drop their own databases, so the test user's rights are server-wide.
    scope="\`$DATABASE_NAME\`.*"
    [[ $STACK_PROFILE == test ]] && scope='*.*'
    # mariadb-install-db also makes passwordless root@127.0.0.1/::1/hostname and maybe anonymous
    # accounts; drop them as mysql_secure_installation would, leaving only root@localhost.
    mysql_root <<SQL
DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host <> 'localhost');
FLUSH PRIVILEGES;
CREATE DATABASE IF NOT EXISTS \`$DATABASE_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DATABASE_USER'@'localhost' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS '$DATABASE_USER'@'127.0.0.1' IDENTIFIED BY '$password';
ALTER USER '$DATABASE_USER'@'localhost' IDENTIFIED BY '$password';
ALTER USER '$DATABASE_USER'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON $scope TO '$DATABASE_USER'@'localhost';
GRANT ALL PRIVILEGES ON $scope TO '$DATABASE_USER'@'127.0.0.1';
SQL
}

stop_mysql() { stop_pid MariaDB "$MYSQL_PID" "$MYSQL_DATA"; }

# ---------------------------------------------------------------- Redis

start_redis() {
    mkdir -p "$RUN_DIR" "$LOG_DIR" "$REDIS_DATA"
    if pid_running "$REDIS_PID" "127.0.0.1:$REDIS_PORT"; then
        log "Redis already running on 127.0.0.1:$REDIS_PORT (pid $(<"$REDIS_PID"))"
        return 0
    fi
    require_free_port "$REDIS_PORT" Redis
    rm -f "$REDIS_PID"
    # Append-only file plus snapshots in the data dir: the cache survives a restart like a volume would.
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --pidfile "$REDIS_PID" --dir "$REDIS_DATA" \
        --appendonly yes --logfile "$LOG_DIR/redis.log" </dev/null
    STARTED_REDIS=1
    wait_until 30 "$REDIS_PID" redis_ping || fail_with_log Redis "$LOG_DIR/redis.log"
    log "Redis listening on 127.0.0.1:$REDIS_PORT"
}

redis_ping() { [[ $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }

stop_redis() { stop_pid Redis "$REDIS_PID" "127.0.0.1:$REDIS_PORT"; }

# ---------------------------------------------------------------- Azurite (blob)

start_azurite() {
    mkdir -p "$RUN_DIR" "$LOG_DIR" "$AZURITE_DATA"
    if pid_running "$AZURITE_PID" "$AZURITE_DATA"; then
        log "Azurite already running on 127.0.0.1:$BLOB_PORT (pid $(<"$AZURITE_PID"))"
        return 0
    fi
    [[ -x $AZURITE_BIN ]] || install_azurite
    require_free_port "$BLOB_PORT" Azurite
    # --skipApiVersionCheck: Azure.Storage.Blobs 12.30 speaks a newer API version than Azurite knows.
    spawn "$LOG_DIR/azurite.log" "$AZURITE_PID" \
        "$AZURITE_BIN" --blobHost 127.0.0.1 --blobPort "$BLOB_PORT" --location "$AZURITE_DATA" \
        --skipApiVersionCheck --disableTelemetry
    STARTED_AZURITE=1
    wait_until 60 "$AZURITE_PID" port_open "$BLOB_PORT" || fail_with_log Azurite "$LOG_DIR/azurite.log"
    log "Azurite blob listening on 127.0.0.1:$BLOB_PORT"
}

stop_azurite() { stop_pid Azurite "$AZURITE_PID" "$AZURITE_DATA"; }

# ---------------------------------------------------------------- the whole stack

stack_start() { start_mysql && start_redis && start_azurite; }

# Stops every server of the profile, whoever started it.
stack_stop() { stop_azurite; stop_redis; stop_mysql; }

# Stops only what this shell started: for traps, so a stack someone else runs is left alone.
stack_stop_started() {
    if [[ $STARTED_AZURITE == 1 ]]; then stop_azurite; fi
    if [[ $STARTED_REDIS == 1 ]]; then stop_redis; fi
    if [[ $STARTED_MYSQL == 1 ]]; then stop_mysql; fi
}

# Deletes the profile's data (servers stopped first).
stack_wipe() {
    stack_stop
    rm -rf "$STACK_DIR"
}

stack_status() {
    server_status "MariaDB 127.0.0.1:$MYSQL_PORT" "$MYSQL_PID" "$MYSQL_DATA"
    server_status "Redis   127.0.0.1:$REDIS_PORT" "$REDIS_PID" "127.0.0.1:$REDIS_PORT"
    server_status "Azurite 127.0.0.1:$BLOB_PORT" "$AZURITE_PID" "$AZURITE_DATA"
}

server_status() {
    if pid_running "$2" "$3"; then echo "$1 running (pid $(<"$2"))"; else echo "$1 stopped"; fi
}

# Connection strings in the formats the Aspire AppHost injects (ConnectionStrings__financedb/cache/receipts).
# $1: the database, or '' for a server-level string.
mysql_connection_string() {
    local database="$1"
    printf 'Server=127.0.0.1;Port=%s;User ID=%s;Password=%s' "$MYSQL_PORT" "$DATABASE_USER" "$(<"$MYSQL_APP_PASSWORD_FILE")"
    if [[ -n $database ]]; then printf ';Database=%s' "$database"; fi
}
redis_connection_string() { printf '127.0.0.1:%s' "$REDIS_PORT"; }
blob_connection_string() {
    printf 'DefaultEndpointsProtocol=http;AccountName=%s;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/%s;' \
        "$AZURITE_ACCOUNT" "$AZURITE_KEY" "$BLOB_PORT" "$AZURITE_ACCOUNT"
}

stack_env() {
    echo "ConnectionStrings__financedb=$(mysql_connection_string "$DATABASE_NAME")"
    echo "ConnectionStrings__cache=$(redis_connection_string)"
    echo "ConnectionStrings__receipts=$(blob_connection_string)"
}

# ---------------------------------------------------------------- build

# One build for scripts/up and scripts/test. SkipAspire leaves the AppHost out (no Aspire packages here).
# Retried when another build holds a file in obj/ or bin/, which happens with concurrent builds.
build_solution() {
    local attempt output="$STACK_ROOT/.local/build.log"
    mkdir -p "$STACK_ROOT/.local"
    for attempt in 1 2 3; do
        log "building FinanceTracker.sln"
        if dotnet build "$STACK_ROOT/FinanceTracker.sln" -p:SkipAspire=true -nologo -v:m 2>&1 | tee "$output" >&2; then
            return 0
        fi
        grep -qE 'MSB302[0-9]|being used by another process|cannot access the file' "$output" || return 1
        log "build hit a file lock (attempt $attempt), retrying"
        sleep 5
    done
    return 1
}

# ---------------------------------------------------------------- command line

stack_main() {
    local command="${1:-}"
    shift || true
    if [[ $command == install ]]; then
        install_prereqs "$@"
        return
    fi
    stack_use "${1:-${FT_STACK_PROFILE:-dev}}"
    case "$command" in
        start) stack_start ;;
        stop) stack_stop ;;
        status) stack_status ;;
        env) stack_env ;;
        wipe) stack_wipe ;;
        start_mysql | stop_mysql | start_redis | stop_redis | start_azurite | stop_azurite) "$command" ;;
        *)
            sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
            return 2
            ;;
    esac
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    stack_main "$@"
fi
