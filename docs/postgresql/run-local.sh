#!/usr/bin/env bash
# Starts a local PostgreSQL (Debian's postgresql package) and the application against it:
#   ADMIN_REGISTRATION_CODE=choose-a-long-admin-code docs/postgresql/run-local.sh
# The database lives in target/postgresql-data (kept between runs, owner-only) on 127.0.0.1, port
# APPOINTMENTS_DB_PORT (default 5433). Its password is made up at the first start and kept in the owner-only
# password file target/postgresql-pgpass (psql reads it; the server gets it in the database address). An empty
# database is filled from data/ when the application first starts. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/../.."

port="${APPOINTMENTS_DB_PORT:-5433}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL's server programs are missing: apt-get install postgresql" >&2
    exit 1
fi
pgdata="$PWD/target/postgresql-data"
export PGPASSFILE="$PWD/target/postgresql-pgpass"
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ ! -f "$pgdata/PG_VERSION" ]; then
    mkdir -p "$pgdata"
    chmod 700 "$pgdata"
    password="$(tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 32 || true)"
    (umask 077; echo "127.0.0.1:*:*:appointments:$password" > "$PGPASSFILE")
    pwfile="$PWD/target/postgresql-initial-password"
    (umask 077; echo "$password" > "$pwfile")
    if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$pgdata" "$pwfile"; fi
    as_owner "$bin/initdb" -D "$pgdata" -U appointments -A scram-sha-256 --pwfile="$pwfile" -E UTF8 >/dev/null
    rm -f "$pwfile"
fi
as_owner "$bin/pg_ctl" -D "$pgdata" -w -l "$pgdata/server.log" -o "-p $port -h 127.0.0.1 -k $pgdata" start >/dev/null
trap 'as_owner "$bin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null' EXIT
"$bin/psql" -h 127.0.0.1 -p "$port" -U appointments -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'appointments'" | grep -q 1 \
    || "$bin/createdb" -h 127.0.0.1 -p "$port" -U appointments appointments

export APPOINTMENTS_STORE=postgresql
export APPOINTMENTS_DB_URL="jdbc:postgresql://127.0.0.1:$port/appointments?password=$(cut -d: -f5 "$PGPASSFILE")"
export APPOINTMENTS_DB_USER=appointments
./mvnw wildfly:run "$@"
