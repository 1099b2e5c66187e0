#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store tests, on a unix socket in a temporary folder.
#   scripts/pg_test_cluster.sh start   -> prints the folder, then the SQLAlchemy URL (two lines)
#   scripts/pg_test_cluster.sh stop DIR
# Installs Debian's postgresql with apt-get when no server binaries are found (as root, or sudo).
# No TCP port is opened (listen_addresses=''), so two runs never collide; trust auth is safe
# because the socket's folder is private to the cluster's owner.
set -euo pipefail

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_owner() {  # run a command as the cluster's owner: postgres when we are root, else ourselves
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
      $SUDO apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
    fi
    BIN="$(pg_bin)"
    DIR="$(mktemp -d /tmp/cor-ready-pg.XXXXXX)"
    chmod 700 "$DIR"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$DIR"
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
      -o "-c listen_addresses='' -c unix_socket_directories='$DIR' -c fsync=off -c full_page_writes=off" \
      start >/dev/null
    echo "$DIR"
    echo "postgresql+psycopg://postgres@/postgres?host=$DIR"
    ;;
  stop)
    DIR="${2:?usage: $0 stop DIR}"
    case "$DIR" in /tmp/cor-ready-pg.*) ;; *) echo "refusing to remove $DIR" >&2; exit 2 ;; esac
    BIN="$(pg_bin)"
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
