# Sourced by the benchmark scripts: builds Release and starts the app as README runs it (the AppHost, the one description
# of the app: no second copy of the topology here), with the benchmarks' own data folder (.local/bench, reused between
# runs), niced so that others' work on a shared machine keeps its share, and stops it on exit.
# Gives: API_URL, WEB_URL, APP_ENVIRONMENT, DATA, MYSQL_SOCKET, MYSQL_PASSWORD, log, die, token_for EMAIL, mysql_root ARGS…,
# api_pid, web_pid, direct_url PID.

API_URL=http://127.0.0.1:5001
WEB_URL=http://127.0.0.1:5000
DATA="$PWD/.local/bench"
MYSQL_SOCKET="$DATA/mysql/mariadb.sock"
DATABASE_NAME=financedb
APPHOST_PID=""
NICE=${BENCH_NICE:-15}
# The Api's and Web's environment: Production, as deployed (their launch profiles say Development).
APP_ENVIRONMENT=${BENCH_ENVIRONMENT:-Production}

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

start_app() {
    scripts/prereqs
    curl -s -o /dev/null "$API_URL/alive" && die "something already answers on $API_URL: stop scripts/up first"
    mkdir -p "$DATA"
    log "building Release"
    nice -n "$NICE" dotnet build -c Release FinanceTracker.AppHost -v quiet -nologo >"$DATA/build.log" 2>&1 ||
        { tail -n 30 "$DATA/build.log" >&2; die "the Release build failed (see $DATA/build.log)"; }
    log "starting the AppHost (data in .local/bench, log in .local/bench/apphost.log)"
    setsid nice -n "$NICE" dotnet run --no-build -c Release --project FinanceTracker.AppHost -- \
        --BackingServers:DataDirectory="$DATA" --BackingServers:MySqlBufferPool="${BENCH_BUFFER_POOL:-2G}" --Apps:Environment="$APP_ENVIRONMENT" >"$DATA/apphost.log" 2>&1 &
    APPHOST_PID=$!
    # SIGTERM to the AppHost's process group: it stops every process it started (README, "Ctrl+C").
    trap '[[ -n $APPHOST_PID ]] && kill -TERM -- "-$APPHOST_PID" 2>/dev/null; wait' EXIT
    for _ in $(seq 1 300); do
        curl -sf -o /dev/null "$API_URL/health" && curl -sf -o /dev/null "$WEB_URL/health" && break
        kill -0 "$APPHOST_PID" 2>/dev/null || die "the AppHost exited (see $DATA/apphost.log)"
        sleep 1
    done
    curl -sf -o /dev/null "$API_URL/health" || die "the Api did not become healthy (see $DATA/apphost.log)"
    curl -sf -o /dev/null "$WEB_URL/health" || die "the Web did not become healthy (see $DATA/apphost.log)"
    # Root's password is the AppHost's generated parameter, kept in its user secrets.
    MYSQL_PASSWORD=$(dotnet user-secrets list --project FinanceTracker.AppHost | sed -n 's/^Parameters:mysql-password = //p')
    # MariaDB reloads the pages it held at its last shutdown in the background (innodb_buffer_pool_load_at_startup):
    # figures taken meanwhile measure that load (first page p95 12.7 ms then, 4.9 ms later in the same run). Wait for it.
    for _ in $(seq 1 600); do
        mysql_root -e "SHOW STATUS LIKE 'Innodb_buffer_pool_load_status'" | grep -q "Loading" || break
        sleep 1
    done
    log "MariaDB: $(mysql_root -e "SHOW STATUS LIKE 'Innodb_buffer_pool_load_status'" | cut -f2)"
}

mysql_root() { MYSQL_PWD="$MYSQL_PASSWORD" mariadb --socket="$MYSQL_SOCKET" -uroot --batch --skip-column-names "$@"; }

# Registers (once) and signs in; prints the access token.
token_for() {
    local body="{\"email\":\"$1\",\"password\":\"Bench-passw0rd!\"}"
    curl -s -o /dev/null -X POST "$API_URL/api/auth/register" -H 'content-type: application/json' -d "$body"
    curl -sf -X POST "$API_URL/api/auth/login" -H 'content-type: application/json' -d "$body" |
        sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}

# The process of this worktree's Release Api (Web): its executable's path tells it from other checkouts' apps.
api_pid() { pgrep -f "^$PWD/FinanceTracker.Api/bin/Release/net10.0/FinanceTracker.Api\$" | head -n 1; }
web_pid() { pgrep -f "^$PWD/FinanceTracker.Web/bin/Release/net10.0/FinanceTracker.Web\$" | head -n 1; }

# The address a process itself listens on: the AppHost's ports (5001, 5000) are its proxy in front of the apps.
direct_url() { ss -ltnpH | sed -nE "s/.* 127\.0\.0\.1:([0-9]+) .*pid=$1,.*/http:\/\/127.0.0.1:\1/p" | head -n 1; }
