#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the central-store tests (issue 18, README "A central
# store for many desks"): initdb in a temporary folder as an unprivileged user (CI runs as root:
# the cluster runs as `nobody`), a free port, fsync on, TLS with a CA made here by openssl.
#   pg_cluster.sh start STATE_DIR   writes STATE_DIR/env (PGBIN, PGDATA, PGHOST, PGPORT, CA, ...)
#   pg_cluster.sh stop STATE_DIR    stops the cluster and removes its folder
#   pg_cluster.sh kill STATE_DIR    SIGKILLs the postmaster (fault tests), then `start-again`
#   pg_cluster.sh start-again STATE_DIR
set -euo pipefail
cmd="$1"
state="$2"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
    mkdir -p "$state"
    if [ -f "$state/env" ]; then "$0" stop "$state" || true; fi
    dir="$(mktemp -d /tmp/trainer-pg.XXXXXX)"
    chmod 755 "$dir"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    # TLS: a CA, a server certificate for "localhost" only (so 127.0.0.1 does not match), and a
    # second CA that signed nothing here (a certificate that is not trusted).
    (
        cd "$dir"
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=trainer test CA" \
            -keyout ca.key -out ca.crt 2>/dev/null
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=another CA" \
            -keyout other-ca.key -out other-ca.crt 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
        printf 'subjectAltName=DNS:localhost\n' > san.ext
        openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
            -extfile san.ext -out server.crt 2>/dev/null
        chmod 644 ca.crt other-ca.crt
    )
    mkdir "$dir/data"
    chown -R nobody "$dir" 2>/dev/null || true
    chmod 600 "$dir/server.key"
    as_owner "$PGBIN/initdb" -D "$dir/data" -U trainer_admin --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = 'localhost'
port = $port
unix_socket_directories = '$dir'
fsync = on
ssl = on
ssl_cert_file = '$dir/server.crt'
ssl_key_file = '$dir/server.key'
max_connections = 200
lc_messages = 'C'
CONF
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
    cat >"$state/env" <<ENV
PGBIN=$PGBIN
PGDIR=$dir
PGDATA=$dir/data
PGHOST=$dir
PGPORT=$port
PGUSER=trainer_admin
CA=$dir/ca.crt
OTHER_CA=$dir/other-ca.crt
ENV
    echo "PostgreSQL test cluster on port $port in $dir"
    ;;
kill)
    # shellcheck disable=SC1091
    source "$state/env"
    # The whole server at once, as a power cut would: the postmaster and its own children.
    pm="$(head -1 "$PGDATA/postmaster.pid")"
    children="$(ps -o pid= --ppid "$pm" || true)"
    # shellcheck disable=SC2086
    kill -9 "$pm" $children 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pm" 2>/dev/null || break; sleep 0.1; done
    ;;
start-again)
    # shellcheck disable=SC1091
    source "$state/env"
    # Crash recovery replays the WAL; a start may be refused while old shared memory lingers.
    for _ in $(seq 30); do
        as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDIR/server.log" -w start >/dev/null 2>&1 && exit 0
        sleep 0.5
    done
    echo "PostgreSQL did not start again; see $PGDIR/server.log" >&2
    exit 1
    ;;
stop)
    [ -f "$state/env" ] || exit 0
    # shellcheck disable=SC1091
    source "$state/env"
    as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true
    case "$PGDIR" in /tmp/trainer-pg.*) rm -rf "$PGDIR" ;; esac
    rm -f "$state/env"
    ;;
*)
    echo "usage: $0 start|stop|kill|start-again STATE_DIR" >&2
    exit 2
    ;;
esac
