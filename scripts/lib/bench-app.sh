# Sourced by the benchmark scripts: starts the app as README runs it (the AppHost), built in Release, with the
# benchmarks' own data folder (.local/bench, reused between runs), and stops it on exit.
# Gives: API_URL, DATA, log, die, token_for EMAIL, mysql_root ARGS…, api_pid.

API_URL=http://127.0.0.1:5001
DATA="$PWD/.local/bench"
DATABASE_NAME=financedb
APPHOST_PID=""

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

start_app() {
    scripts/prereqs
    curl -s -o /dev/null "$API_URL/alive" && die "something already answers on $API_URL: stop scripts/up first"
    mkdir -p "$DATA"
    log "building and starting the AppHost in Release (data in .local/bench, log in .local/bench/apphost.log)"
    setsid dotnet run -c Release --project FinanceTracker.AppHost -- --BackingServers:DataDirectory="$DATA" >"$DATA/apphost.log" 2>&1 &
    APPHOST_PID=$!
    trap '[[ -n $APPHOST_PID ]] && kill -TERM -- "-$APPHOST_PID" 2>/dev/null; wait' EXIT
    for _ in $(seq 1 300); do
        curl -sf -o /dev/null "$API_URL/health" && break
        kill -0 "$APPHOST_PID" 2>/dev/null || die "the AppHost exited (see $DATA/apphost.log)"
        sleep 1
    done
    curl -sf -o /dev/null "$API_URL/health" || die "the Api did not become healthy (see $DATA/apphost.log)"
    # Root's password is the AppHost's generated parameter, kept in its user secrets.
    MYSQL_PASSWORD=$(dotnet user-secrets list --project FinanceTracker.AppHost | sed -n 's/^Parameters:mysql-password = //p')
}

mysql_root() { MYSQL_PWD="$MYSQL_PASSWORD" mariadb --socket="$DATA/mysql/mariadb.sock" -uroot --batch --skip-column-names "$@"; }

# Registers (once) and signs in; prints the access token.
token_for() {
    local body="{\"email\":\"$1\",\"password\":\"Bench-passw0rd!\"}"
    curl -s -o /dev/null -X POST "$API_URL/api/auth/register" -H 'content-type: application/json' -d "$body"
    curl -sf -X POST "$API_URL/api/auth/login" -H 'content-type: application/json' -d "$body" |
        sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}

# The Api's process id: of the processes running FinanceTracker.Api (a dotnet host or its own executable), the largest.
api_pid() {
    pgrep -f 'FinanceTracker\.Api(\.dll)?( |$)' | while read -r pid; do
        printf '%s %s\n' "$(sed -nE 's/^VmRSS:\s+([0-9]+) kB/\1/p' "/proc/$pid/status" 2>/dev/null || echo 0)" "$pid"
    done | sort -rn | awk 'NR == 1 { print $2 }'
}
