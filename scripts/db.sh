#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the database tests, the same for CI and developers.
#
#   scripts/db.sh start     start a cluster (loopback, a free port, fsync off); prints its URL
#   scripts/db.sh url       print the URL of the running cluster (exit 1 when none runs)
#   scripts/db.sh env       print `export DATABASE_URL=…` for `eval "$(scripts/db.sh env)"`
#   scripts/db.sh stop      stop the cluster and delete its files
#   scripts/db.sh status    say whether one runs
#   scripts/db.sh install   install Debian's `postgresql` package when the server is missing (root)
#
# The cluster lives in a fresh temporary folder (data, socket and log); which one is recorded in
# `.fixture-native-tmp/db.env` under the repository (git-ignored), so `url`/`stop` find it again.
# Server binaries: $PG_BIN if set, else `pg_config --bindir`, else the newest
# /usr/lib/postgresql/<version>/bin (Debian's layout), else `initdb`/`pg_ctl` on PATH.
# Databases hold test data only: the cluster trusts every local connection and is deleted on stop.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
state_dir="$repo/.fixture-native-tmp"
state="$state_dir/db.env"

die() { echo "db.sh: $*" >&2; exit 2; }

find_bin() {
  local dir
  if [[ -n "${PG_BIN:-}" ]]; then
    [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || die "PG_BIN=$PG_BIN holds no initdb/pg_ctl"
    echo "$PG_BIN"; return 0
  fi
  if command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir 2>/dev/null || true)"
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
  fi
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return 0
  fi
  return 1
}

# Runs a server command as the cluster's owner: PostgreSQL refuses to run as root.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root, and there is no 'postgres' user to run the server as"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

load_state() {
  [[ -f "$state" ]] || return 1
  # shellcheck disable=SC1090
  source "$state"
  [[ -n "${FIXTURE_NATIVE_DB_DIR:-}" && -n "${FIXTURE_NATIVE_DB_PORT:-}" && -n "${FIXTURE_NATIVE_DB_BIN:-}" ]] || return 1
}

running() {
  load_state || return 1
  [[ -d "$FIXTURE_NATIVE_DB_DIR/data" ]] || return 1
  as_owner "$FIXTURE_NATIVE_DB_BIN/pg_ctl" -D "$FIXTURE_NATIVE_DB_DIR/data" status >/dev/null 2>&1
}

url() { echo "postgresql://postgres@127.0.0.1:$FIXTURE_NATIVE_DB_PORT/postgres"; }

cmd_install() {
  if find_bin >/dev/null; then echo "db.sh: PostgreSQL server found in $(find_bin)"; return 0; fi
  [[ "$(id -u)" == 0 ]] || die "the PostgreSQL server is missing; install it as root: apt-get install -y postgresql"
  command -v apt-get >/dev/null 2>&1 || die "the PostgreSQL server is missing and apt-get is not available: install PostgreSQL and set PG_BIN"
  echo "db.sh: installing Debian's postgresql package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  find_bin >/dev/null || die "apt-get installed postgresql but no initdb/pg_ctl was found"
}

cmd_start() {
  if running; then
    echo "db.sh: already running in $FIXTURE_NATIVE_DB_DIR" >&2
    url; return 0
  fi
  # A cluster recorded but not running (the machine restarted, the server was killed): clear it away.
  if load_state; then cmd_stop 2>/dev/null || true; fi
  local bin dir port
  bin="$(find_bin)" || die "no PostgreSQL server binaries (initdb, pg_ctl) found: run 'scripts/db.sh install' as root on Debian (apt-get install postgresql), or set PG_BIN to the folder holding them"
  dir="$(mktemp -d -t fixture-native-db.XXXXXX)"
  chmod 755 "$dir"
  mkdir "$dir/data"
  if [[ "$(id -u)" == 0 ]]; then chown postgres: "$dir" "$dir/data"; fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed (log above)"; }
  # A port can be taken between choosing and binding it: try a few.
  local attempt
  for attempt in 1 2 3 4 5; do
    port="$(free_port)"
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/data -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
      mkdir -p "$state_dir"
      printf 'FIXTURE_NATIVE_DB_DIR=%q\nFIXTURE_NATIVE_DB_PORT=%q\nFIXTURE_NATIVE_DB_BIN=%q\n' "$dir" "$port" "$bin" >"$state.tmp"
      mv "$state.tmp" "$state"
      FIXTURE_NATIVE_DB_PORT="$port"
      echo "db.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running in $dir on 127.0.0.1:$port" >&2
      url; return 0
    fi
  done
  cat "$dir/data/server.log" >&2 || true
  rm -rf "$dir"
  die "the server did not start (log above)"
}

cmd_stop() {
  if ! load_state; then echo "db.sh: no cluster recorded" >&2; return 0; fi
  if [[ -d "$FIXTURE_NATIVE_DB_DIR/data" ]]; then
    as_owner "$FIXTURE_NATIVE_DB_BIN/pg_ctl" -D "$FIXTURE_NATIVE_DB_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  case "$FIXTURE_NATIVE_DB_DIR" in
    */fixture-native-db.*) rm -rf "$FIXTURE_NATIVE_DB_DIR" ;;
    *) die "refusing to delete $FIXTURE_NATIVE_DB_DIR (not a folder this script made)" ;;
  esac
  rm -f "$state"
  echo "db.sh: stopped" >&2
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  url) running || { echo "db.sh: no cluster runs; start one with scripts/db.sh start" >&2; exit 1; }; url ;;
  env) running || { echo "db.sh: no cluster runs; start one with scripts/db.sh start" >&2; exit 1; }; echo "export DATABASE_URL=$(url)" ;;
  status) if running; then echo "running: $(url) ($FIXTURE_NATIVE_DB_DIR)"; else echo "not running"; exit 1; fi ;;
  install) cmd_install ;;
  -h|--help|help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
