#!/usr/bin/env bash
# A MariaDB server that accepts only TLS connections, on 127.0.0.1:${TLS_DB_PORT:-13316}, with a throw-away
# certificate authority, for the test of AUTH_DB_TLS. Never touches the machine's MariaDB on 3306.
#
#   .ci/mariadb-tls.sh start   prints TLS_DB_PORT=..., TLS_DB_USER=..., TLS_DB_PASSWORD=..., TLS_DB_CA=<CA PEM file>
#   .ci/mariadb-tls.sh stop
#
# The server's certificate names localhost and 127.0.0.1, so verify-full holds for those and fails for any
# other name; a second CA that signed nothing lets a test show that verification really happens.
set -euo pipefail

DIR=${TLS_DB_DIR:-/tmp/sentinel-mariadb-tls}
PORT=${TLS_DB_PORT:-13316}
log() { echo "mariadb-tls: $*" >&2; }

stop() {
  if [ -f "$DIR/mysqld.pid" ]; then
    kill "$(cat "$DIR/mysqld.pid")" 2>/dev/null || true
    for _ in $(seq 1 60); do [ -f "$DIR/mysqld.pid" ] || break; sleep 0.25; done
  fi
}

certificates() {
  local c=$DIR/certs
  mkdir -p "$c"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=sentinel test CA" \
    -keyout "$c/ca-key.pem" -out "$c/ca.pem" 2>/dev/null
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=sentinel other CA" \
    -keyout "$c/other-ca-key.pem" -out "$c/other-ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$c/server-key.pem" -out "$c/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$c/san.ext"
  openssl x509 -req -in "$c/server.csr" -CA "$c/ca.pem" -CAkey "$c/ca-key.pem" -CAcreateserial -days 2 \
    -extfile "$c/san.ext" -out "$c/server-cert.pem" 2>/dev/null
}

start() {
  [ -x /usr/sbin/mariadbd ] || { log "MariaDB is not installed (.ci/mariadb-up.sh installs it)"; exit 1; }
  stop
  rm -rf "$DIR"
  mkdir -p "$DIR/data"
  certificates
  cat >"$DIR/my.cnf" <<CNF
[mysqld]
user=mysql
datadir=$DIR/data
socket=$DIR/mysqld.sock
pid-file=$DIR/mysqld.pid
log-error=$DIR/error.log
port=$PORT
bind-address=127.0.0.1
skip-name-resolve
innodb_buffer_pool_size=32M
ssl_ca=$DIR/certs/ca.pem
ssl_cert=$DIR/certs/server-cert.pem
ssl_key=$DIR/certs/server-key.pem
require_secure_transport=ON
CNF
  chown -R mysql:mysql "$DIR"
  chmod 755 "$DIR" "$DIR/certs"
  chmod 644 "$DIR"/certs/*.pem
  mariadb-install-db --defaults-file="$DIR/my.cnf" --skip-test-db --auth-root-authentication-method=socket >/dev/null 2>&1
  setsid /usr/sbin/mariadbd --defaults-file="$DIR/my.cnf" </dev/null >>"$DIR/console.log" 2>&1 &
  for _ in $(seq 1 120); do
    mariadb --no-defaults -uroot -S "$DIR/mysqld.sock" -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.25
  done
  local password
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
  mariadb --no-defaults -uroot -S "$DIR/mysqld.sock" <<SQL
CREATE USER 'sentinel'@'%' IDENTIFIED BY '${password}' REQUIRE SSL;
GRANT ALL PRIVILEGES ON *.* TO 'sentinel'@'%';
SQL
  log "TLS-only MariaDB on 127.0.0.1:$PORT"
  echo "TLS_DB_PORT=$PORT"
  echo "TLS_DB_USER=sentinel"
  echo "TLS_DB_PASSWORD=$password"
  echo "TLS_DB_CA=$DIR/certs/ca.pem"
  echo "TLS_DB_OTHER_CA=$DIR/certs/other-ca.pem"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
