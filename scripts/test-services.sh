#!/usr/bin/env bash
# Makes sure the PostgreSQL and Redis named by DATABASE_URL and REDIS_URL answer before the
# suite runs. For servers on this machine it starts what is installed but stopped, installs
# what is missing (as root), and creates the database role the suite logs in with.
set -euo pipefail

die() { echo "test-services: $*" >&2; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }
is_local() { [[ "$1" == 127.0.0.1 || "$1" == localhost || "$1" == ::1 ]]; }

# --- PostgreSQL --------------------------------------------------------------------------
[[ "$DATABASE_URL" =~ ^postgres(ql)?://([^:@/]+)(:([^@/]*))?@([^:/]+)(:([0-9]+))?/([^?]+) ]] \
    || die "DATABASE_URL must be postgres://user:password@host:port/name, not '$DATABASE_URL'"
pg_user=${BASH_REMATCH[2]} pg_password=${BASH_REMATCH[4]} pg_host=${BASH_REMATCH[5]}
pg_port=${BASH_REMATCH[7]:-5432} pg_db=${BASH_REMATCH[8]}

pg_up() { pg_isready -q -h "$pg_host" -p "$pg_port" 2>/dev/null; }

start_local_postgres() {
    if ! command -v pg_lsclusters >/dev/null; then
        is_root || die "PostgreSQL is not installed: sudo apt-get install -y postgresql"
        echo "Installing PostgreSQL"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    is_root || die "PostgreSQL is not running on $pg_host:$pg_port: sudo pg_ctlcluster <version> main start"
    if [ -z "$(pg_lsclusters -h)" ]; then
        version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
        pg_createcluster "$version" main >/dev/null
    fi
    pg_lsclusters -h | while read -r version cluster port status _; do
        [ "$status" = online ] || pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
    done
    for _ in $(seq 50); do pg_up && return; sleep 0.2; done
    die "PostgreSQL did not start on $pg_host:$pg_port"
}

if ! pg_up; then
    is_local "$pg_host" || die "PostgreSQL at $pg_host:$pg_port does not answer"
    start_local_postgres
fi

# The role needs CREATEDB: pytest-django creates (and drops) its own test databases.
if ! PGPASSWORD=$pg_password psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres \
        -tAc 'select 1' >/dev/null 2>&1; then
    is_local "$pg_host" && is_root \
        || die "cannot log in to PostgreSQL as '$pg_user'; create the role with LOGIN CREATEDB"
    echo "Creating PostgreSQL role $pg_user"
    runuser -u postgres -- psql -q -p "$pg_port" -v ON_ERROR_STOP=1 \
        -v user="$pg_user" -v password="$pg_password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
ALTER ROLE :"user" LOGIN CREATEDB PASSWORD :'password';
SQL
fi
if ! PGPASSWORD=$pg_password psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -tA \
        -c "select 1 from pg_database where datname = '$pg_db'" | grep -q 1; then
    PGPASSWORD=$pg_password createdb -h "$pg_host" -p "$pg_port" -U "$pg_user" "$pg_db"
fi

# --- Redis -------------------------------------------------------------------------------
[[ "$REDIS_URL" =~ ^rediss?://([^/@]*@)?([^:/]+)(:([0-9]+))? ]] \
    || die "REDIS_URL must be redis://host:port/db, not '$REDIS_URL'"
redis_host=${BASH_REMATCH[2]} redis_port=${BASH_REMATCH[4]:-6379}

redis_up() { (exec 3<>"/dev/tcp/$redis_host/$redis_port") 2>/dev/null; }

if ! redis_up; then
    is_local "$redis_host" || die "Redis at $redis_host:$redis_port does not answer"
    if ! command -v redis-server >/dev/null; then
        is_root || die "Redis is not installed: sudo apt-get install -y redis-server"
        echo "Installing Redis"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    fi
    echo "Starting Redis on $redis_host:$redis_port"
    redis-server --daemonize yes --bind "$redis_host" --port "$redis_port" \
        --save "" --appendonly no >/dev/null
    for _ in $(seq 50); do redis_up && break; sleep 0.1; done
    redis_up || die "Redis did not start on $redis_host:$redis_port"
fi
